using System.Text;
using Jixiao.Ingest.Docx;

namespace Jixiao.Ingest.Rtf;

/// <summary>
/// Reads RTF body text and tables into a <see cref="SourceDocument"/>. Follows the RTF 1.9.1 model:
/// group state (font, \ucN, hidden) is pushed on '{' and popped on '}'; destinations that are not
/// body text (font table, styles, pictures, headers, field instructions, \* unknowns) are skipped;
/// \'hh bytes decode with the current font's \fcharset or the document's \ansicpg; \uN is Unicode
/// followed by \ucN fallback characters that are dropped. Table paragraphs carry \intbl; \cell ends
/// a cell, \row a row whose \trowd…\cellx definition gives the edges and merge flags.
/// </summary>
internal sealed class RtfReader
{
    static readonly HashSet<string> SkippedDestinations = new(StringComparer.Ordinal)
    {
        "colortbl", "stylesheet", "info", "pict", "header", "headerl", "headerr", "headerf", "footer",
        "footerl", "footerr", "footerf", "footnote", "fldinst", "object", "objdata", "xe", "tc", "txe",
        "private", "listtable", "listoverridetable", "rsidtbl", "revtbl", "generator", "themedata",
        "colorschememapping", "datastore", "latentstyles", "xmlnstbl", "pgdsctbl", "nonesttables",
        "shpinst", "nonshppict", "annotation", "atnid", "atnauthor", "bkmkstart", "bkmkend", "filetbl",
        "mmathPr", "passwordhash", "userprops", "wgrffmtfilter", "fchars", "lchars", "template",
    };

    sealed class Group
    {
        public bool Skip;
        public bool FontTable;
        public int Font = -1;
        public int Uc = 1;
        public bool Hidden;
        public bool InUpr;
        public Group Clone() => (Group)MemberwiseClone();
    }

    sealed record Font(int Charset, string Name);

    readonly byte[] _data;
    readonly SourceDocument _doc;
    readonly CancellationToken _cancel;
    readonly Dictionary<int, Font> _fonts = new();
    readonly StringBuilder _fontName = new();
    int _fontBeingDefined = -1, _fontCharset;
    int _codePage = 1252;
    int _defaultFont;

    readonly StringBuilder _text = new();
    readonly List<byte> _pendingBytes = new();
    int _skipFallback;

    bool _inTable;
    readonly List<string> _cells = new();
    readonly List<RtfCellDef> _defs = new();
    readonly List<RtfRow> _rows = new();
    int _rowLeft;
    bool _hFirst, _hCont, _vFirst, _vCont;
    int _paragraphs;

    static RtfReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    Font? FontOf(Group state) => _fonts.GetValueOrDefault(state.Font >= 0 ? state.Font : _defaultFont);

    RtfReader(byte[] data, SourceDocument doc, CancellationToken cancel)
    {
        _data = data;
        _doc = doc;
        _cancel = cancel;
    }

    public static void Read(byte[] data, SourceDocument doc, CancellationToken cancel) =>
        new RtfReader(data, doc, cancel).Run();

    void Run()
    {
        var tokenizer = new RtfTokenizer(_data);
        var stack = new Stack<Group>();
        var state = new Group();
        bool groupStart = false, starred = false;
        long count = 0;
        while (true)
        {
            var t = tokenizer.Next();
            if ((++count & 0xFFF) == 0) _cancel.ThrowIfCancellationRequested();
            switch (t.Kind)
            {
                case RtfTokenKind.End:
                    FlushBytes();
                    EndParagraph(force: true);
                    CloseTable();
                    return;
                case RtfTokenKind.GroupStart:
                    FlushBytes();
                    if (stack.Count > 10_000) throw new UnreadableDocumentException("RTF groups nested too deep (damaged file)");
                    stack.Push(state);
                    state = state.Clone();
                    groupStart = true;
                    starred = false;
                    _skipFallback = 0;
                    continue;
                case RtfTokenKind.GroupEnd:
                    FlushBytes();
                    if (state.FontTable && _fontBeingDefined >= 0) EndFontDefinition();
                    if (stack.Count > 0) state = stack.Pop();
                    _skipFallback = 0;
                    break;
                case RtfTokenKind.ControlSymbol when t.Word == "*":
                    starred = groupStart;
                    continue;
                case RtfTokenKind.ControlSymbol:
                    if (!state.Skip && !state.Hidden) Symbol(t.Word);
                    break;
                case RtfTokenKind.ControlWord:
                    if (groupStart)
                    {
                        // The first control word of a group names its destination.
                        if (t.Word == "upr")
                        {
                            // {\upr{ANSI text}{\*\ud{Unicode text}}}: the same text twice; read only \ud.
                            state.Skip = true;
                            state.InUpr = true;
                        }
                        else if (t.Word == "ud" && state.InUpr) { state.Skip = false; state.InUpr = false; }
                        else if (starred && !IsKnownStarred(t.Word) || SkippedDestinations.Contains(t.Word)) state.Skip = true;
                        if (t.Word == "fonttbl") { state.FontTable = true; }
                    }
                    if (state.Skip) break;
                    if (state.FontTable) FontTableWord(t);
                    else ControlWord(t, state);
                    break;
                case RtfTokenKind.HexByte:
                    if (state.Skip || state.Hidden) break;
                    if (_skipFallback > 0) { _skipFallback--; break; }
                    if (state.FontTable) { _fontName.Append((char)t.Byte); break; }
                    AddByte(t.Byte, state);
                    break;
                case RtfTokenKind.Text:
                    if (state.Skip) break;
                    if (state.FontTable) { FontTableText(t); break; }
                    if (state.Hidden) break;
                    int start = t.Start, length = t.Length;
                    int skip = Math.Min(_skipFallback, length);
                    _skipFallback -= skip;
                    for (int i = start + skip; i < start + length; i++) AddByte(_data[i], state);
                    break;
            }
            groupStart = false;
        }
    }

    static bool IsKnownStarred(string word) => word is "fldinst" or "shppict" or "ud" or "upr";

    void ControlWord(RtfToken t, Group state)
    {
        switch (t.Word)
        {
            case "ansicpg": _codePage = t.Param ?? 1252; break;
            case "deff": _defaultFont = t.Param ?? 0; break;
            case "plain": FlushBytes(); state.Hidden = false; break;
            case "f": FlushBytes(); state.Font = t.Param ?? -1; break;
            case "uc": state.Uc = Math.Clamp(t.Param ?? 1, 0, 16); break;
            case "u":
                if (state.Hidden) break;
                FlushBytes();
                int code = t.Param ?? 0;
                if (code < 0) code += 65536;
                _text.Append(MapSymbol(state, code) ?? (char)code);
                _skipFallback = state.Uc;
                break;
            case "v": FlushBytes(); state.Hidden = t.Param is null or not 0; break;
            case "par" or "sect" or "page": EndParagraph(force: false); break;
            case "line" or "nestcell" or "nestrow": Append(state, "\n"); break;
            case "tab": Append(state, "\t"); break;
            case "emdash": Append(state, "—"); break;
            case "endash": Append(state, "–"); break;
            case "bullet": Append(state, "•"); break;
            case "lquote": Append(state, "‘"); break;
            case "rquote": Append(state, "’"); break;
            case "ldblquote": Append(state, "“"); break;
            case "rdblquote": Append(state, "”"); break;
            case "emspace": Append(state, "\u2003"); break;
            case "enspace": Append(state, "\u2002"); break;
            case "pard": _inTable = false; break;
            case "intbl": _inTable = true; break;
            case "itap": _inTable = t.Param is null or > 0; break;
            case "trowd": _defs.Clear(); _rowLeft = 0; _hFirst = _hCont = _vFirst = _vCont = false; break;
            case "trleft": _rowLeft = t.Param ?? 0; break;
            case "clmgf": _hFirst = true; break;
            case "clmrg": _hCont = true; break;
            case "clvmgf": _vFirst = true; break;
            case "clvmrg": _vCont = true; break;
            case "cellx":
                _defs.Add(new RtfCellDef(t.Param ?? 0, _hFirst, _hCont, _vFirst, _vCont));
                _hFirst = _hCont = _vFirst = _vCont = false;
                break;
            case "cell": EndCell(); break;
            case "row": EndRow(); break;
        }
    }

    void Symbol(string s)
    {
        switch (s)
        {
            case "~": FlushBytes(); _text.Append('\u00A0'); break;
            case "_": FlushBytes(); _text.Append('-'); break;
        }
    }

    void Append(Group state, string s)
    {
        if (state.Hidden) return;
        FlushBytes();
        _text.Append(s);
    }

    void AddByte(byte b, Group state)
    {
        if (FontOf(state) is { Charset: 2 } font)
        {
            // Symbol-charset font (Wingdings, Symbol): the byte is a glyph code, not a character.
            FlushBytes();
            _text.Append(SymbolFonts.Map(font.Name, b) ?? (char)b);
            return;
        }
        int cp = CodePageOf(state);
        if (_pendingBytes.Count > 0 && cp != _pendingCodePage) FlushBytes();
        _pendingCodePage = cp;
        _pendingBytes.Add(b);
    }

    int _pendingCodePage;

    char? MapSymbol(Group state, int code) =>
        FontOf(state) is { } f && SymbolFonts.IsSymbolFont(f.Name) ? SymbolFonts.Map(f.Name, code) : null;

    int CodePageOf(Group state)
    {
        if (FontOf(state) is { } f)
            switch (f.Charset)
            {
                case 134: return 936;
                case 136: return 950;
                case 128: return 932;
                case 129: return 949;
                case 238: return 1250;
                case 204: return 1251;
                case 161: return 1253;
            }
        return _codePage;
    }

    void FlushBytes()
    {
        if (_pendingBytes.Count == 0) return;
        var bytes = _pendingBytes.ToArray();
        _pendingBytes.Clear();
        _text.Append(Decode(_pendingCodePage, bytes));
    }

    static string Decode(int codePage, byte[] bytes)
    {
        if (codePage == 936) return TextDecoding.Gb18030.GetString(bytes);
        try
        {
            return Encoding.GetEncoding(codePage).GetString(bytes);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    void FontTableWord(RtfToken t)
    {
        if (t.Word == "f") { if (_fontBeingDefined >= 0) EndFontDefinition(); _fontBeingDefined = t.Param ?? -1; _fontCharset = 0; _fontName.Clear(); }
        else if (t.Word == "fcharset") _fontCharset = t.Param ?? 0;
    }

    void FontTableText(RtfToken t)
    {
        for (int i = t.Start; i < t.Start + t.Length; i++)
        {
            if (_data[i] == ';') { EndFontDefinition(); continue; }
            if (_fontBeingDefined >= 0) _fontName.Append((char)_data[i]);
        }
    }

    void EndFontDefinition()
    {
        if (_fontBeingDefined < 0) return;
        _fonts[_fontBeingDefined] = new Font(_fontCharset, _fontName.ToString().Trim());
        _fontBeingDefined = -1;
        _fontName.Clear();
    }

    void EndParagraph(bool force)
    {
        FlushBytes();
        if (_inTable && !force)
        {
            _text.Append('\n');
            return;
        }
        var text = _text.ToString();
        _text.Clear();
        if (force && _inTable && string.IsNullOrWhiteSpace(text)) { CloseTable(); return; }
        CloseTable();
        _paragraphs++;
        if (!string.IsNullOrWhiteSpace(text))
            _doc.Blocks.Add(new Paragraph(text) { Position = new SourcePosition(1, _paragraphs) });
    }

    void EndCell()
    {
        FlushBytes();
        _cells.Add(_text.ToString().Trim('\n'));
        _text.Clear();
    }

    void EndRow()
    {
        FlushBytes();
        if (_cells.Count == 0) return;
        _rows.Add(new RtfRow(_rowLeft, new List<RtfCellDef>(_defs), new List<string>(_cells)));
        _cells.Clear();
        _text.Clear();
    }

    void CloseTable()
    {
        if (_rows.Count == 0) return;
        var table = RtfTableBuilder.Build(_rows);
        table.Position = new SourcePosition(1, ++_paragraphs);
        _doc.Blocks.Add(table);
        _rows.Clear();
    }
}
