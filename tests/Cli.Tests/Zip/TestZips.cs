using System.IO.Compression;
using System.Text;

namespace Jixiao.Cli.Tests.Zip;

/// <summary>Zip archives built at test time, as Chinese Windows tools write them.</summary>
internal static class TestZips
{
    public static readonly Encoding Gb18030;

    static TestZips()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding("GB18030");
    }

    /// <summary>
    /// Writes a zip whose entry names are GB18030 bytes without the UTF-8 flag (bit 11), the way WinRAR or
    /// Explorer on a Chinese system write them. <paramref name="entries"/>: name → bytes.
    /// </summary>
    public static byte[] Gbk(IEnumerable<(string Name, byte[] Bytes)> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Gb18030))
            foreach (var (name, bytes) in entries)
            {
                using var s = zip.CreateEntry(name, level).Open();
                s.Write(bytes);
            }
        return ms.ToArray();
    }

    /// <summary>A zip with UTF-8 names (the flag set for non-ASCII names, as .NET writes by default).</summary>
    public static byte[] Utf8(IEnumerable<(string Name, byte[] Bytes)> entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(bytes);
            }
        return ms.ToArray();
    }

    /// <summary>The general purpose flags and raw name bytes of every central directory record.</summary>
    public static List<(int Flags, byte[] Name)> CentralDirectory(byte[] zip)
    {
        var list = new List<(int, byte[])>();
        for (int i = 0; i + 46 <= zip.Length; i++)
        {
            if (zip[i] != 0x50 || zip[i + 1] != 0x4B || zip[i + 2] != 0x01 || zip[i + 3] != 0x02) continue;
            int flags = BitConverter.ToUInt16(zip, i + 8);
            int nameLen = BitConverter.ToUInt16(zip, i + 28);
            list.Add((flags, zip.AsSpan(i + 46, nameLen).ToArray()));
        }
        return list;
    }
}
