using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Jixiao.Ingest.Sheet;

/// <summary>Small helpers for SpreadsheetML text: cell references and ST_Xstring escapes.</summary>
internal static partial class XmlText
{
    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escape();

    /// <summary>
    /// Decodes ST_Xstring escapes (_x000D_ for a carriage return, …) and turns every line break
    /// into '\n', the model's soft break.
    /// </summary>
    public static string Clean(string s)
    {
        if (s.Contains("_x", StringComparison.Ordinal))
            s = Escape().Replace(s, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        if (s.Contains('\r')) s = s.Replace("\r\n", "\n").Replace('\r', '\n');
        return s;
    }

    /// <summary>"AB12" → (12, 28); row or column 0 when that part is missing.</summary>
    public static (int Row, int Col) ParseRef(ReadOnlySpan<char> r)
    {
        int col = 0, i = 0;
        while (i < r.Length && char.IsAsciiLetter(r[i]))
        {
            col = col * 26 + (char.ToUpperInvariant(r[i]) - 'A' + 1);
            if (col > 16384) return (0, 0);
            i++;
        }
        int row = 0;
        for (; i < r.Length && char.IsAsciiDigit(r[i]); i++)
        {
            row = row * 10 + (r[i] - '0');
            if (row > 1_048_576) return (0, 0);
        }
        return (row, col);
    }

    /// <summary>"A1:E3" (or "A1") → range; null when malformed.</summary>
    public static CellRange? ParseRange(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        int colon = text.IndexOf(':');
        var a = ParseRef(colon < 0 ? text : text.AsSpan(0, colon));
        var b = colon < 0 ? a : ParseRef(text.AsSpan(colon + 1));
        if (a.Row == 0 || a.Col == 0 || b.Row == 0 || b.Col == 0) return null;
        return new CellRange(Math.Min(a.Row, b.Row), Math.Min(a.Col, b.Col), Math.Max(a.Row, b.Row), Math.Max(a.Col, b.Col));
    }

    /// <summary>
    /// Reads the text of a rich-text holder (shared string item or inline string): the &lt;t&gt; runs
    /// concatenated, phonetic guides (&lt;rPh&gt;) left out. The reader stands on the holder's start tag
    /// and ends on its end tag.
    /// </summary>
    public static string ReadRichText(XmlReader xr)
    {
        if (xr.IsEmptyElement) return "";
        int depth = xr.Depth;
        var sb = new StringBuilder();
        int phonetic = 0;
        bool inT = false;
        while (xr.Read())
        {
            switch (xr.NodeType)
            {
                case XmlNodeType.Element:
                    if (xr.LocalName == "rPh" && !xr.IsEmptyElement) phonetic++;
                    else if (xr.LocalName == "t" && !xr.IsEmptyElement) inT = true;
                    break;
                case XmlNodeType.EndElement:
                    if (xr.Depth == depth) return Clean(sb.ToString());
                    if (xr.LocalName == "rPh") phonetic--;
                    else if (xr.LocalName == "t") inT = false;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    if (inT && phonetic == 0) sb.Append(xr.Value);
                    break;
            }
        }
        return Clean(sb.ToString());
    }
}
