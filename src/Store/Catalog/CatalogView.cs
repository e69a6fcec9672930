using System.Buffers.Binary;
using LiteDB;

namespace Jixiao.Store;

/// <summary>
/// A stored catalog segment as a search reads it: the string table and the packed block, walked in place
/// (no object per form or row). Layout per form: formId, documentId, year (int.MinValue: none) as int32,
/// department, project, kind as uint16 string indexes, row count as int32; then per row: the indicator's
/// 12-byte ObjectId, ord (int32), name and level-1 (uint16), target number (double, NaN: none), unit (uint16).
/// </summary>
internal sealed class CatalogView
{
    public string[] Strings { get; }
    /// <summary>Strings[0..NameCount) are the segment's indicator names.</summary>
    public int NameCount { get; }
    public byte[] Data { get; }

    /// <summary>Offsets of rows whose values are flagged for review.</summary>
    public HashSet<int> Review { get; private init; } = new();

    CatalogView(string[] strings, int nameCount, byte[] data)
    {
        Strings = strings;
        NameCount = nameCount;
        Data = data;
    }

    public static CatalogView From(BsonDocument d)
    {
        var arr = d["strings"].AsArray;
        var strings = new string[arr.Count];
        for (int i = 0; i < strings.Length; i++) strings[i] = arr[i].AsString;
        return new CatalogView(strings, d["names"].AsInt32, d["data"].AsBinary) { Review = CatalogSegment.ReviewOffsets(d) };
    }

    public string? S(int at) => BinaryPrimitives.ReadUInt16LittleEndian(Data.AsSpan(at)) is var i && i == CatalogSegment.NoString ? null : Strings[i];
    public int I32(int at) => BinaryPrimitives.ReadInt32LittleEndian(Data.AsSpan(at));
    public ushort U16(int at) => BinaryPrimitives.ReadUInt16LittleEndian(Data.AsSpan(at));
    public double F64(int at) => BinaryPrimitives.ReadDoubleLittleEndian(Data.AsSpan(at));
    public ObjectId RowId(int row) => new(Data.AsSpan(row, 12).ToArray());
}
