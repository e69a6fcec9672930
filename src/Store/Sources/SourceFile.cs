using System.Security.Cryptography;

namespace Jixiao.Store;

/// <summary>A stored document's source, whether a file or an entry inside a zip archive (<see cref="SourcePath"/>).</summary>
public static class SourceFile
{
    /// <summary>True when the source is still there: the file, or the archive holding the entry.</summary>
    public static bool Exists(string path) => SourcePath.IsEntry(path) ? ZipSource.Exists(path) : File.Exists(path);

    /// <summary>The SHA-256 of the source's bytes, as the importer stored it.</summary>
    public static string Hash(string path) =>
        SourcePath.IsEntry(path) ? Convert.ToHexStringLower(SHA256.HashData(ZipSource.ReadBytes(path))) : ContentHash.Of(path);

    /// <summary>The source's bytes as a stream (an entry is inflated into memory).</summary>
    public static Stream OpenRead(string path) =>
        SourcePath.IsEntry(path)
            ? new MemoryStream(ZipSource.ReadBytes(path), writable: false)
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    /// <summary>The document's own name: the file name, or the last part of the entry name.</summary>
    public static string NameOf(string path) => Path.GetFileName(path);
}
