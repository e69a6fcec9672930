namespace Jixiao.Store.Postgres;

public sealed partial class PgArchive
{
    /// <summary>
    /// The LiteDB archive's checks, as queries the server answers (nothing is loaded whole): every form under a
    /// stored document whose status allows forms, every row under a form of the same document, stored counts
    /// equal to the rows, every indicator name in the name list, duplicates pointing at a stored original with
    /// the same hash, each document's facts against their checksum and its rows against its forms
    /// (PgArchive.Integrity.cs), and (when <paramref name="checkFiles"/>) every file on disk with its stored hash.
    /// </summary>
    public VerifyReport Verify(bool checkFiles = true, int maxProblemsPerCheck = 50)
    {
        var report = new VerifyReport();
        Guard(Target, () => Check(report, checkFiles, maxProblemsPerCheck));
        return report;
    }

    void Check(VerifyReport report, bool checkFiles, int max)
    {
        using var c = Connection();
        var counts = Counts();
        (report.Documents, report.Forms, report.Indicators, report.BudgetFacts) = (counts.Documents, counts.Forms, counts.Indicators, counts.BudgetFacts);
        var seen = new Dictionary<string, int>();
        void Problem(string check, string text)
        {
            seen[check] = seen.GetValueOrDefault(check) + 1;
            if (seen[check] <= max) report.Problems.Add(text);
            else if (seen[check] == max + 1) report.Problems.Add($"… more {check} problems not listed");
        }
        void Each(string check, string sql, Func<Npgsql.NpgsqlDataReader, string> text)
        {
            foreach (var line in Query(c, sql + " LIMIT " + (max + 1), text)) Problem(check, line);
        }

        Each("form", "SELECT f.id, f.document_id, d.status FROM forms f LEFT JOIN documents d ON d.id = f.document_id WHERE d.id IS NULL OR d.status <> 'ok'",
            r => r.IsDBNull(2) ? $"form {r.GetInt32(0)} belongs to missing document {r.GetInt32(1)}"
                               : $"form {r.GetInt32(0)} belongs to document {r.GetInt32(1)} whose status is {r.GetString(2)}");
        foreach (var (table, what) in new[] { ("indicators", "indicator"), ("budget", "budget fact") })
        {
            Each(what, $"SELECT x.id, x.document_id, f.document_id, x.form_id FROM {table} x JOIN forms f ON f.id = x.form_id WHERE f.document_id <> x.document_id",
                r => $"{what} {r.GetInt64(0)} says document {r.GetInt32(1)} but its form {r.GetInt32(3)} belongs to document {r.GetInt32(2)}");
            Each("count", $"SELECT f.id, f.{(table == "budget" ? "budget_count" : "indicators_count")}, count(x.id) FROM forms f LEFT JOIN {table} x ON x.form_id = f.id GROUP BY f.id HAVING count(x.id) <> f.{(table == "budget" ? "budget_count" : "indicators_count")}",
                r => $"form {r.GetInt32(0)}: {r.GetInt64(2)} {what}s stored, {r.GetInt32(1)} recorded");
        }
        Each("count", "SELECT d.id, d.path, d.forms_count, (SELECT count(*) FROM forms f WHERE f.document_id = d.id) n FROM documents d WHERE d.forms_count <> (SELECT count(*) FROM forms f WHERE f.document_id = d.id)",
            r => $"document {r.GetInt32(0)} ({r.GetString(1)}): {r.GetInt64(3)} forms stored, {r.GetInt32(2)} recorded");
        Each("count", "SELECT d.id, d.path, d.indicators_count, (SELECT count(*) FROM indicators i WHERE i.document_id = d.id) n FROM documents d WHERE d.indicators_count <> (SELECT count(*) FROM indicators i WHERE i.document_id = d.id)",
            r => $"document {r.GetInt32(0)} ({r.GetString(1)}): {r.GetInt64(3)} indicators stored, {r.GetInt32(2)} recorded");
        Each("name", "SELECT DISTINCT i.name_norm FROM indicators i WHERE NOT EXISTS (SELECT 1 FROM indicator_names n WHERE n.name_norm = i.name_norm)",
            r => $"indicator name {r.GetString(0)} is missing from the name list (search cannot find it)");
        Each("duplicate", """
            SELECT d.id, d.path, o.id, o.hash = d.hash AND o.status = 'ok' FROM documents d LEFT JOIN documents o ON o.id = d.duplicate_of
            WHERE d.status = 'duplicate' AND (o.id IS NULL OR o.hash <> d.hash OR o.status <> 'ok')
            """,
            r => r.IsDBNull(2) ? $"document {r.GetInt32(0)} ({r.GetString(1)}) duplicates a missing document"
                               : $"document {r.GetInt32(0)} ({r.GetString(1)}) duplicates document {r.GetInt32(2)} whose content differs or was not stored");
        Each("duplicate", "SELECT hash, count(*) FROM documents WHERE status = 'ok' AND hash <> '' GROUP BY hash HAVING count(*) > 1",
            r => $"content {r.GetString(0)[..12]}… is stored {r.GetInt64(1)} times (should be once, the others duplicates)");
        CheckFacts(c, Problem);
        if (checkFiles)
            StoredFiles.Check(Query(c, "SELECT path, hash FROM documents ORDER BY id", r => (r.GetString(0), r.GetString(1))), Problem, report);
    }
}
