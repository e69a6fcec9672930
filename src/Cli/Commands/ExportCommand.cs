using System.CommandLine;
using Jixiao.Cli.ConsoleOutput;
using Jixiao.Cli.Export;
using Jixiao.Store;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao export --format csv|jsonl|xlsx|parquet --out FILE|DIR [--what indicators|budget|all]`: one row per fact.</summary>
internal static class ExportCommand
{
    public static Command Build()
    {
        var format = new Option<string>("--format") { Description = "csv (UTF-8 with BOM), jsonl, xlsx, or parquet (a folder of one file per fact kind)", Required = true };
        format.AcceptOnlyFromAmong("csv", "jsonl", "xlsx", "parquet");
        var output = new Option<string>("--out") { Description = "File to write (parquet: folder)", Required = true };
        var what = new Option<string>("--what") { Description = "indicators, budget or all", DefaultValueFactory = _ => "all" };
        what.AcceptOnlyFromAmong("indicators", "budget", "all");
        var cmd = new Command("export", "Export every indicator and budget fact, one row per fact") { format, output, what };
        cmd.SetAction(pr =>
        {
            using var archive = ArchiveOpener.OpenForReading(pr);
            if (archive is null) return 1;
            var kinds = pr.GetValue(what) switch { "indicators" => FactKinds.Indicators, "budget" => FactKinds.Budget, _ => FactKinds.All };
            var path = Path.GetFullPath(pr.GetValue(output)!);
            if (pr.GetValue(format) == "parquet") return WriteParquet(archive, path, kinds);
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

    static int WriteParquet(IArchiveReader archive, string dir, FactKinds kinds)
    {
        try
        {
            foreach (var (name, rows) in ParquetExport.Write(archive, dir, kinds))
                Console.Error.WriteLine($"{rows} row(s) written to {Path.Combine(dir, name + ".parquet")}");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"jixiao export: cannot write {dir}: {e.Message}");
            return 1;
        }
    }
}
