namespace Jixiao.Ingest.Ocr;

/// <summary>
/// Lifts a seal stamped over the print on a gray scan. Colour seals already turn light when the page is read by
/// its brightest channel (GrayImage.ReadPpm); on a grayscale scan a seal is a layer of mid-gray ink, lighter than
/// the print: its strokes have no dark core, while every printed stroke has one (its anti-aliased rim is mid-gray
/// too, but lies next to the core). So a mid-gray pixel with no dark pixel near it is seal ink and turns white;
/// where seal and print overlap the print's dark pixels stay. The dark level is read from the page, so a faded
/// scan whose print is itself mid-gray keeps its print.
/// </summary>
internal static class SealFilter
{
    const byte Paper = 200;
    /// <summary>How far (pixels at 200 dpi) a rim pixel may lie from its stroke's dark core.</summary>
    const int Reach = 2;
    /// <summary>A core-less piece of ink as big as a character (pixels at 200 dpi: 4 mm): seal lettering, rim or star.</summary>
    const int PieceSpan = 30;
    /// <summary>A seal's pieces together span at least this both ways (2 cm).</summary>
    const int SealSpan = 160;
    /// <summary>Inside a seal's area even its light halo goes: left as specks it reads as letters.</summary>
    const byte SealHalo = 240;
    /// <summary>Seal ink is solid mid-gray; lighter core-less pixels are the fringe of print.</summary>
    const byte SealInk = 175;
    const int Gap = 6;
    /// <summary>Ink pixels of the largest speck a seal leaves (a printed dot at 200 dpi has more).</summary>
    const int Speck = 20;
    /// <summary>Ink pixels of the largest blob the seal's darkest strokes leave.</summary>
    const int Blot = 120;
    /// <summary>Print's cores are this much darker than the dark level; a seal's darkest strokes are not.</summary>
    const int Margin = 30;
    /// <summary>A straight run of ink this long (pixels, about 2 cm) is a table rule: longer than any chord of a seal's rim.</summary>
    const int RuleRun = 150;
    /// <summary>The widest run of ink (pixels at 200 dpi) across a thin printed stroke; a seal's strokes are twice as wide.</summary>
    const int ThinRun = 4;

    /// <summary>Whitens the seal layer in place; returns the number of pixels lifted.</summary>
    public static int Lift(GrayImage img)
    {
        var px = img.Pixels;
        int w = img.Width, h = img.Height;
        int dark = DarkLevel(px);
        if (dark == 0) return 0;
        // Dark pixels, dilated by Reach (separably: rows, then columns).
        var near = new bool[px.Length];
        var rowNear = new bool[px.Length];
        for (int y = 0; y < h; y++)
        {
            int o = y * w, last = -w - Reach - 1;
            for (int x = 0; x < w; x++) { if (px[o + x] < dark) last = x; if (x - last <= Reach) rowNear[o + x] = true; }
            last = 2 * (w + h);
            for (int x = w - 1; x >= 0; x--) { if (px[o + x] < dark) last = x; if (last - x <= Reach) rowNear[o + x] = true; }
        }
        for (int x = 0; x < w; x++)
        {
            int last = -h - Reach - 1;
            for (int y = 0; y < h; y++) { if (rowNear[y * w + x]) last = y; if (y - last <= Reach) near[y * w + x] = true; }
            last = 2 * (w + h);
            for (int y = h - 1; y >= 0; y--) { if (rowNear[y * w + x]) last = y; if (last - y <= Reach) near[y * w + x] = true; }
        }
        ProtectRules(px, w, h, near);
        // Core-less ink that spreads over a seal-sized area in one piece (the seal's rim, its star) marks a seal;
        // core-less pixels inside that area are its lettering. Thin strokes of print never spread that far alone.
        var seen = new bool[px.Length];
        var stack = new Stack<int>();
        var pieces = new List<(int X0, int Y0, int X1, int Y1)>();
        for (int start = 0; start < px.Length; start++)
        {
            if (seen[start] || px[start] >= SealInk || near[start]) continue;
            int x0 = w, y0 = h, x1 = -1, y1 = -1;
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int i = stack.Pop(), x = i % w, y = i / w;
                x0 = Math.Min(x0, x); x1 = Math.Max(x1, x); y0 = Math.Min(y0, y); y1 = Math.Max(y1, y);
                // Pieces a few pixels apart are one: the print's dark strokes cut the rim where they cross it.
                for (int dy = -Gap; dy <= Gap; dy++)
                    for (int dx = -Gap; dx <= Gap; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                        int j = ny * w + nx;
                        if (seen[j] || px[j] >= SealInk || near[j]) continue;
                        seen[j] = true;
                        stack.Push(j);
                    }
            }
            if (x1 - x0 >= PieceSpan && y1 - y0 >= PieceSpan) pieces.Add((x0, y0, x1, y1));
        }
        // The table's rules cut a seal into pieces, one per cell it covers: pieces close together make one seal.
        int lifted = 0;
        foreach (var (x0, y0, x1, y1, count) in Clusters(pieces))
            if (count >= 3 && x1 - x0 >= SealSpan && y1 - y0 >= SealSpan)
                lifted += LiftArea(px, w, h, near, x0 - PieceSpan, y0 - PieceSpan, x1 + PieceSpan, y1 + PieceSpan, dark);
        return lifted;
    }

    static List<(int X0, int Y0, int X1, int Y1, int Count)> Clusters(List<(int X0, int Y0, int X1, int Y1)> pieces)
    {
        var clusters = pieces.Select(p => (p.X0, p.Y0, p.X1, p.Y1, Count: 1)).ToList();
        for (bool merged = true; merged;)
        {
            merged = false;
            for (int i = 0; i < clusters.Count && !merged; i++)
                for (int j = i + 1; j < clusters.Count && !merged; j++)
                {
                    var (a, b) = (clusters[i], clusters[j]);
                    if (a.X0 > b.X1 + PieceSpan * 2 || b.X0 > a.X1 + PieceSpan * 2 || a.Y0 > b.Y1 + PieceSpan * 2 || b.Y0 > a.Y1 + PieceSpan * 2) continue;
                    clusters[i] = (Math.Min(a.X0, b.X0), Math.Min(a.Y0, b.Y0), Math.Max(a.X1, b.X1), Math.Max(a.Y1, b.Y1), a.Count + b.Count);
                    clusters.RemoveAt(j);
                    merged = true;
                }
        }
        return clusters;
    }

    static int LiftArea(byte[] px, int w, int h, bool[] near, int x0, int y0, int x1, int y1, int dark)
    {
        x0 = Math.Max(0, x0); y0 = Math.Max(0, y0); x1 = Math.Min(w, x1); y1 = Math.Min(h, y1);
        var thin = ThinStrokes(px, w, x0, y0, x1, y1);
        int lifted = 0;
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++)
            {
                int i = y * w + x;
                if (px[i] < SealHalo && !near[i] && !thin[(y - y0) * (x1 - x0) + (x - x0)]) { px[i] = 255; lifted++; }
            }
        return lifted + Despeckle(px, w, h, x0, y0, x1, y1, dark);
    }

    /// <summary>
    /// Ink of a thin stroke: paper within <see cref="ThinRun"/> pixels on both sides, along the row or the column. A
    /// serif face prints its horizontal strokes thin and as light as seal ink (the bars of 主 and 政 have no dark
    /// core), while a seal's rim, star and lettering are solid and several times as wide, so across any of them the
    /// run of ink is long. Where a thin stroke crosses seal ink the two together are dark and kept as a core.
    /// </summary>
    static bool[] ThinStrokes(byte[] px, int w, int x0, int y0, int x1, int y1)
    {
        int aw = x1 - x0, ah = y1 - y0;
        var thin = new bool[Math.Max(0, aw * ah)];
        if (aw <= 0 || ah <= 0) return thin;
        // The same run rule along rows and along columns: (line, position) → offset in the area.
        void Runs(int lines, int length, Func<int, int, int> at)
        {
            for (int line = 0; line < lines; line++)
                for (int p = 0; p < length;)
                {
                    if (!Ink(at(line, p))) { p++; continue; }
                    int end = p;
                    while (end < length && Ink(at(line, end))) end++;
                    if (end - p <= ThinRun) for (int k = p; k < end; k++) thin[at(line, k)] = true;
                    p = end;
                }
        }
        bool Ink(int a) => px[(y0 + a / aw) * w + x0 + a % aw] < Paper;
        Runs(ah, aw, (y, x) => y * aw + x);
        Runs(aw, ah, (x, y) => y * aw + x);
        return thin;
    }

    /// <summary>A seal's darkest dots survive the lift as specks; in the seal's area a blob smaller than a stroke's dot goes.</summary>
    static int Despeckle(byte[] px, int w, int h, int x0, int y0, int x1, int y1, int dark)
    {
        var seen = new bool[(x1 - x0) * (y1 - y0)];
        var stack = new Stack<int>();
        var blob = new List<int>();
        int lifted = 0;
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++)
            {
                int s = (y - y0) * (x1 - x0) + (x - x0);
                if (seen[s] || px[y * w + x] >= SealHalo) continue;
                seen[s] = true;
                stack.Push(y * w + x);
                blob.Clear();
                // The whole piece is flooded even past Blot pixels: left half-seen, its rest would start a blob of its
                // own, smaller and maybe without the piece's dark core, and go as a speck (the light bar of a glyph).
                while (stack.Count > 0)
                {
                    int i = stack.Pop(), cx = i % w, cy = i / w;
                    blob.Add(i);
                    for (int dy = -1; dy <= 1; dy++)
                        for (int dx = -1; dx <= 1; dx++)
                        {
                            int nx = cx + dx, ny = cy + dy;
                            if (nx < x0 || ny < y0 || nx >= x1 || ny >= y1) continue;
                            int ns = (ny - y0) * (x1 - x0) + (nx - x0);
                            if (seen[ns] || px[ny * w + nx] >= SealHalo) continue;
                            seen[ns] = true;
                            stack.Push(ny * w + nx);
                        }
                }
                // A speck, or a bigger blob never as dark as print's cores (the seal's own darkest strokes).
                int darkest = blob.Min(i => px[i]);
                if (blob.Count > Blot || (blob.Count > Speck && darkest < dark - Margin)) continue;
                foreach (int i in blob) px[i] = 255;
                lifted += blob.Count;
            }
        return lifted;
    }

    /// <summary>Table rules may be printed thin and gray: a straight run of ink as long as a few characters is a rule, never seal ink.</summary>
    static void ProtectRules(byte[] px, int w, int h, bool[] near)
    {
        for (int y = 0; y < h; y++)
        {
            int o = y * w, start = -1;
            for (int x = 0; x <= w; x++)
            {
                bool ink = x < w && px[o + x] < Paper;
                if (ink && start < 0) start = x;
                else if (!ink && start >= 0) { if (x - start >= RuleRun) for (int k = start; k < x; k++) near[o + k] = true; start = -1; }
            }
        }
        for (int x = 0; x < w; x++)
        {
            int start = -1;
            for (int y = 0; y <= h; y++)
            {
                bool ink = y < h && px[y * w + x] < Paper;
                if (ink && start < 0) start = y;
                else if (!ink && start >= 0) { if (y - start >= RuleRun) for (int k = start; k < y; k++) near[k * w + x] = true; start = -1; }
            }
        }
    }

    /// <summary>
    /// The gray below which a pixel is a stroke's core: 40 levels above the darkest tenth of the ink, at least 100
    /// (black print) and at most 170 (faded print); 0 when the page holds too little ink to tell.
    /// </summary>
    static int DarkLevel(byte[] px)
    {
        var hist = new long[256];
        long ink = 0;
        for (int i = 0; i < px.Length; i += 2)
            if (px[i] < Paper) { hist[px[i]]++; ink++; }
        if (ink < 1000) return 0;
        long seen = 0;
        for (int v = 0; v < Paper; v++)
        {
            seen += hist[v];
            if (seen >= ink / 10) return Math.Clamp(v + 40, 100, 170);
        }
        return 0;
    }
}
