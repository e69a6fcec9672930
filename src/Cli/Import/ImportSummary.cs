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

    /// <summary>Files that gave nothing: unreadable, empty or without a 绩效表 form, with the one-line reason.</summary>
    public List<(string Path, string Status, string Reason)> Failed { get; } = new();

    public bool AnyFailed => Failed.Count > 0;
}
