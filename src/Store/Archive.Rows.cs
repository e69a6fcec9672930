using LiteDB;

namespace Jixiao.Store;

/// <summary>A catalog row's indicator: form and order for a packed one, the row id for a collection row.</summary>
internal readonly record struct RowAddress(int FormId, int Ord, ObjectId Id);

/// <summary>
/// Where a stored form's indicators and budget facts are: packed in the form document (written since the
/// packing, <see cref="FormMapper.PackIndicator"/>), or rows of the indicators and budget collections (archives
/// written before, and any form they still hold). Every reader goes through these, so it reads old, new and
/// mixed archives alike; each row comes back with its form's context (<see cref="FormMapper.Unpack(BsonDocument, string)"/>).
/// </summary>
public sealed partial class Archive
{
    /// <summary>The indicator rows of one document (both layouts), in no particular order.</summary>
    internal IEnumerable<BsonDocument> IndicatorRowsOf(int documentId) =>
        IndicatorRowsOf(documentId, Forms.Find(Where.Eq("documentId", documentId)));

    /// <summary>The indicator rows of one document whose forms the caller has read already.</summary>
    internal IEnumerable<BsonDocument> IndicatorRowsOf(int documentId, IEnumerable<BsonDocument> forms) =>
        RowsOf(Indicators, FormMapper.PackedIndicators, documentId, forms);

    /// <summary>The budget rows of one document whose forms the caller has read already.</summary>
    internal IEnumerable<BsonDocument> BudgetRowsOf(int documentId, IEnumerable<BsonDocument> forms) =>
        RowsOf(Budget, FormMapper.PackedBudget, documentId, forms);

    static IEnumerable<BsonDocument> RowsOf(ILiteCollection<BsonDocument> rows, string field, int documentId, IEnumerable<BsonDocument> forms) =>
        forms.SelectMany(f => FormMapper.Unpack(f, field)).Concat(rows.Find(Where.Eq("documentId", documentId)));

    /// <summary>Every indicator row of the archive (both layouts): collection rows first, then each form's packed ones.</summary>
    internal IEnumerable<BsonDocument> AllIndicatorRows() => AllRows(Indicators.FindAll(), FormMapper.PackedIndicators);

    /// <summary><paramref name="rows"/> (of a collection) followed by the rows packed in the forms' <paramref name="field"/>.</summary>
    IEnumerable<BsonDocument> AllRows(IEnumerable<BsonDocument> rows, string field) =>
        rows.Concat(PackedForms(field).SelectMany(f => FormMapper.Unpack(f, field)));

    /// <summary>Forms that hold their indicators (or budget facts) themselves.</summary>
    IEnumerable<BsonDocument> PackedForms(string field = FormMapper.PackedIndicators) =>
        Forms.Find(BsonExpression.Create("IS_ARRAY($." + field + ") = true"));

    /// <summary>
    /// The indicator rows at <paramref name="addresses"/> (search hits, history), in one query per layout:
    /// the forms by id (packed), the collection rows by id (older forms). Missing rows are left out.
    /// </summary>
    internal Dictionary<RowAddress, BsonDocument> IndicatorRowsAt(IReadOnlyCollection<RowAddress> addresses)
    {
        var found = new Dictionary<RowAddress, BsonDocument>();
        if (addresses.Count == 0) return found;
        var formIds = addresses.Select(a => a.FormId).Distinct().Select(i => new BsonValue(i));
        // Only the fields a row needs: LiteDB then skips the rest of each form (its budget, goals, fields) unread.
        var forms = Forms.Query().Where(BsonExpression.Create("$._id IN @0", new BsonArray(formIds)))
            .Select(RowContext).ToEnumerable().ToDictionary(f => f["_id"].AsInt32);
        var byId = new List<RowAddress>();
        foreach (var a in addresses)
        {
            if (forms.TryGetValue(a.FormId, out var form) && FormMapper.IsPacked(form))
            {
                var packed = form[FormMapper.PackedIndicators].AsArray;
                if (a.Ord >= 0 && a.Ord < packed.Count) found[a] = FormMapper.Unpack(form, packed[a.Ord].AsDocument, a.Ord);
            }
            else if (a.Id != ObjectId.Empty) byId.Add(a);
        }
        if (byId.Count > 0)
        {
            var rows = Indicators.Find(BsonExpression.Create("$._id IN @0", new BsonArray(byId.Select(a => new BsonValue(a.Id)))))
                .ToDictionary(r => r["_id"].AsObjectId);
            foreach (var a in byId)
                if (rows.TryGetValue(a.Id, out var r)) found[a] = r;
        }
        return found;
    }

    static readonly BsonExpression RowContext = BsonExpression.Create(
        "{ _id, documentId, key, year, department, project, kind, " + FormMapper.PackedIndicators + " }");

    /// <summary>How a problem names a fact row: its id (collection row) or its form and position (packed).</summary>
    internal static string RowName(BsonDocument r) =>
        r.TryGetValue("_id", out var id) && id.IsObjectId ? id.AsObjectId.ToString() : $"{r["ord"].AsInt32 + 1} of form {r["formId"]}";
}
