using System.Globalization;
using System.IO.Compression;
using System.Text;
using Jixiao.Ingest;
using Jixiao.Ingest.Ocr;

namespace Jixiao.Cli.Report;

/// <summary>
/// For a table read by OCR: the scanned page cut to the table, drawn beside the OCR'd grid, so a person
/// checks a value against the pixels. The page is rendered again with pdftoppm (the tool that rendered
/// it for OCR; the reading ran in another process, at import), once per page however many tables it holds,
/// turned the way OCR turned it, cut to the table with a margin and embedded as a PNG.
/// </summary>
internal static class PageCrop
{
    const int Dpi = 100;
    const double Margin = 0.01;

    /// <summary>Writes the crop and the grid side by side; without a crop (not a scan, page gone) just the grid.</summary>
    public static void Beside(StringBuilder sb, string path, Table table, Action<StringBuilder> grid)
    {
        var png = table.Scan is { } scan ? Png(path, scan) : null;
        if (png is null)
        {
            grid(sb);
            return;
        }
        sb.Append("<div class=\"scanpair\" style=\"display:flex;gap:8px;align-items:flex-start\">")
          .Append($"<figure class=\"scan\" style=\"margin:0;flex:1 1 50%\"><img alt=\"scanned page {table.Scan!.Page}\" style=\"max-width:100%;border:1px solid #999\" src=\"data:image/png;base64,")
          .Append(Convert.ToBase64String(png))
          .Append($"\"><figcaption>scan, page {table.Scan.Page}</figcaption></figure><div style=\"flex:1 1 50%;overflow:auto\">");
        grid(sb);
        sb.Append("</div></div>");
    }

    /// <summary>The table's part of the page as a grayscale PNG, or null when the page cannot be rendered.</summary>
    internal static byte[]? Png(string path, ScanRegion scan)
    {
        if (Page(path, scan.Page) is not { } rendered) return null;
        var image = rendered.RotateClockwise(scan.Turn);
        int x0 = (int)((scan.Left - Margin) * image.Width), x1 = (int)Math.Ceiling((scan.Right + Margin) * image.Width);
        int y0 = (int)((scan.Top - Margin) * image.Height), y1 = (int)Math.Ceiling((scan.Bottom + Margin) * image.Height);
        var crop = image.Crop(x0, y0, x1, y1, 0);
        return crop.Width == 0 || crop.Height == 0 ? null : Encode(crop);
    }

    // The page last rendered: a page's tables come one after another, so each page is rendered once however
    // many tables it holds (one page at 100 dpi, about 1 MB, is all that is kept).
    static readonly object LastLock = new();
    static (string Path, int Page, DateTime Written, GrayImage Image)? _last;

    /// <summary>Counts pdftoppm runs (tests check that a page is rendered once).</summary>
    internal static int Renders;

    static GrayImage? Page(string path, int page)
    {
        if (!File.Exists(path)) return null;
        var written = File.GetLastWriteTimeUtc(path);
        lock (LastLock)
        {
            if (_last is { } last && last.Path == path && last.Page == page && last.Written == written) return last.Image;
        }
        var image = Render(path, page);
        if (image is not null) lock (LastLock) _last = (path, page, written, image);
        return image;
    }

    static GrayImage? Render(string path, int page)
    {
        if (ExternalTool.Find("pdftoppm") is not { } pdftoppm) return null;
        var prefix = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jixiao-crop-" + Guid.NewGuid().ToString("N"));
        try
        {
            var p = page.ToString(CultureInfo.InvariantCulture);
            Interlocked.Increment(ref Renders);
            ExternalTool.Run(pdftoppm, new[] { "-r", Dpi.ToString(CultureInfo.InvariantCulture), "-f", p, "-l", p, "-singlefile", path, prefix }, TimeSpan.FromMinutes(1), CancellationToken.None);
            return GrayImage.ReadPpm(prefix + ".ppm");
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or InvalidDataException)
        {
            return null;   // a report without the picture still shows the grid and the facts
        }
        finally
        {
            try { File.Delete(prefix + ".ppm"); } catch (IOException) { }
        }
    }

    /// <summary>An 8-bit grayscale PNG: signature, IHDR, one zlib IDAT of filter-0 rows, IEND.</summary>
    internal static byte[] Encode(GrayImage img)
    {
        var ms = new MemoryStream();
        ms.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var header = new byte[13];
        WriteBig(header, 0, (uint)img.Width);
        WriteBig(header, 4, (uint)img.Height);
        header[8] = 8;   // bit depth
        header[9] = 0;   // grayscale
        Chunk(ms, "IHDR", header);
        var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            for (int y = 0; y < img.Height; y++)
            {
                z.WriteByte(0);
                z.Write(img.Pixels, y * img.Width, img.Width);
            }
        Chunk(ms, "IDAT", raw.ToArray());
        Chunk(ms, "IEND", Array.Empty<byte>());
        return ms.ToArray();
    }

    static void Chunk(Stream s, string type, byte[] data)
    {
        var len = new byte[4];
        WriteBig(len, 0, (uint)data.Length);
        s.Write(len);
        var typed = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
        data.CopyTo(typed, 4);
        s.Write(typed);
        var crc = new byte[4];
        WriteBig(crc, 0, Crc32(typed));
        s.Write(crc);
    }

    static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    static uint Crc32(byte[] data)
    {
        uint c = 0xFFFFFFFFu;
        foreach (var b in data) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }

    static void WriteBig(byte[] b, int at, uint v)
    {
        b[at] = (byte)(v >> 24); b[at + 1] = (byte)(v >> 16); b[at + 2] = (byte)(v >> 8); b[at + 3] = (byte)v;
    }
}
