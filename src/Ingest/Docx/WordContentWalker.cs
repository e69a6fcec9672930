using System.Xml;

namespace Jixiao.Ingest.Docx;

/// <summary>Receives block content in document order: the body makes blocks of it, a table cell makes lines.</summary>
internal interface IContentSink
{
    void Paragraph(string text);

    /// <summary>A w:tbl, the reader on its start tag: the sink reads it whole.</summary>
    void Table(XmlReader tbl);

    /// <summary>w:altChunk (its relationship id): another document (HTML, MHT, docx) imported whole. Only the body reads them.</summary>
    void AltChunk(string? id) { }
}

/// <summary>
/// Walks block-level content (w:body, w:tc, w:txbxContent, w:sdtContent) and reports paragraphs and
/// tables. Wrappers that Word treats as transparent (content controls, custom XML, inserted
/// revisions, alternate content) are descended into; deleted revisions are skipped.
/// </summary>
internal static class WordContentWalker
{
    /// <summary>The children of the container the reader is on, consuming it.</summary>
    public static void Walk(XmlReader r, IContentSink sink, CancellationToken cancel)
    {
        int depth = WordXml.Enter(r);
        while (WordXml.NextChild(r, depth)) Block(r, sink, cancel);
    }

    /// <summary>One child of a block container, consuming it: content is reported, anything else skipped.</summary>
    public static void Block(XmlReader r, IContentSink sink, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        switch (r.LocalName)
        {
            case "p":
                // Text boxes anchored in the paragraph reach the sink while it is read, so before its own
                // text: a title box is anchored in the paragraph it floats above.
                sink.Paragraph(ParagraphTextReader.Read(r, sink, cancel));
                break;
            case "tbl":
                sink.Table(r);
                break;
            case "sdt":
                ContentControl(r, sink, cancel);
                break;
            case "AlternateContent":
                WordXml.ChosenAlternate(r, chosen => Walk(chosen, sink, cancel));
                break;
            case "altChunk":
                sink.AltChunk(WordXml.Attr(r, "id"));
                r.Skip();
                break;
            case "customXml" or "ins" or "moveTo" or "smartTag":
                Walk(r, sink, cancel);
                break;
            // del, moveFrom, sectPr, bookmarks and properties hold nothing visible here.
            default:
                r.Skip();
                break;
        }
    }

    /// <summary>w:sdt at block level: its content, unless the control still shows its placeholder.</summary>
    static void ContentControl(XmlReader r, IContentSink sink, CancellationToken cancel)
    {
        int depth = WordXml.Enter(r);
        bool placeholder = false, sawFlag = false, sawProperties = false, sawContent = false;
        while (WordXml.NextChild(r, depth))
        {
            if (r.LocalName == "sdtPr" && !sawProperties)
            {
                sawProperties = true;
                WordXml.Children(r, p =>
                {
                    if (p.LocalName != "showingPlcHdr" || sawFlag) return false;
                    sawFlag = true;
                    placeholder = WordXml.IsOn(p);
                    return false;
                });
            }
            else if (r.LocalName == "sdtContent" && !sawContent && !placeholder)
            {
                sawContent = true;
                Walk(r, sink, cancel);
            }
            else r.Skip();
        }
    }
}
