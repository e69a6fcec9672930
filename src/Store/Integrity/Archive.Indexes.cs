using Jixiao.Extract;
using LiteDB;

namespace Jixiao.Store;

/// <summary>
/// What the fact checksum cannot see (issue 21, case 16): a flipped bit in an index key, or in a field the
/// archive derives from another (nameNorm from name). Queries answered through a damaged index silently miss or
/// misplace records, while the records themselves, and so their checksum, are intact.
/// </summary>
public sealed partial class Archive
{
    /// <summary>
    /// Every index of every collection against its records: the keys the index holds (read from the index alone,
    /// LiteDB's key-only walk) must be, as a multiset, the values the records hold (read from the records). The
    /// primary key is walked in the same order as the full scan, so its keys are compared one to one.
    /// </summary>
    void VerifyIndexes(Action<string, string> problem)
    {
        foreach (var index in _db.GetCollection("$indexes").FindAll().ToList())
        {
            var collection = index["collection"].AsString;
            var expression = index["expression"].AsString;
            if (collection.StartsWith('$') || !expression.StartsWith("$.", StringComparison.Ordinal)) continue;
            var field = expression[2..];
            if (field.Contains('.') || field.Contains('[')) continue;
            var col = _db.GetCollection(collection);
            if (field == "_id") VerifyPrimaryKey(col, collection, problem);
            else VerifyIndex(col, collection, index["name"].AsString, field, problem);
        }
    }

    static void VerifyPrimaryKey(ILiteCollection<BsonDocument> col, string collection, Action<string, string> problem)
    {
        // One field selected → LiteDB reads the key from the index node, not the record.
        using var keys = col.Query().Select("$._id").ToEnumerable().GetEnumerator();
        // Two fields → the record is read (walking the same primary-key list, so the order is the same).
        // (A second field no record has: with _id alone LiteDB would answer from the index again.)
        foreach (var record in col.Query().Select("{ i: $._id, z: $.__none }").ToEnumerable())
        {
            var id = record["i"];
            if (!keys.MoveNext())
            {
                problem("index", $"damaged archive: the primary-key index of {collection} lists fewer entries than records (record {Show(id)} not in it)");
                return;
            }
            var key = keys.Current["_id"];
            if (key != id)
            {
                problem("index", $"damaged archive: the primary-key index of {collection} holds {Show(key)} where its record says {Show(id)}");
                return;
            }
        }
        if (keys.MoveNext())
            problem("index", $"damaged archive: the primary-key index of {collection} lists more entries than records ({Show(keys.Current["_id"])})");
    }

    static void VerifyIndex(ILiteCollection<BsonDocument> col, string collection, string name, string field, Action<string, string> problem)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var k in col.Query().Select("$." + field).ToEnumerable())
        {
            var key = JsonSerializer.Serialize(k[field]);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        foreach (var r in col.Query().Select($"{{ v: $.{field}, i: $._id }}").ToEnumerable())
        {
            var key = JsonSerializer.Serialize(r["v"]);
            counts[key] = counts.GetValueOrDefault(key) - 1;
        }
        var extra = counts.Where(c => c.Value > 0).Select(c => $"{c.Key} ×{c.Value}").ToList();
        var missing = counts.Where(c => c.Value < 0).Select(c => $"{c.Key} ×{-c.Value}").ToList();
        if (extra.Count == 0 && missing.Count == 0) return;
        problem("index", $"damaged archive: index {name} of {collection} disagrees with its records: " +
            (extra.Count > 0 ? $"keys no record holds {Few(extra)}" : "") + (extra.Count > 0 && missing.Count > 0 ? "; " : "") +
            (missing.Count > 0 ? $"record values missing from the index {Few(missing)}" : "") + " (`jixiao rebuild` re-creates the archive)");
    }

    /// <summary>Fields stored beside the value they are computed from: each must still be that value's computation.</summary>
    void VerifyDerived(Action<string, string> problem)
    {
        var rows = AllRows(Indicators.Query()
            .Select("{ _id, documentId, name, nameNorm, level1, level2, level3, level1Norm, department, departmentNorm }").ToEnumerable(),
            FormMapper.PackedIndicators);
        foreach (var r in rows)
        {
            string? S(string key) => r[key].IsString ? r[key].AsString : null;
            var name = S("level3") ?? S("level2") ?? S("level1") ?? "";
            void Check(string what, string? stored, string expected, string from)
            {
                // A field an older archive never wrote is not damage (a field name hit by a flip shows in the checksum).
                if (stored == expected || stored is null && what is "level1Norm" or "departmentNorm") return;
                problem("derived", $"damaged archive: indicator {RowName(r)} (document {r["documentId"]}): stored {what} " +
                    $"{Show(stored)} is not what {from} gives ({Show(expected)}) (`jixiao rebuild` re-creates the archive)");
            }
            Check("name", S("name"), name, "its levels");
            Check("nameNorm", S("nameNorm"), TextNorm.Normalize(S("name")), "its name");
            Check("level1Norm", S("level1Norm"), TextNorm.Normalize(S("level1")), "its level 1");
            Check("departmentNorm", S("departmentNorm"), TextNorm.Fold(S("department")), "its department");
        }
    }

    static string Few(List<string> items) => string.Join(", ", items.Take(3)) + (items.Count > 3 ? $" and {items.Count - 3} more" : "");

    static string Show(BsonValue v) => JsonSerializer.Serialize(v);

    static string Show(string? s) => s is null ? "null" : JsonSerializer.Serialize(new BsonValue(s));
}
