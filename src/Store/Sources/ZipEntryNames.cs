using System.IO.Compression;

namespace Jixiao.Store;

/// <summary>
/// The stored name of every entry of one archive, distinct and stable: the same archive always gives the same
/// names, so a re-import finds each entry unchanged and verify finds each one again. The walker and
/// <see cref="ZipSource.ReadBytes"/> both name entries here, so a stored path always leads back to its entry.
/// <list type="bullet">
/// <item>Names are cleaned (<see cref="SourcePath.CleanEntryName"/>); control characters (a NUL among them)
/// become U+FFFD, since no file system or terminal takes them.</item>
/// <item>A segment ending in '!' inside a name (a literal <c>x.zip!/y.txt</c>) is written <c>x.zip%21/y.txt</c>:
/// "!/" is the separator of nested archives (<see cref="SourcePath"/>) and must not be forged.</item>
/// <item>A name already taken in this archive (<c>dup.txt</c> twice, <c>a/b</c> beside <c>a\b</c>), or that
/// names a file on disk (a folder <c>w.zip!</c> beside <c>w.zip</c>), gets <c>#2</c>, <c>#3</c>… in
/// directory order.</item>
/// <item>An entry whose name cleans to nothing (<c>..</c>, <c>./</c>) is named <c>#entryN</c> (its place in the
/// directory), so it gets a line in the import log instead of vanishing.</item>
/// </list>
/// </summary>
internal static class ZipEntryNames
{
    public sealed record Named(ZipArchiveEntry Entry, string Name, string? Note);

    /// <summary>Stored names of the archive's non-folder entries; <paramref name="container"/> is the archive's own path.</summary>
    public static List<Named> Of(IReadOnlyList<ZipArchiveEntry> entries, string container)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<Named>(entries.Count);
        bool onDisk = !SourcePath.IsEntry(container);
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            string? note = null;
            var name = Clean(e.FullName);
            if (name.Length == 0)
            {
                name = $"#entry{i + 1}";
                note = $"zip entry named '{Printable(e.FullName)}' has no file name; not read";
            }
            var unique = name;
            for (int n = 2; !taken.Add(unique) || (onDisk && File.Exists(SourcePath.Entry(container, unique))); n++)
                unique = $"{name}#{n}";
            list.Add(new Named(e, unique, note));
        }
        return list;
    }

    static string Clean(string raw)
    {
        var name = SourcePath.CleanEntryName(Printable(raw));
        var parts = name.Split('/');
        for (int i = 0; i < parts.Length - 1; i++)
            if (parts[i].EndsWith('!')) parts[i] = parts[i][..^1] + "%21";
        return string.Join('/', parts);
    }

    static string Printable(string s) =>
        s.Any(char.IsControl) ? new string(s.Select(c => char.IsControl(c) ? '\uFFFD' : c).ToArray()) : s;

    public static bool IsFolder(ZipArchiveEntry e) => e.Length == 0 && (e.FullName.EndsWith('/') || e.FullName.EndsWith('\\'));
}
