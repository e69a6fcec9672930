namespace Jixiao.Ingest.Ocr.Paddle;

/// <summary>
/// PP-OCR (v4 detection and recognition, mobile direction classifier) run in-process through ONNX
/// Runtime. Table cells are recognised directly (a cell holding more than one line is detected
/// first); the page outside the tables goes through detection. Every model run has its own time box.
/// </summary>
internal sealed class PaddleOcrEngine : IOcrEngine
{
    readonly TimeSpan _lineLimit, _areaLimit;
    readonly PaddleModels _models;

    /// <param name="lineLimit">Time box of one recognition run (a batch of lines) and of detection inside one cell.</param>
    /// <param name="areaLimit">Time box of detection over the page outside the tables.</param>
    /// <param name="models">The sessions to run (the process's shared ones unless a test brings its own).</param>
    public PaddleOcrEngine(TimeSpan? lineLimit = null, TimeSpan? areaLimit = null, PaddleModels? models = null)
    {
        _models = models ?? PaddleModels.Shared;
        // Generous: a box is there to stop a pathological region, not to race a busy machine.
        _lineLimit = lineLimit ?? TimeSpan.FromSeconds(60);
        _areaLimit = areaLimit ?? TimeSpan.FromSeconds(120);
    }

    public string Name => "pp-ocr";

    /// <summary>
    /// Fails at once when a model file is missing; otherwise starts loading the models in the background, so that
    /// the half second the load takes overlaps the page's rendering and clean-up (see <see cref="PaddleModels"/>).
    /// </summary>
    public void EnsureAvailable(CancellationToken cancel)
    {
        ModelResources.EnsurePresent();
        _models.StartLoading();
    }

    /// <summary>Lines padded alike, as one batch of recognition used to be.</summary>
    const int Group = 8;
    // A detected line read below this is noise (speckle, a seal's rim) outside a cell; inside a cell it is kept and flagged.
    const float AreaFloor = 0.5f, CellFloor = 0.3f;
    // More boxes than this in the page outside the tables is speckle, not text.
    const int SpeckleBoxes = 400;

    /// <summary>Lines of a page read first when the caller asks whether the page is upright (see <see cref="IOcrEngine.Read"/>).</summary>
    internal const int SampleLines = 32;

    public OcrReading? Read(GrayImage image, IReadOnlyList<OcrRegion> regions, CancellationToken cancel, Func<OcrSample, bool>? upright = null)
    {
        var warnings = new List<string>();
        var lines = Lines(image, regions, warnings, cancel);
        OcrTimings.Mark($"{lines.Count} lines found");
        TextRecognizer recognizer;
        // What is left of the model load started by EnsureAvailable.
        using (OcrTimings.Time("models")) recognizer = _models.Recognizer;
        var recognition = new Recognition(this, recognizer, image, lines, cancel);
        if (upright is not null)
        {
            // Lines spread over the page, in page order; read as part of the page, so an upright page wastes nothing.
            int n = Math.Min(SampleLines, lines.Count);
            var sample = Enumerable.Range(0, n).Select(k => (int)((long)k * lines.Count / n)).ToArray();
            using (OcrTimings.Time("recognise")) recognition.Run(sample);
            if (!upright(new OcrSample(recognition.Words(sample), n, lines.Count))) return null;
        }
        using (OcrTimings.Time("recognise")) recognition.Run(Enumerable.Range(0, lines.Count).ToArray());
        return new OcrReading(recognition.Words(null), recognition.Warnings(warnings));
    }

    /// <summary>The text lines to recognise: found by ink profile inside cells (by the detector where lines touch), detected elsewhere.</summary>
    internal List<(int X0, int Y0, int X1, int Y1, bool InCell, CellWrap Wrap)> Lines(GrayImage image, IReadOnlyList<OcrRegion> regions, List<string> warnings, CancellationToken cancel)
    {
        TextDetector detector;
        using (OcrTimings.Time("models")) detector = _models.Detector;
        var cellLines = new List<(int X0, int Y0, int X1, int Y1, bool InCell, CellWrap Wrap)>();
        var areaLines = new List<(int X0, int Y0, int X1, int Y1, bool InCell, CellWrap Wrap)>();
        var cellWarnings = new List<string>();
        var areaWarnings = new List<string>();
        // The cells (ink profiles, a few small detections) beside the detection of the areas outside the tables: on a
        // page read alone (a one-page document) the second core has nothing else to do. Each part keeps its own order,
        // and the parts are joined in a fixed order, so the lines come out as when they were found one after the other.
        try
        {
            Parallel.Invoke(new ParallelOptions { CancellationToken = cancel },
                () => AreaLines(detector, image, regions, areaLines, areaWarnings, cancel),
                () => CellLinesOf(detector, image, regions, cellLines, cellWarnings, cancel));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Fail as the parts did, not wrapped: callers tell cancellation and lack of memory from a page's error.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        warnings.AddRange(cellWarnings);
        warnings.AddRange(areaWarnings);
        cellLines.AddRange(areaLines);
        return cellLines;
    }

    void CellLinesOf(TextDetector detector, GrayImage image, IReadOnlyList<OcrRegion> regions, List<(int X0, int Y0, int X1, int Y1, bool InCell, CellWrap Wrap)> lines, List<string> warnings, CancellationToken cancel)
    {
        var cellRegions = regions.Where(r => r.IsCell).ToList();
        // The page's text height: the median line of the cells that hold one line.
        int textHeight = Median(cellRegions.Select(r => CellLines.Find(image, r, 0)).Where(l => l.Count == 1).Select(l => l[0].Y1 - l[0].Y0));
        foreach (var r in cellRegions)
        {
            var found = CellLines.Find(image, r, textHeight);
            if (found.Count == 0) continue;
            if (textHeight > 0 && found.Any(l => l.Y1 - l.Y0 > textHeight * 1.7))
            {
                // Lines set so tight that their ink touches: let the detector find them.
                try
                {
                    List<(int X0, int Y0, int X1, int Y1, float Score)> detected;
                    using (OcrTimings.Time("detect")) detected = detector.Detect(image, r, _lineLimit, cancel);
                    if (detected.Count > 0)
                    {
                        int firstTop = detected.Min(b => b.Y0), lastTop = detected.Max(b => b.Y0);
                        lines.AddRange(detected.Select(b => Clip(image, (b.X0, b.Y0, b.X1, b.Y1), r) with { Item6 = CellWraps(b.Y0 > firstTop, b.Y0 < lastTop) }));
                        continue;
                    }
                }
                catch (TimeoutException) { warnings.Add($"cell at ({r.X0},{r.Y0}): line detection timed out, read by ink profile"); }
            }
            lines.AddRange(found.Select((l, k) => Pad(l, r) with { Item6 = CellWraps(k > 0, k < found.Count - 1) }));
        }
    }

    void AreaLines(TextDetector detector, GrayImage image, IReadOnlyList<OcrRegion> regions, List<(int X0, int Y0, int X1, int Y1, bool InCell, CellWrap Wrap)> lines, List<string> warnings, CancellationToken cancel)
    {
        foreach (var r in regions.Where(r => !r.IsCell))
        {
            if (InkBox.Of(image, r) is null) continue;
            try
            {
                List<(int X0, int Y0, int X1, int Y1, float Score)> found;
                using (OcrTimings.Time("detect")) found = detector.Detect(image, r, _areaLimit, cancel);
                if (found.Count > SpeckleBoxes)
                {
                    warnings.Add($"area {r.Width}x{r.Height} px at ({r.X0},{r.Y0}) skipped: {found.Count} specks, no legible text");
                    continue;
                }
                lines.AddRange(found.Select(b => (b.X0, b.Y0, b.X1, b.Y1, false, CellWrap.None)));
            }
            catch (TimeoutException e)
            {
                warnings.Add($"area {r.Width}x{r.Height} px at ({r.X0},{r.Y0}) skipped: {e.Message}");
            }
        }
    }

    /// <summary>
    /// The recognition of one page's lines, run in parts (a sample first, then the rest): a line is read once, with the
    /// same padding whichever part it is read in, so the parts together read as the page read at once.
    /// </summary>
    sealed class Recognition
    {
        readonly PaddleOcrEngine _engine;
        readonly TextRecognizer _rec;
        readonly GrayImage _image;
        readonly List<(int X0, int Y0, int X1, int Y1, bool InCell, CellWrap Wrap)> _lines;
        readonly CancellationToken _cancel;
        readonly int[] _padTo;
        readonly OcrWord?[] _read;
        readonly bool[] _done;
        int _timedOut;
        string? _timeout;

        public Recognition(PaddleOcrEngine engine, TextRecognizer rec, GrayImage image, List<(int X0, int Y0, int X1, int Y1, bool InCell, CellWrap Wrap)> lines, CancellationToken cancel)
        {
            (_engine, _rec, _image, _lines, _cancel) = (engine, rec, image, lines, cancel);
            _read = new OcrWord?[lines.Count];
            _done = new bool[lines.Count];
            // Each line is padded to the widest of its group of 8 in aspect order, the padding it had when such a group was
            // one batch: recognition depends on the padding, and on noisy lines any other padding (none, or a fixed margin)
            // read some lines better and others worse. One model run per line costs about 20% less CPU than the batch of 8
            // (small tensors stay in cache).
            var order = Enumerable.Range(0, lines.Count).OrderBy(i => (double)(lines[i].X1 - lines[i].X0) / Math.Max(1, lines[i].Y1 - lines[i].Y0)).ToArray();
            _padTo = new int[lines.Count];
            for (int g = 0; g < order.Length; g += Group)
            {
                var group = order.Skip(g).Take(Group).ToArray();
                int widest = group.Max(i => TextRecognizer.Width((lines[i].X0, lines[i].Y0, lines[i].X1, lines[i].Y1)));
                foreach (var i in group) _padTo[i] = widest;
            }
        }

        /// <summary>
        /// Reads the lines not yet read among <paramref name="which"/>. Runs go on all cores, longest first so that no core
        /// is left with a long line at the end; the session is shared and its Run is thread-safe.
        /// </summary>
        public void Run(int[] which)
        {
            var longestFirst = which.Where(i => !_done[i]).OrderByDescending(i => _padTo[i]).ThenBy(i => i).ToArray();
            Parallel.For(0, longestFirst.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = _cancel }, k =>
            {
                int i = longestFirst[k];
                _done[i] = true;
                var l = _lines[i];
                string text;
                float conf;
                try { (text, conf) = _rec.Read(_image, (l.X0, l.Y0, l.X1, l.Y1), _engine._lineLimit, _cancel, _padTo[i]); }
                catch (TimeoutException e)
                {
                    Interlocked.Increment(ref _timedOut);
                    _timeout = e.Message;
                    return;
                }
                if (l.InCell) text = WithoutSpecks(text, l.Wrap);
                if (text.Length == 0 || conf < (l.InCell ? CellFloor : AreaFloor)) return;
                _read[i] = new OcrWord(text, l.X0, l.Y0, l.X1 - l.X0, l.Y1 - l.Y0, Math.Round(conf * 100, 1));
            });
        }

        /// <summary>The words read of <paramref name="which"/> lines (all when null), in the order of the lines.</summary>
        public List<OcrWord> Words(int[]? which) =>
            (which ?? Enumerable.Range(0, _read.Length)).Where(i => _read[i].HasValue).Select(i => _read[i]!.Value).ToList();

        public List<string> Warnings(List<string> warnings)
        {
            if (_timedOut > 0) warnings.Add($"{_timedOut} text line(s) skipped: {_timeout}");
            return warnings;
        }
    }

    /// <summary>
    /// Clockwise degrees (0, 90, 180, 270) that make the page upright. Detection on a small copy tells
    /// lying from standing lines; the direction classifier, checked by recognition confidence when unsure,
    /// tells upright from upside down.
    /// </summary>
    public int UprightTurns(GrayImage page, CancellationToken cancel)
    {
        var m = _models;
        var all = new OcrRegion(0, 0, page.Width, page.Height, false);
        List<(int X0, int Y0, int X1, int Y1, float Score)> boxes;
        try { boxes = m.Detector.Detect(page, all, _areaLimit, cancel, maxSide: 960); }
        catch (TimeoutException) { return 0; }
        double wide = boxes.Where(b => b.X1 - b.X0 > 2 * (b.Y1 - b.Y0)).Sum(b => (double)(b.X1 - b.X0));
        double tall = boxes.Where(b => b.Y1 - b.Y0 > 2 * (b.X1 - b.X0)).Sum(b => (double)(b.Y1 - b.Y0));
        int turn = tall > wide * 1.5 ? 90 : 0;
        var sample = boxes.Where(b => turn == 0 ? b.X1 - b.X0 > 2 * (b.Y1 - b.Y0) : b.Y1 - b.Y0 > 2 * (b.X1 - b.X0))
            .OrderByDescending(b => turn == 0 ? b.X1 - b.X0 : b.Y1 - b.Y0).Take(8).ToList();
        if (sample.Count == 0) return 0;
        // Turn each sampled line upright (for this candidate) as its own small image.
        var crops = sample.Select(b => page.Crop(b.X0, b.Y0, b.X1, b.Y1, 0).RotateClockwise(turn)).ToList();
        try
        {
            double flipped = crops.Select(c => m.Direction.UpsideDown(c, new[] { (0, 0, c.Width, c.Height) }, _lineLimit, cancel)[0]).Average();
            if (flipped > 0.8) return turn + 180;
            if (flipped < 0.2) return turn;
            double Confidence(int extra) => crops.Select(c =>
            {
                var u = c.RotateClockwise(extra);
                return (double)m.Recognizer.Read(u, (0, 0, u.Width, u.Height), _lineLimit, cancel).Confidence;
            }).Average();
            return Confidence(180) > Confidence(0) ? turn + 180 : turn;
        }
        catch (TimeoutException) { return turn; }
    }

    static readonly char[] SpeckMarks = " ·.,，。:：;；'\"`、‘’“”".ToCharArray();

    /// <summary>
    /// Specks near a cell's text come back as dots and commas at the ends of the line and as middle dots
    /// inside it; a cell value neither starts nor ends with such a mark, except a sentence's full stop
    /// (。 is a ring no speck makes, and a goal's sentences end with it). A 。 alone is the end of a sentence
    /// wrapped onto a line of its own, and so is the 。 of any line that continues the line above it in the cell
    /// (施。 ending …整改措⏎施。). A line the cell's text goes on below may end with the 、，or ； of a list it wraps
    /// (LPR+150BPs、⏎脱贫地区…, …步提升空间；⏎后续…): kept after a few characters ending in a word, not after a number.
    /// </summary>
    internal static string WithoutSpecks(string text, CellWrap wrap = CellWrap.None)
    {
        var kept = text.Replace("·", "").Trim(SpeckMarks);
        var listed = text.TrimEnd(' ', '·');
        if (wrap.HasFlag(CellWrap.Below) && kept.Length >= ListLineChars && char.IsLetter(kept[^1]) && listed[^1] is '、' or '，' or '；' && listed.TrimEnd('、', '，', '；').EndsWith(kept)) kept += listed[^1];
        // A quote that starts or ends a name (“三公”经费变动率) has its partner inside the text; a speck's has none.
        var inner = text.Replace("·", "").Trim(SpeckMarks.Except("“‘”’").ToArray());
        if (inner.Length > kept.Length && Paired(inner)) kept = inner;
        var end = text.TrimEnd(' ', '·');
        if (kept.Length == 0) return end.Trim(' ', '·') == "。" ? "。" : "";
        return end.EndsWith('。') && (kept.Length >= SentenceChars || wrap.HasFlag(CellWrap.Above)) && !kept.EndsWith('。') ? kept + "。" : kept;
    }

    /// <summary>Every quote mark of the text has its partner: “ before ”, ‘ before ’.</summary>
    static bool Paired(string text)
    {
        int open = 0, single = 0;
        foreach (var c in text)
        {
            if (c == '“') open++;
            else if (c == '”' && --open < 0) return false;
            else if (c == '‘') single++;
            else if (c == '’' && --single < 0) return false;
        }
        return open == 0 && single == 0;
    }

    static CellWrap CellWraps(bool above, bool below) => (above ? CellWrap.Above : CellWrap.None) | (below ? CellWrap.Below : CellWrap.None);

    /// <summary>A wrapped line this long, ending in a word, may end with its list's 、，；.</summary>
    const int ListLineChars = 4;

    /// <summary>A line this long before its full stop is a sentence.</summary>
    const int SentenceChars = 6;

    /// <summary>A detected line inside a cell, kept inside the cell and widened over faint ink at its ends.</summary>
    static (int, int, int, int, bool, CellWrap) Clip(GrayImage image, (int X0, int Y0, int X1, int Y1) b, OcrRegion r)
    {
        int y0 = Math.Max(b.Y0, r.Y0), y1 = Math.Min(b.Y1, r.Y1);
        var (x0, x1) = CellLines.Widened(image, r, Math.Max(b.X0, r.X0), y0, Math.Min(b.X1, r.X1), y1);
        return (x0, y0, x1, y1, true, CellWrap.None);
    }

    /// <summary>The ink of a one-line cell with a margin like a detected box has, kept inside the cell.</summary>
    static (int, int, int, int, bool, CellWrap) Pad((int X0, int Y0, int X1, int Y1) ink, OcrRegion r)
    {
        int h = ink.Y1 - ink.Y0;
        int pv = Math.Max(2, h / 4), ph = Math.Max(3, h / 3);
        return (Math.Max(r.X0, ink.X0 - ph), Math.Max(r.Y0, ink.Y0 - pv), Math.Min(r.X1, ink.X1 + ph), Math.Min(r.Y1, ink.Y1 + pv), true, CellWrap.None);
    }

    static int Median(IEnumerable<int> values)
    {
        var list = values.OrderBy(v => v).ToList();
        return list.Count == 0 ? 0 : list[list.Count / 2];
    }
}

/// <summary>Where a line of a cell stands among the cell's lines: the cell's text goes on above it, below it, or both.</summary>
[Flags]
internal enum CellWrap { None = 0, Above = 1, Below = 2 }
