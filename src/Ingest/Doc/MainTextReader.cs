using System.Buffers.Binary;
using System.Text;
using Jixiao.Ingest.Docx;

namespace Jixiao.Ingest.Doc;

/// <summary>
/// Walks a story (the main document text, CPs [0, ccpText), or a text box) once, splitting it at paragraph, cell and
/// section marks (MS-DOC 2.4.2), and feeds each paragraph with its table properties to the
/// <see cref="TableAssembler"/>. Field instructions are dropped and field results kept
/// (MS-DOC 2.8.25), nested fields included; object anchors and other control characters go.
/// </summary>
internal sealed class MainTextReader
{
    const char CellMark = '\u0007';
    const char ParagraphMark = '\r';
    const char SectionMark = '\f';
    const char FieldBegin = '\u0013';
    const char FieldSeparator = '\u0014';
    const char FieldEnd = '\u0015';
    const char DrawnObject = '\u0008';
    const int MaxFieldDepth = 32;

    readonly DocStreams _doc;
    readonly char[] _text;
    readonly int _cpBase;
    readonly int _depthOffset;
    readonly PieceTable _pieces;
    readonly FormattedDiskPages _papx;
    readonly FormattedDiskPages _chpx;
    readonly TableAssembler _assembler;
    readonly StringBuilder _paragraph = new(256);

    // Field nesting: for each open field, whether its separator has been seen (result part).
    readonly bool[] _fieldInResult = new bool[MaxFieldDepth];
    readonly int[] _fieldBegin = new int[MaxFieldDepth];
    int _fieldDepth;
    int _fieldsInInstruction;

    // The character run (CHPX) last looked up: its FC range and whether it is hidden from the reader.
    long _runStart = -1, _runEnd = -1;
    int _runPiece = -1;
    bool _runHidden;

    // What the sprms of each (CHPX place, piece Prm) pair say about deletion and hiding (HidingMarks).
    readonly Dictionary<(int ChpxAt, int Prm), (bool Deleted, int Vanish)> _hidingMarks = new();

    // The paragraph properties last read, and the PAPX (its place in the stream) and piece Prm they were read from.
    ParagraphProperties _props;
    int _propsPapxAt = -1, _propsPrm = -2;

    // Text boxes anchored in the current paragraph, read before it (a title box floats above its anchor).
    readonly List<(int Start, int End)> _boxes = new();

    /// <summary>Reader of the main text (<paramref name="text"/> holds CPs from 0).</summary>
    public MainTextReader(DocStreams doc, char[] text, TableAssembler assembler) : this(doc, text, 0, 0, assembler) { }

    /// <summary>
    /// Reader of another story whose <paramref name="text"/> starts at CP <paramref name="cpBase"/>; its
    /// tables nest <paramref name="depthOffset"/> levels below the paragraph that anchors it.
    /// </summary>
    MainTextReader(DocStreams doc, char[] text, int cpBase, int depthOffset, TableAssembler assembler)
    {
        _doc = doc;
        _text = text;
        _cpBase = cpBase;
        _depthOffset = depthOffset;
        _pieces = doc.Pieces;
        _papx = doc.Papx;
        _chpx = doc.Chpx;
        _assembler = assembler;
    }

    /// <summary>Paragraph count over all stories, shared through <see cref="DocStreams"/>.</summary>
    int Line
    {
        get => _doc.Line;
        set => _doc.Line = value;
    }

    public void Run(CancellationToken cancel)
    {
        Run(_cpBase, _cpBase + _text.Length, cancel);
        // Text after the last mark (damaged files) still counts as a paragraph.
        if (_paragraph.Length > 0) _assembler.BodyParagraph(TakeParagraph(), ++Line);
        _assembler.Finish();
    }

    /// <summary>
    /// Walks CPs [<paramref name="from"/>, <paramref name="to"/>) run by run: whether text is hidden is looked up
    /// once per stretch of CPs that shares the answer (<see cref="HiddenUntil"/>), and plain characters, most of
    /// the text, are copied to the paragraph in one go. Asked per character, the lookups were most of the parse.
    /// </summary>
    void Run(int from, int to, CancellationToken cancel)
    {
        int cp = from;
        while (cp < to)
        {
            cancel.ThrowIfCancellationRequested();
            int end = Math.Min(to, HiddenUntil(cp, out bool hidden));
            if (hidden)
            {
                // Deleted revisions stay in the text until accepted, hidden text (vanish) is not shown:
                // the visible document has neither. Their marks still end the paragraph, cell or row,
                // as LibreOffice shows them.
                for (; cp < end; cp++)
                {
                    char mark = _text[cp - _cpBase];
                    if (mark is ParagraphMark or CellMark or SectionMark) EndParagraph(cp, mark, cancel);
                }
                continue;
            }
            while (cp < end)
            {
                char c = _text[cp - _cpBase];
                if (c == '\0') { cp++; continue; } // the trail byte's CP of a double-byte character (Word 6), or nothing
                if (_fieldsInInstruction == 0 && IsPlain(c)) cp = AppendPlain(cp, end);
                else Visible(cp++, c, cancel);
            }
        }
    }

    /// <summary>A character that stands for itself in the paragraph (see <see cref="Append"/>): not a control character, not a possible symbol.</summary>
    static bool IsPlain(char c) => c >= ' ' && c != '(' && (c < '\uF020' || c > '\uF0FF');

    /// <summary>Copies the plain characters from <paramref name="cp"/> on (skipping NULs) to the paragraph; returns the CP after them.</summary>
    int AppendPlain(int cp, int end)
    {
        var rest = _text.AsSpan(cp - _cpBase, end - cp);
        int i = 0;
        while (true)
        {
            int n = PlainLength(rest[i..]);
            if (n > 0) _paragraph.Append(rest.Slice(i, n));
            i += n;
            if (i < rest.Length && rest[i] == '\0') i++;
            else return cp + i;
        }
    }

    /// <summary>
    /// How many characters at the start of <paramref name="text"/> are plain (<see cref="IsPlain"/>), found with
    /// vectorised searches: the next control character bounds the search for the other two kinds.
    /// </summary>
    static int PlainLength(ReadOnlySpan<char> text)
    {
        int n = text.IndexOfAnyInRange('\0', '\u001F');
        if (n < 0) n = text.Length;
        int open = text[..n].IndexOf('(');
        if (open >= 0) n = open;
        int symbol = text[..n].IndexOfAnyInRange('\uF020', '\uF0FF');
        return symbol >= 0 ? symbol : n;
    }

    /// <summary>A visible character that is not plain: marks, fields, anchors, and what <see cref="Append"/> maps.</summary>
    void Visible(int cp, char c, CancellationToken cancel)
    {
        switch (c)
        {
            case ParagraphMark or CellMark or SectionMark: EndParagraph(cp, c, cancel); break;
            case DrawnObject:
                if (_fieldsInInstruction == 0 && _depthOffset == 0 && _doc.TextBoxes.TryGetBox(cp, out var box)) _boxes.Add(box);
                break;
            case FieldBegin:
                if (_fieldDepth < MaxFieldDepth)
                {
                    _fieldBegin[_fieldDepth] = cp;
                    _fieldInResult[_fieldDepth++] = false;
                    _fieldsInInstruction++;
                }
                break;
            case FieldSeparator:
                if (_fieldDepth > 0 && !_fieldInResult[_fieldDepth - 1])
                {
                    EndInstruction(_fieldBegin[_fieldDepth - 1], cp);
                    _fieldInResult[_fieldDepth - 1] = true;
                }
                break;
            case FieldEnd:
                if (_fieldDepth > 0 && !_fieldInResult[--_fieldDepth]) EndInstruction(_fieldBegin[_fieldDepth], cp);
                break;
            default:
                if (_fieldsInInstruction == 0) Append(cp, c);
                break;
        }
    }

    void Append(int cp, char c)
    {
        switch (c)
        {
            case '\u000B': _paragraph.Append('\n'); return;  // vertical tab: soft line break
            case '\u000E': _paragraph.Append('\n'); return;  // column break
            case '\t': _paragraph.Append('\t'); return;
            case '\u001E': _paragraph.Append('-'); return;   // non-breaking hyphen
            case '(':
                _paragraph.Append(SymbolAt(cp) ?? c);
                return;
        }
        if (c < ' ') return; // 0x01 picture, 0x08 drawn object, 0x02 footnote reference, 0x1F optional hyphen, …
        if (c >= '\uF020' && c <= '\uF0FF') c = SymbolFonts.Map(null, c) ?? c;
        _paragraph.Append(c);
    }

    /// <summary>
    /// The instruction of the field begun at <paramref name="begin"/> ends at <paramref name="cp"/>.
    /// A legacy check box (FORMCHECKBOX) has no result text: Word draws the box, so we write it.
    /// </summary>
    void EndInstruction(int begin, int cp)
    {
        _fieldsInInstruction--;
        if (_fieldsInInstruction != 0) return;
        var instruction = _text.AsSpan(begin + 1 - _cpBase, cp - begin - 1);
        if (instruction.IndexOf("FORMCHECKBOX", StringComparison.Ordinal) < 0) return;
        _paragraph.Append(FormFieldData.IsChecked(_doc.Data, PicLocation(begin, instruction)) ? '☑' : '□');
    }

    /// <summary>sprmCPicLocation of the field begin, or else of the 0x01 character in its instruction.</summary>
    long PicLocation(int begin, ReadOnlySpan<char> instruction)
    {
        long at = PicLocationAt(begin);
        int anchor = instruction.IndexOf('\u0001');
        if (at < 0 && anchor >= 0) at = PicLocationAt(begin + 1 + anchor);
        return at;
    }

    long PicLocationAt(int cp)
    {
        var w = new Sprm.Walker(_chpx.GrpprlAt(_pieces.FcOf(cp)));
        long at = -1;
        while (w.MoveNext())
            if (w.Current == Sprm.CPicLocation) at = BinaryPrimitives.ReadUInt32LittleEndian(w.Operand);
        return at;
    }

    /// <summary>
    /// Whether the run holding <paramref name="cp"/> is a deleted revision or hidden (<see cref="IsHidden"/>), and the
    /// CP up to which that answer holds: the end of the CHPX run (and paragraph style) the answer came from, within
    /// the same piece, whose CPs map to consecutive FCs. At least the next CP.
    /// </summary>
    int HiddenUntil(int cp, out bool hidden)
    {
        hidden = IsHidden(cp);
        if (_runPiece < 0) return cp + 1;
        var p = _pieces.Pieces[_runPiece];
        long fc = p.ByteOffset + (long)(cp - p.CpStart) * p.BytesPerChar;
        if (fc < _runStart || fc >= _runEnd) return cp + 1;
        long sameChars = (_runEnd - fc - 1) / p.BytesPerChar + 1;
        return cp + (int)Math.Min(sameChars, p.CpEnd - cp);
    }

    /// <summary>
    /// Whether the run holding <paramref name="cp"/> is a deleted revision (sprmCFRMarkDel) or hidden
    /// (sprmCFVanish; 0x80/0x81 mean "as / opposite of the paragraph style", so those runs ask the style sheet).
    /// The answer is kept with the FC range and piece it holds for (<see cref="HiddenUntil"/>).
    /// </summary>
    bool IsHidden(int cp)
    {
        long fc = _pieces.FcOf(cp, out int piece);
        if (fc >= _runStart && fc < _runEnd && piece == _runPiece) return _runHidden;
        _runPiece = piece;
        var grpprl = _chpx.GrpprlAt(fc, out _runStart, out _runEnd, out int chpxAt);
        // Runs share a few CHPXs (and pieces a few Prms): each pair's sprms are read once.
        int prm = _pieces.PrmOf(piece);
        if (!_hidingMarks.TryGetValue((chpxAt, prm), out var marks))
        {
            marks = HidingMarks(grpprl, _pieces.PrmGrpprl(piece));
            _hidingMarks.Add((chpxAt, prm), marks);
        }
        var (deleted, vanish) = marks;
        bool styleHidden = _doc.Styles.IsHidden(_papx.IstdAt(fc, out long styleFrom, out long styleTo));
        bool hidden = vanish switch { 0 => false, 1 => true, 0x81 => !styleHidden, _ => styleHidden };
        // The answer depends on the paragraph's style as well when the run defers to it (most runs): it holds
        // where both the run and the paragraph's style do.
        if (vanish is not (0 or 1))
        {
            _runStart = Math.Max(_runStart, styleFrom);
            _runEnd = Math.Min(_runEnd, styleTo);
        }
        _runHidden = deleted || hidden;
        return _runHidden;
    }

    /// <summary>
    /// sprmCFRMarkDel (deleted: on) and sprmCFVanish (its operand; -1 when absent) of a run's CHPX, then of the
    /// piece's Prm, which applies on top of it.
    /// </summary>
    static (bool Deleted, int Vanish) HidingMarks(ReadOnlySpan<byte> chpx, ReadOnlySpan<byte> prm)
    {
        bool deleted = false;
        int vanish = -1;
        for (int pass = 0; pass < 2; pass++)
        {
            var w = new Sprm.Walker(pass == 0 ? chpx : prm);
            while (w.MoveNext())
            {
                if (w.Current == Sprm.CFRMarkDel) deleted = w.Operand[0] is 1 or 0x81;
                else if (w.Current == Sprm.CFVanish) vanish = w.Operand[0];
            }
        }
        return (deleted, vanish);
    }

    /// <summary>A '(' with sprmCSymbol (MS-DOC 2.6.1) is a character of a symbol font, named by its ftc.</summary>
    char? SymbolAt(int cp)
    {
        var grpprl = _chpx.GrpprlAt(_pieces.FcOf(cp));
        if (grpprl.IsEmpty) return null;
        int ftc = -1;
        char symbol = '\0';
        var w = new Sprm.Walker(grpprl);
        while (w.MoveNext())
        {
            if (w.Current != Sprm.CSymbol || w.Operand.Length < 4) continue;
            ftc = BinaryPrimitives.ReadUInt16LittleEndian(w.Operand);
            symbol = (char)BinaryPrimitives.ReadUInt16LittleEndian(w.Operand[2..]);
        }
        // fSpec may come from the style; a '(' with its own sprmCSymbol is a symbol either way.
        if (symbol == '\0') return null;
        var font = ftc >= 0 && ftc < _doc.Fonts.Length ? _doc.Fonts[ftc] : null;
        return SymbolFonts.Map(font, symbol) ?? symbol;
    }

    void EndParagraph(int cp, char mark, CancellationToken cancel)
    {
        var papxGrpprl = ResolveHugePapx(_papx.GrpprlAt(_pieces.FcOf(cp, out int piece), out int papxAt));
        var prmGrpprl = _pieces.PrmGrpprl(piece);
        // The paragraphs of a table mostly share one PAPX (and piece Prm): what it says is read once for them.
        int prm = _pieces.PrmOf(piece);
        if (papxAt != _propsPapxAt || prm != _propsPrm)
        {
            _props = ParagraphProperties.Read(papxGrpprl, prmGrpprl);
            (_propsPapxAt, _propsPrm) = (papxAt, prm);
        }
        var props = _props;
        int local = props.Depth;
        int depth = local == 0 ? _depthOffset : local + _depthOffset;
        var text = TakeParagraph();
        if (_boxes.Count > 0) ReadTextBoxes(depth, cancel);
        Line++;

        if (depth == 0)
        {
            _assembler.BodyParagraph(text, Line);
            return;
        }
        if (local == 0)
        {
            // A plain paragraph of a text box that sits in a table cell: one more line of that cell.
            _assembler.CellParagraph(depth, text, Line, endsCell: false);
            return;
        }
        // Depth 1 ends cells and rows with the cell mark (0x07); deeper tables use paragraph marks
        // flagged fInnerTableCell / fInnerTtp (MS-DOC 2.4.3 "Overview of Tables").
        bool rowEnd = local == 1 ? props.FTtp : props.FInnerTtp;
        bool cellEnd = local == 1 ? mark == CellMark : props.FInnerTableCell || mark == CellMark;
        if (rowEnd || cellEnd) ResetFields();
        if (rowEnd) _assembler.RowEnd(depth, Tap.Read(papxGrpprl, prmGrpprl), Line);
        else _assembler.CellParagraph(depth, text, Line, cellEnd);
    }

    /// <summary>
    /// Text boxes anchored in the paragraph just ended, as LibreOffice and the .docx reader place them:
    /// before the paragraph, their tables nested one level below the paragraph's own depth.
    /// </summary>
    void ReadTextBoxes(int depth, CancellationToken cancel)
    {
        var boxes = _boxes.ToArray();
        _boxes.Clear();
        var story = _doc.TextBoxes;
        foreach (var (start, end) in boxes)
        {
            var reader = new MainTextReader(_doc, story.Text, story.CpBase, depth, _assembler);
            reader.Run(start, end, cancel);
            if (reader._paragraph.Length > 0) reader.EndParagraph(end - 1, ParagraphMark, cancel);
        }
    }

    /// <summary>
    /// A PAPX too large for its FKP holds only sprmPHugePapx, pointing at a PrcData (cbGrpprl, grpprl)
    /// in the Data stream (MS-DOC 2.6.2); Word and LibreOffice write row ends with many cells this way.
    /// </summary>
    ReadOnlySpan<byte> ResolveHugePapx(ReadOnlySpan<byte> grpprl)
    {
        if (grpprl.Length < 6 || BinaryPrimitives.ReadUInt16LittleEndian(grpprl) != Sprm.PHugePapx) return grpprl;
        uint fc = BinaryPrimitives.ReadUInt32LittleEndian(grpprl[2..]);
        var data = _doc.Data;
        if (fc + 2L > data.Count) return default;
        int cb = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan((int)fc));
        if (fc + 2L + cb > data.Count) return default;
        return data.AsSpan((int)fc + 2, cb);
    }

    string TakeParagraph()
    {
        var s = _paragraph.ToString();
        _paragraph.Clear();
        return s;
    }

    /// <summary>Fields never cross a cell boundary in Word; an unbalanced one must not hide the next cells.</summary>
    void ResetFields()
    {
        _fieldDepth = 0;
        _fieldsInInstruction = 0;
    }
}
