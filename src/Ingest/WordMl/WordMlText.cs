using System.Text;
using System.Xml.Linq;

namespace Jixiao.Ingest.WordMl;

/// <summary>The visible text of a Word 2003 XML paragraph: runs in order, tabs and breaks kept, hidden and deleted text left out.</summary>
internal static class WordMlText
{
    static readonly XNamespace W = WordMlParser.W;

    public static string Paragraph(XElement p)
    {
        var sb = new StringBuilder();
        Append(p, sb);
        return sb.ToString().TrimEnd();
    }

    static void Append(XElement e, StringBuilder sb)
    {
        foreach (var child in e.Elements())
        {
            if (child.Name.Namespace == W)
            {
                switch (child.Name.LocalName)
                {
                    case "t": sb.Append(child.Value); continue;
                    case "tab": sb.Append('\t'); continue;
                    case "br" or "cr": sb.Append('\n'); continue;
                    case "sym": sb.Append(Symbol(child)); continue;
                    case "r" when IsHidden(child): continue;
                    case "pPr" or "rPr" or "delText" or "instrText" or "pict" or "footnote" or "endnote": continue;
                }
            }
            // aml:annotation w:type="Word.Deletion" holds deleted runs; other annotations are markers only.
            if (child.Name.LocalName == "annotation" && ((string?)child.Attribute(W + "type") ?? "").EndsWith("Deletion", StringComparison.Ordinal))
                continue;
            Append(child, sb);
        }
    }

    static bool IsHidden(XElement run) => run.Element(W + "rPr")?.Element(W + "vanish") is { } v && (string?)v.Attribute(W + "val") is null or "on" or "true" or "1";

    /// <summary>w:sym with a hex char code: Unicode private-use symbol codes (F0xx) drop to their low byte.</summary>
    static string Symbol(XElement sym)
    {
        var code = (string?)sym.Attribute(W + "char");
        if (code is null || !int.TryParse(code, System.Globalization.NumberStyles.HexNumber, null, out int c) || c <= 0) return "";
        if (c >= 0xF000 && c <= 0xF0FF) c -= 0xF000;
        return char.ConvertFromUtf32(c);
    }
}
