using System.CommandLine;
using Jixiao.Cli.ConsoleOutput;
using Jixiao.Cli.Import;
using Jixiao.Ingest;
using Jixiao.Store;
using Jixiao.Store.Postgres;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao import PATH… [--dry-run] [--workers N] [--timeout S] [--max-mb M] [--max-memory-mb M] [--batch N]`: read, extract and store files and folders.</summary>
internal static class ImportCommand
{
    public static Command Build()
    {
        var inputs = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files or folders (folders recursively; .zip archives opened, nested too; *.json skipped)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be imported (new, changed, unchanged) without writing" };
        var workers = new Option<int>("--workers") { Description = "Parallel readers (all cores unless given)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var force = new Option<bool>("--force") { Description = "Re-read and rewrite unchanged files too (after an extractor upgrade)" };
        var retry = new Option<bool>("--retry-failed") { Description = "Re-read unchanged files that failed or gave no form last time" };
        var timeout = new Option<int>("--timeout") { Description = "Per-file time limit in seconds (a file taking longer is logged as failed; scanned books need minutes of OCR)", DefaultValueFactory = _ => 300 };
        var maxMb = new Option<int>("--max-mb") { Description = "Per-file size limit in MB (larger files are refused, logged as failed)", DefaultValueFactory = _ => 512 };
        var maxMemory = new Option<int>("--max-memory-mb") { Description = "Per-file memory limit in MB (a parse holding more is stopped, logged as failed; 0: none)", DefaultValueFactory = _ => 1024 };
        var batch = new Option<int>("--batch") { Description = "Files per transaction (smaller batches redo less after a crash, larger ones import faster)", DefaultValueFactory = _ => 250 };
        var listNoForms = new Option<bool>("--list-no-forms") { Description = "List each file that holds no 绩效表 form (otherwise only counted)" };
        var shard = new Option<string?>("--shard") { Description = "Import only share K of N (K/N, 0-based; K may be `auto`: taken from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID). Also automatic in a Slurm array job" };
        var lease = new Option<int>("--lease") { Description = "PostgreSQL archive: seconds a claimed file stays with this importer without a renewal (then others take it over)", DefaultValueFactory = _ => 60 };
        var cmd = new Command("import", "Import 绩效表 files into the archive (idempotent: unchanged files are skipped; against PostgreSQL many importers share the files).\n" + ExitCodes.Help) { inputs, dryRun, workers, force, retry, timeout, maxMb, maxMemory, batch, listNoForms, shard, lease };
        cmd.SetAction(pr =>
        {
            var walk = FileWalker.Expand(pr.GetValue(inputs)!);
            Bench.PhaseClock.Mark("walk");
            var db = pr.GetValue(GlobalOptions.Db) ?? Archive.DefaultPath;
            if (!Shard.TryResolve(pr.GetValue(shard), Environment.GetEnvironmentVariable, out var share, out var shardError))
            {
                Console.Error.WriteLine("jixiao: --shard: " + shardError);
                return 2;
            }
            if (share is not null) walk = walk with { Files = walk.Files.Where(share.Owns).ToList() };
            if (pr.GetValue(lease) < 1)
            {
                Console.Error.WriteLine("jixiao: --lease must be at least 1 second");
                return 2;
            }
            if (pr.GetValue(timeout) < 1 || pr.GetValue(maxMb) < 1 || pr.GetValue(maxMemory) < 0 || pr.GetValue(batch) < 1 || pr.GetValue(workers) < 1)
            {
                Console.Error.WriteLine("jixiao import: --timeout, --max-mb, --workers and --batch must be at least 1, --max-memory-mb at least 0");
                return ExitCodes.Usage;
            }
            if (walk.Missing.Count > 0)
            {
                // Before anything is created: a mistyped path must not leave an empty archive behind.
                foreach (var m in walk.Missing) Console.Error.WriteLine($"jixiao import: no such file or folder: {TerminalText.Safe(Path.GetFullPath(m))}");
                return ExitCodes.Usage;
            }
            var read = new DocumentReader.Options
            {
                Timeout = TimeSpan.FromSeconds(pr.GetValue(timeout)),
                MaxBytes = pr.GetValue(maxMb) * 1024L * 1024,
                MaxMemoryBytes = pr.GetValue(maxMemory) * 1024L * 1024,
            };
            if (!pr.GetValue(dryRun) && !ArchiveOpener.IsShared(db)) SourceRoots.Add(Path.GetFullPath(db), pr.GetValue(inputs)!);
            return pr.GetValue(dryRun) ? DryRun(walk, db) : Run(walk, db, pr.GetValue(workers),
                pr.GetValue(force) ? ReimportPolicy.All : pr.GetValue(retry) ? ReimportPolicy.RetryFailed : ReimportPolicy.ChangedOnly, read, pr.GetValue(batch), pr.GetValue(listNoForms),
                TimeSpan.FromSeconds(pr.GetValue(lease)));
        });
        return cmd;
    }

    static int Run(FileWalker.Walk walk, string db, int workers, ReimportPolicy policy, DocumentReader.Options read, int batchSize, bool listNoForms, TimeSpan lease)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // First Ctrl+C: stop reading, keep what is written (each batch is one transaction), print the
            // summary, exit 130; a re-run resumes. A second Ctrl+C ends the process at once.
            if (cancel.IsCancellationRequested) return;
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            using var archive = ArchiveOpener.OpenForWriting(db);
            if (archive is null) return ExitCodes.Failed;
            Bench.PhaseClock.Mark("open");
            using var progress = new ProgressLine(SourceItem.Estimate(walk.Files)).Start();
            // PostgreSQL: the files are divided with every other importer of the same archive through its claims.
            using var claims = archive is PgArchive pg
                ? new ClaimedFiles(pg.Claims(lease), walk.Files, policy == ReimportPolicy.ChangedOnly ? null : DateTime.UtcNow, m => Console.Error.WriteLine("jixiao: " + m))
                : null;
            var importer = new Importer(archive, new Importer.Options
            {
                Workers = Math.Max(1, workers), Policy = policy, Read = read, BatchSize = batchSize, Started = progress.Reading, Claims = claims,
            });
            var summary = importer.Run(walk.Files, s => progress.Update(s.Seen, s.Failed.Count), cancel.Token);
            progress.Finish();
            Bench.PhaseClock.Mark("import");
            Bench.PhaseClock.Note(summary.Stages.Describe(summary.Elapsed));
            var counts = archive.Counts();
            Bench.PhaseClock.Mark("counts");
            ImportReport.Write(Console.Out, summary, archive.Location, counts, listNoForms);
            return summary.Cancelled ? ExitCodes.Interrupted : summary.AnyFailed ? ExitCodes.Failed : ExitCodes.Ok;
        }
        catch (Exception e) when (ArchiveWriteException.From(e) is { } medium)
        {
            // Disk full or read-only: the real cause in one line. Committed batches stay; a re-run resumes.
            Console.Error.WriteLine($"jixiao: import stopped: {medium.Message}");
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    static int DryRun(FileWalker.Walk walk, string db)
    {
        bool exists = File.Exists(db) || ArchiveOpener.IsShared(db);
        using var archive = exists ? ArchiveOpener.OpenExisting(db) : null;
        if (archive is null && exists) return 1;
        var known = archive?.KnownFiles() ?? new Dictionary<string, KnownFile>();
        int news = 0, changed = 0, same = 0, refused = 0;
        foreach (var item in SourceItem.Expand(walk.Files, ZipLimits.Default))
        {
            var f = item.Path;
            string state;
            string? hash = item.Hash;
            if (hash is null)
            {
                try { hash = ContentHash.Of(f); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { hash = ""; }
            }
            if (item.Error is not null) { state = "refused"; refused++; f += ": " + item.Error; }
            else if (!known.TryGetValue(f, out var old)) { state = "new"; news++; }
            else if (old.Hash == hash) { state = old.Complete ? "unchanged" : "unchanged (failed before)"; same++; }
            else { state = "changed"; changed++; }
            Console.Out.WriteLine($"{state,-9}  {TerminalText.Safe(f)}");
        }
        var refusedNote = refused > 0 ? $", {refused} refused (zip limits or damage)" : "";
        Console.Out.WriteLine($"would import {news + changed} ({news} new, {changed} changed), skip {same} unchanged{refusedNote}; nothing written");
        return ExitCodes.Ok;
    }
}
