using System.Globalization;
using System.Xml;

namespace Jixiao.Ingest.Sheet;

/// <summary>
/// What a cell's style index means for its text: the number format code behind each cellXfs entry
/// (styles.xml, ECMA-376 Part 1 §18.8.10 and §18.8.31).
/// </summary>
internal sealed class XlsxStyles
{
    readonly List<int> xfNumFmt = new();
    readonly Dictionary<int, string> customFormats = new();

    public static XlsxStyles Empty { get; } = new();

    public static XlsxStyles Read(Stream? styles)
    {
        var s = new XlsxStyles();
        if (styles is null) return s;
        using var xr = XmlReader.Create(styles, XmlText.Settings);
        bool inCellXfs = false;
        while (xr.Read())
        {
            if (xr.NodeType == XmlNodeType.EndElement && xr.LocalName == "cellXfs") inCellXfs = false;
            if (xr.NodeType != XmlNodeType.Element) continue;
            switch (xr.LocalName)
            {
                case "numFmt":
                    if (int.TryParse(xr.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                        s.customFormats[id] = xr.GetAttribute("formatCode") ?? "";
                    break;
                case "cellXfs":
                    inCellXfs = !xr.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    s.xfNumFmt.Add(int.TryParse(xr.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0);
                    break;
            }
        }
        return s;
    }

    /// <summary>The format code for style index <paramref name="s"/> (General when unknown).</summary>
    public string? FormatCode(int s)
    {
        if (s < 0 || s >= xfNumFmt.Count) return null;
        return NumberFormatter.CodeFor(xfNumFmt[s], customFormats);
    }
}
