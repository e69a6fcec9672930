namespace Jixiao.Ingest.Doc;

/// <summary>
/// Reads Word 97-2003 binary documents (.doc, and WPS .wps files of the same family) without
/// Word or LibreOffice: compound file → FIB → Clx piece table → main text, with paragraph
/// properties from the PapxFkp pages giving the table structure (MS-DOC). Word 6.0 / Word 95
/// files of the same family are read too (their differences: see <see cref="Fib"/>, <see cref="Word6Sprm"/>).
/// </summary>
internal sealed class DocParser : IDocumentParser
{
    public DocParser(string format = "doc") => Format = format;

    public string Format { get; }

    public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel)
    {
        var file = ReadAll(stream);
        cancel.ThrowIfCancellationRequested();
        var compound = new CompoundFile(file);
        var wordDocument = compound.ReadStreamBytes("WordDocument")
            ?? throw new UnreadableDocumentException("no WordDocument stream (not a Word document)");
        var fib = Fib.Read(wordDocument);
        // Word 6/95 keep their tables in the WordDocument stream itself: it is read once.
        var table = (fib.IsWord6 ? wordDocument : compound.ReadStreamBytes(fib.TableStreamName))
            ?? throw new UnreadableDocumentException($"damaged .doc: {fib.TableStreamName} stream is missing");
        cancel.ThrowIfCancellationRequested();

        bool word6 = fib.IsWord6;
        bool fontsFit = (ulong)fib.FcSttbfFfn + fib.LcbSttbfFfn <= (ulong)table.Count;
        var charsets = new List<int>();
        var fonts = !fontsFit ? Array.Empty<string>()
            : word6 ? SttbfFfn.ReadWord6(table.AsSpan((int)fib.FcSttbfFfn, (int)fib.LcbSttbfFfn), charsets)
            : SttbfFfn.ReadNames(table.AsSpan((int)fib.FcSttbfFfn, (int)fib.LcbSttbfFfn));

        var pieces = word6 ? Word6Pieces(fib, table, charsets) : Word97Pieces(fib, table);
        var text = pieces.ReadText(wordDocument, fib.CcpText, cancel);
        var papx = FormattedDiskPages.Papx(wordDocument, Slice(table, fib.FcPlcfBtePapx, fib.LcbPlcfBtePapx, "PlcBtePapx"), word6);
        var chpx = FormattedDiskPages.Chpx(wordDocument, Slice(table, fib.FcPlcfBteChpx, fib.LcbPlcfBteChpx, "PlcBteChpx"), word6);

        var data = compound.ReadStreamBytes("Data") ?? ArraySegment<byte>.Empty;
        // The Word 6 style sheet has another layout; only hidden styles would need it.
        var styles = !word6 && (ulong)fib.FcStshf + fib.LcbStshf <= (ulong)table.Count
            ? Stsh.Read(table.AsSpan((int)fib.FcStshf, (int)fib.LcbStshf))
            : Stsh.Empty;

        var streams = new DocStreams
        {
            Pieces = pieces, Papx = papx, Chpx = chpx, Data = data, Fonts = fonts, Styles = styles,
            TextBoxes = TextBoxes.Read(fib, table, pieces, wordDocument, cancel),
        };

        var doc = new SourceDocument(fileName, Format);
        new MainTextReader(streams, text, new TableAssembler(doc)).Run(cancel);
        return doc;
    }

    static PieceTable Word97Pieces(Fib fib, ArraySegment<byte> table)
    {
        if (fib.LcbClx == 0) throw new UnreadableDocumentException("damaged .doc: no piece table (Clx)");
        return PieceTable.Read(Slice(table, fib.FcClx, fib.LcbClx, "Clx"));
    }

    /// <summary>
    /// Word 6/95 text: fast-saved files have a Clx like Word 97's; others hold all stories as one
    /// 8-bit run from fcMin. The code page follows the document's language or its fonts.
    /// </summary>
    static PieceTable Word6Pieces(Fib fib, ArraySegment<byte> wordDocument, List<int> charsets)
    {
        var ansi = AnsiText.For(AnsiText.CodePageOf(fib.Lid, charsets));
        if (fib.FComplex && fib.LcbClx > 0)
            return PieceTable.ReadWord6(Slice(wordDocument, fib.FcClx, fib.LcbClx, "Clx"), ansi);
        if (fib.FcMac < fib.FcMin || fib.FcMac > wordDocument.Count)
            throw new UnreadableDocumentException("damaged .doc: text lies outside the WordDocument stream");
        return PieceTable.SinglePiece(fib.FcMin, (int)(fib.FcMac - fib.FcMin), ansi);
    }

    static ReadOnlySpan<byte> Slice(ArraySegment<byte> stream, uint fc, uint lcb, string what)
    {
        if ((ulong)fc + lcb > (ulong)stream.Count)
            throw new UnreadableDocumentException($"damaged .doc: {what} lies outside the table stream");
        return stream.AsSpan((int)fc, (int)lcb);
    }

    static byte[] ReadAll(Stream stream)
    {
        // The file is only read: a memory stream's own buffer (the sniffer's copy of the file) serves as it is.
        if (stream is MemoryStream m && m.Position == 0)
            return m.TryGetBuffer(out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length ? whole.Array : m.ToArray();
        if (stream.CanSeek && stream.Length - stream.Position <= int.MaxValue)
        {
            var buffer = GC.AllocateUninitializedArray<byte>((int)(stream.Length - stream.Position));
            stream.ReadExactly(buffer);
            return buffer;
        }
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
