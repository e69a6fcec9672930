namespace Jixiao.Store;

/// <summary>
/// Guards against zip bombs and runaway archives. A real archive of 绩效表 files holds office documents and
/// text that inflate 2–20×; a bomb inflates thousands of times, or holds millions of entries, or nests
/// archives in archives. Every limit that trips turns into a one-line error for that entry (or archive);
/// the rest of the import goes on.
/// </summary>
public sealed record ZipLimits
{
    /// <summary>Most entries per archive, nested archives' entries included.</summary>
    public int MaxEntries { get; init; } = 10_000;
    /// <summary>Largest inflated entry read (it is held in memory while it is parsed).</summary>
    public long MaxEntryBytes { get; init; } = 256L * 1024 * 1024;
    /// <summary>Most bytes inflated from one top-level archive, nested archives included.</summary>
    public long MaxTotalBytes { get; init; } = 4L * 1024 * 1024 * 1024;
    /// <summary>Highest inflated/compressed ratio of an entry larger than <see cref="RatioFloorBytes"/>.</summary>
    public double MaxRatio { get; init; } = 200;
    /// <summary>Entries smaller than this are not ratio-checked (a small run of spaces compresses very well).</summary>
    public long RatioFloorBytes { get; init; } = 1024 * 1024;
    /// <summary>Archives nested deeper than this inside the top-level archive are not opened.</summary>
    public int MaxDepth { get; init; } = 3;

    public static readonly ZipLimits Default = new();
}
