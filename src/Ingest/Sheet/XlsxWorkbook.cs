using System.Xml;

namespace Jixiao.Ingest.Sheet;

/// <summary>workbook.xml as far as reading needs it: the sheet list (§18.2.19) and the date system.</summary>
internal sealed class XlsxWorkbook
{
    public sealed record SheetEntry(string Name, string State, string? RelationshipId);

    public List<SheetEntry> Sheets { get; } = new();

    /// <summary>True when serial 0 is 1904-01-01 (old Mac workbooks), §18.2.28 date1904.</summary>
    public bool Date1904 { get; private set; }

    public static XlsxWorkbook Read(Stream part)
    {
        var wb = new XlsxWorkbook();
        using var xr = XmlReader.Create(part, XmlText.Settings);
        while (xr.Read())
        {
            if (xr.NodeType != XmlNodeType.Element) continue;
            if (xr.LocalName == "workbookPr")
                wb.Date1904 = xr.GetAttribute("date1904") is "1" or "true";
            else if (xr.LocalName == "sheet")
            {
                string? rid = null;
                // r:id lives in the relationships namespace (transitional or strict); match by local name.
                for (bool ok = xr.MoveToFirstAttribute(); ok; ok = xr.MoveToNextAttribute())
                    if (xr.LocalName == "id" && xr.NamespaceURI.Length > 0) rid = xr.Value;
                xr.MoveToElement();
                wb.Sheets.Add(new SheetEntry(xr.GetAttribute("name") ?? $"Sheet{wb.Sheets.Count + 1}", xr.GetAttribute("state") ?? "visible", rid));
            }
        }
        return wb;
    }
}
