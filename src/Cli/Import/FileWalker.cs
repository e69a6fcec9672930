using Jixiao.Ingest;

namespace Jixiao.Cli.Import;

/// <summary>
/// Expands the import arguments (files and folders, folders recursively) into the files to import.
/// JSON files are skipped: they are gold extractions and other sidecars, never 绩效表 sources.
/// .zip files are listed like any file; the importer opens them (<see cref="SourceItem.Expand"/>).
/// </summary>
internal static class FileWalker
{
    public sealed record Walk(IReadOnlyList<string> Files, IReadOnlyList<string> Missing);

    public static Walk Expand(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                foreach (var f in FilesUnder(input).Order(StringComparer.Ordinal))
                    Add(f);
            }
            else if (File.Exists(input)) Add(input);
            else missing.Add(input);
        }
        return new Walk(files, missing);

        void Add(string f)
        {
            if (Skip(f)) return;
            var full = Path.GetFullPath(f);
            if (seen.Add(full)) files.Add(full);
        }
    }

    /// <summary>
    /// Files under <paramref name="root"/>, recursively. Symlinked folders are followed, but each real folder
    /// is entered once: a link back up the tree (a loop) would otherwise be walked until the OS gives up
    /// with ELOOP, importing the same files dozens of times under ever longer paths.
    /// </summary>
    static IEnumerable<string> FilesUnder(string root)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(root);
        var flat = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.None };
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            bool escaped = RawName.IsEscaped(dir);
            string real;
            try { real = escaped ? dir : RealPath(dir); }
            catch (IOException) { continue; }
            if (!visited.Add(real) || IsPseudoFileSystem(real)) continue;
            IEnumerable<string> files, dirs;
            try
            {
                files = escaped ? [] : Directory.EnumerateFiles(dir, "*", flat).ToList();
                dirs = escaped ? [] : Directory.EnumerateDirectories(dir, "*", flat).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            // A name that is not UTF-8 came back with U+FFFD and could not be opened: list the folder by its bytes.
            if (escaped || files.Concat(dirs).Any(n => n.Contains('\uFFFD')))
            {
                var raw = RawName.List(dir);
                files = raw.Where(e => !e.IsFolder).Select(e => Path.Combine(dir, e.Name)).ToList();
                dirs = raw.Where(e => e.IsFolder).Select(e => Path.Combine(dir, e.Name)).ToList();
            }
            foreach (var f in files) yield return f;
            foreach (var d in dirs) pending.Push(d);
        }
    }

    /// <summary>
    /// /proc and /sys hold no documents, only endless pseudo-files and links to every open file and folder
    /// (/dev/fd → /proc/self/fd → the whole disk): a link into them, or `import /dev`, must not wander there.
    /// </summary>
    static bool IsPseudoFileSystem(string real) =>
        OperatingSystem.IsLinux() && (real is "/proc" or "/sys" || real.StartsWith("/proc/", StringComparison.Ordinal) || real.StartsWith("/sys/", StringComparison.Ordinal));

    /// <summary>The folder's path with every symlink on the way resolved.</summary>
    static string RealPath(string dir)
    {
        var full = Path.GetFullPath(dir);
        var parent = Path.GetDirectoryName(full);
        var resolvedParent = parent is null ? null : RealPathCached(parent);
        var self = resolvedParent is null ? full : Path.Combine(resolvedParent, Path.GetFileName(full));
        var target = new DirectoryInfo(self).ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? self : Path.GetFullPath(target.FullName);
    }

    static string RealPathCached(string dir) => dir == Path.GetPathRoot(dir) ? dir : RealPath(dir);

    /// <summary>Sidecars that are not documents: *.json (and so *.gold.json), LiteDB archives and their logs.</summary>
    public static bool Skip(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".db", StringComparison.OrdinalIgnoreCase);
    }
}
