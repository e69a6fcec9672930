using System.Text.RegularExpressions;

namespace Jixiao.Extract;

/// <summary>
/// The feature vector of one table cell: hashed character n-grams of the cell, of the header above it,
/// of the label to its left and of its row's first cell; vocabulary hits of the same texts; the value's
/// shape (number, percent, comparator, unit, qualitative); and its layout (row/column index, spans,
/// neighbours, the table's place in the form). Dense and fixed-length so that ML.NET takes it as is.
/// </summary>
internal sealed partial class CellFeatures
{
    const int TextBuckets = 512, HeaderBuckets = 256, LeftBuckets = 128, RowHeadBuckets = 128;
    const int ShapeCount = 22, LayoutCount = 26;
    const int TextAt = 0, HeaderAt = TextAt + TextBuckets, LeftAt = HeaderAt + HeaderBuckets, RowHeadAt = LeftAt + LeftBuckets;
    const int VocabAt = RowHeadAt + RowHeadBuckets, ShapeAt = VocabAt + 4 * VocabHits.Count, LayoutAt = ShapeAt + ShapeCount;
    public const int Length = LayoutAt + LayoutCount;

    readonly TableView _table;
    readonly Dictionary<int, (float Numeric, float Filled)> _columns = new();

    public CellFeatures(TableView table) => _table = table;

    public float[] Of(int r, Cell cell)
    {
        var f = new float[Length];
        var row = _table.Rows[r];
        var header = _table.HeaderAbove(r, cell);
        var left = TableView.LabelLeft(row, cell);
        var rowHead = row.Cells.FirstOrDefault(c => !c.IsEmpty);
        if (rowHead == cell) rowHead = null;

        Hashing.Grams(cell.Label, 3, f.AsSpan(TextAt, TextBuckets));
        if (header is not null) Hashing.Grams(header.Label, 2, f.AsSpan(HeaderAt, HeaderBuckets));
        if (left is not null) Hashing.Grams(left.Label, 2, f.AsSpan(LeftAt, LeftBuckets));
        if (rowHead is not null) Hashing.Grams(rowHead.Label, 2, f.AsSpan(RowHeadAt, RowHeadBuckets));

        VocabHits.Write(cell.Label, f.AsSpan(VocabAt, VocabHits.Count));
        if (header is not null) VocabHits.Write(header.Label, f.AsSpan(VocabAt + VocabHits.Count, VocabHits.Count));
        if (left is not null) VocabHits.Write(left.Label, f.AsSpan(VocabAt + 2 * VocabHits.Count, VocabHits.Count));
        if (rowHead is not null) VocabHits.Write(rowHead.Label, f.AsSpan(VocabAt + 3 * VocabHits.Count, VocabHits.Count));

        Shape(cell, f.AsSpan(ShapeAt, ShapeCount));
        Layout(r, cell, header, left, f.AsSpan(LayoutAt, LayoutCount));
        return f;
    }

    /// <summary>
    /// The same cell as if its header said nothing the model knows: header n-grams and header vocabulary
    /// cleared. Training adds such copies of value cells, so the model learns to read a column from its
    /// values and layout when the header is a spelling it never saw (which is when it is asked).
    /// </summary>
    public static float[] WithoutHeader(float[] f)
    {
        var g = (float[])f.Clone();
        Array.Clear(g, HeaderAt, HeaderBuckets);
        Array.Clear(g, VocabAt + VocabHits.Count, VocabHits.Count);
        return g;
    }

    static void Shape(Cell cell, Span<float> s)
    {
        var t = cell.Label;
        int cjk = 0, digits = 0;
        foreach (var ch in t)
        {
            if (ch >= '\u4e00' && ch <= '\u9fff') cjk++;
            else if (char.IsDigit(ch)) digits++;
        }
        var parsed = ValueParser.Parse(cell.Raw);
        s[0] = Math.Min(t.Length, 200) / 20f;
        s[1] = MathF.Log(1 + t.Length);
        s[2] = TextNorm.IsNumber(cell.Raw) ? 1 : 0;
        s[3] = t.EndsWith('%') || t.EndsWith('‰') ? 1 : 0;
        s[4] = parsed?.Comparator is not null ? 1 : 0;
        s[5] = parsed is { Qualitative: false } ? 1 : 0;
        s[6] = parsed?.Unit is not null ? 1 : 0;
        s[7] = parsed is { Qualitative: true } ? 1 : 0;
        s[8] = t.Length == 0 ? 0 : (float)digits / t.Length;
        s[9] = t.Length == 0 ? 0 : (float)cjk / t.Length;
        s[10] = cell.Raw.Count(ch => ch == '\n');
        s[11] = Numbered().IsMatch(t) ? 1 : 0;
        s[12] = t.Contains('：') || t.Contains(':') ? 1 : 0;
        s[13] = YearWord().IsMatch(t) ? 1 : 0;
        double num = parsed?.Number ?? 0;
        s[14] = (float)Math.Log10(1 + Math.Abs(num));
        s[15] = parsed?.Number is { } n && Math.Abs(n - Math.Round(n)) < 1e-9 ? 1 : 0;
        s[16] = parsed?.Number is { } m && m >= 0 && m <= 100 ? 1 : 0;
        s[17] = t.Contains('。') || t.Contains('，') ? 1 : 0;
        var v = Vocab.Instance;
        s[18] = t.EndsWith(v.IndicatorWord) ? 1 : 0;
        s[19] = v.MeasureEndings.Any(t.EndsWith) ? 1 : 0;
        s[20] = Array.IndexOf(v.ValueTypes, t) >= 0 || Array.IndexOf(v.QualitativeWords, t) >= 0 ? 1 : 0;
        s[21] = t.Contains('（') || t.Contains('(') ? 1 : 0;
    }

    void Layout(int r, Cell cell, Cell? header, Cell? left, Span<float> s)
    {
        var row = _table.Rows[r];
        var filled = row.Cells.Where(c => !c.IsEmpty).ToList();
        int vspan = 1;
        for (int k = r + 1; k < _table.Rows.Count; k++)
        {
            var below = _table.At(k, cell.Col);
            if (below is null || !below.Covered) break;
            vspan++;
        }
        var (numeric, fill) = Column(cell.Col);
        var right = row.Cells.FirstOrDefault(c => c.Col >= cell.Col + cell.Span && !c.IsEmpty);
        var above = _table.At(r - 1, cell.Col);
        var under = _table.At(r + 1, cell.Col);
        s[0] = Math.Min(r, 60);
        s[1] = Math.Min(_table.Rows.Count - 1 - r, 60);
        s[2] = Math.Min(_table.Rows.Count, 100);
        s[3] = cell.Col;
        s[4] = Math.Max(0, _table.Width - cell.Col - cell.Span);
        s[5] = _table.Width;
        s[6] = cell.Span;
        s[7] = Math.Min(vspan, 30);
        s[8] = filled.Count;
        s[9] = filled.Count(c => TextNorm.IsNumber(c.Raw));
        s[10] = filled.Count > 0 && filled[0] == cell ? 1 : 0;
        s[11] = filled.Count > 0 && filled[^1] == cell ? 1 : 0;
        s[12] = row.Cells.Count(c => c.Covered);
        s[13] = numeric;
        s[14] = fill;
        s[15] = Math.Min(_table.Ordinal, 30);
        s[16] = Math.Min(_table.OrdinalInForm, 30);
        s[17] = row.Ragged ? 1 : 0;
        s[18] = left is not null && left.Col + left.Span == cell.Col ? 1 : 0;
        s[19] = right is not null && TextNorm.IsNumber(right.Raw) ? 1 : 0;
        s[20] = right is null ? 1 : 0;
        s[21] = above is not null && TextNorm.IsNumber(above.Raw) ? 1 : 0;
        s[22] = under is not null && TextNorm.IsNumber(under.Raw) ? 1 : 0;
        s[23] = header is null ? 0 : Math.Min(r - RowOf(header, r), 30);
        s[24] = row.Cells.Count(c => !c.IsEmpty && c.Col < cell.Col);
        s[25] = filled.Count(c => c.Label.Length > 30);
    }

    int RowOf(Cell header, int below)
    {
        for (int k = below - 1; k >= 0; k--)
            if (_table.Rows[k].Cells.Contains(header)) return k;
        return below;
    }

    (float, float) Column(int col)
    {
        if (_columns.TryGetValue(col, out var c)) return c;
        int numeric = 0, filled = 0;
        foreach (var row in _table.Rows)
        {
            var cell = row.Cells.FirstOrDefault(x => x.Col == col);
            if (cell is null || cell.IsEmpty) continue;
            filled++;
            if (TextNorm.IsNumber(cell.Raw) || ValueParser.Parse(cell.Raw) is { Qualitative: false }) numeric++;
        }
        var n = Math.Max(1, _table.Rows.Count);
        c = (filled == 0 ? 0 : (float)numeric / filled, (float)filled / n);
        _columns[col] = c;
        return c;
    }

    [GeneratedRegex(@"^(\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^(19|20)\d{2}年?度?$")]
    private static partial Regex YearWord();
}
