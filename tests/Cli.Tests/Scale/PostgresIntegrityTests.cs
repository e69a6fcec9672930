using Jixiao.Tests;
using Npgsql;

namespace Jixiao.Cli.Tests.Scale;

/// <summary>
/// `verify` on PostgreSQL recomputes each document's fact checksum and compares the search rows with the
/// stored forms: a value changed by hand in SQL, in either place, is reported under its document.
/// </summary>
[Collection(PgCollection.Name)]
public sealed class PostgresIntegrityTests(PgCluster cluster)
{
    [Fact]
    public void AFactChangedInSql_IsReportedUnderItsDocument()
    {
        var db = cluster.NewDatabase();
        var import = JixiaoProcess.Run("--db", db, "import", Corpus.File("seeds"));
        Assert.True(import.ExitCode == 0, import.Err);
        var clean = JixiaoProcess.Run("--db", db, "verify");
        Assert.True(clean.ExitCode == 0, clean.Out + clean.Err);

        // A search row: what search and export read.
        var (rowDoc, rowPath) = One(db, """
            UPDATE indicators SET target = target || '0' WHERE id = (SELECT min(id) FROM indicators WHERE target IS NOT NULL)
            RETURNING document_id, (SELECT path FROM documents d WHERE d.id = indicators.document_id)
            """);
        var flipped = JixiaoProcess.Run("--db", db, "verify");
        Assert.Equal(1, flipped.ExitCode);
        Assert.Contains($"document {rowDoc} ({rowPath}): its search and export rows differ from its stored forms", flipped.Out + flipped.Err);
        Assert.DoesNotContain("differ from their checksum", flipped.Out + flipped.Err);

        // The stored form (what show and report read) of another document: its checksum no longer holds.
        var (formDoc, formPath) = One(db, $$"""
            UPDATE forms SET body = jsonb_set(body::jsonb, '{indicators,0,actual}', '"999%"')::json
            WHERE id = (SELECT min(f.id) FROM forms f WHERE f.document_id <> {{rowDoc}} AND f.indicators_count > 0)
            RETURNING document_id, (SELECT path FROM documents d WHERE d.id = forms.document_id)
            """);
        Assert.NotEqual(rowDoc, formDoc);
        var both = JixiaoProcess.Run("--db", db, "verify");
        Assert.Equal(1, both.ExitCode);
        Assert.Contains($"document {formDoc} ({formPath}): its stored facts differ from their checksum", both.Out + both.Err);
        Assert.Contains($"document {rowDoc} ({rowPath}): its search and export rows differ", both.Out + both.Err);
    }

    static (int Document, string Path) One(string db, string sql)
    {
        using var c = new NpgsqlConnection(db);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read(), "the statement changed no row");
        return (r.GetInt32(0), r.GetString(1));
    }
}
