using Jixiao.Training;
using System.CommandLine;
using System.Diagnostics;
using Jixiao.Extract;

namespace Jixiao.Cli.Commands;

/// <summary>
/// `jixiao train [DIR…] [--out DIR]`: builds the cell-role and form-kind models from every gold file under
/// the folders (default corpus/) and writes them where the extractor embeds them (src/Extract/Roles/Model).
/// Deterministic: the same gold gives byte-identical predictions.
/// </summary>
internal static class TrainCommand
{
    public const string DefaultOut = "src/Extract/Roles/Model";

    public static Command Build()
    {
        var dirs = new Argument<string[]>("dirs") { Arity = ArgumentArity.ZeroOrMore, Description = "Folders searched recursively for *.gold.json (default: corpus)" };
        var output = new Option<string>("--out") { Description = "Model folder", DefaultValueFactory = _ => DefaultOut };
        var labels = new Option<string?>("--labels") { Description = "Also write every labelled cell (stem, table, row, col, role, text) to this TSV, to check the labels by eye" };
        var cmd = new Command("train", "Train the cell-role and form-kind models from the gold files") { dirs, output, labels };
        cmd.SetAction(pr =>
        {
            var folders = pr.GetValue(dirs) is { Length: > 0 } d ? d : new[] { "corpus" };
            foreach (var f in folders)
                if (!Directory.Exists(f)) { Console.Error.WriteLine($"jixiao train: no folder {f}"); return 2; }
            return Run(folders, pr.GetValue(output)!, pr.GetValue(labels));
        });
        return cmd;
    }

    static int Run(string[] dirs, string outDir, string? labelsPath)
    {
        var clock = Stopwatch.StartNew();
        var corpus = TrainCorpus.Load(dirs);
        var read = clock.Elapsed;
        if (corpus.Entries.Count == 0) { Console.Error.WriteLine("jixiao train: no readable gold documents"); return 1; }
        if (labelsPath is not null) WriteLabels(corpus, labelsPath);
        var models = RoleTrainer.Train(corpus.Entries.Select(e => e.Training).ToList());
        models.Save(outDir);
        var cells = corpus.Entries.Sum(e => e.Training.CellLabels.Count);
        var forms = corpus.Entries.Sum(e => e.Training.FormLabels.Count) / 2;
        Console.WriteLine($"trained on {corpus.Entries.Count} gold documents ({cells} cells, {forms} forms, {corpus.Entries.Select(e => e.Family).Distinct().Count()} template families)");
        foreach (var s in corpus.Skipped) Console.WriteLine($"skipped {s}: source not readable");
        // Training itself does not use the families, so an unlisted document is trained on; but the same rule as
        // `eval --cv` names it, so the family count above is not taken for the honest one LOTO would use.
        foreach (var p in TemplateFamilies.Load(dirs).Problems(corpus.Entries.Select(e => e.Stem)))
            Console.WriteLine($"family: {p} (eval --cv refuses to run until templates.tsv lists it)");
        foreach (var file in new[] { RoleModels.RolesFile, RoleModels.KindsFile })
            Console.WriteLine($"{Path.Combine(outDir, file)}  {new FileInfo(Path.Combine(outDir, file)).Length / 1024.0:0.0} KiB");
        Console.WriteLine($"time {clock.Elapsed.TotalSeconds:0.0} s (reading documents {read.TotalSeconds:0.0} s, training {(clock.Elapsed - read).TotalSeconds:0.0} s)");
        return 0;
    }

    static void WriteLabels(TrainCorpus corpus, string path)
    {
        using var w = new StreamWriter(path);
        w.WriteLine("stem\ttable\trow\tcol\trole\ttext");
        foreach (var e in corpus.Entries)
            foreach (var c in RoleLabeler.Label(LineStream.From(e.Source), e.Gold))
                w.WriteLine($"{e.Stem}\t{c.Table.Ordinal}\t{c.Row}\t{c.Cell.Col}\t{c.Role}\t{c.Cell.Raw.Replace('\n', ' ').Replace('\t', ' ')}");
    }
}
