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
        using var package = Open(stream, doc);
        try
        {
            Read(package, doc, cancel);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or OpenXmlPackageException
                                      or FormatException or OverflowException or ArgumentException or InvalidOperationException)
        {
            throw new UnreadableDocumentException($"damaged xlsx workbook ({e.GetType().Name}: {e.Message})", e);
        }
        return doc;
    }

    static IXlsxPackage Open(Stream stream, SourceDocument doc)
    {
        string sdkProblem;
        try
        {
            if (OpenXmlXlsxPackage.TryOpen(stream) is { } package) return package;
            sdkProblem = "no workbook part by content type";
        }
        catch (OpenXmlPackageException e)
        {
            sdkProblem = e.Message;
        }
        catch (Exception e) when (e is InvalidDataException or FileFormatException or IOException or XmlException)
        {
            throw new UnreadableDocumentException($"damaged xlsx package ({e.GetType().Name}: {e.Message})", e);
        }
        // The SDK checks package conventions the sheet data does not depend on; read the zip itself.
        try
        {
            var package = new ZipXlsxPackage(stream);
            doc.Warnings.Add("package read without the OpenXml SDK: " + DocumentReader.OneLine(sdkProblem));
            return package;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException)
        {
            throw new UnreadableDocumentException($"damaged xlsx package ({sdkProblem})", e);
        }
    }

    static void Read(IXlsxPackage package, SourceDocument doc, CancellationToken cancel)
    {
        XlsxWorkbook info;
        using (var wb = package.Workbook()) info = XlsxWorkbook.Read(wb);
        XlsxStyles styles;
        using (var st = package.Styles()) styles = XlsxStyles.Read(st);
        List<string> strings;
        using (var sst = package.SharedStrings()) strings = XlsxSharedStrings.Read(sst, cancel);
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
            // Chart sheets and dialog sheets hold no cells: no stream, nothing to read.
            using var part = sheet.RelationshipId is null ? null : package.Worksheet(sheet.RelationshipId);
            if (part is null) continue;
            var grid = new SheetGrid(sheet.Name, i + 1);
            reader.Read(part, grid, cancel);
            doc.PageCount++;
            SheetTableBuilder.AppendTo(doc, grid, cancel);
        }
    }
}
