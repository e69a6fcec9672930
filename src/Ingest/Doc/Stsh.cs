using System.Buffers.Binary;

namespace Jixiao.Ingest.Doc;

/// <summary>
/// The style sheet (STSH, MS-DOC 2.9.271), read only for what the text needs: whether a paragraph
/// style makes its text hidden (sprmCFVanish in the style's character UPX, inherited through
/// istdBase). Direct formatting of 0x80/0x81 ("as / opposite of the style") needs that answer.
/// </summary>
internal sealed class Stsh
{
    const int IstdNil = 0x0FFF;
    readonly bool[] _vanish;

    Stsh(bool[] vanish) => _vanish = vanish;

    public static readonly Stsh Empty = new(Array.Empty<bool>());

    public bool IsHidden(int istd) => istd >= 0 && istd < _vanish.Length && _vanish[istd];

    public static Stsh Read(ReadOnlySpan<byte> stsh)
    {
        if (stsh.Length < 6) return Empty;
        int cbStshi = BinaryPrimitives.ReadUInt16LittleEndian(stsh);
        if (2 + cbStshi > stsh.Length || cbStshi < 4) return Empty;
        int cstd = BinaryPrimitives.ReadUInt16LittleEndian(stsh[2..]);
        int cbStdBase = BinaryPrimitives.ReadUInt16LittleEndian(stsh[4..]);
        var baseOf = new int[cstd];
        var own = new sbyte[cstd]; // -1 no sprm, 0 off, 1 on, 2 same as base, 3 opposite of base
        int pos = 2 + cbStshi;
        for (int i = 0; i < cstd && pos + 2 <= stsh.Length; i++)
        {
            int cbStd = BinaryPrimitives.ReadUInt16LittleEndian(stsh[pos..]);
            pos += 2;
            baseOf[i] = IstdNil;
            own[i] = -1;
            if (cbStd == 0) continue;
            if (pos + cbStd > stsh.Length) break;
            ReadStd(stsh.Slice(pos, cbStd), cbStdBase, out baseOf[i], out own[i]);
            pos += cbStd;
        }
        var vanish = new bool[cstd];
        for (int i = 0; i < cstd; i++) vanish[i] = Resolve(i, baseOf, own, 0);
        return new Stsh(vanish);
    }

    static bool Resolve(int istd, int[] baseOf, sbyte[] own, int depth)
    {
        if (istd < 0 || istd >= own.Length || depth > 16) return false;
        bool inherited = baseOf[istd] != IstdNil && Resolve(baseOf[istd], baseOf, own, depth + 1);
        return own[istd] switch { 0 => false, 1 => true, 3 => !inherited, _ => inherited };
    }

    /// <summary>STD: StdfBase (stk, istdBase, cupx), xstzName, then the UPXs; the last UPX of a paragraph or character style is its CHPX.</summary>
    static void ReadStd(ReadOnlySpan<byte> std, int cbStdBase, out int istdBase, out sbyte vanish)
    {
        istdBase = IstdNil;
        vanish = -1;
        if (std.Length < 10 || cbStdBase > std.Length) return;
        int stk = BinaryPrimitives.ReadUInt16LittleEndian(std[2..]) & 0xF;
        istdBase = BinaryPrimitives.ReadUInt16LittleEndian(std[2..]) >> 4;
        int cupx = BinaryPrimitives.ReadUInt16LittleEndian(std[4..]) & 0xF;
        int pos = cbStdBase;
        if (pos + 2 > std.Length) return;
        int cchName = BinaryPrimitives.ReadUInt16LittleEndian(std[pos..]);
        pos += 2 + cchName * 2 + 2;
        for (int u = 0; u < cupx && pos + 2 <= std.Length; u++)
        {
            int cbUpx = BinaryPrimitives.ReadUInt16LittleEndian(std[pos..]);
            pos += 2;
            if (pos + cbUpx > std.Length) return;
            var upx = std.Slice(pos, cbUpx);
            pos += cbUpx + (cbUpx & 1);
            // Paragraph styles (stk 1): UpxPapx (istd + grpprl), then UpxChpx. Character styles (stk 2): UpxChpx.
            bool isChpx = stk == 1 ? u == 1 : stk == 2 && u == 0;
            if (!isChpx) continue;
            var w = new Sprm.Walker(upx);
            while (w.MoveNext())
                if (w.Current == Sprm.CFVanish)
                    vanish = w.Operand[0] switch { 0 => 0, 1 => 1, 0x80 => 2, 0x81 => 3, _ => -1 };
        }
    }
}
