namespace Jixiao.Cli.ConsoleOutput;

/// <summary>
/// Prints rows as an aligned text table, padding by display width (a CJK character is two columns).
/// Line breaks inside a cell become spaces, control characters are escaped; cells wider than <see cref="MaxWidth"/> are cut with ….
/// </summary>
internal sealed class TablePrinter
{
    readonly string[] _headers;
    readonly List<string[]> _rows = new();

    public TablePrinter(params string[] headers) => _headers = headers;

    public int MaxWidth { get; init; } = 40;

    /// <summary>Per-column limits that override <see cref="MaxWidth"/>, by header name.</summary>
    public IReadOnlyDictionary<string, int> ColumnMax { get; init; } = new Dictionary<string, int>();

    public int Count => _rows.Count;

    public void Add(params string?[] cells) =>
        _rows.Add(cells.Select(c => Clean(c ?? "")).Concat(Enumerable.Repeat("", Math.Max(0, _headers.Length - cells.Length))).ToArray());

    /// <summary>One line per row, control characters escaped: a cell cannot move the cursor or forge a row.</summary>
    static string Clean(string s) => TerminalText.OneLine(s).Trim();

    public void Write(TextWriter w)
    {
        int n = _headers.Length;
        var widths = new int[n];
        for (int i = 0; i < n; i++)
            widths[i] = Math.Min(ColumnMax.GetValueOrDefault(_headers[i], MaxWidth), Math.Max(TextWidth.Of(_headers[i]), _rows.Count == 0 ? 0 : _rows.Max(r => TextWidth.Of(r[i]))));
        WriteRow(w, _headers, widths);
        w.WriteLine(string.Join("  ", widths.Select(x => new string('-', x))).TrimEnd());
        foreach (var r in _rows) WriteRow(w, r, widths);
    }

    static void WriteRow(TextWriter w, string[] cells, int[] widths)
    {
        var parts = new string[widths.Length];
        for (int i = 0; i < widths.Length; i++)
            parts[i] = TextWidth.PadRight(TextWidth.Truncate(cells[i], widths[i]), widths[i]);
        w.WriteLine(string.Join("  ", parts).TrimEnd());
    }
}
