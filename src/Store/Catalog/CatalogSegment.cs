using System.Buffers.Binary;
using LiteDB;

namespace Jixiao.Store;

/// <summary>One indicator in the search catalog: what the filters and the sort order need, and its row id.</summary>
internal readonly record struct CatalogRow(ObjectId Id, int Ord, string NameNorm, string Level1Norm, double? Target, string? Unit, bool Review = false);

/// <summary>One form in the search catalog: the context every one of its indicators shares.</summary>
internal sealed class CatalogForm
{
    public int FormId { get; init; }
    public int DocumentId { get; set; }
    public int? Year { get; init; }
    public string? Department { get; init; }
    public string? Project { get; init; }
    public string Kind { get; init; } = "";
    public List<CatalogRow> Rows { get; } = new();
}

/// <summary>
/// A slice of the search catalog, stored as ONE LiteDB document: a string table and a packed binary block
/// of forms and their indicators. Search reads a few dozen such documents instead of 100,000 indicator
/// rows (LiteDB spends tens of microseconds per document read, so a scan of every row cannot answer in 50 ms).
/// </summary>
internal sealed class CatalogSegment
{
    public int Id { get; }
    public List<CatalogForm> Forms { get; } = new();
    public int RowCount => Forms.Sum(f => f.Rows.Count);

    public CatalogSegment(int id) => Id = id;

    internal const ushort NoString = ushort.MaxValue;
    /// <summary>Bytes of a form header and of an indicator row in the packed block (see <see cref="Encode"/>).</summary>
    internal const int FormBytes = 22, RowBytes = 30;

    public BsonDocument Encode()
    {
        var strings = new List<string>();
        var index = new Dictionary<string, ushort>(StringComparer.Ordinal);
        ushort S(string? s)
        {
            if (s is null) return NoString;
            if (!index.TryGetValue(s, out var i))
            {
                if (strings.Count >= NoString - 1) throw new InvalidOperationException("catalog segment string table full");
                index[s] = i = (ushort)strings.Count;
                strings.Add(s);
            }
            return i;
        }
        // Names first: a search reads strings[0..names) as the segment's indicator names.
        foreach (var f in Forms)
            foreach (var r in f.Rows) S(r.NameNorm);
        int nameCount = strings.Count;
        var buffer = new MemoryStream();
        var w = new BinaryWriter(buffer);
        // Rows whose values are flagged for review, by their offset in the block: a list beside the packed
        // block (not a field in it), so segments written before the flag existed read unchanged.
        var review = new BsonArray();
        w.Write(Forms.Count);
        foreach (var f in Forms)
        {
            w.Write(f.FormId);
            w.Write(f.DocumentId);
            w.Write(f.Year is int y ? y : int.MinValue);
            w.Write(S(f.Department));
            w.Write(S(f.Project));
            w.Write(S(f.Kind));
            w.Write(f.Rows.Count);
            foreach (var r in f.Rows)
            {
                w.Flush();
                if (r.Review) review.Add((int)buffer.Position);
                w.Write(r.Id.ToByteArray());
                w.Write(r.Ord);
                w.Write(S(r.NameNorm));
                w.Write(S(r.Level1Norm));
                w.Write(r.Target ?? double.NaN);
                w.Write(S(r.Unit));
            }
        }
        w.Flush();
        return new BsonDocument
        {
            ["_id"] = Id,
            ["rows"] = RowCount,
            ["names"] = nameCount,
            ["strings"] = new BsonArray(strings.Select(s => new BsonValue(s))),
            ["data"] = buffer.ToArray(),
            ["review"] = review,
        };
    }

    /// <summary>Reads a stored segment. <paramref name="names"/>, when given, collects the distinct indicator names.</summary>
    public static CatalogSegment Decode(BsonDocument d, HashSet<string>? names = null)
    {
        var seg = new CatalogSegment(d["_id"].AsInt32);
        var arr = d["strings"].AsArray;
        var strings = new string[arr.Count];
        for (int i = 0; i < strings.Length; i++) strings[i] = arr[i].AsString;
        var isName = names is null ? null : new bool[strings.Length];
        string? S(ushort i) => i == NoString ? null : strings[i];
        ReadOnlySpan<byte> data = d["data"].AsBinary;
        int p = 0;
        int I32(ReadOnlySpan<byte> b) { var v = BinaryPrimitives.ReadInt32LittleEndian(b[p..]); p += 4; return v; }
        ushort U16(ReadOnlySpan<byte> b) { var v = BinaryPrimitives.ReadUInt16LittleEndian(b[p..]); p += 2; return v; }
        var review = ReviewOffsets(d);
        int forms = I32(data);
        for (int k = 0; k < forms; k++)
        {
            int formId = I32(data), docId = I32(data), year = I32(data);
            var f = new CatalogForm
            {
                FormId = formId, DocumentId = docId, Year = year == int.MinValue ? null : year,
                Department = S(U16(data)), Project = S(U16(data)), Kind = S(U16(data)) ?? "",
            };
            int rows = I32(data);
            f.Rows.Capacity = rows;
            for (int r = 0; r < rows; r++)
            {
                bool flagged = review.Contains(p);
                var id = new ObjectId(data.Slice(p, 12).ToArray());
                p += 12;
                int ord = I32(data);
                var name = U16(data);
                var level1 = U16(data);
                var target = BinaryPrimitives.ReadDoubleLittleEndian(data[p..]);
                p += 8;
                var unit = U16(data);
                if (isName is not null && name != NoString) isName[name] = true;
                f.Rows.Add(new CatalogRow(id, ord, S(name) ?? "", S(level1) ?? "", double.IsNaN(target) ? null : target, S(unit), flagged));
            }
            seg.Forms.Add(f);
        }
        if (isName is not null)
            for (int i = 0; i < strings.Length; i++)
                if (isName[i]) names!.Add(strings[i]);
        return seg;
    }

    /// <summary>Offsets of the rows flagged for review (none in segments written before the flag existed).</summary>
    internal static HashSet<int> ReviewOffsets(BsonDocument d) =>
        d.TryGetValue("review", out var r) && r.IsArray ? r.AsArray.Select(x => x.AsInt32).ToHashSet() : new HashSet<int>();
}
