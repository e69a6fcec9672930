using Jixiao.Store;

namespace Jixiao.Cli.Import;

/// <summary>
/// One document to import: a file on disk (<see cref="Content"/> null, read by path), or an entry read out
/// of a zip archive (bytes in memory, hash known), or an entry/archive refused with a one-line reason.
/// </summary>
internal sealed record SourceItem(string Path, byte[]? Content = null, string? Hash = null, string? Error = null)
{
    public static SourceItem From(ZipSource.Item z) => new(z.Path, z.Content, z.Hash, z.Error);

    /// <summary>
    /// The import arguments as documents: plain files as they are, each .zip expanded lazily into its
    /// entries (nested archives too), entries that <see cref="FileWalker.Skip"/> would skip left out.
    /// </summary>
    public static IEnumerable<SourceItem> Expand(IEnumerable<string> files, ZipLimits limits, CancellationToken cancel = default)
    {
        foreach (var f in files)
        {
            if (cancel.IsCancellationRequested) yield break;
            if (!ZipSource.IsZip(f))
            {
                yield return new SourceItem(f);
                continue;
            }
            foreach (var z in ZipSource.Walk(f, limits, FileWalker.Skip, cancel))
                yield return From(z);
        }
    }

    /// <summary>How many documents <see cref="Expand"/> will yield, counting top-level archive entries from
    /// their directories (nothing inflated; a nested archive counts as one).</summary>
    public static int Estimate(IEnumerable<string> files) =>
        files.Sum(f => ZipSource.IsZip(f) ? Math.Max(1, ZipSource.CountEntries(f)) : 1);
}
