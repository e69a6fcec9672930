using System.Xml;

namespace Jixiao.Ingest.Sheet;

/// <summary>The shared string table (sharedStrings.xml, §18.4.9), one plain string per &lt;si&gt;.</summary>
internal static class XlsxSharedStrings
{
    public static List<string> Read(Stream? part, CancellationToken cancel)
    {
        var list = new List<string>();
        if (part is null) return list;
        using var xr = XmlReader.Create(part, XmlText.Settings);
        while (xr.Read())
        {
            if (xr.NodeType != XmlNodeType.Element || xr.LocalName != "si") continue;
            if ((list.Count & 0xFFF) == 0) cancel.ThrowIfCancellationRequested();
            list.Add(XmlText.ReadRichText(xr));
        }
        return list;
    }
}
