using System.CommandLine;
using Jixiao.Cli.ConsoleOutput;
using Jixiao.Extract;
using Jixiao.Ingest;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao extract FILE… [--json]`: read and extract without touching the archive.</summary>
internal static class ExtractCommand
{
    public static Command Build()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Files to extract" };
        var json = new Option<bool>("--json") { Description = "Print the canonical JSON of the spec" };
        var cmd = new Command("extract", "Extract the 绩效表 forms of files and print them") { files, json };
        cmd.SetAction(pr =>
        {
            int failed = 0;
            var paths = pr.GetValue(files)!;
            foreach (var path in paths)
            {
                var read = DocumentReader.Read(path);
                Bench.PhaseClock.Mark("read");
                if (!read.Ok)
                {
                    Console.Error.WriteLine(TerminalText.Safe(read.Error!.ToString()));
                    failed++;
                    continue;
                }
                var doc = Extractor.Extract(read.Document!);
                Bench.PhaseClock.Mark("extract");
                if (pr.GetValue(json)) Console.WriteLine(CanonicalJson.Serialize(doc));
                else WriteSummary(Console.Out, doc);
                Bench.PhaseClock.Mark("write");
            }
            return failed > 0 ? 1 : 0;
        });
        return cmd;
    }

    /// <summary>What a person checks first: one row per form (kind, year, owner) with its counts, as `show` lists them.</summary>
    internal static void WriteSummary(TextWriter o, ExtractedDocument doc)
    {
        int flagged = doc.Forms.Sum(f => f.Indicators.Count(i => i.Review));
        o.WriteLine($"{TerminalText.Safe(doc.File)} ({doc.Format}): {doc.Forms.Count} form(s), {doc.Forms.Sum(f => f.Indicators.Count)} indicator(s)" +
                    (flagged > 0 ? $", {flagged} value(s) to review" : ""));
        if (doc.Forms.Count == 0) return;
        var t = new TablePrinter("#", "kind", "year", "department", "project", "indicators", "budget", "review") { MaxWidth = 30 };
        int n = 0;
        foreach (var f in doc.Forms)
            t.Add((++n).ToString(), f.Kind, f.Year?.ToString(), f.Department, f.Project, f.Indicators.Count.ToString(), f.Budget.Count.ToString(),
                  f.NeedsReview ? "form" : f.Indicators.Any(i => i.Review) ? "values" : "");
        t.Write(o);
        o.WriteLine();
    }
}
