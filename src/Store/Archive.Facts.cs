using LiteDB;

namespace Jixiao.Store;

/// <summary>What <see cref="Archive.Facts"/> returns: indicator rows, budget rows, or both.</summary>
[Flags]
public enum FactKinds { Indicators = 1, Budget = 2, All = Indicators | Budget }

/// <summary>
/// One stored fact with its form and document context, flat, for export. An indicator row fills the
/// indicator fields; a budget row fills <see cref="Item"/>, <see cref="Column"/> and <see cref="Value"/>.
/// </summary>
public sealed record FactRow(
    string Fact, int DocumentId, string File, string Path, int? Year, string Kind, string? Department, string? Project,
    string? Level1, string? Level2, string? Level3, string? Scope, string? Target, string? Actual, string? Weight,
    string? Score, IReadOnlyDictionary<string, string> History, string? Basis, string? Category, string? Deviation,
    string? Item, string? Column, string? Value)
{
    /// <summary>The unit the form declares for its money (金额单位：万元), for budget rows.</summary>
    public string? FormUnit { get; init; }
    public double? Confidence { get; init; }
    public bool Review { get; init; }
    public IReadOnlyList<string>? ReviewReasons { get; init; }
    /// <summary>The department's budget code when its name carried one (`[292]国家信访局`).</summary>
    public string? DeptCode { get; init; }
    /// <summary>The target read as comparator, number and unit (indicator rows).</summary>
    public string? TargetOp { get; init; }
    public double? TargetNumber { get; init; }
    public string? TargetUnit { get; init; }
}

public sealed partial class Archive
{
    static readonly IReadOnlyDictionary<string, string> NoHistory = new Dictionary<string, string>();

    /// <summary>
    /// Every indicator and/or budget fact, streamed in document, form and row order (so an export of a large
    /// archive does not hold it in memory). Duplicates are not repeated: their facts live under the original.
    /// </summary>
    public IEnumerable<FactRow> Facts(FactKinds kinds = FactKinds.All)
    {
        // The document list is small; materialized so no cursor stays open across the nested queries.
        var docs = Documents.Find(Query.All()).Select(d => (Id: d["_id"].AsInt32, File: d["fileName"].AsString, Path: PathKey.FullPath(d))).ToList();
        foreach (var (id, file, path) in docs)
        {
            var forms = Forms.Find(Where.Eq("documentId", id)).ToDictionary(f => f["_id"].AsInt32);
            string? UnitOf(BsonDocument r) => forms.TryGetValue(r["formId"].AsInt32, out var f) ? FormMapper.S(f["unit"]) : null;
            string? CodeOf(BsonDocument r) => forms.TryGetValue(r["formId"].AsInt32, out var f) && f.TryGetValue("deptCode", out var c) && c.IsString ? c.AsString : null;
            if ((kinds & FactKinds.Indicators) != 0)
                foreach (var r in IndicatorRowsOf(id, forms.Values).OrderBy(r => r["formId"].AsInt32).ThenBy(r => r["ord"].AsInt32))
                    yield return new FactRow("indicator", id, file, path, Year(r), r["kind"].AsString, FormMapper.S(r["department"]),
                        FormMapper.S(r["project"]), FormMapper.S(r["level1"]), FormMapper.S(r["level2"]), FormMapper.S(r["level3"]),
                        FormMapper.S(r["scope"]), FormMapper.S(r["target"]), FormMapper.S(r["actual"]), FormMapper.S(r["weight"]),
                        FormMapper.S(r["score"]), HistoryOf(r), FormMapper.S(r["basis"]), FormMapper.S(r["category"]),
                        FormMapper.S(r["deviation"]), null, null, null)
                    {
                        Confidence = FormMapper.ConfidenceOf(r), Review = FormMapper.Review(r), ReviewReasons = FormMapper.ReviewReasons(r),
                        DeptCode = CodeOf(r), TargetOp = FormMapper.S(r["targetOp"]),
                        TargetNumber = r["targetNumber"].IsNull ? null : r["targetNumber"].AsDouble, TargetUnit = FormMapper.S(r["targetUnit"]),
                    };
            if ((kinds & FactKinds.Budget) != 0)
                foreach (var r in BudgetRowsOf(id, forms.Values).OrderBy(r => r["formId"].AsInt32).ThenBy(r => r["ord"].AsInt32))
                    yield return new FactRow("budget", id, file, path, Year(r), r["kind"].AsString, FormMapper.S(r["department"]),
                        FormMapper.S(r["project"]), null, null, null, null, null, null, null, null, NoHistory, null, null, null,
                        r["item"].AsString, FormMapper.S(r["column"]), r["value"].AsString)
                    {
                        FormUnit = UnitOf(r), Confidence = FormMapper.ConfidenceOf(r), Review = FormMapper.Review(r),
                        ReviewReasons = FormMapper.ReviewReasons(r), DeptCode = CodeOf(r),
                    };
        }
    }

    static int? Year(BsonDocument r) => r["year"].IsNull ? null : r["year"].AsInt32;

    static IReadOnlyDictionary<string, string> HistoryOf(BsonDocument r) =>
        r["history"].IsArray && r["history"].AsArray.Count > 0
            ? new SortedDictionary<string, string>(r["history"].AsArray.ToDictionary(h => h["year"].AsString, h => h["value"].AsString), StringComparer.Ordinal)
            : NoHistory;
}
