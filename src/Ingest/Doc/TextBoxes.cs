using System.Buffers.Binary;

namespace Jixiao.Ingest.Doc;

/// <summary>
/// The text box story (MS-DOC 2.3.6 textboxes): CPs after the main, footnote, header, annotation and
/// endnote stories. PlcftxbxTxt cuts it into boxes (FTXBXS.lid names each box's shape) and
/// PlcSpaMom gives, for each 0x08 anchor in the main text, the shape (FSPA.spid) drawn there.
/// </summary>
internal sealed class TextBoxes
{
    const int FspaSize = 26;
    const int FtxbxsSize = 22;

    readonly Dictionary<int, int> _spidAtCp = new();
    readonly Dictionary<int, (int Start, int End)> _boxBySpid = new();

    public static readonly TextBoxes None = new();

    /// <summary>The story's text; index 0 is CP <see cref="CpBase"/>.</summary>
    public char[] Text { get; private init; } = Array.Empty<char>();
    public int CpBase { get; private init; }

    public static TextBoxes Read(Fib fib, ArraySegment<byte> table, PieceTable pieces, ArraySegment<byte> wordDocument, CancellationToken cancel)
    {
        if (fib.CcpTxbx <= 0 || fib.LcbPlcftxbxTxt < 4 + FtxbxsSize || fib.LcbPlcSpaMom < 4 + FspaSize) return None;
        if ((ulong)fib.FcPlcftxbxTxt + fib.LcbPlcftxbxTxt > (ulong)table.Count
            || (ulong)fib.FcPlcSpaMom + fib.LcbPlcSpaMom > (ulong)table.Count) return None;
        long start = (long)fib.CcpText + fib.CcpFtn + fib.CcpHdd + fib.CcpMcr + fib.CcpAtn + fib.CcpEdn;
        if (fib.CcpText < 0 || start < 0 || start + fib.CcpTxbx > pieces.CpLimit) return None;

        char[] all;
        try
        {
            all = pieces.ReadText(wordDocument, (int)start, fib.CcpTxbx, cancel);
        }
        catch (UnreadableDocumentException)
        {
            return None; // a damaged text box story must not cost the main text
        }
        var boxes = new TextBoxes { Text = all, CpBase = (int)start };

        var spa = table.AsSpan((int)fib.FcPlcSpaMom, (int)fib.LcbPlcSpaMom);
        int nSpa = (spa.Length - 4) / (4 + FspaSize);
        for (int i = 0; i < nSpa; i++)
        {
            int cp = BinaryPrimitives.ReadInt32LittleEndian(spa[(i * 4)..]);
            int spid = BinaryPrimitives.ReadInt32LittleEndian(spa[((nSpa + 1) * 4 + i * FspaSize)..]);
            boxes._spidAtCp.TryAdd(cp, spid);
        }

        var txbx = table.AsSpan((int)fib.FcPlcftxbxTxt, (int)fib.LcbPlcftxbxTxt);
        int nBox = (txbx.Length - 4) / (4 + FtxbxsSize);
        // The last box is a dummy that closes the PLC.
        for (int i = 0; i + 1 < nBox; i++)
        {
            int from = BinaryPrimitives.ReadInt32LittleEndian(txbx[(i * 4)..]);
            int to = BinaryPrimitives.ReadInt32LittleEndian(txbx[((i + 1) * 4)..]);
            int lid = BinaryPrimitives.ReadInt32LittleEndian(txbx[((nBox + 1) * 4 + i * FtxbxsSize + 14)..]);
            if (from < 0 || to <= from || to > fib.CcpTxbx) continue;
            boxes._boxBySpid.TryAdd(lid, (boxes.CpBase + from, boxes.CpBase + to));
        }
        return boxes;
    }

    /// <summary>The CP range of the text box drawn by the shape anchored at main-text <paramref name="cp"/>.</summary>
    public bool TryGetBox(int cp, out (int Start, int End) box)
    {
        box = default;
        return _spidAtCp.TryGetValue(cp, out int spid) && _boxBySpid.TryGetValue(spid, out box);
    }
}
