using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Jixiao.Tools;

/// <summary>
/// Makes scanned test documents from text documents that have gold: each page rendered with pdftoppm,
/// then degraded the way archive scans are (tilt, low resolution, JPEG blocking, speckle, a red seal over
/// the heading, the sheet fed sideways or upside down) and wrapped as an image-only PDF. The gold is the
/// source document's gold with the new file name: written before any extractor sees the scan.
/// </summary>
public static class ScanCorpus
{
    /// <summary>One scan to make: source (folder/file under corpus), output stem and its degradations.</summary>
    public sealed record Recipe(string Source, string Stem, int Dpi, double Tilt, int Turn, double Speckle, int Noise, int JpegQuality, bool Seal, int Seed);

    public static readonly Recipe[] Recipes =
    {
        new("synthetic/proj_self_02.pdf", "scan_proj_self_02_tilt_jpeg", 200, 1.2, 0, 0.0001, 6, 70, false, 1),
        new("synthetic/dept_target_03.pdf", "scan_dept_target_03_seal_150dpi", 150, -0.6, 0, 0.0001, 4, 80, true, 2),
        new("real-gold/xian_self_p55.pdf", "scan_xian_self_p55_turned90", 200, 0.4, 90, 0.0002, 6, 75, false, 3),
        new("real-gold/guojia_xinfang_self_p34.pdf", "scan_guojia_self_p34_upside_down_speckle", 200, 0, 180, 0.002, 4, 80, true, 4),
        new("real-gold/fuzhou_2026_target_p23_24.pdf", "scan_fuzhou_2026_target_turned270", 200, -0.8, 270, 0.0002, 6, 65, false, 5),
    };

    /// <summary>Writes every recipe's PDF and gold into <paramref name="outDir"/>; returns the PDF paths.</summary>
    public static List<string> Generate(string corpus, string outDir, IEnumerable<Recipe>? recipes = null)
    {
        Directory.CreateDirectory(outDir);
        var made = new List<string>();
        foreach (var r in recipes ?? Recipes)
        {
            var source = Path.Combine(corpus, r.Source);
            var pdf = Path.Combine(outDir, r.Stem + ".pdf");
            var pages = Render(source, r.Dpi).Select(p => Degrade(p, r)).ToList();
            File.WriteAllBytes(pdf, ImagePdf.Write(pages, r.Dpi));
            var gold = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(source, null) + ".gold.json"))!;
            gold["file"] = r.Stem + ".pdf";
            File.WriteAllText(Path.Combine(outDir, r.Stem + ".gold.json"), gold.ToJsonString(new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            made.Add(pdf);
        }
        return made;
    }

    /// <summary>An RGB raster.</summary>
    public sealed record Page(int Width, int Height, byte[] Rgb);

    static List<Page> Render(string pdf, int dpi)
    {
        var dir = Path.Combine(Path.GetTempPath(), "scan-corpus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var psi = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-r", dpi.ToString(CultureInfo.InvariantCulture), pdf, Path.Combine(dir, "p") }) psi.ArgumentList.Add(a);
            using (var p = Process.Start(psi)!)
            {
                p.StandardError.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0) throw new InvalidOperationException($"pdftoppm failed on {pdf}");
            }
            return Directory.GetFiles(dir, "*.ppm").Order(StringComparer.Ordinal).Select(ReadPpm).ToList();
        }
        finally { Directory.Delete(dir, true); }
    }

    static Page ReadPpm(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int at = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[at])) at++;
            int start = at;
            while (!char.IsWhiteSpace((char)bytes[at])) at++;
            return Encoding.ASCII.GetString(bytes, start, at - start);
        }
        if (Token() != "P6") throw new InvalidDataException(path);
        int w = int.Parse(Token()), h = int.Parse(Token());
        Token();
        at++;
        return new Page(w, h, bytes.AsSpan(at, w * h * 3).ToArray());
    }

    public static Page Degrade(Page page, Recipe r)
    {
        var rng = new Random(r.Seed);
        if (r.Seal) page = Seal(page, rng);
        if (r.Tilt != 0) page = Tilt(page, r.Tilt);
        page = Noise(page, r.Noise, r.Speckle, rng);
        if (r.JpegQuality > 0) page = Blocking(page, r.JpegQuality);
        return Turn(page, r.Turn);
    }

    /// <summary>A red round seal (ring, star, an arc of strokes) stamped over the heading, multiplied over the print as ink is.</summary>
    static Page Seal(Page p, Random rng)
    {
        var rgb = (byte[])p.Rgb.Clone();
        double cx = p.Width * (0.45 + rng.NextDouble() * 0.1), cy = p.Height * 0.12, radius = p.Width * 0.12;
        void Ink(int x, int y)
        {
            if (x < 0 || y < 0 || x >= p.Width || y >= p.Height) return;
            int i = (y * p.Width + x) * 3;
            rgb[i] = Math.Min(rgb[i], (byte)215); rgb[i + 1] = Math.Min(rgb[i + 1], (byte)40); rgb[i + 2] = Math.Min(rgb[i + 2], (byte)45);
        }
        double thick = radius * 0.06;
        for (int y = (int)(cy - radius - thick); y <= cy + radius + thick; y++)
            for (int x = (int)(cx - radius - thick); x <= cx + radius + thick; x++)
            {
                double d = Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
                if (Math.Abs(d - radius) < thick) Ink(x, y);
                // Blocky strokes along an inner arc stand in for the seal's lettering.
                double a = Math.Atan2(y - cy, x - cx);
                if (d > radius * 0.62 && d < radius * 0.82 && a < -0.3 && a > -2.8 && ((int)((a + 4) * 18) % 2 == 0) && rng.NextDouble() < 0.7) Ink(x, y);
                // The star in the middle.
                if (Star(x - cx, y - cy, radius * 0.3)) Ink(x, y);
            }
        return p with { Rgb = rgb };
    }

    static bool Star(double x, double y, double r)
    {
        double d = Math.Sqrt(x * x + y * y);
        if (d > r) return false;
        double a = Math.Atan2(y, x) + Math.PI / 2;
        double k = Math.Abs(((a / (2 * Math.PI / 5)) % 1 + 1) % 1 - 0.5) * 2;   // 1 at a point, 0 between points
        return d < r * (0.4 + 0.6 * k);
    }

    /// <summary>The sheet turned by a small angle about its centre (bilinear, white outside).</summary>
    static Page Tilt(Page p, double degrees)
    {
        double a = degrees * Math.PI / 180, cos = Math.Cos(a), sin = Math.Sin(a);
        var dst = new byte[p.Rgb.Length];
        double cx = p.Width / 2.0, cy = p.Height / 2.0;
        for (int y = 0; y < p.Height; y++)
            for (int x = 0; x < p.Width; x++)
            {
                double sx = cx + (x - cx) * cos + (y - cy) * sin, sy = cy - (x - cx) * sin + (y - cy) * cos;
                int x0 = (int)Math.Floor(sx), y0 = (int)Math.Floor(sy);
                double fx = sx - x0, fy = sy - y0;
                for (int c = 0; c < 3; c++)
                {
                    double At(int xx, int yy) => xx < 0 || yy < 0 || xx >= p.Width || yy >= p.Height ? 255 : p.Rgb[(yy * p.Width + xx) * 3 + c];
                    double v = At(x0, y0) * (1 - fx) * (1 - fy) + At(x0 + 1, y0) * fx * (1 - fy) + At(x0, y0 + 1) * (1 - fx) * fy + At(x0 + 1, y0 + 1) * fx * fy;
                    dst[(y * p.Width + x) * 3 + c] = (byte)Math.Clamp(Math.Round(v), 0, 255);
                }
            }
        return p with { Rgb = dst };
    }

    /// <summary>Sensor noise on every pixel and dark specks (dust, toner) scattered over the sheet.</summary>
    static Page Noise(Page p, int amplitude, double speckle, Random rng)
    {
        var rgb = (byte[])p.Rgb.Clone();
        for (int i = 0; i < rgb.Length; i += 3)
        {
            int n = amplitude == 0 ? 0 : rng.Next(-amplitude, amplitude + 1);
            for (int c = 0; c < 3; c++) rgb[i + c] = (byte)Math.Clamp(rgb[i + c] + n, 0, 255);
        }
        int specks = (int)(p.Width * p.Height * speckle);
        for (int s = 0; s < specks; s++)
        {
            int x = rng.Next(p.Width), y = rng.Next(p.Height), size = 1 + rng.Next(3);
            for (int dy = 0; dy < size; dy++)
                for (int dx = 0; dx < size; dx++)
                {
                    int xx = x + dx, yy = y + dy;
                    if (xx >= p.Width || yy >= p.Height) continue;
                    int i = (yy * p.Width + xx) * 3;
                    rgb[i] = rgb[i + 1] = rgb[i + 2] = (byte)rng.Next(20, 90);
                }
        }
        return p with { Rgb = rgb };
    }

    /// <summary>JPEG's artefact: every 8×8 block through a DCT with its coefficients quantised (quality 1..100).</summary>
    static Page Blocking(Page p, int quality)
    {
        double scale = quality < 50 ? 5000.0 / quality : 200 - 2 * quality;
        var q = new double[64];
        for (int v = 0; v < 8; v++)
            for (int u = 0; u < 8; u++)
                q[v * 8 + u] = Math.Max(1, Math.Floor((BaseQuant[v * 8 + u] * scale + 50) / 100));
        // Orthonormal 8-point DCT basis: C[u,x] = c(u) cos((2x+1)uπ/16); the 2-D transform is separable.
        var C = new double[64];
        for (int u = 0; u < 8; u++)
            for (int x = 0; x < 8; x++) C[u * 8 + x] = (u == 0 ? Math.Sqrt(0.125) : 0.5) * Math.Cos((2 * x + 1) * u * Math.PI / 16);
        var rgb = (byte[])p.Rgb.Clone();
        var block = new double[64];
        var tmp = new double[64];
        for (int c = 0; c < 3; c++)
            for (int by = 0; by + 8 <= p.Height; by += 8)
                for (int bx = 0; bx + 8 <= p.Width; bx += 8)
                {
                    for (int y = 0; y < 8; y++)
                        for (int x = 0; x < 8; x++) block[y * 8 + x] = rgb[((by + y) * p.Width + bx + x) * 3 + c] - 128.0;
                    Transform(C, block, tmp, inverse: false);
                    for (int i = 0; i < 64; i++) block[i] = Math.Round(block[i] / q[i]) * q[i];
                    Transform(C, block, tmp, inverse: true);
                    for (int y = 0; y < 8; y++)
                        for (int x = 0; x < 8; x++) rgb[((by + y) * p.Width + bx + x) * 3 + c] = (byte)Math.Clamp(Math.Round(block[y * 8 + x] + 128), 0, 255);
                }
        return p with { Rgb = rgb };
    }

    /// <summary>In place: B = C·A·Cᵀ (forward) or A = Cᵀ·B·C (inverse).</summary>
    static void Transform(double[] C, double[] a, double[] t, bool inverse)
    {
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 8; j++)
            {
                double s = 0;
                for (int k = 0; k < 8; k++) s += (inverse ? C[k * 8 + i] : C[i * 8 + k]) * a[k * 8 + j];
                t[i * 8 + j] = s;
            }
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 8; j++)
            {
                double s = 0;
                for (int k = 0; k < 8; k++) s += t[i * 8 + k] * (inverse ? C[k * 8 + j] : C[j * 8 + k]);
                a[i * 8 + j] = s;
            }
    }

    static readonly int[] BaseQuant =
    {
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    };

    /// <summary>The sheet fed turned by a quarter turn or two (clockwise degrees).</summary>
    public static Page Turn(Page p, int degrees)
    {
        int turns = ((degrees / 90) % 4 + 4) % 4;
        if (turns == 0) return p;
        int w = p.Width, h = p.Height, nw = turns % 2 == 0 ? w : h, nh = turns % 2 == 0 ? h : w;
        var dst = new byte[p.Rgb.Length];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                var (nx, ny) = turns switch { 1 => (h - 1 - y, x), 2 => (w - 1 - x, h - 1 - y), _ => (y, w - 1 - x) };
                Array.Copy(p.Rgb, (y * w + x) * 3, dst, (ny * nw + nx) * 3, 3);
            }
        return new Page(nw, nh, dst);
    }
}

/// <summary>An image-only PDF: one page per raster, each an RGB image (Flate) filling the page.</summary>
public static class ImagePdf
{
    public static byte[] Write(IReadOnlyList<ScanCorpus.Page> pages, int dpi)
    {
        var ms = new MemoryStream();
        var offsets = new List<long>();
        void Raw(string s) { var b = Encoding.ASCII.GetBytes(s); ms.Write(b); }
        void Begin(int id) { while (offsets.Count < id) offsets.Add(0); offsets[id - 1] = ms.Position; Raw($"{id} 0 obj\n"); }
        Raw("%PDF-1.4\n%\u00e2\u00e3\n");
        int n = pages.Count;
        // 1 catalog, 2 pages, then per page: page, contents, image.
        Begin(1); Raw("<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        Begin(2); Raw("<< /Type /Pages /Kids [" + string.Join(" ", Enumerable.Range(0, n).Select(i => $"{3 + i * 3} 0 R")) + $"] /Count {n} >>\nendobj\n");
        for (int i = 0; i < n; i++)
        {
            var p = pages[i];
            int page = 3 + i * 3;
            string w = (p.Width * 72.0 / dpi).ToString("0.##", CultureInfo.InvariantCulture), h = (p.Height * 72.0 / dpi).ToString("0.##", CultureInfo.InvariantCulture);
            Begin(page);
            Raw($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] /Resources << /XObject << /Im0 {page + 2} 0 R >> >> /Contents {page + 1} 0 R >>\nendobj\n");
            var content = $"q {w} 0 0 {h} 0 0 cm /Im0 Do Q";
            Begin(page + 1); Raw($"<< /Length {content.Length} >>\nstream\n{content}\nendstream\nendobj\n");
            var packed = new MemoryStream();
            using (var z = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(p.Rgb);
            Begin(page + 2);
            Raw($"<< /Type /XObject /Subtype /Image /Width {p.Width} /Height {p.Height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length {packed.Length} >>\nstream\n");
            ms.Write(packed.ToArray());
            Raw("\nendstream\nendobj\n");
        }
        long xref = ms.Position;
        Raw($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Raw($"{o:D10} 00000 n \n");
        Raw($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return ms.ToArray();
    }
}
