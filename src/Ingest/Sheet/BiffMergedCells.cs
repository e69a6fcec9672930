using System.Buffers.Binary;
using System.Text;

namespace Jixiao.Ingest.Sheet;

/// <summary>
/// A small pass over a BIFF8 Workbook stream (MS-XLS) that collects each worksheet's MERGEDCELLS
/// records (0x00E5). A sheet with embedded charts holds whole chart substreams (BOF … EOF) inside its
/// own substream, and Excel writes MERGEDCELLS after them; a reader that takes the first EOF for the
/// sheet's end loses every merge. Here substreams nest: a BOF opens one, an EOF closes the innermost,
/// and only records at the sheet's own level count.
/// </summary>
internal static class BiffMergedCells
{
    const ushort Bof = 0x0809, Eof = 0x000A, BoundSheet = 0x0085, MergedCells = 0x00E5, FilePass = 0x002F;

    /// <summary>Merged ranges (1-based) by sheet name; empty when the stream is not BIFF8 or is encrypted.</summary>
    public static Dictionary<string, List<CellRange>> Read(byte[] workbook)
    {
        var result = new Dictionary<string, List<CellRange>>(StringComparer.Ordinal);
        var sheets = new List<(string Name, int Offset)>();
        int pos = 0;
        // Workbook globals: from the first BOF to its EOF.
        while (Next(workbook, ref pos, out var type, out var data))
        {
            if (type == FilePass) return result;
            if (type == BoundSheet && data.Length >= 8 && data[5] == 0) // dt 0: worksheet or dialog sheet
                sheets.Add((SheetName(data[6..]), BinaryPrimitives.ReadInt32LittleEndian(data)));
            if (type == Eof) break;
        }
        foreach (var (name, offset) in sheets)
        {
            if (offset <= 0 || offset >= workbook.Length || result.ContainsKey(name)) continue;
            var merges = new List<CellRange>();
            int p = offset, depth = 0;
            while (Next(workbook, ref p, out var type, out var data))
            {
                if (type == Bof) depth++;
                else if (type == Eof && --depth <= 0) break;
                else if (type == MergedCells && depth == 1) Ranges(data, merges);
            }
            result[name] = merges;
        }
        return result;
    }

    static bool Next(byte[] s, ref int pos, out ushort type, out ReadOnlySpan<byte> data)
    {
        data = default;
        type = 0;
        if (pos + 4 > s.Length) return false;
        type = BinaryPrimitives.ReadUInt16LittleEndian(s.AsSpan(pos));
        int len = BinaryPrimitives.ReadUInt16LittleEndian(s.AsSpan(pos + 2));
        if (pos + 4 + len > s.Length) return false;
        data = s.AsSpan(pos + 4, len);
        pos += 4 + len;
        return true;
    }

    static void Ranges(ReadOnlySpan<byte> data, List<CellRange> into)
    {
        if (data.Length < 2) return;
        int n = BinaryPrimitives.ReadUInt16LittleEndian(data);
        for (int i = 0; i < n && 2 + i * 8 + 8 <= data.Length; i++)
        {
            var r = data.Slice(2 + i * 8, 8);
            int r1 = BinaryPrimitives.ReadUInt16LittleEndian(r), r2 = BinaryPrimitives.ReadUInt16LittleEndian(r[2..]);
            int c1 = BinaryPrimitives.ReadUInt16LittleEndian(r[4..]), c2 = BinaryPrimitives.ReadUInt16LittleEndian(r[6..]);
            if (r2 >= r1 && c2 >= c1) into.Add(new CellRange(r1 + 1, c1 + 1, r2 + 1, c2 + 1));
        }
    }

    /// <summary>ShortXLUnicodeString: cch, a flag byte (bit 0: UTF-16), then the characters.</summary>
    static string SheetName(ReadOnlySpan<byte> s)
    {
        if (s.Length < 2) return "";
        int cch = s[0];
        bool wide = (s[1] & 1) != 0;
        var chars = s[2..];
        return wide
            ? Encoding.Unicode.GetString(chars[..Math.Min(chars.Length & ~1, cch * 2)])
            : Encoding.Latin1.GetString(chars[..Math.Min(chars.Length, cch)]);
    }
}
