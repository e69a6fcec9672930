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
    long _hash, _read, _extract, _write;
    public TimeSpan Hash => TimeSpan.FromTicks(Interlocked.Read(ref _hash));
    public TimeSpan Read => TimeSpan.FromTicks(Interlocked.Read(ref _read));
    public TimeSpan Extract => TimeSpan.FromTicks(Interlocked.Read(ref _extract));
    public TimeSpan Write => TimeSpan.FromTicks(Interlocked.Read(ref _write));
    public void AddHash(TimeSpan t) => Interlocked.Add(ref _hash, t.Ticks);
    public void AddRead(TimeSpan t) => Interlocked.Add(ref _read, t.Ticks);
    public void AddExtract(TimeSpan t) => Interlocked.Add(ref _extract, t.Ticks);
    public void AddWrite(TimeSpan t) => Interlocked.Add(ref _write, t.Ticks);
}
