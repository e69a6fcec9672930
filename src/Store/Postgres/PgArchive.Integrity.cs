using Npgsql;

namespace Jixiao.Store.Postgres;

public sealed partial class PgArchive
{
    /// <summary>
    /// verify's fact check: each document's forms, as read back, against the <see cref="FactChecksum"/> stored
    /// when they were written (as the LiteDB archive checks), and each indicator and budget row (what search,
    /// history and export read) against the form it was derived from. A value changed in either place, by a
    /// damaged page or by hand, names its document. Four streamed queries in document order, nothing whole.
    /// </summary>
    void CheckFacts(NpgsqlConnection c, Action<string, string> problem)
    {
        var docs = Query(c, "SELECT id, path, fact_checksum FROM documents WHERE status = 'ok' ORDER BY id",
            r => (Id: r.GetInt32(0), Path: r.GetString(1), Sum: r.IsDBNull(2) ? null : r.GetString(2)));
        using var forms = new FormStream(Connection());
        using var ci = Connection();
        using var ri = Reader(ci, "SELECT document_id, form_id, ord, scope, level1, level2, level3, target, actual, weight, score, basis, category, deviation FROM indicators ORDER BY document_id, form_id, ord");
        using var cb = Connection();
        using var rb = Reader(cb, "SELECT document_id, form_id, ord, item, col, value FROM budget ORDER BY document_id, form_id, ord");
        bool moreI = ri.Read(), moreB = rb.Read();
        foreach (var d in docs)
        {
            var stored = forms.Of(d.Id);
            if (d.Sum is not null && FactChecksum.Of(stored.Select(f => f.Form)) != d.Sum)
                problem("facts", $"damaged archive: document {d.Id} ({d.Path}): its stored facts differ from their checksum (re-import it with --force)");
            var byId = stored.ToDictionary(f => f.Id, f => f.Form);
            bool differs = false;
            for (; moreI && ri.GetInt32(0) <= d.Id; moreI = ri.Read())
            {
                if (ri.GetInt32(0) < d.Id) continue;
                var i = byId.GetValueOrDefault(ri.GetInt32(1))?.Indicators.ElementAtOrDefault(ri.GetInt32(2));
                differs |= i is null || !Same(ri, 3, i.Scope, i.Level1, i.Level2, i.Level3, i.Target, i.Actual, i.Weight, i.Score, i.Basis, i.Category, i.Deviation);
            }
            for (; moreB && rb.GetInt32(0) <= d.Id; moreB = rb.Read())
            {
                if (rb.GetInt32(0) < d.Id) continue;
                var b = byId.GetValueOrDefault(rb.GetInt32(1))?.Budget.ElementAtOrDefault(rb.GetInt32(2));
                differs |= b is null || !Same(rb, 3, b.Item, b.Column, b.Value);
            }
            if (differs)
                problem("facts", $"damaged archive: document {d.Id} ({d.Path}): its search and export rows differ from its stored forms (re-import it with --force)");
        }
    }

    /// <summary>True when the reader's text columns from <paramref name="from"/> on hold exactly <paramref name="values"/>.</summary>
    static bool Same(NpgsqlDataReader r, int from, params string?[] values)
    {
        for (int k = 0; k < values.Length; k++)
            if ((r.IsDBNull(from + k) ? null : r.GetString(from + k)) != values[k]) return false;
        return true;
    }
}
