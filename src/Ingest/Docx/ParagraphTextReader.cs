using System.Text;
using System.Xml;

namespace Jixiao.Ingest.Docx;

/// <summary>
/// The visible text of one w:p as Word shows it: hidden runs, deleted revisions and field
/// instructions left out; inserted revisions, field results and content controls kept; soft breaks
/// as '\n'. Text boxes anchored in the paragraph are not part of its text: their content goes to the
/// sink as blocks of their own as they are met (titles often sit in text boxes), so before the paragraph.
/// </summary>
internal sealed class ParagraphTextReader
{
    readonly StringBuilder _text = new();
    readonly IContentSink _boxes;
    readonly CancellationToken _cancel;

    // One entry per open complex field (w:fldChar begin … end): true while in its instruction part.
    // Kept per paragraph so a damaged field (begin without end) cannot swallow the rest of the document.
    readonly Stack<bool> _fields = new();

    ParagraphTextReader(IContentSink boxes, CancellationToken cancel)
    {
        _boxes = boxes;
        _cancel = cancel;
    }

    /// <summary>Reads the w:p the reader is on (consuming it) and returns its text.</summary>
    public static string Read(XmlReader paragraph, IContentSink boxes, CancellationToken cancel)
    {
        var r = new ParagraphTextReader(boxes, cancel);
        r.VisitChildren(paragraph, null);
        return r._text.ToString();
    }

    bool InInstruction => _fields.Contains(true);

    void VisitChildren(XmlReader r, string? symbolFont)
    {
        int depth = WordXml.Enter(r);
        while (WordXml.NextChild(r, depth)) Visit(r, symbolFont);
    }

    void Visit(XmlReader r, string? symbolFont)
    {
        var name = r.LocalName;
        if (WordXml.IsProperties(name))
        {
            r.Skip();
            return;
        }
        switch (name)
        {
            case "r":
                VisitRun(r);
                return;
            case "t":
                var text = WordXml.InnerText(r);
                if (!InInstruction) AppendText(text, symbolFont);
                return;
            case "tab" or "ptab":
                if (!InInstruction) _text.Append('\t');
                break;
            case "br" or "cr":
                if (!InInstruction) _text.Append('\n');
                break;
            case "noBreakHyphen":
                if (!InInstruction) _text.Append('-');
                break;
            case "sym":
                if (!InInstruction) AppendSymbol(r);
                break;
            case "fldChar":
                OnFieldChar(r);
                return;
            case "sdt":
                VisitContentControl(r, symbolFont);
                return;
            case "AlternateContent":
                WordXml.ChosenAlternate(r, chosen => VisitChildren(chosen, symbolFont));
                return;
            case "drawing" or "pict" or "object":
                CollectTextBoxes(r);
                return;
            case "txbxContent":
                WordContentWalker.Walk(r, _boxes, _cancel);
                return;
            // Revisions: deleted and moved-away text is not on the page.
            case "del" or "moveFrom" or "delText" or "delInstrText" or "instrText":
                break;
            // Ruby: the base text is the text; the annotation above it is not.
            case "rt":
                break;
            case "footnoteReference" or "endnoteReference" or "commentReference" or "annotationRef"
                or "bookmarkStart" or "bookmarkEnd" or "lastRenderedPageBreak" or "softHyphen":
                break;
            default:
                // ins, moveTo, hyperlink, smartTag, customXml, fldSimple (its runs are the result),
                // oMath, bdo, dir, rubyBase: their runs are visible text.
                VisitChildren(r, symbolFont);
                return;
        }
        r.Skip();
    }

    /// <summary>
    /// w:r: its properties come first (schema order), so whether it is hidden and which font it uses are
    /// known before its content is met.
    /// </summary>
    void VisitRun(XmlReader r)
    {
        int depth = WordXml.Enter(r);
        bool sawProperties = false;
        string? symbolFont = null;
        while (WordXml.NextChild(r, depth))
        {
            if (r.LocalName == "rPr" && !sawProperties)
            {
                sawProperties = true;
                var (hidden, font) = RunProperties(r);
                // w:webHidden is hidden in Web view only; printed forms show it (TOC page numbers), so it stays.
                if (hidden)
                {
                    while (WordXml.NextChild(r, depth)) r.Skip();
                    return;
                }
                symbolFont = SymbolFonts.IsSymbolFont(font) ? font : null;
            }
            else Visit(r, symbolFont);
        }
    }

    static (bool Hidden, string? Font) RunProperties(XmlReader r)
    {
        bool hidden = false, sawVanish = false, sawFonts = false;
        string? font = null;
        WordXml.Children(r, p =>
        {
            if (p.LocalName == "vanish" && !sawVanish)
            {
                sawVanish = true;
                hidden = WordXml.IsOn(p);
            }
            else if (p.LocalName == "rFonts" && !sawFonts)
            {
                sawFonts = true;
                font = WordXml.Attr(p, "ascii") ?? WordXml.Attr(p, "hAnsi");
            }
            return false;
        });
        return (hidden, font);
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

    void AppendSymbol(XmlReader sym)
    {
        var font = WordXml.Attr(sym, "font");
        var hex = WordXml.Attr(sym, "char");
        if (hex is null || !int.TryParse(hex, System.Globalization.NumberStyles.HexNumber, null, out var code)) return;
        var mapped = SymbolFonts.Map(font, code);
        if (mapped is not null) _text.Append(mapped.Value);
        else if (code < 0xE000 || code > 0xF8FF) _text.Append((char)code);
        // Unknown private-use glyph: dropping it is better than inventing a character.
    }

    void OnFieldChar(XmlReader fldChar)
    {
        switch (WordXml.Attr(fldChar, "fldCharType"))
        {
            case "begin":
                // Legacy form checkbox (FORMCHECKBOX) has no result text: Word draws the box itself.
                var box = FormCheckBox(fldChar);
                if (box is not null && !InInstruction) _text.Append(box.Value ? '☑' : '□');
                _fields.Push(true);
                return;
            case "separate":
                if (_fields.Count > 0) { _fields.Pop(); _fields.Push(false); }
                break;
            case "end":
                if (_fields.Count > 0) _fields.Pop();
                break;
        }
        fldChar.Skip();
    }

    /// <summary>w:fldChar/w:ffData/w:checkBox, consuming the fldChar: null when there is none, else whether it is checked.</summary>
    static bool? FormCheckBox(XmlReader fldChar)
    {
        bool? result = null;
        bool sawData = false;
        WordXml.Children(fldChar, data =>
        {
            if (data.LocalName != "ffData" || sawData) return false;
            sawData = true;
            bool sawBox = false;
            WordXml.Children(data, box =>
            {
                if (box.LocalName != "checkBox" || sawBox) return false;
                sawBox = true;
                // w:checked (its on/off) when present, else w:default's value.
                bool? isChecked = null, byDefault = null;
                WordXml.Children(box, c =>
                {
                    if (c.LocalName == "checked" && isChecked is null) isChecked = WordXml.IsOn(c);
                    else if (c.LocalName == "default" && byDefault is null) byDefault = WordXml.Attr(c, "val") is "1" or "true";
                    return false;
                });
                result = isChecked ?? byDefault ?? false;
                return true;
            });
            return true;
        });
        return result;
    }

    void VisitContentControl(XmlReader sdt, string? symbolFont)
    {
        int depth = WordXml.Enter(sdt);
        bool sawProperties = false, sawContent = false, skip = false;
        while (WordXml.NextChild(sdt, depth))
        {
            if (sdt.LocalName == "sdtPr" && !sawProperties)
            {
                sawProperties = true;
                var (placeholder, checkbox) = ControlProperties(sdt);
                // A control still showing its placeholder ("单击或点击此处输入文字。") holds no entered value.
                if (placeholder) skip = true;
                else if (checkbox is not null)
                {
                    if (!InInstruction) _text.Append(checkbox.Value ? '☑' : '□');
                    skip = true;
                }
            }
            else if (sdt.LocalName == "sdtContent" && !sawContent && !skip)
            {
                sawContent = true;
                VisitChildren(sdt, symbolFont);
            }
            else sdt.Skip();
        }
    }

    /// <summary>w:sdtPr: whether the control shows its placeholder, and its checkbox state if it is a checkbox.</summary>
    static (bool Placeholder, bool? Checkbox) ControlProperties(XmlReader sdtPr)
    {
        bool? placeholder = null, checkbox = null;
        bool sawCheckbox = false;
        WordXml.Children(sdtPr, p =>
        {
            if (p.LocalName == "showingPlcHdr" && placeholder is null) placeholder = WordXml.IsOn(p);
            else if (p.LocalName == "checkbox" && !sawCheckbox)
            {
                sawCheckbox = true;
                bool sawChecked = false;
                checkbox = false;
                WordXml.Children(p, c =>
                {
                    if (c.LocalName != "checked" || sawChecked) return false;
                    sawChecked = true;
                    checkbox = WordXml.Attr(c, "val") is "1" or "true";
                    return false;
                });
                return true;
            }
            return false;
        });
        return (placeholder ?? false, checkbox);
    }

    /// <summary>Text boxes anywhere inside a drawing, picture or embedded object.</summary>
    void CollectTextBoxes(XmlReader r)
    {
        int depth = WordXml.Enter(r);
        while (WordXml.NextChild(r, depth))
        {
            if (r.LocalName == "txbxContent") WordContentWalker.Walk(r, _boxes, _cancel);
            else if (r.LocalName == "AlternateContent") WordXml.ChosenAlternate(r, CollectTextBoxes);
            else CollectTextBoxes(r);
        }
    }
}
