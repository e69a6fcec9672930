namespace Jixiao.Ingest.Doc;

/// <summary>
/// Reads Word 97-2003 binary documents (.doc, and WPS .wps files of the same family) without
/// Word or LibreOffice: compound file → FIB → Clx piece table → main text, with paragraph
/// properties from the PapxFkp pages giving the table structure (MS-DOC).
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
        var wordDocument = compound.ReadStream("WordDocument")
            ?? throw new UnreadableDocumentException("no WordDocument stream (not a Word document)");
        var fib = Fib.Read(wordDocument);
        var table = compound.ReadStream(fib.TableStreamName)
            ?? throw new UnreadableDocumentException($"damaged .doc: {fib.TableStreamName} stream is missing");
        cancel.ThrowIfCancellationRequested();

        if (fib.LcbClx == 0) throw new UnreadableDocumentException("damaged .doc: no piece table (Clx)");
        var pieces = PieceTable.Read(Slice(table, fib.FcClx, fib.LcbClx, "Clx"));
        var text = pieces.ReadText(wordDocument, fib.CcpText, cancel);
        var papx = FormattedDiskPages.Papx(wordDocument, Slice(table, fib.FcPlcfBtePapx, fib.LcbPlcfBtePapx, "PlcBtePapx"));
        var chpx = FormattedDiskPages.Chpx(wordDocument, Slice(table, fib.FcPlcfBteChpx, fib.LcbPlcfBteChpx, "PlcBteChpx"));

        var data = compound.ReadStream("Data") ?? Array.Empty<byte>();
        var fonts = (ulong)fib.FcSttbfFfn + fib.LcbSttbfFfn <= (ulong)table.Length
            ? SttbfFfn.ReadNames(table.AsSpan((int)fib.FcSttbfFfn, (int)fib.LcbSttbfFfn))
            : Array.Empty<string>();
        var styles = (ulong)fib.FcStshf + fib.LcbStshf <= (ulong)table.Length
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

    static ReadOnlySpan<byte> Slice(byte[] stream, uint fc, uint lcb, string what)
    {
        if ((ulong)fc + lcb > (ulong)stream.Length)
            throw new UnreadableDocumentException($"damaged .doc: {what} lies outside the table stream");
        return stream.AsSpan((int)fc, (int)lcb);
    }

    static byte[] ReadAll(Stream stream)
    {
        if (stream is MemoryStream m && m.Position == 0) return m.ToArray();
        if (stream.CanSeek && stream.Length - stream.Position <= int.MaxValue)
        {
            var buffer = new byte[stream.Length - stream.Position];
            stream.ReadExactly(buffer);
            return buffer;
        }
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
