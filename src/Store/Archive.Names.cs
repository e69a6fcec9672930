using LiteDB;

namespace Jixiao.Store;

public sealed partial class Archive
{
    internal const string NamesName = "names";

    /// <summary>
    /// Distinct normalized indicator names with their row counts (`_id` = name). Text search and history
    /// match against this short list first and then fetch only the rows of the matching names through the
    /// nameNorm index, instead of scanning every indicator.
    /// </summary>
    internal ILiteCollection<BsonDocument> Names => _db.GetCollection(NamesName);

    /// <summary>Name-count changes of the open transaction, written once at its end (a batch repeats names).</summary>
    Dictionary<string, int>? _pendingNames;

    /// <summary>Adds (or with negative counts removes) indicator rows to the name list.</summary>
    void AdjustNames(IEnumerable<string> names, int sign)
    {
        var pending = _pendingNames ??= new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in names) pending[n] = pending.GetValueOrDefault(n) + sign;
    }

    /// <summary>Applies the pending name counts; called inside the transaction, before commit.</summary>
    void FlushNames()
    {
        if (_pendingNames is null) return;
        foreach (var (name, delta) in _pendingNames)
        {
            if (delta == 0) continue;
            var d = Names.FindById(name);
            int count = (d?["count"].AsInt32 ?? 0) + delta;
            if (count <= 0) { if (d is not null) Names.Delete(name); }
            else Names.Upsert(new BsonDocument { ["_id"] = name, ["count"] = count });
        }
        _pendingNames = null;
    }

    /// <summary>Builds the name list of an archive written before it existed.</summary>
    void EnsureNames()
    {
        if (Names.Count() > 0 || !AllIndicatorRows().Any()) return;
        InTransaction(() =>
        {
            AdjustNames(AllIndicatorRows().Select(d => d["nameNorm"].AsString), +1);
            return 0;
        });
    }

    /// <summary>Every distinct normalized indicator name.</summary>
    internal IReadOnlyList<string> NameList()
    {
        var list = Names.FindAll().Select(d => d["_id"].AsString).ToList();
        if (list.Count > 0 || Indicators.Count() == 0) return list;
        // A read-only archive from before the name list: compute it.
        return Indicators.Query().Select("$.nameNorm").ToEnumerable().Select(d => d["nameNorm"].AsString)
                         .Distinct(StringComparer.Ordinal).ToList();
    }
}
