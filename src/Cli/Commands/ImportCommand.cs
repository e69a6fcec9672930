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
        var workers = new Option<int>("--workers") { Description = "Parallel readers (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var force = new Option<bool>("--force") { Description = "Re-read and rewrite unchanged files too (after an extractor upgrade)" };
        var retry = new Option<bool>("--retry-failed") { Description = "Re-read unchanged files that failed or gave no form last time" };
        var timeout = new Option<int>("--timeout") { Description = "Per-file time limit in seconds (a file taking longer is logged as failed; default 300: scanned books need minutes of OCR)", DefaultValueFactory = _ => 300 };
        var maxMb = new Option<int>("--max-mb") { Description = "Per-file size limit in MB (larger files are refused, logged as failed; default 512)", DefaultValueFactory = _ => 512 };
        var maxMemory = new Option<int>("--max-memory-mb") { Description = "Per-file memory limit in MB (a parse holding more is stopped, logged as failed; 0: none; default 1024)", DefaultValueFactory = _ => 1024 };
        var batch = new Option<int>("--batch") { Description = "Files per transaction (default 250; smaller batches redo less after a crash, larger ones import faster)", DefaultValueFactory = _ => 250 };
        var shard = new Option<string?>("--shard") { Description = "Import only share K of N (K/N, 0-based; K may be `auto`: taken from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID). Also automatic in a Slurm array job" };
        var lease = new Option<int>("--lease") { Description = "PostgreSQL archive: seconds a claimed file stays with this importer without a renewal (then others take it over; default 60)", DefaultValueFactory = _ => 60 };
        var cmd = new Command("import", "Import 绩效表 files into the archive (idempotent: unchanged files are skipped; against PostgreSQL many importers share the files)") { inputs, dryRun, workers, force, retry, timeout, maxMb, maxMemory, batch, shard, lease };
        cmd.SetAction(pr =>
        {
            var walk = FileWalker.Expand(pr.GetValue(inputs)!);
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
            if (pr.GetValue(timeout) < 1 || pr.GetValue(maxMb) < 1 || pr.GetValue(maxMemory) < 0 || pr.GetValue(batch) < 1)
            {
                Console.Error.WriteLine("jixiao: --timeout, --max-mb and --batch must be at least 1, --max-memory-mb at least 0");
                return 2;
            }
            var read = new DocumentReader.Options
            {
                Timeout = TimeSpan.FromSeconds(pr.GetValue(timeout)),
                MaxBytes = pr.GetValue(maxMb) * 1024L * 1024,
                MaxMemoryBytes = pr.GetValue(maxMemory) * 1024L * 1024,
            };
            return pr.GetValue(dryRun) ? DryRun(walk, db) : Run(walk, db, pr.GetValue(workers),
                pr.GetValue(force) ? ReimportPolicy.All : pr.GetValue(retry) ? ReimportPolicy.RetryFailed : ReimportPolicy.ChangedOnly, read, pr.GetValue(batch),
                TimeSpan.FromSeconds(pr.GetValue(lease)));
        });
        return cmd;
    }

    static int Run(FileWalker.Walk walk, string db, int workers, ReimportPolicy policy, DocumentReader.Options read, int batchSize, TimeSpan lease)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // First Ctrl+C: stop reading, keep what is written (each file is one transaction); a re-run resumes.
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            using var archive = ArchiveOpener.OpenForWriting(db);
            if (archive is null) return 1;
            var progress = new ProgressLine(SourceItem.Estimate(walk.Files));
            // PostgreSQL: the files are divided with every other importer of the same archive through its claims.
            using var claims = archive is PgArchive pg
                ? new ClaimedFiles(pg.Claims(lease), walk.Files, policy == ReimportPolicy.ChangedOnly ? null : DateTime.UtcNow, m => Console.Error.WriteLine("jixiao: " + m))
                : null;
            var importer = new Importer(archive, new Importer.Options { Workers = Math.Max(1, workers), Policy = policy, Read = read, BatchSize = batchSize, Claims = claims });
            var summary = importer.Run(walk.Files, s => progress.Update(s.Seen, s.Failed.Count), cancel.Token);
            progress.Finish();
            foreach (var m in walk.Missing) summary.Failed.Add((Path.GetFullPath(m), "failed", "not found"));
            Print(summary, archive.Location);
            return summary.AnyFailed || summary.Cancelled ? 1 : 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    static void Print(ImportSummary s, string db)
    {
        var o = Console.Out;
        o.WriteLine($"imported {s.Imported}, replaced {s.Replaced}, unchanged {s.Unchanged}, duplicates {s.Duplicates}, no forms {s.NoForms.Count}, failed {s.Failed.Count}" +
                    $"  ({s.Elapsed.TotalSeconds:0.0} s, archive {db})");
        o.WriteLine($"forms {s.Forms}, indicators {s.Indicators}");
        if (s.UnchangedFailed > 0)
            o.WriteLine($"{s.UnchangedFailed} unchanged file(s) failed or gave no form in an earlier run and were skipped (--retry-failed reads them again)");
        if (s.Cancelled) o.WriteLine("interrupted: files not yet written will be imported by the next run");
        if (s.NoForms.Count > 0)
        {
            // Not errors: a budget folder holds READMEs and other documents beside the 绩效表 files.
            o.WriteLine("no 绩效表 form (not an error):");
            foreach (var (path, status, reason) in s.NoForms.OrderBy(f => f.Path, StringComparer.Ordinal))
                o.WriteLine($"  {path}: {status}: {reason}");
        }
        if (s.Failed.Count == 0) return;
        o.WriteLine("failed:");
        foreach (var (path, status, reason) in s.Failed.OrderBy(f => f.Path, StringComparer.Ordinal))
            o.WriteLine($"  {path}: {status}: {reason}");
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
            Console.Out.WriteLine($"{state,-9}  {f}");
        }
        foreach (var m in walk.Missing) Console.Out.WriteLine($"{"missing",-9}  {Path.GetFullPath(m)}");
        var refusedNote = refused > 0 ? $", {refused} refused (zip limits or damage)" : "";
        Console.Out.WriteLine($"would import {news + changed} ({news} new, {changed} changed), skip {same} unchanged{refusedNote}; nothing written");
        return walk.Missing.Count > 0 ? 1 : 0;
    }
}
