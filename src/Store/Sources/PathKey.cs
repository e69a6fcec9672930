using System.Text;

namespace Jixiao.Store;

/// <summary>
/// The key a document is indexed under. LiteDB refuses index keys over 1023 bytes, and a path can be longer
/// (deep folders, a zip entry named <c>d/</c>×20000). Such a path is indexed as its start plus a hash of the
/// whole (distinct and stable); the full path is kept beside it in the record (<see cref="FullPathField"/>).
/// </summary>
public static class PathKey
{
    public const string FullPathField = "fullPath";
    const int MaxBytes = 900;
    const int KeepChars = 200;

    public static string Of(string path)
    {
        if (Encoding.UTF8.GetByteCount(path) <= MaxBytes) return path;
        int keep = Math.Min(KeepChars, path.Length);
        if (char.IsHighSurrogate(path[keep - 1])) keep--;
        return path[..keep] + "…#" + ContentHash.Of(Encoding.UTF8.GetBytes(path))[..32];
    }

    /// <summary>The full path of a stored document record (its key unless the key was shortened).</summary>
    public static string FullPath(LiteDB.BsonDocument d) =>
        d.TryGetValue(FullPathField, out var full) && full.IsString ? full.AsString : d["path"].AsString;
}
