using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Ingest;
using Jixiao.Ingest.Docx;

namespace Jixiao.Ingest.Tests.Docx;

/// <summary>Builds a .docx in memory from the inner XML of w:body and reads it with the parser.</summary>
internal static class DocxBuilder
{
    const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
        "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" " +
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " +
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " +
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " +
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " +
        "xmlns:v=\"urn:schemas-microsoft-com:vml\" " +
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

    public static byte[] Build(string bodyXml, Action<MainDocumentPart>? addParts = null)
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            addParts?.Invoke(main);
            main.Document = new Document($"<w:document {Namespaces}><w:body>{bodyXml}</w:body></w:document>");
        }
        return ms.ToArray();
    }

    public static SourceDocument Read(string bodyXml) =>
        new DocxParser().Parse(new MemoryStream(Build(bodyXml)), "built.docx", CancellationToken.None);

    public static string P(string text) => $"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";

    /// <summary>A cell: tcPr inner XML and its paragraphs' text.</summary>
    public static string Tc(string tcPr, params string[] paragraphs) =>
        $"<w:tc><w:tcPr>{tcPr}</w:tcPr>{(paragraphs.Length == 0 ? "<w:p/>" : string.Concat(paragraphs.Select(P)))}</w:tc>";

    public static string Grid(int columns) =>
        "<w:tblGrid>" + string.Concat(Enumerable.Repeat("<w:gridCol w:w=\"1000\"/>", columns)) + "</w:tblGrid>";
}
