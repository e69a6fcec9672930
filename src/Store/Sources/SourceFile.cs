namespace Jixiao.Store;

/// <summary>A stored document's source, whether a file or an entry inside a zip archive (<see cref="SourcePath"/>).</summary>
public static class SourceFile
{
    /// <summary>True when the source is still there: the file, or the archive holding the entry.</summary>
    public static bool Exists(string path) => SourcePath.IsEntry(path) ? ZipSource.Exists(path) : Jixiao.Ingest.RawName.Exists(path);

    /// <summary>The SHA-256 of the source's bytes, as the importer stored it.</summary>
    public static string Hash(string path) =>
        SourcePath.IsEntry(path) ? ContentHash.Of(ZipSource.ReadBytes(path)) : ContentHash.Of(path);
}
