using System.Buffers.Binary;
using System.Text;

namespace Jixiao.Ingest.Doc;

/// <summary>
/// Walks the main document text (CPs [0, ccpText)) once, splitting it at paragraph, cell and
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
    const int MaxFieldDepth = 32;

    readonly char[] _text;
    readonly PieceTable _pieces;
    readonly FormattedDiskPages _papx;
    readonly FormattedDiskPages _chpx;
    readonly TableAssembler _assembler;
    readonly byte[] _data;
    readonly StringBuilder _paragraph = new(256);

    // Field nesting: for each open field, whether its separator has been seen (result part).
    readonly bool[] _fieldInResult = new bool[MaxFieldDepth];
    int _fieldDepth;
    int _fieldsInInstruction;
    int _line;

    // The character run (CHPX) last looked up: its FC range and whether it is a deleted revision.
    long _runStart = -1, _runEnd = -1;
    bool _runDeleted;

    public MainTextReader(char[] text, PieceTable pieces, FormattedDiskPages papx, FormattedDiskPages chpx, byte[] data, TableAssembler assembler)
    {
        _data = data;
        _text = text;
        _pieces = pieces;
        _papx = papx;
        _chpx = chpx;
        _assembler = assembler;
    }

    public void Run(CancellationToken cancel)
    {
        for (int cp = 0; cp < _text.Length; cp++)
        {
            if ((cp & 0xFFF) == 0) cancel.ThrowIfCancellationRequested();
            char c = _text[cp];
            if (IsDeleted(cp))
            {
                // Deleted revisions stay in the text until accepted; the visible document has none of it.
                // Deleted marks still end their paragraph, cell or row, as LibreOffice shows them.
                if (c is ParagraphMark or CellMark or SectionMark) EndParagraph(cp, c);
                continue;
            }
            switch (c)
            {
                case ParagraphMark or CellMark or SectionMark: EndParagraph(cp, c); break;
                case FieldBegin:
                    if (_fieldDepth < MaxFieldDepth) { _fieldInResult[_fieldDepth++] = false; _fieldsInInstruction++; }
                    break;
                case FieldSeparator:
                    if (_fieldDepth > 0 && !_fieldInResult[_fieldDepth - 1]) { _fieldInResult[_fieldDepth - 1] = true; _fieldsInInstruction--; }
                    break;
                case FieldEnd:
                    if (_fieldDepth > 0 && !_fieldInResult[--_fieldDepth]) _fieldsInInstruction--;
                    break;
                default:
                    if (_fieldsInInstruction == 0) Append(cp, c);
                    break;
            }
        }
        // Text after the last mark (damaged files) still counts as a paragraph.
        if (_paragraph.Length > 0) _assembler.BodyParagraph(TakeParagraph(), ++_line);
        _assembler.Finish();
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
        if (SymbolMap.IsPrivateUseSymbol(c)) c = SymbolMap.Map(c);
        _paragraph.Append(c);
    }

    bool IsDeleted(int cp)
    {
        long fc = _pieces.FcOf(cp);
        if (fc >= _runStart && fc < _runEnd) return _runDeleted;
        var grpprl = _chpx.GrpprlAt(fc, out _runStart, out _runEnd);
        _runDeleted = false;
        var w = new Sprm.Walker(grpprl);
        while (w.MoveNext())
            if (w.Current == Sprm.CFRMarkDel) _runDeleted = w.Operand[0] != 0;
        return _runDeleted;
    }

    /// <summary>A '(' carrying sprmCFSpec and sprmCSymbol is a symbol-font character (MS-DOC 2.6.1 sprmCSymbol).</summary>
    char? SymbolAt(int cp)
    {
        var grpprl = _chpx.GrpprlAt(_pieces.FcOf(cp));
        if (grpprl.IsEmpty) return null;
        char symbol = '\0';
        var w = new Sprm.Walker(grpprl);
        while (w.MoveNext())
        {
            if (w.Current == Sprm.CSymbol) symbol = (char)BinaryPrimitives.ReadUInt16LittleEndian(w.Operand[2..]);
        }
        // fSpec may come from the style; a '(' with its own sprmCSymbol is a symbol either way.
        return symbol != '\0' ? SymbolMap.Map(symbol) : null;
    }

    void EndParagraph(int cp, char mark)
    {
        _line++;
        int piece = _pieces.PieceAt(cp);
        var papxGrpprl = ResolveHugePapx(_papx.GrpprlAt(_pieces.FcOf(cp)));
        var prmGrpprl = _pieces.PrmGrpprl(piece);
        var props = ParagraphProperties.Read(papxGrpprl, prmGrpprl);
        int depth = props.Depth;
        var text = TakeParagraph();

        if (depth == 0)
        {
            _assembler.BodyParagraph(text, _line);
            return;
        }
        // Depth 1 ends cells and rows with the cell mark (0x07); deeper tables use paragraph marks
        // flagged fInnerTableCell / fInnerTtp (MS-DOC 2.4.3 "Overview of Tables").
        bool rowEnd = depth == 1 ? props.FTtp : props.FInnerTtp;
        bool cellEnd = depth == 1 ? mark == CellMark : props.FInnerTableCell || mark == CellMark;
        if (rowEnd || cellEnd) ResetFields();
        if (rowEnd) _assembler.RowEnd(depth, Tap.Read(papxGrpprl, prmGrpprl), _line);
        else _assembler.CellParagraph(depth, text, _line, cellEnd);
    }

    /// <summary>
    /// A PAPX too large for its FKP holds only sprmPHugePapx, pointing at a PrcData (cbGrpprl, grpprl)
    /// in the Data stream (MS-DOC 2.6.2); Word and LibreOffice write row ends with many cells this way.
    /// </summary>
    ReadOnlySpan<byte> ResolveHugePapx(ReadOnlySpan<byte> grpprl)
    {
        if (grpprl.Length < 6 || BinaryPrimitives.ReadUInt16LittleEndian(grpprl) != Sprm.PHugePapx) return grpprl;
        uint fc = BinaryPrimitives.ReadUInt32LittleEndian(grpprl[2..]);
        if (fc + 2L > _data.Length) return default;
        int cb = BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan((int)fc));
        if (fc + 2L + cb > _data.Length) return default;
        return _data.AsSpan((int)fc + 2, cb);
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
