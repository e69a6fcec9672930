namespace Jixiao.Cli.Import;

/// <summary>What one `import` run did, for the summary and the exit code.</summary>
internal sealed class ImportSummary
{
    public int Seen { get; set; }
    public int Imported { get; set; }
    public int Replaced { get; set; }
    public int Unchanged { get; set; }
    /// <summary>Unchanged files skipped although stored as failed/empty by an earlier run.</summary>
    public int UnchangedFailed { get; set; }
    public int Duplicates { get; set; }
    public int Forms { get; set; }
    public int Indicators { get; set; }
    public TimeSpan Elapsed { get; set; }
    public bool Cancelled { get; set; }

    /// <summary>Files that could not be read or extracted (damaged, encrypted, over a limit…), with the one-line reason.</summary>
    public List<(string Path, string Status, string Reason)> Failed { get; } = new();

    /// <summary>
    /// Files read without trouble that hold no 绩效表 form (READMEs, unrelated budget documents) or nothing at
    /// all (0 bytes). Ordinary in a mixed folder, so they are listed apart and do not fail the run.
    /// </summary>
    public List<(string Path, string Status, string Reason)> NoForms { get; } = new();

    public bool AnyFailed => Failed.Count > 0;

    /// <summary>Time spent per stage, summed over the workers (hash, read, extract) and on the writer thread (write).</summary>
    public StageTimes Stages { get; } = new();
}

/// <summary>Where an import's time goes: the profile `jixiao bench` prints.</summary>
internal sealed class StageTimes
{
    long _hash, _read, _extract, _write, _workerIdle, _workerBlocked, _writerIdle;
    public TimeSpan Hash => TimeSpan.FromTicks(Interlocked.Read(ref _hash));
    public TimeSpan Read => TimeSpan.FromTicks(Interlocked.Read(ref _read));
    public TimeSpan Extract => TimeSpan.FromTicks(Interlocked.Read(ref _extract));
    public TimeSpan Write => TimeSpan.FromTicks(Interlocked.Read(ref _write));
    /// <summary>Workers waiting for a file to read (the feeder behind), summed over the workers.</summary>
    public TimeSpan WorkerIdle => TimeSpan.FromTicks(Interlocked.Read(ref _workerIdle));
    /// <summary>Workers waiting for room in the writer's queue (the writer behind), summed over the workers.</summary>
    public TimeSpan WorkerBlocked => TimeSpan.FromTicks(Interlocked.Read(ref _workerBlocked));
    /// <summary>The writer waiting for the next extracted document (the workers behind).</summary>
    public TimeSpan WriterIdle => TimeSpan.FromTicks(Interlocked.Read(ref _writerIdle));
    /// <summary>The end of the import: the writer still writing after the workers' last document, alone on one core.</summary>
    public TimeSpan WriterAlone { get; set; }
    public void AddHash(TimeSpan t) => Interlocked.Add(ref _hash, t.Ticks);
    public void AddRead(TimeSpan t) => Interlocked.Add(ref _read, t.Ticks);
    public void AddExtract(TimeSpan t) => Interlocked.Add(ref _extract, t.Ticks);
    public void AddWrite(TimeSpan t) => Interlocked.Add(ref _write, t.Ticks);
    public void AddWorkerIdle(TimeSpan t) => Interlocked.Add(ref _workerIdle, t.Ticks);
    public void AddWorkerBlocked(TimeSpan t) => Interlocked.Add(ref _workerBlocked, t.Ticks);
    public void AddWriterIdle(TimeSpan t) => Interlocked.Add(ref _writerIdle, t.Ticks);

    /// <summary>One line: where the workers' and the writer's time went.</summary>
    public string Describe(TimeSpan wall)
    {
        static string S(TimeSpan t) => t.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " s";
        return $"workers: hash {S(Hash)}, read {S(Read)}, extract {S(Extract)}, waiting for files {S(WorkerIdle)}, for the writer {S(WorkerBlocked)}; " +
               $"writer: write {S(Write)} ({(Write / wall).ToString("P0", System.Globalization.CultureInfo.InvariantCulture)} of the wall time), waiting for documents {S(WriterIdle)}, writing alone after the last document {S(WriterAlone)}";
    }
}
