namespace Jixiao.Ingest.Ocr;

/// <summary>
/// An 8-bit grayscale raster as pdftoppm -gray writes it (binary PGM, P5). Enough to rotate scans
/// and look for table rules without an imaging library.
/// </summary>
internal sealed class GrayImage
{
    public GrayImage(int width, int height, byte[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Pixels { get; }

    public byte this[int x, int y] => Pixels[y * Width + x];

    public static GrayImage ReadPgm(string path)
    {
        using var fs = File.OpenRead(path);
        string magic = Token(fs);
        if (magic != "P5") throw new InvalidDataException("not a binary PGM: " + magic);
        int w = int.Parse(Token(fs)), h = int.Parse(Token(fs)), max = int.Parse(Token(fs));
        if (w <= 0 || h <= 0 || max != 255 || (long)w * h > 200_000_000L) throw new InvalidDataException($"unsupported PGM {w}x{h} max {max}");
        var pixels = new byte[w * h];
        fs.ReadExactly(pixels);
        return new GrayImage(w, h, pixels);
    }

    /// <summary>
    /// Reads a colour PPM (P6) as gray, taking each pixel's brightest channel: black print stays black,
    /// while coloured ink (a red seal stamped over a label, a blue signature) turns light and stops
    /// hiding the text under it. Also reads P5 as it is.
    /// </summary>
    public static GrayImage ReadPpm(string path)
    {
        using var fs = File.OpenRead(path);
        string magic = Token(fs);
        if (magic == "P5") { fs.Position = 0; fs.Close(); return ReadPgm(path); }
        if (magic != "P6") throw new InvalidDataException("not a binary PPM: " + magic);
        int w = int.Parse(Token(fs)), h = int.Parse(Token(fs)), max = int.Parse(Token(fs));
        if (w <= 0 || h <= 0 || max != 255 || (long)w * h > 200_000_000L) throw new InvalidDataException($"unsupported PPM {w}x{h} max {max}");
        var pixels = new byte[w * h];
        var row = new byte[w * 3];
        for (int y = 0; y < h; y++)
        {
            fs.ReadExactly(row);
            int o = y * w;
            for (int x = 0, i = 0; x < w; x++, i += 3)
                pixels[o + x] = Math.Max(row[i], Math.Max(row[i + 1], row[i + 2]));
        }
        return new GrayImage(w, h, pixels);
    }

    public void WritePgm(string path)
    {
        using var fs = File.Create(path);
        var header = System.Text.Encoding.ASCII.GetBytes($"P5\n{Width} {Height}\n255\n");
        fs.Write(header);
        fs.Write(Pixels);
    }

    /// <summary>A copy of a rectangle with a white margin around it (tesseract reads edge-touching text badly).</summary>
    public GrayImage Crop(int x0, int y0, int x1, int y1, int pad)
    {
        x0 = Math.Clamp(x0, 0, Width); x1 = Math.Clamp(x1, 0, Width);
        y0 = Math.Clamp(y0, 0, Height); y1 = Math.Clamp(y1, 0, Height);
        int w = Math.Max(0, x1 - x0) + 2 * pad, h = Math.Max(0, y1 - y0) + 2 * pad;
        var dst = new byte[w * h];
        Array.Fill(dst, (byte)255);
        for (int y = y0; y < y1; y++)
            Array.Copy(Pixels, y * Width + x0, dst, (y - y0 + pad) * w + pad, x1 - x0);
        return new GrayImage(w, h, dst);
    }

    /// <summary>Paints a rectangle white.</summary>
    public void Blank(int x0, int y0, int x1, int y1)
    {
        x0 = Math.Clamp(x0, 0, Width); x1 = Math.Clamp(x1, 0, Width);
        y0 = Math.Clamp(y0, 0, Height); y1 = Math.Clamp(y1, 0, Height);
        for (int y = y0; y < y1; y++) Array.Fill(Pixels, (byte)255, y * Width + x0, x1 - x0);
    }

    /// <summary>Rotates clockwise by a multiple of 90 degrees.</summary>
    public GrayImage RotateClockwise(int degrees)
    {
        int turns = ((degrees / 90) % 4 + 4) % 4;
        if (turns == 0) return this;
        int w = Width, h = Height;
        int nw = turns % 2 == 0 ? w : h, nh = turns % 2 == 0 ? h : w;
        var dst = new byte[w * h];
        for (int y = 0; y < h; y++)
        {
            int row = y * w;
            for (int x = 0; x < w; x++)
            {
                int nx, ny;
                switch (turns)
                {
                    case 1: nx = h - 1 - y; ny = x; break;
                    case 2: nx = w - 1 - x; ny = h - 1 - y; break;
                    default: nx = y; ny = w - 1 - x; break;
                }
                dst[ny * nw + nx] = Pixels[row + x];
            }
        }
        return new GrayImage(nw, nh, dst);
    }

    static string Token(Stream s)
    {
        var sb = new System.Text.StringBuilder();
        while (true)
        {
            int b = s.ReadByte();
            if (b < 0) break;
            if (b == '#') { while (b >= 0 && b != '\n') b = s.ReadByte(); continue; }
            if (char.IsWhiteSpace((char)b)) { if (sb.Length > 0) break; continue; }
            sb.Append((char)b);
            if (sb.Length > 16) break;
        }
        return sb.ToString();
    }
}
