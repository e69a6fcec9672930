namespace Jixiao.Store;

/// <summary>
/// Where a stored document comes from. A file is its absolute path; a document inside a zip archive is the
/// archive's path, "!/", and the entry's name: <c>/data/2019.zip!/目录/文件.docx</c>, nested archives chaining
/// further: <c>/data/all.zip!/2019.zip!/表.xls</c>. The same notation as Java's jar: URLs, so it reads naturally.
/// </summary>
public static class SourcePath
{
    public const string Separator = "!/";

    public static bool IsEntry(string path) => path.Contains(Separator, StringComparison.Ordinal);

    public static string Entry(string container, string entryName) => container + Separator + entryName;

    /// <summary>
    /// The file on disk and the chain of entry names inside it. A folder whose name ends in '!' would also
    /// contain "!/": a path that is itself a file on disk is that file, else the split is at the first "!/"
    /// whose left part is an existing file (else the first one). Zip entries never take the name of a file
    /// on disk (<see cref="ZipEntryNames"/>), so the two cannot be confused.
    /// </summary>
    public static (string File, IReadOnlyList<string> Entries) Split(string path)
    {
        if (!path.Contains(Separator, StringComparison.Ordinal) || System.IO.File.Exists(path)) return (path, Array.Empty<string>());
        int first = -1;
        for (int at = path.IndexOf(Separator, StringComparison.Ordinal); at >= 0; at = path.IndexOf(Separator, at + 1, StringComparison.Ordinal))
        {
            if (first < 0) first = at;
            if (System.IO.File.Exists(path[..at])) { first = at; break; }
        }
        if (first < 0) return (path, Array.Empty<string>());
        return (path[..first], path[(first + Separator.Length)..].Split(Separator));
    }

    /// <summary>
    /// An entry name made safe to show and store: '\' read as '/' (zips written on Windows), and empty, "."
    /// and ".." segments dropped, so "../../etc/x.docx" cannot look like a path outside the archive.
    /// </summary>
    public static string CleanEntryName(string name)
    {
        var parts = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p != "." && p != "..");
        return string.Join('/', parts);
    }
}
