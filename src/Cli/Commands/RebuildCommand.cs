using System.CommandLine;
using Jixiao.Cli.ConsoleOutput;
using Jixiao.Cli.Import;
using Jixiao.Store;

namespace Jixiao.Cli.Commands;

/// <summary>
/// `jixiao rebuild`: re-creates the archive from its sources. The sources are the truth and the archive is
/// derived from them: the import log (and the document list) name every file and zip archive imported; they
/// are salvaged from the damaged archive record by record (<see cref="SourceList"/>), or, when none can be, taken
/// from the import roots listed beside it (<see cref="SourceRoots"/>); the damaged file is
/// kept beside it as ARCHIVE.damaged-TIME, and a fresh archive is imported from the sources still on disk.
/// </summary>
internal static class RebuildCommand
{
    public static Command Build()
    {
        var workers = new Option<int>("--workers") { Description = "Parallel readers (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cmd = new Command("rebuild", "Re-create a damaged archive from its sources (the files its import log names)") { workers };
        cmd.SetAction(pr =>
        {
            var db = Path.GetFullPath(pr.GetValue(GlobalOptions.Db) ?? Archive.DefaultPath);
            if (!File.Exists(db))
            {
                Console.Error.WriteLine($"jixiao: no archive at {db}");
                return 1;
            }
            var salvage = SourceList.From(db);
            foreach (var p in salvage.Problems) Console.Out.WriteLine("damaged: " + p);
            var sources = salvage.Files;
            if (sources.Count == 0 && SourceRoots.Read(db) is { Count: > 0 } roots)
            {
                // The archive's own list went with its damaged pages; the roots recorded beside it at import remain.
                Console.Out.WriteLine($"the archive names no source; using the {roots.Count} import root(s) listed in {SourceRoots.PathFor(db)}");
                sources = roots;
            }
            if (sources.Count == 0)
            {
                Console.Error.WriteLine($"jixiao: no source can be read from {db}; import the source folders again into a new archive");
                return 1;
            }
            var kept = $"{db}.damaged-{DateTime.UtcNow:yyyyMMddHHmmss}";
            File.Move(db, kept);
            var log = Path.Combine(Path.GetDirectoryName(db)!, Path.GetFileNameWithoutExtension(db) + "-log" + Path.GetExtension(db));
            if (File.Exists(log)) File.Move(log, kept + "-log");
            var walk = FileWalker.Expand(sources);
            using var archive = ArchiveOpener.OpenForWriting(db);
            if (archive is null) return 1;
            var summary = new Importer(archive, new Importer.Options { Workers = Math.Max(1, pr.GetValue(workers)) }).Run(walk.Files);
            Console.Out.WriteLine($"rebuilt {db} from {walk.Files.Count} source file(s): {summary.Imported} imported, {summary.Duplicates} duplicates, " +
                                  $"{summary.NoForms.Count} without forms, {summary.Failed.Count} failed; forms {summary.Forms}, indicators {summary.Indicators}");
            foreach (var m in walk.Missing) Console.Out.WriteLine($"  {m}: no longer on disk, not in the rebuilt archive");
            Console.Out.WriteLine($"the damaged archive is kept as {kept}");
            return summary.AnyFailed || walk.Missing.Count > 0 ? 1 : 0;
        });
        return cmd;
    }
}
