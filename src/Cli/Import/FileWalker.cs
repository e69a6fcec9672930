namespace Jixiao.Cli.Import;

/// <summary>
/// Expands the import arguments (files and folders, folders recursively) into the files to import.
/// JSON files are skipped: they are gold extractions and other sidecars, never 绩效表 sources.
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
                var opts = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.None };
                foreach (var f in Directory.EnumerateFiles(input, "*", opts).Order(StringComparer.Ordinal))
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

    /// <summary>Sidecars that are not documents: *.json (and so *.gold.json), LiteDB archives and their logs.</summary>
    public static bool Skip(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".db", StringComparison.OrdinalIgnoreCase);
    }
}
