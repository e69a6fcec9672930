using System.Globalization;
using System.Xml;

namespace Jixiao.Ingest.Sheet;

/// <summary>
/// Streams one worksheet part (§18.3.1.99 sheetData, §18.3.1.55 mergeCells) into a <see cref="SheetGrid"/>
/// with a forward-only XmlReader, so a 3000-row export costs one pass and no DOM.
/// </summary>
internal sealed class XlsxSheetReader
{
    readonly XlsxStyles styles;
    readonly IReadOnlyList<string> sharedStrings;
    readonly bool date1904;

    public XlsxSheetReader(XlsxStyles styles, IReadOnlyList<string> sharedStrings, bool date1904)
    {
        this.styles = styles;
        this.sharedStrings = sharedStrings;
        this.date1904 = date1904;
    }

    public void Read(Stream part, SheetGrid grid, CancellationToken cancel)
    {
        using var xr = XmlReader.Create(part, XmlText.Settings);
        int row = 0, col = 0;
        while (xr.Read())
        {
            if (xr.NodeType != XmlNodeType.Element) continue;
            switch (xr.LocalName)
            {
                case "row":
                    cancel.ThrowIfCancellationRequested();
                    row = int.TryParse(xr.GetAttribute("r"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : row + 1;
                    col = 0;
                    break;
                case "c":
                {
                    var reference = xr.GetAttribute("r");
                    var (cr, cc) = reference is null ? (0, 0) : XmlText.ParseRef(reference);
                    if (cr > 0) row = cr;
                    col = cc > 0 ? cc : col + 1;
                    var text = ReadCell(xr);
                    grid.Set(Math.Max(row, 1), col, text);
                    break;
                }
                case "mergeCell":
                    if (XmlText.ParseRange(xr.GetAttribute("ref")) is { } m) grid.Merges.Add(m);
                    break;
            }
        }
    }

    /// <summary>The text a cell shows (§18.3.1.4, cell types §18.18.11). The reader ends on the cell's end.</summary>
    string ReadCell(XmlReader xr)
    {
        var type = xr.GetAttribute("t");
        int style = int.TryParse(xr.GetAttribute("s"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (xr.IsEmptyElement) return "";
        int depth = xr.Depth;
        string? value = null, inline = null;
        bool inV = false;
        while (xr.Read())
        {
            if (xr.NodeType == XmlNodeType.EndElement)
            {
                if (xr.Depth == depth) break;
                if (xr.LocalName == "v") inV = false;
            }
            else if (xr.NodeType == XmlNodeType.Element)
            {
                if (xr.LocalName == "v" && !xr.IsEmptyElement) { inV = true; value = ""; }
                else if (xr.LocalName == "is") inline = XmlText.ReadRichText(xr);
            }
            else if (inV && xr.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
                value += xr.Value;
        }
        return Display(type, style, value, inline);
    }

    string Display(string? type, int style, string? value, string? inline)
    {
        switch (type)
        {
            case "inlineStr": return inline ?? XmlText.Clean(value ?? "");
            case "s":
                return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < sharedStrings.Count
                    ? sharedStrings[i] : "";
            case "str": return XmlText.Clean(value ?? "");
            case "b": return value is null ? "" : value.Trim() is "1" or "true" ? "TRUE" : "FALSE";
            case "e": return value ?? "";
            case "d":
                if (value is null) return "";
                if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when)) return value;
                var code = styles.FormatCode(style);
                if (string.IsNullOrEmpty(code) || code == BuiltInNumberFormats.General)
                    code = when.TimeOfDay == TimeSpan.Zero ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss";
                return NumberFormatter.Format(when.ToOADate(), code, date1904: false);
            default:
                if (inline is not null) return inline;
                if (string.IsNullOrWhiteSpace(value)) return "";
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return value;
                return NumberFormatter.Format(number, styles.FormatCode(style), date1904, value);
        }
    }
}
