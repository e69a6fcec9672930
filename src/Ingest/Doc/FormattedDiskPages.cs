using System.Buffers.Binary;

namespace Jixiao.Ingest.Doc;

/// <summary>
/// Direct formatting stored in formatted disk pages: the PlcBtePapx / PlcBteChpx in the table stream
/// name 512-byte pages of the WordDocument stream (PapxFkp, MS-DOC 2.9.175; ChpxFkp, 2.9.33), each
/// mapping FC runs to a grpprl. All runs of all pages are indexed once, sorted by FC, so a lookup
/// is one binary search and never allocates. Word 6/95 pages differ a little (2-byte page numbers,
/// 7-byte BxPap, one-byte sprm codes); their grpprls are translated once into a side buffer.
/// </summary>
internal sealed class FormattedDiskPages
{
    const int PageSize = 512;

    readonly record struct Run(uint FcStart, uint FcEnd, int GrpprlOffset, int GrpprlLength);

    /// <summary>The bytes the runs' grpprl offsets point into: the WordDocument stream, or the Word 6 translations.</summary>
    readonly ArraySegment<byte> _wordDocument;
    readonly Run[] _runs;
    /// <summary>No two runs overlap (every sound file): one lookup's answer then holds over the whole run or gap it fell in.</summary>
    readonly bool _disjoint;

    FormattedDiskPages(ArraySegment<byte> wordDocument, Run[] runs)
    {
        _wordDocument = wordDocument;
        _runs = runs;
        _disjoint = true;
        for (int i = 1; i < runs.Length && _disjoint; i++) _disjoint = runs[i - 1].FcEnd <= runs[i].FcStart;
    }

    public static FormattedDiskPages Papx(ArraySegment<byte> wordDocument, ReadOnlySpan<byte> plcBte, bool word6 = false) =>
        Read(wordDocument, plcBte, paragraphs: true, word6);
    public static FormattedDiskPages Chpx(ArraySegment<byte> wordDocument, ReadOnlySpan<byte> plcBte, bool word6 = false) =>
        Read(wordDocument, plcBte, paragraphs: false, word6);

    /// <summary>The grpprl in force at stream offset <paramref name="fc"/>; empty when none.</summary>
    public ReadOnlySpan<byte> GrpprlAt(long fc) => GrpprlAt(fc, out _, out _, out _);

    /// <summary>
    /// The grpprl in force at <paramref name="fc"/> and the FC range it covers (or the gap around
    /// <paramref name="fc"/> with no formatting), so a caller walking the text can skip whole runs.
    /// </summary>
    public ReadOnlySpan<byte> GrpprlAt(long fc, out long runStart, out long runEnd) => GrpprlAt(fc, out runStart, out runEnd, out _);

    /// <summary>
    /// <see cref="GrpprlAt(long)"/> and where that grpprl lies (<paramref name="grpprlAt"/>; 0 for none): runs of
    /// one page that share a grpprl share the place, so a caller can keep what it read from one.
    /// </summary>
    public ReadOnlySpan<byte> GrpprlAt(long fc, out int grpprlAt) => GrpprlAt(fc, out _, out _, out grpprlAt);

    /// <summary><see cref="GrpprlAt(long, out long, out long)"/> and where that grpprl lies (see <see cref="GrpprlAt(long, out int)"/>).</summary>
    public ReadOnlySpan<byte> GrpprlAt(long fc, out long runStart, out long runEnd, out int grpprlAt)
    {
        int run = Locate(fc, out runStart, out runEnd);
        if (run < 0)
        {
            grpprlAt = 0;
            return default;
        }
        grpprlAt = _runs[run].GrpprlOffset;
        return _wordDocument.AsSpan(_runs[run].GrpprlOffset, _runs[run].GrpprlLength);
    }

    /// <summary>
    /// The run holding <paramref name="fc"/> (-1 when none) and the FC range it covers, or the gap around
    /// <paramref name="fc"/> between runs.
    /// </summary>
    int Locate(long fc, out long runStart, out long runEnd)
    {
        int found = LastStartingAtOrBefore(fc);
        if (found < 0 || fc >= _runs[found].FcEnd)
        {
            runStart = found < 0 ? 0 : _runs[found].FcEnd;
            runEnd = found + 1 < _runs.Length ? _runs[found + 1].FcStart : long.MaxValue;
            if (runStart > fc || runEnd <= fc) { runStart = fc; runEnd = fc + 1; }
            return -1;
        }
        runStart = _runs[found].FcStart;
        runEnd = _runs[found].FcEnd;
        return found;
    }

    /// <summary>The paragraph style (istd) in force at <paramref name="fc"/>: the two bytes before a PAPX grpprl; 0 (Normal) when none.</summary>
    public int IstdAt(long fc) => IstdOf(FindRun(fc));

    /// <summary>
    /// <see cref="IstdAt(long)"/>, and the FC range around <paramref name="fc"/> where the answer is the same: the run
    /// or the gap between runs that holds it; empty when runs overlap (a damaged file: asked again per position).
    /// </summary>
    public int IstdAt(long fc, out long sameFrom, out long sameTo)
    {
        int run = Locate(fc, out sameFrom, out sameTo);
        if (!_disjoint) sameTo = sameFrom;
        return IstdOf(run);
    }

    int IstdOf(int run) =>
        run < 0 || _runs[run].GrpprlOffset < 2 ? 0 : BinaryPrimitives.ReadUInt16LittleEndian(_wordDocument.AsSpan(_runs[run].GrpprlOffset - 2));

    int FindRun(long fc)
    {
        int found = LastStartingAtOrBefore(fc);
        return found >= 0 && fc < _runs[found].FcEnd ? found : -1;
    }

    /// <summary>
    /// Index of the last run starting at or before <paramref name="fc"/>, or -1. The text is read in FC order, so the
    /// answer is mostly the last one or the run after it (checked against the definition); else a binary search.
    /// </summary>
    int LastStartingAtOrBefore(long fc)
    {
        int h = _lastFound;
        if ((uint)h < (uint)_runs.Length && _runs[h].FcStart <= fc)
        {
            if (h + 1 == _runs.Length || _runs[h + 1].FcStart > fc) return h;
            if (h + 2 == _runs.Length || _runs[h + 2].FcStart > fc) return _lastFound = h + 1;
        }
        return _lastFound = Search(fc);
    }

    /// <summary>The answer <see cref="LastStartingAtOrBefore"/> gave last (any value is checked before use).</summary>
    int _lastFound = -1;

    int Search(long fc)
    {
        int lo = 0, hi = _runs.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_runs[mid].FcStart <= fc) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    static FormattedDiskPages Read(ArraySegment<byte> wordDocument, ReadOnlySpan<byte> plcBte, bool paragraphs, bool word6)
    {
        // PlcBte: n+1 FCs then n PnFkp (low 22 bits: page number; Word 6: 16-bit page numbers).
        int pnSize = word6 ? 2 : 4;
        int n = plcBte.Length >= 4 + 4 + pnSize ? (plcBte.Length - 4) / (4 + pnSize) : 0;
        // Each page is read once (a damaged PlcBte may name one twice); its last byte counts its runs.
        var pages = new List<int>(n);
        var seen = new HashSet<uint>();
        int runCount = 0;
        for (int i = 0; i < n; i++)
        {
            int at = (n + 1) * 4 + i * pnSize;
            uint pn = word6 ? BinaryPrimitives.ReadUInt16LittleEndian(plcBte[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(plcBte[at..]) & 0x3FFFFF;
            long page = (long)pn * PageSize;
            if (page + PageSize > wordDocument.Count || !seen.Add(pn)) continue;
            pages.Add((int)page);
            runCount += wordDocument[(int)page + PageSize - 1];
        }
        var runs = new List<Run>(runCount);
        foreach (int page in pages) ReadPage(wordDocument, page, paragraphs, word6, runs);
        // Pages come in FC order in every sound file: sorting is then only needed for a damaged or odd one.
        if (!StrictlyIncreasing(runs)) runs.Sort((a, b) => a.FcStart.CompareTo(b.FcStart));
        return word6 ? Translated(wordDocument, runs) : new FormattedDiskPages(wordDocument, runs.ToArray());
    }

    static bool StrictlyIncreasing(List<Run> runs)
    {
        for (int i = 1; i < runs.Count; i++)
            if (runs[i].FcStart <= runs[i - 1].FcStart) return false;
        return true;
    }

    /// <summary>
    /// Word 6 runs with their grpprls translated to Word 97 sprms, each after its 2-byte istd. Runs of one page
    /// mostly share a PAPX: each distinct one is translated once.
    /// </summary>
    static FormattedDiskPages Translated(ArraySegment<byte> wordDocument, List<Run> runs)
    {
        var buffer = new List<byte>();
        var translated = new Run[runs.Count];
        var done = new Dictionary<(int Offset, int Length), (int Offset, int Length)>();
        for (int i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            if (!done.TryGetValue((r.GrpprlOffset, r.GrpprlLength), out var t))
            {
                int istd = r.GrpprlOffset >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(wordDocument.AsSpan(r.GrpprlOffset - 2)) : 0;
                buffer.Add((byte)istd);
                buffer.Add((byte)(istd >> 8));
                int start = buffer.Count;
                Word6Sprm.AppendWord97(wordDocument.AsSpan(r.GrpprlOffset, r.GrpprlLength), buffer);
                t = (start, buffer.Count - start);
                done.Add((r.GrpprlOffset, r.GrpprlLength), t);
            }
            translated[i] = r with { GrpprlOffset = t.Offset, GrpprlLength = t.Length };
        }
        return new FormattedDiskPages(new ArraySegment<byte>(buffer.ToArray()), translated);
    }

    static void ReadPage(ArraySegment<byte> doc, int page, bool paragraphs, bool word6, List<Run> runs)
    {
        var fkp = doc.AsSpan(page, PageSize);
        int crun = fkp[PageSize - 1];
        // BxPap is bOffset + PHE (12 bytes; Word 6: 6 bytes); ChpxFkp has one-byte offsets.
        int entrySize = paragraphs ? word6 ? 7 : 13 : 1;
        int rgbStart = (crun + 1) * 4;
        if (crun == 0 || rgbStart + crun * entrySize > PageSize - 1) return;
        for (int j = 0; j < crun; j++)
        {
            uint fcStart = BinaryPrimitives.ReadUInt32LittleEndian(fkp[(j * 4)..]);
            uint fcEnd = BinaryPrimitives.ReadUInt32LittleEndian(fkp[((j + 1) * 4)..]);
            if (fcEnd <= fcStart) continue;
            int at = fkp[rgbStart + j * entrySize] * 2;
            int offset = 0, length = 0;
            if (at != 0 && at < PageSize - 1)
            {
                if (paragraphs)
                {
                    // PapxInFkp: cb (0 means the next byte holds cb'), then istd (2 bytes) and grpprl.
                    // Word 6 counts words: cb 0 is an empty PAPX, and istd and grpprl fill 2 * cb bytes.
                    int cb = fkp[at];
                    int start = at + 1, size = word6 ? 2 * cb : 2 * cb - 1;
                    if (cb == 0 && !word6) { size = 2 * fkp[at + 1]; start = at + 2; }
                    if (size >= 2 && start + size <= PageSize) { offset = page + start + 2; length = size - 2; }
                }
                else
                {
                    int cb = fkp[at];
                    if (at + 1 + cb <= PageSize) { offset = page + at + 1; length = cb; }
                }
            }
            runs.Add(new Run(fcStart, fcEnd, offset, length));
        }
    }
}
