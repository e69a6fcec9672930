using System.Runtime.CompilerServices;
using DocumentFormat.OpenXml;

namespace Jixiao.Ingest.Docx;

/// <summary>Receives block content in document order: the body makes blocks of it, a table cell makes lines.</summary>
internal interface IContentSink
{
    void Paragraph(string text);
    void Table(OpenXmlElement tbl);

    /// <summary>w:altChunk: another document (HTML, MHT, docx) imported whole. Only the body reads them.</summary>
    void AltChunk(OpenXmlElement altChunk) { }
}

/// <summary>
/// Walks block-level content (w:body, w:tc, w:txbxContent, w:sdtContent) and reports paragraphs and
/// tables. Wrappers that Word treats as transparent (content controls, custom XML, inserted
/// revisions, alternate content) are descended into; deleted revisions are skipped.
/// </summary>
internal static class WordContentWalker
{
    public static void Walk(OpenXmlElement container, IContentSink sink, CancellationToken cancel)
    {
        // Hostile files nest without end; running out of stack would kill the whole import.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var e in container.ChildElements)
        {
            cancel.ThrowIfCancellationRequested();
            switch (e.LocalName)
            {
                case "p":
                    var (text, boxes) = ParagraphTextReader.Read(e);
                    // Text boxes first: a title box is anchored in the paragraph it floats above.
                    foreach (var box in boxes) Walk(box, sink, cancel);
                    sink.Paragraph(text);
                    break;
                case "tbl":
                    sink.Table(e);
                    break;
                case "sdt":
                    if (e.Child("sdtPr").Child("showingPlcHdr").IsOn()) break;
                    var content = e.Child("sdtContent");
                    if (content is not null) Walk(content, sink, cancel);
                    break;
                case "AlternateContent":
                    var chosen = WordXml.ChooseAlternate(e);
                    if (chosen is not null) Walk(chosen, sink, cancel);
                    break;
                case "altChunk":
                    sink.AltChunk(e);
                    break;
                case "customXml" or "ins" or "moveTo" or "smartTag":
                    Walk(e, sink, cancel);
                    break;
                // del, moveFrom, sectPr, bookmarks and properties hold nothing visible here.
            }
        }
    }
}
