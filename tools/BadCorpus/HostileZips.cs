using System.IO.Compression;
using System.Text;

namespace Jixiao.Tools;

/// <summary>
/// Zip archives an adversarial run used to break the importer (issue 21): a damaged central directory,
/// names with a NUL, duplicate and colliding names, an entry whose bytes do not match its CRC, sizes that
/// lie, entries named "..", a name longer than an index key. Built at run time from a few small texts.
/// </summary>
internal static class HostileZips
{
    public static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in entries)
            {
                using var s = zip.CreateEntry(name, level).Open();
                s.Write(bytes);
            }
        return ms.ToArray();
    }

    public static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>A valid archive whose central directory records are overwritten with garbage (the end record intact).</summary>
    public static byte[] DamagedDirectory()
    {
        var b = Zip(new[] { ("a.txt", Text("一 one")), ("b.txt", Text("二 two")) });
        int cd = IndexOf(b, 0x02014b50);
        for (int i = cd + 4; i < cd + 40; i++) b[i] = 0xEE; // signature kept, fields (offsets, lengths) garbage
        return b;
    }

    /// <summary>An entry named "a?b.txt" whose '?' is a NUL byte in both headers.</summary>
    public static byte[] NulInName()
    {
        var b = Zip(new[] { ("aXb.txt", Text("nul name")), ("ok.txt", Text("ok")) });
        var name = "aXb.txt"u8.ToArray();
        for (int i = 0; i + name.Length < b.Length; i++)
            if (b.AsSpan(i).StartsWith(name)) b[i + 1] = 0;
        return b;
    }

    /// <summary>Two entries named dup.txt, a/b and a\b, a literal "x.zip!/y.txt" beside a nested x.zip holding y.txt.</summary>
    public static byte[] Colliding()
    {
        var nested = Zip(new[] { ("y.txt", Text("nested y")) });
        return Zip(new[]
        {
            ("dup.txt", Text("first dup")), ("dup.txt", Text("second dup")),
            ("a/b", Text("slash")), ("a\\b", Text("backslash")),
            ("x.zip!/y.txt", Text("literal y")), ("x.zip", nested),
            ("..", Text("dot dot")), ("./", Text("dot slash")),
        });
    }

    /// <summary>A stored (uncompressed) entry with one byte of its data changed after the CRC was written.</summary>
    public static byte[] BadCrc()
    {
        var b = Zip(new[] { ("flipped.txt", Text("项目支出绩效目标表 original text")) }, CompressionLevel.NoCompression);
        int at = IndexOf(b, 0x04034b50);
        int nameLen = BitConverter.ToUInt16(b, at + 26), extra = BitConverter.ToUInt16(b, at + 28);
        b[at + 30 + nameLen + extra + 3] ^= 0x01;
        return b;
    }

    /// <summary>An entry whose headers say it inflates to 10 bytes while it holds 4,000.</summary>
    public static byte[] UnderstatedSize(out byte[] content)
    {
        content = Text(string.Concat(Enumerable.Repeat("绩效目标 line of text\n", 150)));
        var b = Zip(new[] { ("under.txt", content) });
        var name = "under.txt"u8.ToArray();
        for (int i = 0; i + 46 < b.Length; i++)
        {
            uint sig = BitConverter.ToUInt32(b, i);
            if (sig == 0x04034b50 && b.AsSpan(i + 30).StartsWith(name)) BitConverter.GetBytes(10u).CopyTo(b, i + 22);
            else if (sig == 0x02014b50 && b.AsSpan(i + 46).StartsWith(name)) BitConverter.GetBytes(10u).CopyTo(b, i + 24);
        }
        return b;
    }

    /// <summary>An entry whose name is "d/" 600 times then "deep.txt": a stored path far over LiteDB's 1023-byte index key.</summary>
    public static byte[] LongName() =>
        Zip(new[] { (string.Concat(Enumerable.Repeat("d/", 600)) + "deep.txt", Text("deep inside")) });

    static int IndexOf(byte[] b, uint signature)
    {
        for (int i = 0; i + 4 <= b.Length; i++)
            if (BitConverter.ToUInt32(b, i) == signature) return i;
        throw new InvalidOperationException("signature not found");
    }
}
