using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Jixiao.Ingest.Sheet;

/// <summary>
/// Reads .xlsx workbooks (SpreadsheetML, ECMA-376 Part 1 §18): each visible sheet in workbook order
/// becomes its title paragraphs and one table, cells as the sheet shows them.
/// </summary>
internal sealed class XlsxParser : IDocumentParser
{
    public string Format => "xlsx";

    public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel)
    {
        var doc = new SourceDocument(fileName, Format) { PageCount = 0 };
        using var package = Open(stream);
        var workbook = package.WorkbookPart ?? throw new UnreadableDocumentException("xlsx package has no workbook part");
        try
        {
            Read(workbook, doc, cancel);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or OpenXmlPackageException
                                      or FormatException or OverflowException or ArgumentException or InvalidOperationException)
        {
            throw new UnreadableDocumentException($"damaged xlsx workbook ({e.GetType().Name}: {e.Message})", e);
        }
        return doc;
    }

    static SpreadsheetDocument Open(Stream stream)
    {
        try
        {
            return SpreadsheetDocument.Open(stream, false, new OpenSettings { AutoSave = false });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or XmlException)
        {
            throw new UnreadableDocumentException($"damaged xlsx package ({e.GetType().Name}: {e.Message})", e);
        }
    }

    static void Read(WorkbookPart workbook, SourceDocument doc, CancellationToken cancel)
    {
        var info = XlsxWorkbook.Read(workbook.GetStream());
        var styles = workbook.WorkbookStylesPart is { } sp ? XlsxStyles.Read(sp.GetStream()) : XlsxStyles.Empty;
        using var sstStream = workbook.SharedStringTablePart?.GetStream();
        var strings = XlsxSharedStrings.Read(sstStream, cancel);
        var reader = new XlsxSheetReader(styles, strings, info.Date1904);

        for (int i = 0; i < info.Sheets.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var sheet = info.Sheets[i];
            if (sheet.State is "hidden" or "veryHidden")
            {
                doc.Warnings.Add($"sheet '{sheet.Name}' is {sheet.State}: skipped");
                continue;
            }
            OpenXmlPart? part = null;
            try { part = sheet.RelationshipId is null ? null : workbook.GetPartById(sheet.RelationshipId); }
            catch (ArgumentOutOfRangeException) { }
            if (part is not WorksheetPart ws)
            {
                // Chart sheets and dialog sheets hold no cells.
                if (part is null) doc.Warnings.Add($"sheet '{sheet.Name}': part missing, skipped");
                continue;
            }
            var grid = new SheetGrid(sheet.Name, i + 1);
            using (var s = ws.GetStream(FileMode.Open, FileAccess.Read))
                reader.Read(s, grid, cancel);
            doc.PageCount++;
            SheetTableBuilder.AppendTo(doc, grid, cancel);
        }
    }
}
