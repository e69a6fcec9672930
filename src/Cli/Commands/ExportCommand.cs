using System.CommandLine;
using Jixiao.Cli.ConsoleOutput;
using Jixiao.Cli.Export;
using Jixiao.Store;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao export --format csv|jsonl|xlsx --out FILE [--what indicators|budget|all]`: one row per fact.</summary>
internal static class ExportCommand
{
    public static Command Build()
    {
        var format = new Option<string>("--format") { Description = "csv (UTF-8 with BOM), jsonl or xlsx", Required = true };
        format.AcceptOnlyFromAmong("csv", "jsonl", "xlsx");
        var output = new Option<string>("--out") { Description = "File to write", Required = true };
        var what = new Option<string>("--what") { Description = "indicators, budget or all", DefaultValueFactory = _ => "all" };
        what.AcceptOnlyFromAmong("indicators", "budget", "all");
        var cmd = new Command("export", "Export every indicator and budget fact, one row per fact") { format, output, what };
        cmd.SetAction(pr =>
        {
            using var archive = ArchiveOpener.OpenForReading(pr);
            if (archive is null) return 1;
            var kinds = pr.GetValue(what) switch { "indicators" => FactKinds.Indicators, "budget" => FactKinds.Budget, _ => FactKinds.All };
            var path = Path.GetFullPath(pr.GetValue(output)!);
            var dir = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            // Written beside the target and moved at the end: a failed export never leaves half a file under the name.
            var temp = path + ".part";
            int rows;
            try
            {
                var facts = archive.Facts(kinds);
                if (pr.GetValue(format) == "xlsx") rows = XlsxExport.Write(temp, facts);
                else
                {
                    using var s = File.Create(temp);
                    rows = pr.GetValue(format) == "csv" ? CsvExport.Write(s, facts) : JsonlExport.Write(s, facts);
                }
                File.Move(temp, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"jixiao export: cannot write {path}: {e.Message}");
                try { File.Delete(temp); } catch (IOException) { }
                return 1;
            }
            Console.Error.WriteLine($"{rows} row(s) written to {path}");
            return 0;
        });
        return cmd;
    }
}
