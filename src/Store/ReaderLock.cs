using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Jixiao.Store;

/// <summary>
/// Readers and the writer's checkpoint, kept apart (issue 21, case 6). A reader sees the archive as the data file
/// plus the committed part of the -log file at the moment it opened (<see cref="SnapshotStream"/>). The writer
/// appends to the log only, until it folds the log into the data file (the checkpoint when it closes): that
/// rewrites data pages in place and empties the log under any reader still open, which then followed page links
/// into pages of another type ("Page type must be data page", 2 of 9 `report --all` runs during an import).
///
/// So every reader holds a shared lock on <c>ARCHIVE.readers</c> while it is open, and the writer folds the log
/// only when it can take that lock exclusively; while readers are open the log stays (a reader opening later
/// reads it too) and is folded at the writer's next open or close with no reader. A reader that starts while a
/// fold runs waits for it (a blocking lock, no polling). The locks are Linux open-file-description locks
/// (fcntl F_OFD_*): per open file, released by the kernel when a process dies, and independent of the flock
/// locks .NET itself takes on open. Where they are not available nothing is locked, as before.
/// </summary>
internal static class ReaderLock
{
    public static string PathOf(string archive) => archive + ".readers";

    /// <summary>Shared: held by a reader while it is open; waits while a writer folds its log. Null when the lock file cannot be made (read-only medium: no writer there either).</summary>
    public static FileStream? Share(string archive) => Take(archive, exclusive: false, wait: true);

    /// <summary>Exclusive, without waiting: null while any reader is open.</summary>
    public static FileStream? TryExclusive(string archive) => Take(archive, exclusive: true, wait: false);

    static FileStream? Take(string archive, bool exclusive, bool wait)
    {
        if (!OperatingSystem.IsLinux()) return exclusive ? Unlocked(archive) : null;
        FileStream file;
        try
        {
            file = new FileStream(PathOf(archive), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (exclusive) return null; // a writer that cannot make the file does not fold under unknown readers
            try { file = new FileStream(PathOf(archive), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete); }
            catch (Exception e2) when (e2 is IOException or UnauthorizedAccessException) { return null; }
        }
        var request = new Flock { Type = exclusive ? WriteLock : ReadLock, Whence = 0, Start = 0, Length = 0 };
        try
        {
            while (fcntl(file.SafeFileHandle, wait ? SetLockWait : SetLock, ref request) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno == Interrupted && wait) continue;
                file.Dispose();
                // EAGAIN/EACCES: held by the other side. Anything else (no OFD locks here): proceed unlocked, as before.
                return errno is TryAgain or AccessDenied ? null : exclusive ? Unlocked(archive) : null;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            file.Dispose();
            return exclusive ? Unlocked(archive) : null;
        }
        return file;
    }

    /// <summary>Where locks do not exist the writer folds as before (a stream stands for the lock it could not take).</summary>
    static FileStream? Unlocked(string archive)
    {
        try { return new FileStream(PathOf(archive), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    const int SetLock = 37, SetLockWait = 38; // F_OFD_SETLK, F_OFD_SETLKW (the same on every Linux architecture)
    const short ReadLock = 0, WriteLock = 1;  // F_RDLCK, F_WRLCK
    const int TryAgain = 11, AccessDenied = 13, Interrupted = 4;

    [StructLayout(LayoutKind.Sequential)]
    struct Flock
    {
        public short Type;
        public short Whence;
        public long Start;
        public long Length;
        public int Pid;
    }

    [DllImport("libc", SetLastError = true)]
    static extern int fcntl(SafeFileHandle fd, int cmd, ref Flock lk);
}
