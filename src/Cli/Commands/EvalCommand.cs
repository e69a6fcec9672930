using System.CommandLine;
using System.Text.Json.Nodes;
using Jixiao.Extract;
using Jixiao.Training.Scoring;
using Jixiao.Ingest;

namespace Jixiao.Cli.Commands;

/// <summary>
/// `jixiao eval DIR…`: extracts every document that has a `*.gold.json` beside it and scores it the way
/// tools/score.py does — per document, per format, per section, overall.
/// </summary>
internal static class EvalCommand
{
    public static Command Build()
    {
        var dirs = new Argument<string[]>("dirs") { Arity = ArgumentArity.OneOrMore, Description = "Folders searched recursively for *.gold.json" };
        var misses = new Option<bool>("--misses") { Description = "List missing and extra facts" };
        var outDir = new Option<string?>("--out") { Description = "Also write each prediction as OUT/<stem>.json" };
        var cv = new Option<bool>("--cv") { Description = "Leave-one-template-out: per family, train the models without it and score it (rules-only and in-sample in the same run)" };
        var cmd = new Command("eval", "Score extraction against gold files (same numbers as tools/score.py)") { dirs, misses, outDir, cv };
        cmd.SetAction(pr => pr.GetValue(cv) ? EvalCrossValidation.Run(pr.GetValue(dirs)!, Console.Out) : Run(pr.GetValue(dirs)!, pr.GetValue(misses), pr.GetValue(outDir)));
        return cmd;
    }

    public sealed record DocResult(string Name, string Format, Dictionary<string, Counts> Sections, string? Error);

    public static List<DocResult> Evaluate(IEnumerable<string> dirs, List<string>? missList, string? outDir)
    {
        var pairs = dirs.SelectMany(d => Directory.EnumerateFiles(d, "*.gold.json", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(g => (Gold: g, Doc: FindDocument(g)))
            .ToList();
        if (outDir is not null) Directory.CreateDirectory(outDir);
        var results = new DocResult[pairs.Count];
        var localMisses = new List<string>[pairs.Count];
        Parallel.For(0, pairs.Count, i =>
        {
            var (goldPath, docPath) = pairs[i];
            var stem = Path.GetFileName(goldPath)[..^".gold.json".Length];
            var gold = JsonNode.Parse(File.ReadAllText(goldPath))!;
            JsonNode pred = new JsonObject { ["forms"] = new JsonArray() };
            string format = "missing";
            string? error = null;
            if (docPath is null) error = "no document beside the gold file";
            else
            {
                var read = DocumentReader.Read(docPath);
                format = read.Format;
                if (read.Ok)
                {
                    var json = CanonicalJson.Serialize(Extractor.Extract(read.Document!));
                    pred = JsonNode.Parse(json)!;
                    if (outDir is not null) File.WriteAllText(Path.Combine(outDir, stem + ".json"), json);
                }
                else error = read.Error!.ToString();
            }
            localMisses[i] = new List<string>();
            results[i] = new DocResult(stem, format, Scorer.Compare(gold, pred, missList is null ? null : localMisses[i], stem), error);
        });
        if (missList is not null) foreach (var m in localMisses) missList.AddRange(m);
        return results.ToList();
    }

    static int Run(string[] dirs, bool showMisses, string? outDir)
    {
        var missList = showMisses ? new List<string>() : null;
        var results = Evaluate(dirs, missList, outDir);
        var total = FactSet.Sections.ToDictionary(s => s, _ => new Counts());
        foreach (var r in results)
        {
            foreach (var (s, c) in r.Sections) total[s].Add(c);
            var f = R4(Scorer.Strict(r.Sections).Prf().F1);
            Console.WriteLine($"{Figure(f)}  {r.Name}  [{r.Format}]{(r.Error is null ? "" : "  " + r.Error)}");
        }
        Console.WriteLine();
        foreach (var group in results.GroupBy(r => r.Format).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var c = new Counts();
            foreach (var r in group) c.Add(Scorer.Strict(r.Sections));
            var (p, rr, f) = R4(c.Prf());
            Console.WriteLine($"format {group.Key,-8} docs={group.Count(),-3} P={Figure(p)} R={Figure(rr)} F1={Figure(f)}");
        }
        Console.WriteLine();
        foreach (var s in FactSet.Sections)
        {
            var (p, r, f) = R4(total[s].Prf());
            Console.WriteLine($"{s,-11} P={Figure(p)} R={Figure(r)} F1={Figure(f)}");
        }
        var strict = new Counts();
        foreach (var s in FactSet.Sections.Where(s => s != "relaxed")) strict.Add(total[s]);
        var (op, or, of) = R4(strict.Prf());
        Console.WriteLine($"{"overall",-11} P={Figure(op)} R={Figure(or)} F1={Figure(of)}");
        if (missList is not null) foreach (var m in missList) Console.WriteLine(m);
        return 0;
    }

    /// <summary>
    /// A score as score.py prints it: rounded to 4 digits, then printed with 3 from the double's exact value ("F3",
    /// as Python's format does). A custom "0.000" format rounds 15 significant digits first, so 0.7755 (stored as
    /// 0.77549999…) printed 0.776 where score.py prints 0.775.
    /// </summary>
    internal static string Figure(double rounded) => rounded.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>score.py rounds to 4 digits before printing 3; doing the same keeps the printed figures identical.</summary>
    static double R4(double x) => Math.Round(x, 4, MidpointRounding.ToEven);

    static (double, double, double) R4((double P, double R, double F1) t) => (R4(t.P), R4(t.R), R4(t.F1));

    /// <summary>The document a gold file describes: same stem, any other extension (not LibreOffice's .lo.docx twin).</summary>
    internal static string? FindDocument(string goldPath)
    {
        var dir = Path.GetDirectoryName(goldPath)!;
        var stem = Path.GetFileName(goldPath)[..^".gold.json".Length];
        return Directory.EnumerateFiles(dir, stem + ".*")
            .Where(f => !f.EndsWith(".gold.json", StringComparison.Ordinal) && !f.EndsWith(".lo.docx", StringComparison.Ordinal) && !f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).FirstOrDefault();
    }
}
