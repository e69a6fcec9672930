using Jixiao.Extract;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Jixiao.Store.Postgres;

public sealed partial class PgArchive
{
    /// <summary>
    /// Writes a batch in ONE transaction, with the LiteDB archive's rules (<see cref="Archive.Write"/>): same
    /// path + hash unchanged, changed path replaced, same content under another path a duplicate. Many
    /// importers write at once, so the transaction first takes advisory locks on every path and content hash
    /// of the batch (in one sorted order, so two batches never deadlock on them): two copies of one file
    /// written by two machines at the same moment are still stored once. The claims of the written files are
    /// marked done in the same transaction. A batch that fails (a conflict with another importer) is retried
    /// item by item, each up to three times.
    /// </summary>
    public IReadOnlyList<WriteOutcome> Write(IReadOnlyList<ImportItem> batch, ReimportPolicy policy = ReimportPolicy.ChangedOnly)
    {
        if (batch.Count == 0) return Array.Empty<WriteOutcome>();
        List<WriteOutcome>? result = null;
        try
        {
            Guard(Target, () => result = InTransaction(batch, policy));
            return result!;
        }
        catch (PgArchiveException e) when (e.InnerException is PostgresException && batch.Count > 1) { }
        return batch.Select(item =>
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    Guard(Target, () => result = InTransaction(new[] { item }, policy));
                    return result![0];
                }
                catch (PgArchiveException e) when (e.InnerException is PostgresException pe)
                {
                    if (attempt < 3 && pe.SqlState is "40P01" or "40001" or "23505") continue;
                    return new WriteOutcome(Path.GetFullPath(item.Path), WriteAction.Failed, "could not store: " + e.Message, 0, 0);
                }
            }
        }).ToList();
    }

    List<WriteOutcome> InTransaction(IReadOnlyList<ImportItem> batch, ReimportPolicy policy)
    {
        using var c = Connection();
        using var tx = c.BeginTransaction();
        var keys = batch.SelectMany(i => new[] { LockKey("p:" + Path.GetFullPath(i.Path)), LockKey("h:" + i.Hash) }).Distinct().Order().ToArray();
        using (var cmd = new NpgsqlCommand("SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest(@keys) k ORDER BY k OFFSET 0) s", c))
        {
            cmd.Parameters.AddWithValue("keys", keys);
            cmd.ExecuteScalar();
        }
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var outcomes = batch.Select(i => WriteOne(c, i, policy, names)).ToList();
        if (names.Count > 0)
        {
            using var cmd = new NpgsqlCommand("INSERT INTO indicator_names (name_norm) SELECT n FROM unnest(@n) n ORDER BY n COLLATE \"C\" ON CONFLICT DO NOTHING", c);
            cmd.Parameters.AddWithValue("n", names.ToArray());
            cmd.ExecuteNonQuery();
        }
        using (var cmd = new NpgsqlCommand("""
            UPDATE claims SET state = 'done', hash = x.hash, done_at = now(), owner = NULL, lease_until = NULL
            FROM unnest(@p, @h) AS x(path, hash) WHERE claims.path = x.path
            """, c))
        {
            cmd.Parameters.AddWithValue("p", batch.Select(i => Path.GetFullPath(i.Path)).ToArray());
            cmd.Parameters.AddWithValue("h", batch.Select(i => i.Hash).ToArray());
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
        return outcomes;
    }

    /// <summary>A 64-bit advisory lock key from a string (the first 8 bytes of its SHA-256).</summary>
    static long LockKey(string s) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(s)), 0);

    WriteOutcome WriteOne(NpgsqlConnection c, ImportItem item, ReimportPolicy policy, SortedSet<string> names)
    {
        var path = Path.GetFullPath(item.Path);
        var existing = Query(c, "SELECT id, hash, status, forms_count, indicators_count FROM documents WHERE path = @p FOR UPDATE",
            r => (Id: r.GetInt32(0), File: new KnownFile(r.GetString(1), r.GetString(2)), Forms: r.GetInt32(3), Indicators: r.GetInt32(4)), ("p", path)).FirstOrDefault();
        bool exists = existing.File is not null;
        if (exists && existing.File!.Skips(item.Hash, policy)) return new WriteOutcome(path, WriteAction.Unchanged, null, 0, 0);

        var (status, reason) = Archive.Classify(item);
        reason = reason?.ReplaceLineEndings(" ").Trim();
        (int Id, string Path)? original = null;
        if (status == DocumentStatus.Ok)
        {
            original = Query(c, "SELECT id, path FROM documents WHERE hash = @h AND status = 'ok' AND path <> @p ORDER BY id LIMIT 1",
                r => ((int, string)?)(r.GetInt32(0), r.GetString(1)), ("h", item.Hash), ("p", path)).FirstOrDefault();
            if (original is { } o)
            {
                status = DocumentStatus.Duplicate;
                reason = "same content as " + o.Path;
            }
        }

        int id;
        if (exists)
        {
            id = existing.Id;
            ReleaseContent(c, id, existing.Forms, existing.Indicators);
        }
        else
        {
            id = Query(c, """
                INSERT INTO documents (path, file_name, hash, size, format, status, forms_count, indicators_count, imported_at, page_count, needs_review)
                VALUES (@p, '', '', 0, '', '', 0, 0, now(), 0, false) RETURNING id
                """, r => r.GetInt32(0), ("p", path)).Single();
        }

        int forms = 0, indicators = 0;
        string? facts = null;
        if (status == DocumentStatus.Ok) (forms, indicators, facts) = InsertForms(c, item.Extracted!, id, names);

        PgSchema.Exec(c, """
            UPDATE documents SET file_name = @fn, hash = @h, size = @s, format = @f, status = @st, error = @e, forms_count = @fc,
                indicators_count = @ic, imported_at = @t, page_count = @pc, needs_review = @nr, duplicate_of = @dup, fact_checksum = @fs WHERE id = @id
            """,
            ("fn", item.FileName), ("h", item.Hash), ("s", item.Size), ("f", item.Format), ("st", status), ("e", reason), ("fc", forms),
            ("ic", indicators), ("t", DateTime.UtcNow), ("pc", item.PageCount),
            ("nr", item.NeedsReview || (item.Extracted?.Forms.Any(f => f.NeedsReview) ?? false)), ("dup", original?.Id), ("fs", facts), ("id", id));
        PgSchema.Exec(c, "INSERT INTO import_log (time, path, format, status, reason) VALUES (@t, @p, @f, @s, @r)",
            ("t", DateTime.UtcNow), ("p", path), ("f", item.Format), ("s", status), ("r", reason));

        var action = status switch
        {
            DocumentStatus.Failed => WriteAction.Failed,
            DocumentStatus.Empty => WriteAction.Empty,
            DocumentStatus.NoForms => WriteAction.NoForms,
            DocumentStatus.Duplicate => WriteAction.Duplicate,
            _ => exists ? WriteAction.Replaced : WriteAction.Imported,
        };
        return new WriteOutcome(path, action, reason, forms, indicators);
    }

    /// <summary>
    /// Forms one row each (their body as JSON); indicators and budget facts by binary COPY. Returns the
    /// document's <see cref="FactChecksum"/> of the forms as they will be read back, which verify recomputes.
    /// </summary>
    static (int Forms, int Indicators, string Facts) InsertForms(NpgsqlConnection c, ExtractedDocument doc, int documentId, SortedSet<string> names)
    {
        var formIds = new List<int>();
        var bodies = doc.Forms.Select(FormBody.Write).ToList();
        for (int index = 0; index < doc.Forms.Count; index++)
        {
            var f = doc.Forms[index];
            formIds.Add(Query(c, """
                INSERT INTO forms (document_id, idx, kind, year, department, project, department_fold, project_fold, kind_fold, indicators_count, budget_count, body)
                VALUES (@d, @i, @k, @y, @dep, @pr, @df, @pf, @kf, @ic, @bc, @b::json) RETURNING id
                """, r => r.GetInt32(0), ("d", documentId), ("i", index), ("k", f.Kind), ("y", f.Year), ("dep", f.Department),
                ("pr", f.Project), ("df", TextNorm.Fold(f.Department)), ("pf", TextNorm.Fold(f.Project)), ("kf", TextNorm.Fold(f.Kind)),
                ("ic", f.Indicators.Count), ("bc", f.Budget.Count), ("b", bodies[index])).Single());
        }

        // A COPY not completed is cancelled (and aborts the transaction): Complete() is what commits its rows.
        using (var w = c.BeginBinaryImport($"COPY indicators ({PgIndicatorRow.Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            for (int k = 0; k < doc.Forms.Count; k++)
                for (int n = 0; n < doc.Forms[k].Indicators.Count; n++)
                    names.Add(PgIndicatorRow.Write(w, doc.Forms[k].Indicators[n], doc.Forms[k], formIds[k], documentId, n));
            w.Complete();
        }
        using (var w = c.BeginBinaryImport("COPY budget (form_id, document_id, ord, year, department, project, kind, item, col, value, number) FROM STDIN (FORMAT BINARY)"))
        {
            for (int k = 0; k < doc.Forms.Count; k++)
            {
                var f = doc.Forms[k];
                for (int n = 0; n < f.Budget.Count; n++)
                {
                    var b = f.Budget[n];
                    w.StartRow();
                    w.Write(formIds[k], NpgsqlDbType.Integer);
                    w.Write(documentId, NpgsqlDbType.Integer);
                    w.Write(n, NpgsqlDbType.Integer);
                    PgIndicatorRow.WriteNullable(w, f.Year);
                    PgIndicatorRow.WriteText(w, f.Department);
                    PgIndicatorRow.WriteText(w, f.Project);
                    w.Write(f.Kind, NpgsqlDbType.Text);
                    w.Write(b.Item, NpgsqlDbType.Text);
                    PgIndicatorRow.WriteText(w, b.Column);
                    w.Write(b.Value, NpgsqlDbType.Text);
                    PgIndicatorRow.WriteNullable(w, TargetValue.Parse(b.Value)?.Number);
                }
            }
            w.Complete();
        }
        return (doc.Forms.Count, doc.Forms.Sum(f => f.Indicators.Count), FactChecksum.Of(bodies.Select(FormBody.Read)));
    }

    /// <summary>
    /// Frees a document's content before it is rewritten; when other documents are duplicates of it, the first
    /// of them inherits the forms (as in the LiteDB archive).
    /// </summary>
    static void ReleaseContent(NpgsqlConnection c, int id, int formsCount, int indicatorsCount)
    {
        var copies = Query(c, "SELECT id FROM documents WHERE duplicate_of = @id ORDER BY id FOR UPDATE", r => r.GetInt32(0), ("id", id));
        if (copies.Count == 0)
        {
            PgSchema.Exec(c, "DELETE FROM indicators WHERE document_id = @id", ("id", id));
            PgSchema.Exec(c, "DELETE FROM budget WHERE document_id = @id", ("id", id));
            PgSchema.Exec(c, "DELETE FROM forms WHERE document_id = @id", ("id", id));
            return;
        }
        int heir = copies[0];
        foreach (var table in new[] { "forms", "indicators", "budget" })
            PgSchema.Exec(c, $"UPDATE {table} SET document_id = @heir WHERE document_id = @id", ("heir", heir), ("id", id));
        PgSchema.Exec(c, """
            UPDATE documents SET status = 'ok', error = NULL, duplicate_of = NULL, forms_count = @fc, indicators_count = @ic,
                fact_checksum = (SELECT fact_checksum FROM documents WHERE id = @id) WHERE id = @heir
            """,
            ("fc", formsCount), ("ic", indicatorsCount), ("heir", heir), ("id", id));
        PgSchema.Exec(c, """
            UPDATE documents SET duplicate_of = @heir, error = 'same content as ' || (SELECT path FROM documents WHERE id = @heir)
            WHERE duplicate_of = @id AND id <> @heir
            """, ("heir", heir), ("id", id));
    }
}

/// <summary>One indicator as a row of the indicators table (the columns search, history and export read).</summary>
internal static class PgIndicatorRow
{
    public const string Columns = "form_id, document_id, ord, year, department, department_fold, project, project_fold, kind, kind_fold, " +
        "scope, level1, level2, level3, name, name_norm, level1_norm, target, target_op, target_number, target_unit, " +
        "actual, weight, score, basis, category, deviation, history, confidence, review, review_reasons";

    /// <summary>Writes the row; returns its normalized name.</summary>
    public static string Write(NpgsqlBinaryImporter w, Indicator i, Form f, int formId, int documentId, int ord)
    {
        var name = i.Level3 ?? i.Level2 ?? i.Level1 ?? "";
        var norm = TextNorm.Normalize(name);
        var t = TargetValue.Parse(i.Target);
        w.StartRow();
        w.Write(formId, NpgsqlDbType.Integer);
        w.Write(documentId, NpgsqlDbType.Integer);
        w.Write(ord, NpgsqlDbType.Integer);
        WriteNullable(w, f.Year);
        WriteText(w, f.Department);
        w.Write(TextNorm.Fold(f.Department), NpgsqlDbType.Text);
        WriteText(w, f.Project);
        w.Write(TextNorm.Fold(f.Project), NpgsqlDbType.Text);
        w.Write(f.Kind, NpgsqlDbType.Text);
        w.Write(TextNorm.Fold(f.Kind), NpgsqlDbType.Text);
        WriteText(w, i.Scope);
        WriteText(w, i.Level1);
        WriteText(w, i.Level2);
        WriteText(w, i.Level3);
        w.Write(name, NpgsqlDbType.Text);
        w.Write(norm, NpgsqlDbType.Text);
        w.Write(TextNorm.Normalize(i.Level1), NpgsqlDbType.Text);
        WriteText(w, i.Target);
        WriteText(w, t?.Comparator);
        WriteNullable(w, t?.Number);
        WriteText(w, t?.Unit);
        WriteText(w, i.Actual);
        WriteText(w, i.Weight);
        WriteText(w, i.Score);
        WriteText(w, i.Basis);
        WriteText(w, i.Category);
        WriteText(w, i.Deviation);
        // A list of {year, value}, not an object: the years' order is kept as written.
        WriteText(w, i.History.Count == 0 ? null : JsonSerializer.Serialize(i.History.Select(h => new[] { h.Key, h.Value })), NpgsqlDbType.Json);
        WriteNullable(w, i.Confidence);
        w.Write(i.Review, NpgsqlDbType.Boolean);
        // No reasons are stored as none (null), as the LiteDB archive stores them.
        WriteText(w, i.ReviewReasons is { Count: > 0 } rr ? JsonSerializer.Serialize(rr) : null, NpgsqlDbType.Json);
        return norm;
    }

    public static void WriteText(NpgsqlBinaryImporter w, string? s, NpgsqlDbType type = NpgsqlDbType.Text)
    {
        if (s is null) w.WriteNull(); else w.Write(s, type);
    }

    public static void WriteNullable(NpgsqlBinaryImporter w, int? v)
    {
        if (v is int x) w.Write(x, NpgsqlDbType.Integer); else w.WriteNull();
    }

    public static void WriteNullable(NpgsqlBinaryImporter w, double? v)
    {
        if (v is double x) w.Write(x, NpgsqlDbType.Double); else w.WriteNull();
    }
}
