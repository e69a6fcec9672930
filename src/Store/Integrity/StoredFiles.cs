namespace Jixiao.Store;

/// <summary>
/// verify's disk check, one mechanism for every backend: over (path, stored hash) pairs, each file is still
/// there with the stored hash; entries of zip archives are checked by walking each archive once (as the
/// importer walks it); a file the importer refused without reading is compared by the same stand-in hash.
/// </summary>
internal static class StoredFiles
{
    public static void Check(IEnumerable<(string Path, string Hash)> stored, Action<string, string> problem, VerifyReport report)
    {
        var entries = new List<(string Path, string Hash)>();
        foreach (var (path, storedHash) in stored)
        {
            // Split, not IsEntry: a folder named "w.zip!" holds real files whose paths contain "!/".
            if (SourcePath.Split(path).Entries.Count > 0) { entries.Add((path, storedHash)); continue; }
            if (!Jixiao.Ingest.RawName.Exists(path))
            {
                report.MissingFiles++;
                problem("file", $"missing on disk: {path}");
                continue;
            }
            string now;
            if (PseudoHash(path, storedHash) is { } pseudo) now = pseudo;
            else try { now = ContentHash.Of(path); }
            catch (IOException e) { problem("file", $"cannot read {path}: {e.Message}"); continue; }
            catch (UnauthorizedAccessException) { problem("file", $"cannot read {path}: permission denied"); continue; }
            if (now != storedHash)
            {
                report.ChangedFiles++;
                problem("file", $"changed on disk since import: {path} (re-import to update)");
            }
        }
        foreach (var group in entries.GroupBy(e => SourcePath.Split(e.Path).File, StringComparer.Ordinal))
        {
            if (!Jixiao.Ingest.RawName.Exists(group.Key))
            {
                foreach (var (path, _) in group)
                {
                    report.MissingFiles++;
                    problem("file", $"missing on disk: {path} (its archive {group.Key} is gone)");
                }
                continue;
            }
            // Two entries whose names clean to one path (a/b and a\b) were stored once, under the first.
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

    /// <summary>
    /// The importer's stand-in hash for a file it refused without reading (not a regular file; over the size
    /// limit), recomputed the same way; null for a real content hash. A FIFO is never opened here either.
    /// </summary>
    static string? PseudoHash(string path, string stored)
    {
        if (stored.StartsWith("refused:", StringComparison.Ordinal) || Jixiao.Ingest.RegularFile.Refusal(path) is { } r && r != "file not found")
            return Jixiao.Ingest.RegularFile.Refusal(path) is { } refusal ? "refused:" + refusal : null;
        if (!stored.StartsWith("over-limit:", StringComparison.Ordinal)) return null;
        var info = new FileInfo(path);
        return $"over-limit:{info.Length}:{info.LastWriteTimeUtc.Ticks}";
    }
}
