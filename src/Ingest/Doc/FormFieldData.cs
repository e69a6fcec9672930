using System.Buffers.Binary;

namespace Jixiao.Ingest.Doc;

/// <summary>
/// Form field data in the Data stream: a NilPICFAndBinData (MS-DOC 2.9.174: lcb, cbHeader 0x44,
/// 62 ignored bytes) whose binData is an FFData (2.9.78). Only the check box state is read.
/// </summary>
internal static class FormFieldData
{
    const int HeaderSize = 0x44;
    const int ResultUsesDefault = 25;

    /// <summary>True when the check box at <paramref name="location"/> is ticked; false when unreadable.</summary>
    public static bool IsChecked(ReadOnlySpan<byte> data, long location)
    {
        if (location < 0 || location + HeaderSize + 10 > data.Length) return false;
        var ff = data[((int)location + HeaderSize)..];
        // FFData: dwVersion (0xFFFFFFFF), bits (iType 2 bits, iRes 5 bits), cch, hps, xstzName, wDef.
        if (BinaryPrimitives.ReadUInt32LittleEndian(ff) != 0xFFFFFFFF) return false;
        ushort bits = BinaryPrimitives.ReadUInt16LittleEndian(ff[4..]);
        int iType = bits & 3, iRes = (bits >> 2) & 0x1F;
        if (iType != 1) return false;
        if (iRes != ResultUsesDefault) return iRes != 0;
        int pos = 10;
        if (pos + 2 > ff.Length) return false;
        int cchName = BinaryPrimitives.ReadUInt16LittleEndian(ff[pos..]);
        pos += 2 + cchName * 2 + 2;
        return pos + 2 <= ff.Length && BinaryPrimitives.ReadUInt16LittleEndian(ff[pos..]) != 0;
    }
}
