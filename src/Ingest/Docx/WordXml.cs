using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;

namespace Jixiao.Ingest.Docx;

/// <summary>
/// Name-based, forward-only access to WordprocessingML through an <see cref="XmlReader"/> over the part: no
/// document tree is built, so memory stays at one element's attributes whatever the document's size. Matching
/// on local names (not schema types) lets the readers walk unknown and extension elements (w14, mc, custom
/// XML) the same way Word does: by descending.
/// Convention of every reader here: it is called on an element's start tag and returns after that element's
/// end tag (on the next node), having consumed the element whole.
/// </summary>
internal static class WordXml
{
    const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>
    /// Steps into the element the reader is on. Returns its depth for <see cref="NextChild"/>, or -1 when it is
    /// empty (then it is already consumed).
    /// </summary>
    public static int Enter(XmlReader r)
    {
        if (r.Depth >= NestingLimit.MaxDepth)
            throw new UnreadableDocumentException($"docx elements nested over {NestingLimit.MaxDepth} levels deep (damaged or hostile file)");
        // Hostile files nest without end; running out of stack would kill the whole import.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (r.IsEmptyElement)
        {
            r.Read();
            return -1;
        }
        int depth = r.Depth;
        r.Read();
        return depth;
    }

    /// <summary>
    /// Moves to the next child element of the element entered at <paramref name="depth"/>; false (and that
    /// element consumed) when there is none. The caller consumes each child it is handed.
    /// </summary>
    public static bool NextChild(XmlReader r, int depth)
    {
        if (depth < 0) return false;
        while (true)
        {
            if (r.Depth <= depth || r.EOF)
            {
                if (r.NodeType == XmlNodeType.EndElement) r.Read();
                return false;
            }
            if (r.NodeType == XmlNodeType.Element) return true;
            r.Read();
        }
    }

    /// <summary>The first attribute with this local name (any namespace), read on the element's start tag.</summary>
    public static string? Attr(XmlReader r, string localName)
    {
        if (!r.HasAttributes) return null;
        string? value = null;
        for (int i = 0; i < r.AttributeCount; i++)
        {
            r.MoveToAttribute(i);
            if (r.LocalName == localName && r.NamespaceURI != XmlnsNamespace)
            {
                value = r.Value;
                break;
            }
        }
        r.MoveToElement();
        return value;
    }

    /// <summary>ST_OnOff on the element the reader is on: present without w:val means on.</summary>
    public static bool IsOn(XmlReader r) => IsOnValue(Attr(r, "val"));

    public static bool IsOnValue(string? val) => val is null or "1" or "true" or "on";

    public static int IntAttr(XmlReader r, string localName, int fallback)
    {
        var v = Attr(r, localName);
        return v is not null && int.TryParse(v, out var n) ? n : fallback;
    }

    /// <summary>All text inside the element (its descendants' too), consuming it.</summary>
    public static string InnerText(XmlReader r)
    {
        int depth = Enter(r);
        if (depth < 0) return "";
        string? single = null;
        StringBuilder? more = null;
        while (r.Depth > depth && !r.EOF)
        {
            if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (single is null) single = r.Value;
                else (more ??= new StringBuilder(single)).Append(r.Value);
            }
            r.Read();
        }
        if (r.NodeType == XmlNodeType.EndElement) r.Read();
        return more?.ToString() ?? single ?? "";
    }

    /// <summary>
    /// Reads the children of a property container (rPr, tcPr, trPr, sdtPr, …) that a reader asks about, by
    /// name; <paramref name="onChild"/> consumes the child it handles, others are skipped.
    /// </summary>
    public static void Children(XmlReader r, Func<XmlReader, bool> onChild)
    {
        int depth = Enter(r);
        while (NextChild(r, depth))
            if (!onChild(r)) r.Skip();
    }

    /// <summary>
    /// mc:AlternateContent holds the same content twice (a Choice for new readers, a Fallback for old): hands
    /// exactly one to <paramref name="readChosen"/> (which consumes it), the first Choice or else the Fallback.
    /// The schema puts Choices before the Fallback, so the first of either met is the one to read.
    /// </summary>
    public static void ChosenAlternate(XmlReader r, Action<XmlReader> readChosen)
    {
        int depth = Enter(r);
        bool chosen = false;
        while (NextChild(r, depth))
        {
            if (!chosen && r.LocalName is "Choice" or "Fallback")
            {
                chosen = true;
                readChosen(r);
            }
            else r.Skip();
        }
    }

    /// <summary>Property containers (rPr, pPr, tcPr, sdtPr, ctrlPr, …) hold no document text.</summary>
    public static bool IsProperties(string localName) =>
        localName.EndsWith("Pr", StringComparison.Ordinal) || localName == "tblPrEx";
}
