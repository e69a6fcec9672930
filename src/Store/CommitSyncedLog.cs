using LiteDB;
using LiteDB.Engine;

namespace Jixiao.Store;

/// <summary>
/// The writer's -log file, synced to disk once per commit instead of once per page.
/// LiteDB 5.0.20 appends a commit to the log page by page through its writer queue, and the queue syncs the
/// file (fsync) every time it runs empty, which, as the queue's loop usually runs inline in the committing
/// thread, is after every page: a 250-file import batch cost ~100 fsyncs, ~70 % of the writer's wall time on a
/// shared disk. LiteDB calls Flush on a stream it was handed where it calls fsync on its own FileStream, so
/// this stream decides when to sync:
/// <list type="bullet">
/// <item>before the page that confirms a commit (LiteDB's page header byte 18) is written, the transaction's
/// other pages are synced: a confirm page can never reach the disk ahead of the pages it confirms;</item>
/// <item>when the queue runs empty after the confirm page, it is synced, where LiteDB synced it before: a
/// commit is on disk at the same moment as before (with the queue inline, before Commit returns).</item>
/// </list>
/// Two fsyncs per commit, the same guarantees. Readers in other processes open the file by name
/// (<see cref="SnapshotStream"/>); LiteDB's own readers in this process share this stream.
/// </summary>
internal sealed class CommitSyncedLog : Stream
{
    const int PageSize = 8192;

    /// <summary>LiteDB's BasePage.P_IS_CONFIRMED: 1 on the last page of a committed transaction.</summary>
    const int ConfirmedByte = 18;

    readonly FileStream _file;
    bool _unsynced, _confirmUnsynced, _disposed;

    /// <summary>How many times the log was synced to disk, pages written, and of those the commits' confirm pages.</summary>
    public int Syncs { get; private set; }
    public int Pages { get; private set; }
    public int Confirms { get; private set; }

    CommitSyncedLog(FileStream file) => _file = file;

    public string Name => _file.Name;

    /// <summary>The -log file LiteDB would use beside <paramref name="dataPath"/> (its FileHelper.GetLogFile).</summary>
    public static string PathFor(string dataPath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(dataPath)!,
            System.IO.Path.GetFileNameWithoutExtension(dataPath) + "-log" + System.IO.Path.GetExtension(dataPath));

    /// <summary>A writable LiteDB engine over <paramref name="dataPath"/> whose log is a <see cref="CommitSyncedLog"/>.</summary>
    public static LiteDatabase OpenDatabase(string dataPath, Collation collation, out CommitSyncedLog log)
    {
        // The options LiteDB's own file factory uses for its log writer.
        var file = new FileStream(PathFor(dataPath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 0, FileOptions.RandomAccess);
        log = new CommitSyncedLog(file);
        try
        {
            return new LiteDatabase(new LiteEngine(new EngineSettings { Filename = dataPath, LogStream = log, Collation = collation }));
        }
        catch
        {
            log.Dispose();
            throw;
        }
    }

    /// <summary>
    /// After the engine closed: LiteDB deletes an empty log it opened by name, not one it was handed, so the
    /// archive does it (a checkpointed archive is its data file alone, as before).
    /// </summary>
    public static void DeleteIfEmpty(string dataPath)
    {
        var path = PathFor(dataPath);
        try
        {
            if (new FileInfo(path) is { Exists: true, Length: 0 }) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => _file.Length;
    public override long Position { get => _file.Position; set => _file.Position = value; }
    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override void Write(byte[] buffer, int offset, int count)
    {
        bool confirms = count == PageSize && buffer[offset + ConfirmedByte] != 0;
        if (confirms && _unsynced) Sync();
        _file.Write(buffer, offset, count);
        _unsynced = true;
        _confirmUnsynced |= confirms;
        Pages++;
        if (confirms) Confirms++;
    }

    /// <summary>LiteDB's "flush to disk": a sync when a commit's confirm page is not on disk yet.</summary>
    public override void Flush()
    {
        if (_confirmUnsynced) Sync();
        else _file.Flush();
    }

    /// <summary>Cropping a torn page (open) or emptying the log (checkpoint): synced at once, as LiteDB did.</summary>
    public override void SetLength(long value)
    {
        _file.SetLength(value);
        Sync();
    }

    void Sync()
    {
        _file.Flush(flushToDisk: true);
        Syncs++;
        _unsynced = false;
        _confirmUnsynced = false;
    }

    /// <summary>LiteDB disposes each of its wrappers over this stream; the file closes once.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _file.Dispose();
        }
        base.Dispose(disposing);
    }
}
