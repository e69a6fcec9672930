using System.Security.Cryptography;

namespace Jixiao.Store;

/// <summary>The content hash that makes import idempotent: SHA-256 of the file's bytes, lower-case hex.</summary>
public static class ContentHash
{
    /// <summary>The hash of a regular file; IOException (with the reason) for a device, FIFO or socket, which has no end.</summary>
    public static string Of(string path)
    {
        if (Jixiao.Ingest.RegularFile.Refusal(path) is { } refusal) throw new IOException(refusal);
        using var s = Jixiao.Ingest.RawName.OpenRead(path);
        return Of(s);
    }

    public static string Of(Stream s) => Convert.ToHexStringLower(SHA256.HashData(s));

    /// <summary>The same hash of bytes already in memory (a zip entry).</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
