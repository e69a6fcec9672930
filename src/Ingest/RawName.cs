using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Jixiao.Ingest;

/// <summary>
/// File names that are not valid UTF-8 (GBK names written by Windows tools onto a Linux disk, issue 21 case 14).
/// .NET decodes such a name with U+FFFD in place of the bad bytes and cannot open it again ("Could not find file").
/// Here the name keeps its bytes in a printable form: every byte that is not part of valid UTF-8 is written
/// <c>\xHH</c> (`报告\xB1\xA8.txt`). That form is the path jixiao stores and prints; <see cref="OpenRead"/>,
/// <see cref="Exists"/> and <see cref="Stat"/> turn it back into the bytes and ask the OS through libc. A path
/// that exists as written is always taken as written (a name may really contain a backslash and an x).
/// </summary>
public static class RawName
{
    /// <summary>
    /// The printable form of a name's bytes: a valid UTF-8 name as text; in any other name every non-ASCII byte as
    /// \xHH (escaping only the invalid ones would turn GBK pairs that happen to be valid UTF-8 into Cyrillic).
    /// </summary>
    public static string Escape(ReadOnlySpan<byte> name)
    {
        if (System.Text.Unicode.Utf8.IsValid(name)) return Encoding.UTF8.GetString(name);
        var sb = new StringBuilder(name.Length * 4);
        foreach (var b in name)
            if (b < 0x80) sb.Append((char)b);
            else sb.Append($"\\x{b:X2}");
        return sb.ToString();
    }

    /// <summary>True when <paramref name="path"/> is an escaped name that does not exist as written.</summary>
    public static bool IsEscaped(string path) =>
        path.Contains("\\x", StringComparison.Ordinal) && !File.Exists(path) && !Directory.Exists(path);

    /// <summary>The bytes the OS knows the path by (NUL-terminated): UTF-8, with each \xHH of an escaped path as its byte.</summary>
    public static byte[] Bytes(string path)
    {
        var bytes = new List<byte>(path.Length * 3 + 1);
        bool escaped = IsEscaped(path);
        for (int i = 0; i < path.Length; i++)
        {
            if (escaped && path[i] == '\\' && i + 3 < path.Length && path[i + 1] == 'x'
                && byte.TryParse(path.AsSpan(i + 2, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
            {
                bytes.Add(b);
                i += 3;
                continue;
            }
            int len = char.IsHighSurrogate(path[i]) && i + 1 < path.Length ? 2 : 1;
            bytes.AddRange(Encoding.UTF8.GetBytes(path.Substring(i, len)));
            i += len - 1;
        }
        bytes.Add(0);
        return bytes.ToArray();
    }

    public static bool Exists(string path) => File.Exists(path) || IsEscaped(path) && Stat(path) is not null;

    /// <summary>Opens a file for reading, by its escaped name when it has one.</summary>
    public static FileStream OpenRead(string path, int bufferSize = 1 << 16)
    {
        if (!IsEscaped(path)) return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize);
        int fd = open(Bytes(path), ReadOnly | CloseOnExec);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == 13) throw new UnauthorizedAccessException($"permission denied: {path}");
            throw errno == 2 ? new FileNotFoundException($"Could not find file '{path}'", path) : new IOException($"cannot open {path} (errno {errno})");
        }
        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, bufferSize);
    }

    /// <summary>Size and last write time of a file (symlinks followed); null when it does not exist.</summary>
    public static (long Length, DateTime LastWriteUtc)? Stat(string path)
    {
        if (!IsEscaped(path))
        {
            var info = new FileInfo(path);
            return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
        }
        var buffer = new byte[256];
        if (RegularFile.StatxBytes(Bytes(path), StatxSize | StatxMtime, buffer) != 0) return null;
        long size = BitConverter.ToInt64(buffer, 40);            // stx_size
        long seconds = BitConverter.ToInt64(buffer, 112);        // stx_mtime.tv_sec
        uint nanos = BitConverter.ToUInt32(buffer, 120);         // stx_mtime.tv_nsec
        return (size, DateTime.UnixEpoch.AddSeconds(seconds).AddTicks(nanos / 100));
    }

    /// <summary>
    /// The names in a folder as their bytes give them (escaped where not UTF-8), with whether each is a folder;
    /// used for a folder where .NET's listing showed a name it could not decode.
    /// </summary>
    public static List<(string Name, bool IsFolder)> List(string folder)
    {
        var result = new List<(string, bool)>();
        var dir = opendir(Bytes(folder));
        if (dir == IntPtr.Zero) return result;
        try
        {
            for (var entry = readdir(dir); entry != IntPtr.Zero; entry = readdir(dir))
            {
                // glibc's struct dirent on 64-bit Linux: d_ino 8, d_off 8, d_reclen 2, d_type 1, then d_name.
                byte type = Marshal.ReadByte(entry, 18);
                var name = new List<byte>();
                for (int i = 19; ; i++)
                {
                    byte b = Marshal.ReadByte(entry, i);
                    if (b == 0) break;
                    name.Add(b);
                }
                var text = Escape(name.ToArray());
                if (text is "." or "..") continue;
                bool isFolder = type == 4 || type is 0 or 10 && RegularFile.Refusal(Path.Combine(folder, text)) == "is a folder";
                result.Add((text, isFolder));
            }
        }
        finally { closedir(dir); }
        return result;
    }

    const int ReadOnly = 0, CloseOnExec = 0x80000;
    const uint StatxSize = 0x200, StatxMtime = 0x40;

    [DllImport("libc", SetLastError = true)]
    static extern int open(byte[] path, int flags);

    [DllImport("libc", SetLastError = true)]
    static extern IntPtr opendir(byte[] path);

    [DllImport("libc", SetLastError = true)]
    static extern IntPtr readdir(IntPtr dir);

    [DllImport("libc")]
    static extern int closedir(IntPtr dir);
}
