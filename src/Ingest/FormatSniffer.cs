using System.IO.Compression;
using System.Text;

namespace Jixiao.Ingest;

/// <summary>
/// Picks a format from a file's content (magic bytes), never from its extension: government
/// exports routinely name HTML ".xls" and RTF or .docx ".doc". The extension only breaks ties
/// between formats that share a container (an OLE2 file is .doc, .wps or .xls by its streams).
/// </summary>
public static class FormatSniffer
{
    static readonly byte[] Ole2Magic = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

    /// <summary>Format names returned: pdf, docx, xlsx, ofd, zip, doc, wps, xls, wordml, rtf, mht, html, text; and refused ones (see <see cref="Identify(Stream, string)"/>).</summary>
    public static string Sniff(string path)
    {
        using var fs = File.OpenRead(path);
        return Sniff(fs, Path.GetExtension(path));
    }

    public static string Sniff(Stream stream, string extension) => Identify(stream, extension).Format;

    /// <summary>
    /// The format, and for a file no reader will take (empty, encrypted, Microsoft Works, truncated, unknown
    /// binary) the one line that tells the user what the file is and why it is refused.
    /// </summary>
    public static Sniffed Identify(Stream stream, string extension)
    {
        extension = extension.ToLowerInvariant();
        var head = new byte[8192];
        int n = ReadUpTo(stream, head);
        if (n == 0) return new Sniffed("empty", "file is empty");
        var span = head.AsSpan(0, n);

        if (span.StartsWith(Ole2Magic)) return SniffOle(stream, extension);
        if (span.StartsWith("PK\u0003\u0004"u8) || span.StartsWith("PK\u0005\u0006"u8))
        {
            var zip = SniffZip(stream);
            return zip == "zip-damaged" ? new Sniffed(zip, "damaged zip container (truncated or corrupt)") : new Sniffed(zip);
        }
        // PDF allows junk before the header (up to 1024 bytes in practice).
        if (span[..Math.Min(n, 1024)].IndexOf("%PDF-"u8) >= 0) return new Sniffed("pdf");

        // UTF-16/32 text (byte-order mark or not) has NULs: decoded as such, and not taken for binary.
        bool wide = Text.EncodingDetector.IsWideText(span);
        var text = wide ? Text.EncodingDetector.Decode(span[..(n & ~3)]).Text : DecodeHead(span);
        var trimmed = text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        if (trimmed.StartsWith(@"{\rtf", StringComparison.Ordinal)) return new Sniffed("rtf");
        if (LooksLikeMime(trimmed)) return new Sniffed("mht");
        if (WordMl.WordMlParser.LooksLikeWordMl(trimmed)) return new Sniffed("wordml");
        if (LooksLikeHtml(trimmed)) return new Sniffed("html");
        if (extension == ".md" && MarkdownHasHtmlTable(stream)) return new Sniffed("html");
        if (!wide && LooksBinary(span)) return new Sniffed("binary", "unknown binary format");
        return new Sniffed("text");
    }

    /// <summary>Markdown converted from PDF (MinerU and similar) writes tables as HTML, often far below the first 8 KB.</summary>
    static bool MarkdownHasHtmlTable(Stream stream)
    {
        stream.Position = 0;
        var buf = new byte[(int)Math.Min(stream.Length, 16L * 1024 * 1024)];
        int n = ReadUpTo(stream, buf);
        return buf.AsSpan(0, n).IndexOf("<table"u8) >= 0 || buf.AsSpan(0, n).IndexOf("<TABLE"u8) >= 0;
    }

    static int ReadUpTo(Stream s, byte[] buf)
    {
        int total = 0;
        while (total < buf.Length)
        {
            int r = s.Read(buf, total, buf.Length - total);
            if (r <= 0) break;
            total += r;
        }
        return total;
    }

    static string DecodeHead(ReadOnlySpan<byte> span)
    {
        if (span.Length >= 2 && span[0] == 0xFF && span[1] == 0xFE) return Encoding.Unicode.GetString(span[2..]);
        if (span.Length >= 2 && span[0] == 0xFE && span[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(span[2..]);
        return Encoding.Latin1.GetString(span);
    }

    static bool LooksLikeMime(string t)
    {
        var head = t.Length > 2048 ? t[..2048] : t;
        return (head.StartsWith("MIME-Version:", StringComparison.OrdinalIgnoreCase)
                || head.StartsWith("From:", StringComparison.OrdinalIgnoreCase)
                || head.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase)
                || head.StartsWith("Date:", StringComparison.OrdinalIgnoreCase)
                || head.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase))
               && head.Contains("multipart/", StringComparison.OrdinalIgnoreCase);
    }

    static bool LooksLikeHtml(string t)
    {
        var head = t.Length > 4096 ? t[..4096] : t;
        return head.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
               || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
               || head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && head.Contains("<html", StringComparison.OrdinalIgnoreCase)
               || head.StartsWith("<table", StringComparison.OrdinalIgnoreCase)
               || head.StartsWith("<meta", StringComparison.OrdinalIgnoreCase)
               || head.StartsWith("<head", StringComparison.OrdinalIgnoreCase)
               || head.StartsWith("<body", StringComparison.OrdinalIgnoreCase)
               || head.StartsWith("<!--", StringComparison.Ordinal) && head.Contains("<html", StringComparison.OrdinalIgnoreCase);
    }

    static bool LooksBinary(ReadOnlySpan<byte> span)
    {
        if (span.Length >= 2 && (span[0] == 0xFF && span[1] == 0xFE || span[0] == 0xFE && span[1] == 0xFF)) return false;
        int control = 0;
        foreach (var b in span)
        {
            if (b == 0) return true;
            if (b < 0x09 || b > 0x0D && b < 0x20 && b != 0x1B) control++;
        }
        return control > span.Length / 20;
    }

    static string SniffZip(Stream stream)
    {
        try
        {
            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            bool word = false, sheet = false, ofd = false;
            foreach (var e in zip.Entries)
            {
                if (e.FullName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase)) word = true;
                else if (e.FullName.TrimStart('/').Equals("OFD.xml", StringComparison.OrdinalIgnoreCase)) ofd = true;
                else if (e.FullName.StartsWith("xl/workbook", StringComparison.OrdinalIgnoreCase)) sheet = true;
                else if (e.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase) && e.FullName.EndsWith("document.xml", StringComparison.OrdinalIgnoreCase)) word = true;
            }
            return word ? "docx" : sheet ? "xlsx" : ofd ? "ofd" : "zip";
        }
        catch (InvalidDataException)
        {
            // A cut-off .docx still starts with readable local entries; the docx reader salvages them.
            stream.Position = 0;
            var all = new byte[(int)Math.Min(stream.Length, 64L * 1024 * 1024)];
            int n = ReadUpTo(stream, all);
            return Docx.DocxSalvage.HasDocumentEntry(all.AsSpan(0, n)) ? "docx" : "zip-damaged";
        }
    }

    static Sniffed SniffOle(Stream stream, string extension)
    {
        stream.Position = 0;
        // Not zeroed first: the read fills it, and only the part read is used.
        var all = GC.AllocateUninitializedArray<byte>((int)Math.Min(stream.Length, 64L * 1024 * 1024));
        int n = ReadUpTo(stream, all);
        var sniffed = Doc.OleKind.Identify(n == all.Length ? all : all[..n], extension);
        // The whole file is in memory now: the reader takes it from here instead of reading it a second time.
        return n == stream.Length ? sniffed with { Content = all } : sniffed;
    }
}

/// <summary>A sniffed format; <see cref="Refusal"/> is set when no reader will take the file, and says what it is and why.</summary>
public sealed record Sniffed(string Format, string? Refusal = null)
{
    /// <summary>"truncated" when the container is shorter than its own tables say but still routable.</summary>
    public string? Note { get; init; }

    /// <summary>The whole file, when the sniffer had to read all of it (an OLE2 container's directory can lie anywhere).</summary>
    internal byte[]? Content { get; init; }
}
