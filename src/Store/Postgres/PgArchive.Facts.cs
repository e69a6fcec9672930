using Npgsql;

namespace Jixiao.Store.Postgres;

public sealed partial class PgArchive
{
    /// <summary>
    /// Every indicator and/or budget fact in document, form and row order, streamed from one server-side
    /// query per kind (an export of a province's archive is not held in memory). Duplicates are not repeated.
    /// </summary>
    public IEnumerable<FactRow> Facts(FactKinds kinds = FactKinds.All)
    {
        using var c = Connection();
        // Per document, indicators before budget facts, as the LiteDB archive yields them.
        var docs = Query(c, "SELECT id FROM documents ORDER BY id", r => r.GetInt32(0));
        if (docs.Count == 0) yield break;
        using var ci = (kinds & FactKinds.Indicators) != 0 ? Connection() : null;
        using var cb = (kinds & FactKinds.Budget) != 0 ? Connection() : null;
        using var ri = ci is null ? null : Reader(ci, """
            SELECT i.document_id, d.file_name, d.path, i.year, i.kind, i.department, i.project, i.level1, i.level2, i.level3, i.scope,
                   i.target, i.actual, i.weight, i.score, i.history::text, i.basis, i.category, i.deviation, i.form_id, i.ord
            FROM indicators i JOIN documents d ON d.id = i.document_id ORDER BY i.document_id, i.form_id, i.ord
            """);
        using var rb = cb is null ? null : Reader(cb, """
            SELECT b.document_id, d.file_name, d.path, b.year, b.kind, b.department, b.project, b.item, b.col, b.value, b.form_id, b.ord
            FROM budget b JOIN documents d ON d.id = b.document_id ORDER BY b.document_id, b.form_id, b.ord
            """);
        bool moreI = ri?.Read() ?? false, moreB = rb?.Read() ?? false;
        // The per-value fields (confidence, review, parsed target) and the form's unit and budget code live in
        // the form's body: the bodies come from one more streamed query, one document's forms at a time.
        using var bodies = new FormStream(Connection());
        foreach (var id in docs)
        {
            var forms = bodies.Of(id).ToDictionary(x => x.Id, x => x.Form);
            for (; moreI && ri!.GetInt32(0) == id; moreI = ri.Read())
            {
                var form = forms.GetValueOrDefault(ri.GetInt32(19));
                var i = form?.Indicators.ElementAtOrDefault(ri.GetInt32(20));
                yield return new FactRow("indicator", id, ri.GetString(1), ri.GetString(2), Int(ri, 3), ri.GetString(4), S(ri, 5), S(ri, 6),
                    S(ri, 7), S(ri, 8), S(ri, 9), S(ri, 10), S(ri, 11), S(ri, 12), S(ri, 13), S(ri, 14), SortedHistory(S(ri, 15)), S(ri, 16), S(ri, 17),
                    S(ri, 18), null, null, null)
                {
                    Confidence = i?.Confidence, Review = i?.Review ?? false, ReviewReasons = i?.ReviewReasons, DeptCode = form?.DeptCode,
                    TargetOp = i?.TargetParsed?.Comparator, TargetNumber = i?.TargetParsed?.Number, TargetUnit = i?.TargetParsed?.Unit,
                };
            }
            for (; moreB && rb!.GetInt32(0) == id; moreB = rb.Read())
            {
                var form = forms.GetValueOrDefault(rb.GetInt32(10));
                var b = form?.Budget.ElementAtOrDefault(rb.GetInt32(11));
                yield return new FactRow("budget", id, rb.GetString(1), rb.GetString(2), Int(rb, 3), rb.GetString(4), S(rb, 5), S(rb, 6),
                    null, null, null, null, null, null, null, null, NoHistory, null, null, null, rb.GetString(7), S(rb, 8), rb.GetString(9))
                {
                    FormUnit = form?.Unit, Confidence = b?.Confidence, Review = b?.Review ?? false, ReviewReasons = b?.ReviewReasons, DeptCode = form?.DeptCode,
                };
            }
        }
    }

    static readonly IReadOnlyDictionary<string, string> NoHistory = new Dictionary<string, string>();

    static IReadOnlyDictionary<string, string> SortedHistory(string? json) =>
        json is null ? NoHistory : new SortedDictionary<string, string>(History(json).ToDictionary(), StringComparer.Ordinal);

    static NpgsqlDataReader Reader(NpgsqlConnection c, string sql) => new NpgsqlCommand(sql, c).ExecuteReader();
    static string? S(NpgsqlDataReader r, int k) => r.IsDBNull(k) ? null : r.GetString(k);
    static int? Int(NpgsqlDataReader r, int k) => r.IsDBNull(k) ? null : r.GetInt32(k);
}
