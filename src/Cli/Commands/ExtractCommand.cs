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
            var paths = pr.GetValue(files)!;
            bool asJson = pr.GetValue(json);
            if (paths.Length == 1 || Environment.ProcessorCount == 1)
            {
                // One file: no threads to start (a one-file `extract` is the start-up figure).
                int failed = 0;
                foreach (var path in paths)
                {
                    var one = ExtractOne(path, asJson, timed: true);
                    one.WriteTo(Console.Out, Console.Error);
                    if (one.Failed) failed++;
                }
                return failed > 0 ? 1 : 0;
            }
            // Many files: read and extracted on every core, printed in the order given (a .doc folder is most
            // of a second of CPU: on one core it waited for itself). Larger files are started first (the file's
            // length as the measure of its work): the run ends on small files read side by side, not on one large
            // PDF read by one core while the other idles.
            int failures = 0;
            OrderedParallel.Run(paths, Environment.ProcessorCount, path => ExtractOne(path, asJson, timed: false), one =>
            {
                one.WriteTo(Console.Out, Console.Error);
                if (one.Failed) failures++;
            }, size: LengthOf);
            Bench.PhaseClock.Mark("files");
            return failures > 0 ? 1 : 0;
        });
        return cmd;
    }

    /// <summary>A file's length in bytes; 0 for one that cannot be looked at (its read reports why).</summary>
    static long LengthOf(string path)
    {
        try { return RawName.Stat(path)?.Length ?? 0; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { return 0; }
    }

    /// <summary>One file's printed result: its JSON or summary, or the read error line (stderr).</summary>
    sealed record FileOutput(string? Out, string? Error)
    {
        public bool Failed => Error is not null;

        public void WriteTo(TextWriter stdout, TextWriter stderr)
        {
            if (Error is not null) stderr.WriteLine(Error);
            else stdout.Write(Out);
        }
    }

    /// <param name="timed">JIXIAO_TIMINGS phases per file: only when files are read one after another.</param>
    static FileOutput ExtractOne(string path, bool json, bool timed)
    {
        var read = DocumentReader.Read(path);
        if (timed) Bench.PhaseClock.Mark("read");
        if (!read.Ok) return new FileOutput(null, TerminalText.Safe(read.Error!.ToString()));
        var doc = Extractor.Extract(read.Document!);
        if (timed) Bench.PhaseClock.Mark("extract");
        var o = new StringWriter { NewLine = Console.Out.NewLine };
        if (json) o.WriteLine(CanonicalJson.Serialize(doc));
        else WriteSummary(o, doc);
        if (timed) Bench.PhaseClock.Mark("write");
        return new FileOutput(o.ToString(), null);
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
