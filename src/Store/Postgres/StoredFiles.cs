namespace Jixiao.Store.Postgres;

/// <summary>
/// verify's disk check over (path, stored hash) pairs: each file still there with the stored hash; entries
/// of zip archives checked by walking each archive once. Written over plain pairs so any backend can use it.
/// </summary>
internal static class StoredFiles
{
    public static void Check(IReadOnlyList<(string Path, string Hash)> stored, Action<string, string> problem, VerifyReport report)
    {
        var entries = new List<(string Path, string Hash)>();
        foreach (var (path, hash) in stored)
        {
            if (SourcePath.IsEntry(path)) { entries.Add((path, hash)); continue; }
            if (!File.Exists(path))
            {
                report.MissingFiles++;
                problem("file", $"missing on disk: {path}");
                continue;
            }
            string now;
            try { now = ContentHash.Of(path); }
            catch (IOException e) { problem("file", $"cannot read {path}: {e.Message}"); continue; }
            catch (UnauthorizedAccessException) { problem("file", $"cannot read {path}: permission denied"); continue; }
            if (now != hash)
            {
                report.ChangedFiles++;
                problem("file", $"changed on disk since import: {path} (re-import to update)");
            }
        }
        foreach (var group in entries.GroupBy(e => SourcePath.Split(e.Path).File, StringComparer.Ordinal))
        {
            if (!File.Exists(group.Key))
            {
                foreach (var (path, _) in group)
                {
                    report.MissingFiles++;
                    problem("file", $"missing on disk: {path} (its archive {group.Key} is gone)");
                }
                continue;
            }
            var found = ZipSource.Walk(group.Key).DistinctBy(i => i.Path, StringComparer.Ordinal).ToDictionary(i => i.Path, i => i.Hash, StringComparer.Ordinal);
            foreach (var (path, hash) in group)
            {
                if (!found.TryGetValue(path, out var now))
                {
                    report.MissingFiles++;
                    problem("file", $"missing on disk: {path} (no longer in {group.Key})");
                }
                else if (now != hash && hash.Length > 0)
                {
                    report.ChangedFiles++;
                    problem("file", $"changed on disk since import: {path} (re-import to update)");
                }
            }
        }
    }
}
