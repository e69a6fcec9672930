using System.Diagnostics;
using System.Threading.Channels;
using Jixiao.Extract;
using Jixiao.Ingest;
using Jixiao.Store;

namespace Jixiao.Cli.Import;

/// <summary>
/// The import pipeline: files → (parallel) hash, read, extract → bounded channel → ONE writer that stores
/// batches in single transactions. Streams: at most a channel's worth of extracted documents is in memory.
/// A bad file never stops the run; it is stored with status failed (or empty/no-forms) and its one-line reason.
/// Files already stored with the same hash are skipped before parsing, so a re-run resumes cheaply.
/// </summary>
internal sealed class Importer
{
    public sealed class Options
    {
        public int Workers { get; init; } = Environment.ProcessorCount;
        /// <summary>A batch is written when it holds this many files…</summary>
        public int BatchSize { get; init; } = 250;
        /// <summary>…or when its first file has waited this long. Each batch is one transaction, and each commit
        /// waits for an fsync of the log: on a busy disk that wait, not the writing, was most of the writer's time.</summary>
        public TimeSpan BatchInterval { get; init; } = TimeSpan.FromSeconds(1);
        public DocumentReader.Options Read { get; init; } = DocumentReader.Options.Default;
        /// <summary>The extraction step (the real extractor unless a test wants another); stops when its token is
        /// cancelled (the per-file time limit).</summary>
        public Func<SourceDocument, CancellationToken, ExtractedDocument> Extract { get; init; } = Extractor.Extract;
        /// <summary>Which unchanged files are read again (default: none).</summary>
        public ReimportPolicy Policy { get; init; } = ReimportPolicy.ChangedOnly;
        /// <summary>Zip bomb guards for archives found among the files.</summary>
        public ZipLimits Zip { get; init; } = ZipLimits.Default;
        /// <summary>Called on a worker thread as it starts on a file (the progress line names it).</summary>
        public Action<string>? Started { get; init; }
        /// <summary>When set, the files are shared with other importers through these claims (PostgreSQL archive).</summary>
        public ClaimedFiles? Claims { get; init; }
        public static readonly Options Default = new();
    }

    /// <summary>A worker's result: an item to write, or a file found unchanged.</summary>
    sealed record Work(ImportItem? Item, string Path, bool FailedBefore = false);

    readonly IArchiveWriter _archive;
    readonly Options _options;

    public Importer(IArchiveWriter archive, Options? options = null)
    {
        _archive = archive;
        _options = options ?? Options.Default;
    }

    /// <summary>Imports <paramref name="files"/> (already expanded). <paramref name="onProgress"/> runs on the writer thread.</summary>
    public ImportSummary Run(IReadOnlyList<string> files, Action<ImportSummary>? onProgress = null, CancellationToken cancel = default)
    {
        var sw = Stopwatch.StartNew();
        var summary = new ImportSummary();
        var known = _archive.KnownFiles();
        int workers = Math.Max(1, _options.Workers);
        var paths = Channel.CreateBounded<SourceItem>(new BoundedChannelOptions(workers * 4) { SingleWriter = true });
        // Room for two batches: the workers go on reading while the writer commits.
        var results = Channel.CreateBounded<Work>(new BoundedChannelOptions(Math.Max(2 * _options.BatchSize, workers * 2))
        { SingleReader = true });

        var feeder = Task.Run(async () =>
        {
            try
            {
                var sources = _options.Claims is { } claims ? claims.Files(cancel) : files;
                foreach (var item in SourceItem.Expand(sources, _options.Zip, cancel))
                {
                    if (cancel.IsCancellationRequested) break;
                    // Zip entries wait in memory: bound their bytes as well as their number.
                    while (Interlocked.Read(ref _queuedBytes) > MaxQueuedBytes) await Task.Delay(5, cancel).ConfigureAwait(false);
                    Interlocked.Add(ref _queuedBytes, item.Content?.Length ?? 0);
                    await paths.Writer.WriteAsync(item, cancel).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) { }
            finally
            {
                paths.Writer.Complete();
                Volatile.Write(ref _allStarted, true);
            }
        });
        var pool = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var waited = Stopwatch.StartNew();
            await foreach (var item in paths.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                summary.Stages.AddWorkerIdle(waited.Elapsed);
                if (cancel.IsCancellationRequested) break;
                _options.Started?.Invoke(item.Path);
                var work = Process(item, known, summary.Stages, cancel);
                Interlocked.Add(ref _queuedBytes, -(item.Content?.Length ?? 0));
                if (work is null) break;
                waited.Restart();
                await results.Writer.WriteAsync(work).ConfigureAwait(false);
                summary.Stages.AddWorkerBlocked(waited.Elapsed);
                waited.Restart();
            }
        })).ToArray();
        var lastExtracted = TimeSpan.Zero;
        _ = Task.WhenAll(pool.Append(feeder)).ContinueWith(t =>
        {
            lastExtracted = sw.Elapsed;
            results.Writer.Complete(t.Exception);
        }, TaskScheduler.Default);

        WriteAll(results.Reader, summary, onProgress);
        summary.Stages.WriterAlone = sw.Elapsed - lastExtracted;
        summary.Cancelled = cancel.IsCancellationRequested;
        summary.Elapsed = sw.Elapsed;
        return summary;
    }

    /// <summary>Every file is handed to the workers: what is still to come is the few they hold (see WriteAll).</summary>
    bool _allStarted;

    /// <summary>Bytes of zip entries read but not yet parsed, and the most the feeder lets wait.</summary>
    long _queuedBytes;
    const long MaxQueuedBytes = 256L * 1024 * 1024;

    /// <summary>Hash, read and extract one file or zip entry; null when cancelled mid-file.</summary>
    Work? Process(SourceItem item, IReadOnlyDictionary<string, KnownFile> known, StageTimes stages, CancellationToken cancel)
    {
        var started = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        var path = item.Path;
        var (hash, size, error) = item.Content is null && item.Hash is null
            ? HashFile(path)
            : (item.Hash ?? "", (long)(item.Content?.Length ?? 0), item.Error);
        stages.AddHash(clock.Elapsed);
        clock.Restart();
        if (known.TryGetValue(path, out var old) && old.Skips(hash, _options.Policy)) return new Work(null, path, !old.Complete);
        if (error is not null)
            return new Work(new ImportItem { Path = path, Hash = hash, Size = size, Error = error, Format = item.Content is null && item.Hash is null ? "unknown" : "zip" }, path);

        // DocumentReader enforces the per-file time and memory limits itself (the parse runs on its own
        // thread and is abandoned at the limit), so the importer calls it directly.
        var read = item.Content is { } bytes
            ? DocumentReader.Read(new MemoryStream(bytes, writable: false), Path.GetFileName(path), _options.Read, cancel)
            : DocumentReader.Read(path, _options.Read, cancel);
        if (cancel.IsCancellationRequested) return null;
        stages.AddRead(clock.Elapsed);
        clock.Restart();
        if (!read.Ok)
            return new Work(new ImportItem { Path = path, Hash = hash, Size = size, Format = read.Format, Error = read.Error!.Reason }, path);
        var source = read.Document!;
        try
        {
            // Extraction runs under the same per-file limits as the read: the time left of the file's budget and
            // the memory limit. A pathological document (one huge string in a thousand cells) stops here with
            // one line instead of taking minutes and gigabytes.
            var run = PerFileLimit.Run(token => _options.Extract(source, token), _options.Read.Timeout - started.Elapsed,
                _options.Read.MaxMemoryBytes, "extraction", cancel);
            if (cancel.IsCancellationRequested) return null;
            stages.AddExtract(clock.Elapsed);
            if (run.Stopped is not null)
                return new Work(new ImportItem
                {
                    Path = path, Hash = hash, Size = size, Format = source.Format, PageCount = source.PageCount,
                    Error = "extraction " + run.Stopped,
                }, path);
            return new Work(new ImportItem
            {
                Path = path, Hash = hash, Size = size, Format = source.Format, PageCount = source.PageCount,
                NeedsReview = source.NeedsReview, Extracted = StoredSize.Fit(run.Result!),
            }, path);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new Work(new ImportItem
            {
                Path = path, Hash = hash, Size = size, Format = source.Format, PageCount = source.PageCount,
                Error = $"extraction failed ({e.GetType().Name}: {OneLine(e.Message)})",
            }, path);
        }
    }

    /// <summary>
    /// The content hash of a file on disk, or why it is not read. Limits bind from the first byte: a device,
    /// FIFO or socket is refused by type before it is opened, and a file over the size limit is not hashed;
    /// both get a stable pseudo-hash, so the refusal is recorded once and not retried (unless --retry-failed
    /// or the file changes). An unreadable file gets an empty hash: the next run tries it again.
    /// </summary>
    (string Hash, long Size, string? Error) HashFile(string path)
    {
        if (RegularFile.Refusal(path) is { } refusal && refusal != "file not found")
            return ("refused:" + refusal, 0, refusal);
        try
        {
            var info = RawName.Stat(path) ?? throw new FileNotFoundException($"Could not find file '{path}'");
            if (info.Length > _options.Read.MaxBytes)
                return ($"over-limit:{info.Length}:{info.LastWriteUtc.Ticks}", info.Length,
                    $"file is {info.Length / (1024 * 1024)} MB, over the {_options.Read.MaxBytes / (1024 * 1024)} MB limit");
            return (ContentHash.Of(path), info.Length, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ("", 0, "cannot read file: " + OneLine(e.Message));
        }
    }

    /// <summary>The single writer: drains the channel into batches of BatchSize files or BatchInterval time.</summary>
    void WriteAll(ChannelReader<Work> reader, ImportSummary summary, Action<ImportSummary>? onProgress)
    {
        var batch = new List<ImportItem>(_options.BatchSize);
        var unchanged = new List<string>();
        var batchStarted = Stopwatch.StartNew();
        var idle = new Stopwatch();
        bool flushedForEnd = false;
        void Flush()
        {
            if (unchanged.Count > 0 && _options.Claims is { } claims)
            {
                claims.Complete(unchanged);
                unchanged.Clear();
            }
            if (batch.Count == 0) return;
            var clock = Stopwatch.StartNew();
            foreach (var o in StoreBatch(batch)) Count(summary, o);
            summary.Stages.AddWrite(clock.Elapsed);
            batch.Clear();
            onProgress?.Invoke(summary);
        }
        while (true)
        {
            bool more;
            idle.Restart();
            var wait = reader.WaitToReadAsync().AsTask();
            if (batch.Count > 0)
            {
                // Once every file is with the workers, the waiting batch is written at once, while they read the last
                // few files: a full interval's batch written after them was the end of every import, on one core.
                // Only once: those last files then go in one final commit (each commit rewrites the index pages it
                // touches, so many small ones at the end cost more than they save; a 250 ms interval throughout
                // made the writer's time and the wall time grow).
                bool endGame = !flushedForEnd && Volatile.Read(ref _allStarted);
                if (endGame) flushedForEnd = true;
                var left = endGame ? TimeSpan.Zero : _options.BatchInterval - batchStarted.Elapsed;
                if (left <= TimeSpan.Zero || !wait.Wait(left)) { idle.Stop(); Flush(); idle.Start(); }
            }
            more = wait.GetAwaiter().GetResult();
            summary.Stages.AddWriterIdle(idle.Elapsed);
            if (!more) break;
            while (reader.TryRead(out var w))
            {
                summary.Seen++;
                if (w.Item is null)
                {
                    summary.Unchanged++;
                    if (w.FailedBefore) summary.UnchangedFailed++;
                    if (_options.Claims is not null) unchanged.Add(w.Path);
                    if (batch.Count == 0) onProgress?.Invoke(summary);
                    continue;
                }
                if (batch.Count == 0) batchStarted.Restart();
                batch.Add(w.Item);
                if (batch.Count >= _options.BatchSize) Flush();
            }
        }
        Flush();
        _options.Claims?.CompleteContainers();
        onProgress?.Invoke(summary);
    }

    /// <summary>
    /// Writes a batch; an item the archive cannot take (a value LiteDB refuses, a key too long) is stored
    /// instead as a failed record with the reason, so it is logged once and not retried on every run. Disk
    /// full and a read-only medium stop the import (<see cref="ArchiveWriteException"/>): nothing more can be written.
    /// </summary>
    IReadOnlyList<WriteOutcome> StoreBatch(List<ImportItem> batch)
    {
        IReadOnlyList<WriteOutcome> outcomes;
        try { outcomes = _archive.Write(batch, _options.Policy); }
        catch (Exception e) when (ArchiveWriteException.From(e) is { } fatal) { throw fatal; }
        catch (Exception e) when (e is LiteDB.LiteException or ArgumentException or InvalidOperationException or InvalidCastException)
        {
            // A batch of one that fails is not split by the archive: record it here.
            outcomes = batch.Select(i => new WriteOutcome(i.Path, WriteAction.Failed, "could not store: " + OneLine(e.Message), 0, 0)).ToList();
        }
        var result = outcomes.ToList();
        for (int n = 0; n < result.Count && n < batch.Count; n++)
        {
            var (o, item) = (result[n], batch[n]);
            if (o.Action != WriteAction.Failed || item.Error is not null) continue;
            var failed = new ImportItem { Path = item.Path, Hash = item.Hash, Size = item.Size, Format = item.Format, PageCount = item.PageCount, Error = o.Reason ?? "could not store" };
            try { result[n] = _archive.Write(new[] { failed }, ReimportPolicy.All)[0]; }
            catch (Exception e) when (ArchiveWriteException.From(e) is { } fatal) { throw fatal; }
            catch (Exception e) when (e is LiteDB.LiteException or ArgumentException or InvalidOperationException or InvalidCastException) { }
        }
        return result;
    }

    static void Count(ImportSummary s, WriteOutcome o)
    {
        switch (o.Action)
        {
            case WriteAction.Imported: s.Imported++; break;
            case WriteAction.Replaced: s.Replaced++; break;
            case WriteAction.Unchanged: s.Unchanged++; break;
            case WriteAction.Duplicate: s.Duplicates++; break;
            case WriteAction.Failed: s.Failed.Add((o.Path, DocumentStatus.Failed, o.Reason ?? "")); break;
            case WriteAction.Empty: s.NoForms.Add((o.Path, DocumentStatus.Empty, o.Reason ?? "")); break;
            case WriteAction.NoForms: s.NoForms.Add((o.Path, DocumentStatus.NoForms, o.Reason ?? "")); break;
        }
        s.Forms += o.Forms;
        s.Indicators += o.Indicators;
    }

    static string OneLine(string s) => s.Replace('\r', ' ').Replace('\n', ' ').Trim();
}
