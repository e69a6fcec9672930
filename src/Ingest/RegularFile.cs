using System.Runtime.InteropServices;

namespace Jixiao.Ingest;

/// <summary>
/// Only regular files are read. A device (/dev/zero), a FIFO or a socket (or a symlink to one) has no end or
/// blocks on open: hashing or parsing it would run forever before any per-file limit starts. .NET reports
/// them as ordinary files of length 0, so the type is asked of the OS (statx, whose layout is the same on
/// every Linux architecture) before anything opens the path. Elsewhere the check passes everything through.
/// </summary>
public static class RegularFile
{
    /// <summary>Null when <paramref name="path"/> (symlinks followed) is a regular file; else why it is not read.</summary>
    public static string? Refusal(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var buffer = new byte[256];
        int rc;
        try { rc = StatxBytes(RawName.Bytes(path), StatxType, buffer); }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { return null; }
        if (rc != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return errno == 2 ? "file not found" : errno == 13 ? "permission denied" : errno == 40 ? "symlink loop" : null;
        }
        int mode = BitConverter.ToUInt16(buffer, 28) & 0xF000; // stx_mode
        return mode switch
        {
            0x8000 => null,
            0x4000 => "is a folder",
            0x2000 => "not a regular file (character device); not read",
            0x6000 => "not a regular file (block device); not read",
            0x1000 => "not a regular file (FIFO / named pipe); not read",
            0xC000 => "not a regular file (socket); not read",
            _ => "not a regular file; not read",
        };
    }

    const int AtFdCwd = -100;
    const uint StatxType = 0x1;

    /// <summary>statx of a path given as its bytes (NUL-terminated; see <see cref="RawName"/>), symlinks followed.</summary>
    internal static int StatxBytes(byte[] path, uint mask, byte[] buffer) => statx(AtFdCwd, path, 0, mask, buffer);

    [DllImport("libc", SetLastError = true)]
    static extern int statx(int dirfd, byte[] path, int flags, uint mask, byte[] buffer);
}
