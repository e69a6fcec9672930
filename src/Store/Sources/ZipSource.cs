using System.IO.Compression;
using System.Security.Cryptography;

namespace Jixiao.Store;

/// <summary>
/// Reads the documents inside zip archives, entry by entry, into memory (never to disk): each entry is
/// inflated once, hashed, and handed on with its bytes. Nested .zip entries are opened in turn, up to
/// <see cref="ZipLimits.MaxDepth"/>. Names are decoded with <see cref="ZipNameEncoding"/> (GBK names of
/// Chinese Windows tools read correctly) and cleaned (<see cref="SourcePath.CleanEntryName"/>).
/// </summary>
public static class ZipSource
{
    /// <summary>
    /// One entry: its path (<see cref="SourcePath"/>), its bytes and SHA-256 hash, or the one-line reason it
    /// was not read. A refused entry still carries a stable pseudo-hash (CRC-32 and size from the archive's
    /// directory) so an unchanged archive is recognised as unchanged; an archive that cannot be opened at all
    /// is one item with its own path.
    /// </summary>
    public sealed record Item(string Path, byte[]? Content, string Hash, string? Error);

    public static bool IsZip(string path) => path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every document in the archive at <paramref name="zipPath"/>, nested archives expanded.</summary>
    /// <param name="skip">Entry names that are not documents (sidecars), left out silently.</param>
    public static IEnumerable<Item> Walk(string zipPath, ZipLimits? limits = null, Func<string, bool>? skip = null, CancellationToken cancel = default)
    {
        limits ??= ZipLimits.Default;
        Stream stream;
        if (Jixiao.Ingest.RegularFile.Refusal(zipPath) is { } refusal)
            return new[] { new Item(zipPath, null, "", refusal) };
        try { stream = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new[] { new Item(zipPath, null, "", e is UnauthorizedAccessException ? "permission denied" : "cannot read file: " + OneLine(e.Message)) };
        }
        return WalkOwned(stream, zipPath, limits, skip ?? (_ => false), cancel);
    }

    static IEnumerable<Item> WalkOwned(Stream stream, string zipPath, ZipLimits limits, Func<string, bool> skip, CancellationToken cancel)
    {
        using (stream)
        {
            var budget = new Budget();
            foreach (var item in WalkStream(stream, zipPath, "", 0, limits, skip, budget, cancel))
                yield return item;
        }
    }

    /// <summary>Counts of all inflated bytes and entries of one top-level archive.</summary>
    sealed class Budget
    {
        public long Bytes;
        public int Entries;
    }

    static IEnumerable<Item> WalkStream(Stream stream, string path, string archiveHash, int depth, ZipLimits limits,
        Func<string, bool> skip, Budget budget, CancellationToken cancel)
    {
        // The central directory is read here, in one place: a damaged one (bad offsets, a record cut short) is
        // one error for this archive, never an exception out of the walk that would stop the whole import.
        var (entries, error) = Directory(stream, path);
        if (entries is null)
        {
            yield return new Item(path, null, archiveHash.Length > 0 ? archiveHash : HashOfFile(path), error);
            yield break;
        }
        using var zip = entries.Zip;
        budget.Entries += entries.Names.Count;
        if (budget.Entries > limits.MaxEntries)
        {
            yield return new Item(path, null, archiveHash.Length > 0 ? archiveHash : HashOfFile(path),
                $"zip archive holds {budget.Entries} entries, over the {limits.MaxEntries} limit (zip bomb?); not read");
            yield break;
        }
        foreach (var (e, name, note) in entries.Names)
        {
            if (cancel.IsCancellationRequested) yield break;
            if (skip(name)) continue;
            var entryPath = SourcePath.Entry(path, name);
            var pseudo = $"zip-crc32:{e.Crc32:x8}:{e.Length}";
            bool nested = IsZip(name);
            var refused = note ?? Refuse(e, limits, budget);
            if (refused is null && nested && depth + 1 > limits.MaxDepth)
                refused = $"archive nested {depth + 1} levels deep, over the {limits.MaxDepth} limit; not opened";
            if (refused is not null)
            {
                yield return new Item(entryPath, null, pseudo, refused);
                continue;
            }
            var (bytes, readError) = ReadEntry(e, limits, budget);
            if (bytes is null)
            {
                yield return new Item(entryPath, null, pseudo, readError);
                continue;
            }
            budget.Bytes += bytes.Length;
            var hash = ContentHash.Of(bytes);
            if (!nested)
            {
                yield return new Item(entryPath, bytes, hash, null);
                continue;
            }
            foreach (var inner in WalkStream(new MemoryStream(bytes, writable: false), entryPath, hash, depth + 1, limits, skip, budget, cancel))
                yield return inner;
        }
    }

    sealed record Listing(ZipArchive Zip, List<ZipEntryNames.Named> Names);

    /// <summary>The archive's documents with their stored names, or the one-line reason it cannot be listed.</summary>
    static (Listing? Listing, string? Error) Directory(Stream stream, string path)
    {
        var (zip, error) = Open(stream);
        if (zip is null) return (null, error);
        try
        {
            var files = zip.Entries.Where(e => !ZipEntryNames.IsFolder(e)).ToList();
            return (new Listing(zip, ZipEntryNames.Of(files, path)), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            zip.Dispose();
            return (null, "damaged zip archive: its directory cannot be read (" + OneLine(e.Message) + ")");
        }
    }

    /// <summary>Why an entry is not inflated, from the sizes in the archive's directory; null when it may be read.</summary>
    static string? Refuse(ZipArchiveEntry e, ZipLimits limits, Budget budget)
    {
        const double Mb = 1024 * 1024;
        if (e.Length > limits.MaxEntryBytes)
            return $"zip entry inflates to {e.Length / Mb:0} MB, over the {limits.MaxEntryBytes / Mb:0} MB limit (zip bomb?); not read";
        if (e.Length > limits.RatioFloorBytes && e.Length > limits.MaxRatio * Math.Max(1, e.CompressedLength))
            return $"zip entry inflates {e.Length / (double)Math.Max(1, e.CompressedLength):0}:1 ({e.CompressedLength} bytes to {e.Length / Mb:0} MB), " +
                   $"over the {limits.MaxRatio:0}:1 limit (zip bomb?); not read";
        if (budget.Bytes + e.Length > limits.MaxTotalBytes)
            return $"zip archive inflates to more than {limits.MaxTotalBytes / Mb:0} MB in total (zip bomb?); entry not read";
        return null;
    }

    /// <summary>
    /// The entry's bytes, read up to a bound that does not trust the directory's sizes: the entry limit and what
    /// is left of the archive's total. Sizes that differ from the header are fine when the CRC matches (some
    /// tools write them wrong); a CRC that differs means the bytes are not what was zipped, and the entry is
    /// refused rather than parsed as a silently truncated or altered document.
    /// </summary>
    static (byte[]? Bytes, string? Error) ReadEntry(ZipArchiveEntry e, ZipLimits limits, Budget budget)
    {
        const double Mb = 1024 * 1024;
        long bound = Math.Min(limits.MaxEntryBytes, limits.MaxTotalBytes - budget.Bytes);
        try
        {
            using var s = e.Open();
            using var ms = new MemoryStream((int)Math.Min(Math.Max(e.Length, 0), Math.Min(bound, 64L << 20)));
            var buffer = new byte[1 << 16];
            int n;
            while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (ms.Length + n > bound)
                    return (null, bound == limits.MaxEntryBytes
                        ? $"zip entry inflates to more than {limits.MaxEntryBytes / Mb:0} MB although its header says {e.Length} bytes (zip bomb?); not read"
                        : $"zip archive inflates to more than {limits.MaxTotalBytes / Mb:0} MB in total (zip bomb?); entry not read");
                ms.Write(buffer, 0, n);
            }
            var bytes = ms.ToArray();
            var crc = Crc32.Of(bytes);
            if (crc != e.Crc32)
                return (null, bytes.Length == e.Length
                    ? $"zip entry is damaged, or its header understates its size (CRC {crc:x8}, the header says {e.Crc32:x8})"
                    : $"zip entry is damaged or truncated ({bytes.Length} of {e.Length} bytes, CRC {crc:x8}, its header says {e.Crc32:x8})");
            return (bytes, null);
        }
        catch (Exception x) when (x is InvalidDataException or IOException or NotSupportedException)
        {
            return (null, "cannot read zip entry: " + OneLine(x.Message));
        }
    }

    static (ZipArchive? Zip, string? Error) Open(Stream stream)
    {
        try
        {
            return (new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: ZipNameEncoding.Instance), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return (null, "damaged zip archive (" + OneLine(e.Message) + ")");
        }
    }

    static string HashOfFile(string path)
    {
        try { return SourcePath.IsEntry(path) ? "" : ContentHash.Of(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }

    /// <summary>
    /// The bytes of one stored entry path (<c>a.zip!/b/c.docx</c>, nested too), for verify and report.
    /// Throws FileNotFoundException when the archive or the entry is gone, InvalidDataException when it
    /// cannot be read within the limits.
    /// </summary>
    public static byte[] ReadBytes(string entryPath, ZipLimits? limits = null)
    {
        limits ??= ZipLimits.Default;
        var (file, chain) = SourcePath.Split(entryPath);
        if (Jixiao.Ingest.RegularFile.Refusal(file) is { } refusal)
            throw refusal == "file not found" ? new FileNotFoundException(refusal, file) : new IOException(refusal);
        if (chain.Count == 0) return File.ReadAllBytes(file);
        Stream current = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var container = file;
            foreach (var name in chain)
            {
                var (listing, error) = Directory(current, container);
                if (listing is null) throw new InvalidDataException(error);
                using var zip = listing.Zip;
                var named = listing.Names.FirstOrDefault(x => x.Name == name)
                    ?? throw new FileNotFoundException($"no entry {name} in {container}");
                var refused = named.Note ?? Refuse(named.Entry, limits, new Budget());
                if (refused is not null) throw new InvalidDataException(refused);
                var (bytes, readError) = ReadEntry(named.Entry, limits, new Budget());
                if (bytes is null) throw new InvalidDataException(readError);
                current.Dispose();
                current = new MemoryStream(bytes, writable: false);
                container = SourcePath.Entry(container, name);
            }
            return ((MemoryStream)current).ToArray();
        }
        finally
        {
            current.Dispose();
        }
    }

    /// <summary>True when the entry path's archive is on disk and holds the entry.</summary>
    public static bool Exists(string entryPath)
    {
        try
        {
            ReadBytes(entryPath);
            return true;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Documents in the archive (entries that are not folders), without inflating anything; 0 when unreadable.</summary>
    public static int CountEntries(string zipPath)
    {
        try
        {
            using var s = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var zip = new ZipArchive(s, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: ZipNameEncoding.Instance);
            return zip.Entries.Count(e => !ZipEntryNames.IsFolder(e));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return 0;
        }
    }

    static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
