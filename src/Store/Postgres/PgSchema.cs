using Npgsql;

namespace Jixiao.Store.Postgres;

/// <summary>
/// The PostgreSQL archive's schema as numbered migrations, applied by jixiao itself when it opens the
/// database for writing (docs/SCALE-OUT.md lists them). Applying them takes a transaction-scoped advisory
/// lock, so importers started together on many machines migrate once, the others wait and then see the
/// new version. A database migrated by a newer jixiao is refused with one line, never half-used.
/// </summary>
internal static class PgSchema
{
    /// <summary>Arbitrary constant: the advisory lock key the migrations run under.</summary>
    const long MigrationLock = 0x6A6978_6961_6F;

    /// <summary>Migration n (1-based) brings the schema from version n-1 to n. Append only; never edit a released one.</summary>
    static readonly string[] Migrations =
    {
        // 1: documents, forms (the whole form as JSON, for show/report), indicator and budget rows (search and
        // export), the distinct indicator names (trigram index: substring and fuzzy search), the import log,
        // and the file claims that divide an import between many importers.
        """
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE TABLE documents (
            id serial PRIMARY KEY,
            path text NOT NULL UNIQUE,
            file_name text NOT NULL,
            hash text NOT NULL,
            size bigint NOT NULL,
            format text NOT NULL,
            status text NOT NULL,
            error text,
            forms_count int NOT NULL,
            indicators_count int NOT NULL,
            imported_at timestamptz NOT NULL,
            page_count int NOT NULL,
            needs_review boolean NOT NULL,
            duplicate_of int);
        CREATE INDEX documents_hash ON documents (hash);
        CREATE INDEX documents_duplicate_of ON documents (duplicate_of);
        CREATE TABLE forms (
            id serial PRIMARY KEY,
            document_id int NOT NULL REFERENCES documents (id),
            idx int NOT NULL,
            kind text NOT NULL,
            year int,
            department text,
            project text,
            department_fold text NOT NULL,
            project_fold text NOT NULL,
            kind_fold text NOT NULL,
            indicators_count int NOT NULL,
            budget_count int NOT NULL,
            body json NOT NULL);
        CREATE INDEX forms_document ON forms (document_id, idx);
        CREATE INDEX forms_year ON forms (year);
        CREATE INDEX forms_department ON forms (department_fold);
        CREATE INDEX forms_kind ON forms (kind);
        CREATE INDEX forms_order ON forms (year DESC NULLS LAST, department COLLATE "C" NULLS FIRST, id);
        CREATE TABLE indicators (
            id bigserial PRIMARY KEY,
            form_id int NOT NULL REFERENCES forms (id),
            document_id int NOT NULL,
            ord int NOT NULL,
            year int,
            department text,
            department_fold text NOT NULL,
            project text,
            project_fold text NOT NULL,
            kind text NOT NULL,
            kind_fold text NOT NULL,
            scope text, level1 text, level2 text, level3 text,
            name text NOT NULL,
            name_norm text NOT NULL,
            level1_norm text NOT NULL,
            target text, target_op text, target_number double precision, target_unit text,
            actual text, weight text, score text, basis text, category text, deviation text,
            history json,
            confidence double precision);
        CREATE INDEX indicators_document ON indicators (document_id);
        CREATE INDEX indicators_form ON indicators (form_id, ord);
        CREATE INDEX indicators_name ON indicators (name_norm, form_id, ord);
        CREATE INDEX indicators_year ON indicators (year);
        CREATE INDEX indicators_department ON indicators (department_fold);
        CREATE INDEX indicators_kind ON indicators (kind);
        CREATE INDEX forms_department_trgm ON forms USING gin (department_fold gin_trgm_ops);
        CREATE INDEX indicators_order ON indicators (year DESC NULLS LAST, department COLLATE "C" NULLS FIRST, form_id, ord);
        CREATE TABLE budget (
            id bigserial PRIMARY KEY,
            form_id int NOT NULL REFERENCES forms (id),
            document_id int NOT NULL,
            ord int NOT NULL,
            year int,
            department text,
            project text,
            kind text NOT NULL,
            item text NOT NULL,
            col text,
            value text NOT NULL,
            number double precision);
        CREATE INDEX budget_document ON budget (document_id);
        CREATE INDEX budget_form ON budget (form_id, ord);
        CREATE TABLE indicator_names (name_norm text PRIMARY KEY);
        CREATE INDEX indicator_names_trgm ON indicator_names USING gin (name_norm gin_trgm_ops);
        CREATE TABLE import_log (
            id bigserial PRIMARY KEY,
            time timestamptz NOT NULL,
            path text NOT NULL,
            format text NOT NULL,
            status text NOT NULL,
            reason text);
        CREATE TABLE claims (
            path text PRIMARY KEY,
            stamp text NOT NULL,
            state text NOT NULL DEFAULT 'pending',
            owner text,
            lease_until timestamptz,
            hash text,
            done_at timestamptz);
        CREATE INDEX claims_open ON claims (state, lease_until);
        """,
        // 2: search at a million rows. Names are found by their character unigrams and bigrams (GIN on an array the
        // database derives from the name): a trigram index cannot look up a 1- or 2-character Chinese word such as
        // 满意, the grams can, and they give the fuzzy pass its candidates. Per name, the rows in result order with
        // the form-level filter columns: a text search reads only the first rows of each name, and counts from
        // the index. --dept also matches the project: trigram index on the project too, so the OR of the two is
        // two index probes, not a scan of every form. Each document's fact checksum (verify recomputes it).
        """
        CREATE FUNCTION jixiao_name_grams(s text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
            SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
                SELECT substr(s, k, 1) FROM generate_series(1, length(s)) k
                UNION ALL SELECT substr(s, k, 2) FROM generate_series(1, length(s) - 1) k) t(g)
        $$;
        ALTER TABLE indicator_names ADD COLUMN grams text[] GENERATED ALWAYS AS (jixiao_name_grams(name_norm)) STORED;
        CREATE INDEX indicator_names_grams ON indicator_names USING gin (grams);
        DROP INDEX indicator_names_trgm;
        CREATE INDEX forms_project_trgm ON forms USING gin (project_fold gin_trgm_ops);
        CREATE INDEX indicators_name_order ON indicators (name_norm, year DESC NULLS LAST, department COLLATE "C" NULLS FIRST, form_id, ord)
            INCLUDE (department_fold, project_fold, kind_fold);
        DROP INDEX indicators_name;
        ALTER TABLE documents ADD COLUMN fact_checksum text;
        """,
        // 3: each indicator's review flag and reasons as columns (they were only in the form body), so search
        // skips flagged values in a --target search unless asked, as the LiteDB archive does, and shows the flag.
        // Existing archives are backfilled from the stored bodies; only bodies holding a flag are read (the default
        // false costs no rewrite of the table). Budget facts are not searched: their flags stay in the body.
        """
        ALTER TABLE indicators ADD COLUMN review boolean NOT NULL DEFAULT false, ADD COLUMN review_reasons json;
        UPDATE indicators i SET review = true, review_reasons = v.value -> 'review_reasons'
        FROM forms f CROSS JOIN LATERAL json_array_elements(f.body -> 'indicators') WITH ORDINALITY AS v(value, n)
        WHERE f.body::text ~ '"review":\s*true' AND f.id = i.form_id AND v.n = i.ord + 1
            AND (v.value ->> 'review')::boolean;
        """,
    };

    /// <summary>The schema version this program writes and reads.</summary>
    public static int Current => Migrations.Length;

    /// <summary>Brings the database up to <see cref="Current"/>; throws <see cref="PgArchiveException"/> when it is newer.</summary>
    public static void Migrate(NpgsqlDataSource ds)
    {
        using var c = ds.OpenConnection();
        using var tx = c.BeginTransaction();
        Exec(c, "SELECT pg_advisory_xact_lock(@k)", ("k", MigrationLock));
        Exec(c, "CREATE TABLE IF NOT EXISTS jixiao_schema (version int NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), program text NOT NULL)");
        int version = Version(c);
        Refuse(version);
        for (int v = version + 1; v <= Current; v++)
        {
            Exec(c, Migrations[v - 1]);
            Exec(c, "INSERT INTO jixiao_schema (version, program) VALUES (@v, @p)", ("v", v), ("p", "jixiao " + typeof(PgSchema).Assembly.GetName().Version));
        }
        tx.Commit();
    }

    /// <summary>For a reader: the database must hold a schema this program knows (no migration is run).</summary>
    public static void Check(NpgsqlDataSource ds)
    {
        using var c = ds.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT to_regclass('jixiao_schema') IS NOT NULL", c);
        if (!(bool)cmd.ExecuteScalar()!) throw new PgArchiveException("the database holds no jixiao archive yet (run `jixiao import` against it first)");
        int version = Version(c);
        Refuse(version);
        if (version < Current) throw new PgArchiveException($"the archive's schema is version {version}, this jixiao reads {Current}: run `jixiao import` against it once to upgrade it");
    }

    static void Refuse(int version)
    {
        if (version > Current)
            throw new PgArchiveException($"the archive's schema is version {version}, newer than this jixiao ({Current}); use a newer jixiao");
    }

    static int Version(NpgsqlConnection c)
    {
        using var cmd = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM jixiao_schema", c);
        return (int)cmd.ExecuteScalar()!;
    }

    internal static void Exec(NpgsqlConnection c, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }
}

/// <summary>A PostgreSQL archive problem the user can act on; its message is one line.</summary>
public sealed class PgArchiveException(string message, Exception? inner = null) : Exception(message, inner);
