namespace Jixiao.Cli.Import;

/// <summary>
/// The folders, files and zip archives a LiteDB archive was imported from, kept beside it as ARCHIVE.sources, one
/// absolute path per line. The import log inside the archive names every file, but damage that takes the archive's
/// first pages (a file cut to a few KB) takes the log with it; this list lets `rebuild` re-create the archive from
/// its sources even then. Written before reading starts, so an interrupted import's roots are known too.
/// </summary>
internal static class SourceRoots
{
    public static string PathFor(string archive) => archive + ".sources";

    /// <summary>Adds the roots not listed yet. A convenience for `rebuild`: a failure to write it never fails an import.</summary>
    public static void Add(string archive, IEnumerable<string> roots)
    {
        var known = Read(archive).ToHashSet(StringComparer.Ordinal);
        // A root whose name holds a line break cannot be one line; the import log inside the archive still names it.
        var fresh = roots.Select(Path.GetFullPath).Where(r => !r.Contains('\n') && !r.Contains('\r') && known.Add(r)).ToList();
        if (fresh.Count == 0) return;
        try { File.AppendAllLines(PathFor(archive), fresh); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    public static IReadOnlyList<string> Read(string archive)
    {
        try
        {
            var file = PathFor(archive);
            return File.Exists(file) ? File.ReadAllLines(file).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList() : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }
}
