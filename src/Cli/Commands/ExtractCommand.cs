using System.CommandLine;
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
                    Console.Error.WriteLine(read.Error);
                    failed++;
                    continue;
                }
                var doc = Extractor.Extract(read.Document!);
                Bench.PhaseClock.Mark("extract");
                if (pr.GetValue(json)) Console.WriteLine(CanonicalJson.Serialize(doc));
                else Console.WriteLine($"{doc.File}: {doc.Forms.Count} forms, {doc.Forms.Sum(f => f.Indicators.Count)} indicators");
                Bench.PhaseClock.Mark("write");
            }
            return failed > 0 ? 1 : 0;
        });
        return cmd;
    }
}
