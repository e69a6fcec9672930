namespace Jixiao.Store;

/// <summary>
/// A read-only view of an archive file (data or -log) for a reader in another process than the writer.
/// LiteDB, opened read-only by file name, still acts like an owner when it closes: it deletes a -log file it
/// finds empty and shares one "-tmp" sort file by name. When a `search` closed just as an import had created
/// its empty log, the writer went on appending to an unlinked file while its own readers opened a new one by
/// name, and stores failed with "page type must be index page". Handing LiteDB our own streams makes those
/// steps no-ops (a stream is never deleted; sorts get a private temp stream). Lengths are rounded down to
/// whole pages, so a page the writer is appending right now is not read half-written, and LiteDB never tries
/// to crop the file.
/// </summary>
internal sealed class SnapshotStream(Stream inner) : Stream
{
    const int PageSize = 8192;

    public static Stream Open(string path) =>
        File.Exists(path)
            ? new SnapshotStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, PageSize, FileOptions.RandomAccess))
            : new MemoryStream(); // no log yet: the data file is the whole archive

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => inner.Length / PageSize * PageSize;
    public override long Position { get => inner.Position; set => inner.Position = value; }
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void Flush() { }
    // LiteDB only crops a torn last page; the writer owns the file, so a reader leaves it as it is.
    public override void SetLength(long value) { }
    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("the archive is open read-only");

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
