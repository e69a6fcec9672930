using LiteDB;

namespace Jixiao.Store;

/// <summary>
/// The sources an archive was built from, salvaged from a possibly damaged archive for `jixiao rebuild`: the
/// import log's paths and the documents' paths, each read record by record so one damaged page loses only
/// what it holds. A file cut short is read from a copy rounded down to whole pages (LiteDB would otherwise
/// refuse it, or crop the original). Zip entries give their archive file on disk.
/// </summary>
public static class SourceList
{
    public sealed record Salvage(IReadOnlyList<string> Files, IReadOnlyList<string> Problems);

    public static Salvage From(string archivePath)
    {
        var problems = new List<string>();
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var copy = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"jixiao-rebuild-{Guid.NewGuid():N}.db");
        try
        {
            using (var src = new FileStream(archivePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var dst = File.Create(copy))
            {
                src.CopyTo(dst);
                dst.SetLength(dst.Length / 8192 * 8192);
            }
            var log = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(archivePath)!,
                System.IO.Path.GetFileNameWithoutExtension(archivePath) + "-log" + System.IO.Path.GetExtension(archivePath));
            var copyLog = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(copy)!, System.IO.Path.GetFileNameWithoutExtension(copy) + "-log.db");
            if (File.Exists(log)) File.Copy(log, copyLog, overwrite: true);
            using var db = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct, ReadOnly = false });
            Collect(db, Archive.LogName, paths, problems);
            Collect(db, Archive.DocumentsName, paths, problems);
        }
        catch (Exception e) when (e is LiteException or IOException or InvalidDataException || (e.StackTrace ?? "").Contains(" LiteDB.", StringComparison.Ordinal))
        {
            problems.Add($"the archive cannot be opened at all ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")})");
        }
        finally
        {
            foreach (var f in new[] { copy, System.IO.Path.ChangeExtension(copy, null) + "-log.db" })
                try { File.Delete(f); } catch (IOException) { }
        }
        var files = paths.Select(p => SourcePath.Split(p).File).Distinct(StringComparer.Ordinal).ToList();
        return new Salvage(files, problems);
    }

    /// <summary>Every path of a collection that can still be read; reading stops at the first damaged record.</summary>
    static void Collect(LiteDatabase db, string collection, SortedSet<string> paths, List<string> problems)
    {
        try
        {
            foreach (var d in db.GetCollection(collection).FindAll())
            {
                var p = d.TryGetValue(PathKey.FullPathField, out var full) && full.IsString ? full.AsString
                    : d.TryGetValue("path", out var path) && path.IsString ? path.AsString : null;
                if (p is not null && !p.Contains('…')) paths.Add(p);
            }
        }
        catch (Exception e) when (e is LiteException || (e.StackTrace ?? "").Contains(" LiteDB.", StringComparison.Ordinal))
        {
            problems.Add($"{collection}: some records cannot be read ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")})");
        }
    }
}
