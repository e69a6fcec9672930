namespace Jixiao.Store;

/// <summary>
/// The archive's medium refuses writes: the disk is full or mounted read-only. Nothing more can be stored,
/// so the import stops with this one line (what is committed stays; the next run after space is freed
/// resumes) instead of a chain of LiteDB lock and disposal errors that hide the cause.
/// </summary>
public sealed class ArchiveWriteException(string message, Exception inner) : IOException(message, inner)
{
    const int ENOSPC = 28, EROFS = 30, EDQUOT = 122;

    /// <summary>The medium's cause when <paramref name="e"/> (or an exception inside it) is disk full or read-only; else null.</summary>
    public static ArchiveWriteException? From(Exception e)
    {
        if (e is ArchiveWriteException a) return a;
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is not IOException io) continue;
            var m = io.Message;
            if (io.HResult is ENOSPC or EDQUOT || m.Contains("No space left", StringComparison.OrdinalIgnoreCase) || m.Contains("quota", StringComparison.OrdinalIgnoreCase))
                return new ArchiveWriteException("disk full: no space left for the archive (free some space and run the import again; it resumes)", x);
            if (io.HResult == EROFS || m.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase))
                return new ArchiveWriteException("the archive's folder is on a read-only file system (pass --db with a writable place)", x);
        }
        return null;
    }
}
