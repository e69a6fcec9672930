using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Store;

namespace Jixiao.Cli.Export;

/// <summary>
/// One worksheet "facts" with a header row. Written with <see cref="OpenXmlWriter"/> (streaming) so a large
/// archive does not build the whole sheet in memory; inline strings avoid a shared-string table.
/// </summary>
internal static class XlsxExport
{
    public static int Write(string path, IEnumerable<FactRow> rows)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        var sheet = book.AddNewPart<WorksheetPart>();
        int n = 0;
        using (var w = OpenXmlWriter.Create(sheet))
        {
            w.WriteStartElement(new Worksheet());
            w.WriteStartElement(new SheetData());
            WriteRow(w, 1, FactColumns.Names, numeric: new bool[FactColumns.Names.Length]);
            var numeric = FactColumns.Names.Select(FactColumns.Numeric.Contains).ToArray();
            foreach (var r in rows)
                WriteRow(w, (uint)(++n + 1), FactColumns.Values(r), numeric);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        book.Workbook = new Workbook(new Sheets(new Sheet { Id = book.GetIdOfPart(sheet), SheetId = 1, Name = "facts" }));
        book.Workbook.Save();
        return n;
    }

    static void WriteRow(OpenXmlWriter w, uint index, IReadOnlyList<string?> values, bool[] numeric)
    {
        w.WriteStartElement(new Row { RowIndex = index });
        for (int c = 0; c < values.Count; c++)
        {
            var v = values[c];
            if (string.IsNullOrEmpty(v)) continue;
            var reference = ColumnName(c) + index;
            // Numbers as numeric cells, so a column of amounts can be summed.
            if (numeric[c] && double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d))
                w.WriteElement(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(d) });
            else
                w.WriteElement(new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(XmlSafe(v)) { Space = SpaceProcessingModeValues.Preserve }),
                });
        }
        w.WriteEndElement();
    }

    static string ColumnName(int c)
    {
        var s = "";
        for (c++; c > 0; c = (c - 1) / 26) s = (char)('A' + (c - 1) % 26) + s;
        return s;
    }

    /// <summary>XML 1.0 forbids most control characters; a stray one from a legacy file would break the sheet.</summary>
    static string XmlSafe(string s)
    {
        if (!s.Any(ch => ch < 0x20 && ch is not ('\t' or '\n' or '\r'))) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s) if (ch >= 0x20 || ch is '\t' or '\n' or '\r') sb.Append(ch);
        return sb.ToString();
    }
}
