using System.Runtime.CompilerServices;
using System.Text;
using DocumentFormat.OpenXml;

namespace Jixiao.Ingest.Docx;

/// <summary>
/// The visible text of one w:p as Word shows it: hidden runs, deleted revisions and field
/// instructions left out; inserted revisions, field results and content controls kept; soft breaks
/// as '\n'. Text boxes anchored in the paragraph are not part of its text: they are handed back so
/// the caller can read them as blocks of their own (titles often sit in text boxes).
/// </summary>
internal sealed class ParagraphTextReader
{
    readonly StringBuilder _text = new();
    readonly List<OpenXmlElement> _textBoxes = new();

    // One entry per open complex field (w:fldChar begin … end): true while in its instruction part.
    // Kept per paragraph so a damaged field (begin without end) cannot swallow the rest of the document.
    readonly Stack<bool> _fields = new();

    ParagraphTextReader() { }

    public static (string Text, List<OpenXmlElement> TextBoxes) Read(OpenXmlElement paragraph)
    {
        var r = new ParagraphTextReader();
        r.VisitChildren(paragraph, null);
        return (r._text.ToString(), r._textBoxes);
    }

    bool InInstruction => _fields.Contains(true);

    void VisitChildren(OpenXmlElement e, string? symbolFont)
    {
        foreach (var c in e.ChildElements) Visit(c, symbolFont);
    }

    void Visit(OpenXmlElement e, string? symbolFont)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (WordXml.IsProperties(e)) return;
        switch (e.LocalName)
        {
            case "r":
                VisitRun(e);
                return;
            case "t":
                if (!InInstruction) AppendText(e.InnerText, symbolFont);
                return;
            case "tab" or "ptab":
                if (!InInstruction) _text.Append('\t');
                return;
            case "br" or "cr":
                if (!InInstruction) _text.Append('\n');
                return;
            case "noBreakHyphen":
                if (!InInstruction) _text.Append('-');
                return;
            case "sym":
                if (!InInstruction) AppendSymbol(e);
                return;
            case "fldChar":
                OnFieldChar(e);
                return;
            case "sdt":
                VisitContentControl(e, symbolFont);
                return;
            case "AlternateContent":
                var chosen = WordXml.ChooseAlternate(e);
                if (chosen is not null) VisitChildren(chosen, symbolFont);
                return;
            case "drawing" or "pict" or "object":
                CollectTextBoxes(e);
                return;
            case "txbxContent":
                _textBoxes.Add(e);
                return;
            // Revisions: deleted and moved-away text is not on the page.
            case "del" or "moveFrom" or "delText" or "delInstrText" or "instrText":
                return;
            // Ruby: the base text is the text; the annotation above it is not.
            case "rt":
                return;
            case "footnoteReference" or "endnoteReference" or "commentReference" or "annotationRef"
                or "bookmarkStart" or "bookmarkEnd" or "lastRenderedPageBreak" or "softHyphen":
                return;
            default:
                // ins, moveTo, hyperlink, smartTag, customXml, fldSimple (its runs are the result),
                // oMath, bdo, dir, rubyBase: their runs are visible text.
                VisitChildren(e, symbolFont);
                return;
        }
    }

    void VisitRun(OpenXmlElement run)
    {
        var rPr = run.Child("rPr");
        // w:webHidden is hidden in Web view only; printed forms show it (TOC page numbers), so it stays.
        if (rPr.Child("vanish").IsOn()) return;
        var fonts = rPr.Child("rFonts");
        var font = fonts.Attr("ascii") ?? fonts.Attr("hAnsi");
        VisitChildren(run, SymbolFonts.IsSymbolFont(font) ? font : null);
    }

    void AppendText(string s, string? symbolFont)
    {
        if (symbolFont is null)
        {
            _text.Append(s);
            return;
        }
        // A run in Wingdings writes "þ" and means ☑: translate the codes the font draws as boxes.
        foreach (var ch in s) _text.Append(SymbolFonts.Map(symbolFont, ch) ?? ch);
    }

    void AppendSymbol(OpenXmlElement sym)
    {
        var font = sym.Attr("font");
        var hex = sym.Attr("char");
        if (hex is null || !int.TryParse(hex, System.Globalization.NumberStyles.HexNumber, null, out var code)) return;
        var mapped = SymbolFonts.Map(font, code);
        if (mapped is not null) _text.Append(mapped.Value);
        else if (code < 0xE000 || code > 0xF8FF) _text.Append((char)code);
        // Unknown private-use glyph: dropping it is better than inventing a character.
    }

    void OnFieldChar(OpenXmlElement fldChar)
    {
        switch (fldChar.Attr("fldCharType"))
        {
            case "begin":
                // Legacy form checkbox (FORMCHECKBOX) has no result text: Word draws the box itself.
                var box = fldChar.Child("ffData").Child("checkBox");
                if (box is not null && !InInstruction)
                {
                    var isChecked = box.Child("checked") is { } c ? c.IsOn() : box.Child("default").Attr("val") is "1" or "true";
                    _text.Append(isChecked ? '☑' : '□');
                }
                _fields.Push(true);
                break;
            case "separate":
                if (_fields.Count > 0) { _fields.Pop(); _fields.Push(false); }
                break;
            case "end":
                if (_fields.Count > 0) _fields.Pop();
                break;
        }
    }

    void VisitContentControl(OpenXmlElement sdt, string? symbolFont)
    {
        var properties = sdt.Child("sdtPr");
        // A control still showing its placeholder ("单击或点击此处输入文字。") holds no entered value.
        if (properties.Child("showingPlcHdr").IsOn()) return;
        var checkbox = properties.Child("checkbox");
        if (checkbox is not null)
        {
            if (!InInstruction) _text.Append(checkbox.Child("checked").Attr("val") is "1" or "true" ? '☑' : '□');
            return;
        }
        var content = sdt.Child("sdtContent");
        if (content is not null) VisitChildren(content, symbolFont);
    }

    void CollectTextBoxes(OpenXmlElement e)
    {
        foreach (var c in e.ChildElements)
        {
            if (c.LocalName == "txbxContent") _textBoxes.Add(c);
            else if (c.LocalName == "AlternateContent")
            {
                var chosen = WordXml.ChooseAlternate(c);
                if (chosen is not null) CollectTextBoxes(chosen);
            }
            else CollectTextBoxes(c);
        }
    }
}
