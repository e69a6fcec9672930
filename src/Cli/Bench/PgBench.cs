using System.Diagnostics;
using Jixiao.Extract;
using Jixiao.Store;
using Jixiao.Store.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Jixiao.Cli.Bench;

/// <summary>
/// The PostgreSQL figures of `jixiao bench --pg CONN`: search latency over a million indicators (the same
/// queries as the LiteDB search phase), and import speed with 1, 2 and 4 `jixiao import` processes sharing
/// the replicated corpus through the claims. Each phase works in a schema of its own (jixiao_bench_*), dropped
/// afterwards, so the database named may hold a real archive.
/// </summary>
internal static class PgBench
{
    const int Years = 12, Departments = 40;

    public static void Search(BenchReport report, IReadOnlyList<ParsedFile> parsed, int wantIndicators, int runs, string conn, Action<string> log, bool keep = false)
    {
        var s = report.Add($"Search latency, PostgreSQL (in-process PgArchive.Search over {wantIndicators:N0} indicators, {runs} runs per query after 1 warm-up)",
            "query", "hits", "median ms", "p95 ms", "min ms", "max ms", "cpu median ms");
        var sources = parsed.Where(p => p.Extracted is { } e && e.Forms.Any(f => f.Indicators.Count > 0)).Select(p => p.Extracted!).ToList();
        if (sources.Count == 0) { s.Note("no extracted indicators in the corpus: skipped"); return; }
        using var schema = new BenchSchema(conn, "jixiao_bench_search", keep);
        var counts = keep ? Kept(schema.ConnectionString) : new ArchiveCounts(0, 0, 0, 0, 0);
        if (counts.Indicators >= wantIndicators && counts.Indicators > 0)
            s.Note($"archive: {counts.Indicators:N0} indicators, {counts.Forms:N0} forms, {counts.Documents:N0} documents, reused from schema jixiao_bench_search " +
                   "(kept by an earlier --pg-keep run)");
        else
        {
            if (counts.Documents > 0) schema.Reset();
            using var archive = PgArchive.Open(schema.ConnectionString);
            var sw = Stopwatch.StartNew();
            var (docs, forms, indicators, load) = Fill(archive, sources, wantIndicators, log);
            s.Note($"archive: {indicators:N0} indicators, {forms:N0} forms, {docs:N0} documents generated in {Figures.Sec(sw.Elapsed)} " +
                   $"(binary COPY {Figures.Sec(load)}, then VACUUM ANALYZE; same spread over {Years} years and {Departments} departments as the LiteDB search archive); " +
                   $"server {ServerVersion(archive)}, load average after generating {Figures.LoadAverage()}");
        }
        using var reader = PgArchive.OpenExisting(schema.ConnectionString);
        SearchBench.Time(s, reader, SearchBench.Queries(reader, sources), runs, log);
        s.Note("indexes: GIN on the distinct names' character unigrams and bigrams (substring of any length, fuzzy candidates), b-tree on year, " +
               "department, kind; per name the rows in result order (name, year, department, form, row). See docs/SCALE-OUT.md.");
    }

    /// <summary>Writes copies of the extracted forms straight into the tables until <paramref name="want"/> indicators.</summary>
    static (int Docs, int Forms, int Indicators, TimeSpan Load) Fill(PgArchive archive, List<ExtractedDocument> sources, int want, Action<string> log)
    {
        using var c = archive.Connection();
        var loading = Stopwatch.StartNew();
        int copy = 0, formId = 0, indicators = 0;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var docRows = new List<(int Id, string Path, string Format, int Forms, int Indicators)>();
        var formRows = new List<(int Id, int Doc, int Index, Form Form, int? Year, string? Dept)>();
        // A bulk-loaded table is vacuumed at the end (as autovacuum would soon do): the visibility map lets the
        // name index answer without visiting every row.
        // Documents and forms first (the indicators' foreign keys point at them), then the indicators.
        while (indicators < want)
        {
            var doc = sources[copy % sources.Count];
            int docId = copy + 1, before = indicators, index = 0;
            foreach (var f in doc.Forms)
            {
                // Spread copies over years and departments so range and department filters select a slice.
                formRows.Add((++formId, docId, index++, f, 2015 + copy % Years, (f.Department ?? "部门") + " " + copy % Departments));
                indicators += f.Indicators.Count;
            }
            docRows.Add((docId, $"/bench/c{copy:000000}/{doc.File}", doc.Format, doc.Forms.Count, indicators - before));
            copy++;
        }
        using (var w = c.BeginBinaryImport("COPY documents (id, path, file_name, hash, size, format, status, forms_count, indicators_count, imported_at, page_count, needs_review) FROM STDIN (FORMAT BINARY)"))
        {
            w.Timeout = TimeSpan.FromMinutes(30); // a million rows and their indexes on a loaded machine take minutes
            var now = DateTime.UtcNow;
            foreach (var d in docRows)
            {
                w.StartRow();
                w.Write(d.Id, NpgsqlDbType.Integer);
                w.Write(d.Path, NpgsqlDbType.Text);
                w.Write(Path.GetFileName(d.Path), NpgsqlDbType.Text);
                w.Write($"bench{d.Id:x8}", NpgsqlDbType.Text);
                w.Write(0L, NpgsqlDbType.Bigint);
                w.Write(d.Format, NpgsqlDbType.Text);
                w.Write(DocumentStatus.Ok, NpgsqlDbType.Text);
                w.Write(d.Forms, NpgsqlDbType.Integer);
                w.Write(d.Indicators, NpgsqlDbType.Integer);
                w.Write(now, NpgsqlDbType.TimestampTz);
                w.Write(1, NpgsqlDbType.Integer);
                w.Write(false, NpgsqlDbType.Boolean);
            }
            w.Complete();
        }
        using (var w = c.BeginBinaryImport("COPY forms (id, document_id, idx, kind, year, department, project, department_fold, project_fold, kind_fold, indicators_count, budget_count, body) FROM STDIN (FORMAT BINARY)"))
        {
            w.Timeout = TimeSpan.FromMinutes(30); // a million rows and their indexes on a loaded machine take minutes
            foreach (var f in formRows)
            {
                w.StartRow();
                w.Write(f.Id, NpgsqlDbType.Integer);
                w.Write(f.Doc, NpgsqlDbType.Integer);
                w.Write(f.Index, NpgsqlDbType.Integer);
                w.Write(f.Form.Kind, NpgsqlDbType.Text);
                PgIndicatorRow.WriteNullable(w, f.Year);
                PgIndicatorRow.WriteText(w, f.Dept);
                PgIndicatorRow.WriteText(w, f.Form.Project);
                w.Write(Extract.TextNorm.Fold(f.Dept), NpgsqlDbType.Text);
                w.Write(Extract.TextNorm.Fold(f.Form.Project), NpgsqlDbType.Text);
                w.Write(Extract.TextNorm.Fold(f.Form.Kind), NpgsqlDbType.Text);
                w.Write(f.Form.Indicators.Count, NpgsqlDbType.Integer);
                w.Write(0, NpgsqlDbType.Integer);
                w.Write("{}", NpgsqlDbType.Json);
            }
            w.Complete();
        }
        using (var w = c.BeginBinaryImport($"COPY indicators ({PgIndicatorRow.Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            w.Timeout = TimeSpan.FromMinutes(30); // a million rows and their indexes on a loaded machine take minutes
            int written = 0;
            foreach (var row in formRows)
            {
                var f = row.Form;
                var original = (f.Year, f.Department);
                (f.Year, f.Department) = (row.Year, row.Dept);
                for (int n = 0; n < f.Indicators.Count; n++) names.Add(PgIndicatorRow.Write(w, f.Indicators[n], f, row.Id, row.Doc, n));
                (f.Year, f.Department) = original;
                if ((written += f.Indicators.Count) / 200_000 != (written - f.Indicators.Count) / 200_000) log($"pg search archive: {written} indicators");
            }
            w.Complete();
        }
        using (var cmd = new NpgsqlCommand("INSERT INTO indicator_names SELECT unnest(@n) ON CONFLICT DO NOTHING", c))
        {
            cmd.Parameters.AddWithValue("n", names.ToArray());
            cmd.ExecuteNonQuery();
        }
        var load = loading.Elapsed;
        foreach (var sql in new[] { "SELECT setval('documents_id_seq', (SELECT max(id) FROM documents))", "SELECT setval('forms_id_seq', (SELECT max(id) FROM forms))", "VACUUM (ANALYZE)" })
            using (var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 }) cmd.ExecuteNonQuery();
        return (docRows.Count, formRows.Count, indicators, load);
    }

    /// <summary>What a kept search schema holds (migrated to this program's schema first).</summary>
    static ArchiveCounts Kept(string conn)
    {
        using var archive = PgArchive.Open(conn);
        // A migration may have built indexes on the kept rows: vacuum as autovacuum would, so the visibility map
        // lets counts read the indexes alone.
        using (var c = archive.Connection())
        using (var cmd = new NpgsqlCommand("VACUUM (ANALYZE)", c) { CommandTimeout = 0 }) cmd.ExecuteNonQuery();
        return archive.Counts();
    }

    static string ServerVersion(PgArchive archive)
    {
        using var c = archive.Connection();
        return "PostgreSQL " + c.PostgreSqlVersion;
    }

    /// <summary>Import docs/s with 1, 2 and 4 importer processes (each `jixiao import --workers 1`) sharing one archive.</summary>
    public static void Import(BenchReport report, string folder, int docs, string conn, IReadOnlyList<int> processes, Action<string> log)
    {
        var s = report.Add("Import scaling, PostgreSQL (N `jixiao import --workers 1` processes sharing the replicated corpus through the claims)",
            "processes", "docs", "wall", "docs/s", "speed-up", "stored", "indicators");
        double? baseRate = null;
        foreach (var n in processes)
        {
            using var schema = new BenchSchema(conn, "jixiao_bench_import");
            using (PgArchive.Open(schema.ConnectionString)) { } // schema made once, not raced by the timed processes
            log($"pg import: {docs} docs, {n} process(es)");
            var sw = Stopwatch.StartNew();
            var procs = Enumerable.Range(0, n).Select(_ => Process.Start(Self("--db", schema.ConnectionString, "import", folder, "--workers", "1"))!).ToList();
            foreach (var p in procs)
            {
                p.StandardOutput.ReadToEnd();
                p.StandardError.ReadToEnd();
                p.WaitForExit();
            }
            var elapsed = sw.Elapsed;
            using var archive = PgArchive.OpenExisting(schema.ConnectionString);
            var counts = archive.Counts();
            double rate = counts.Documents / elapsed.TotalSeconds;
            baseRate ??= rate;
            s.Row(n.ToString(), docs.ToString(), Figures.Sec(elapsed), Figures.Num(rate),
                (rate / baseRate.Value).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "x", counts.Documents.ToString(), counts.Indicators.ToString());
        }
        s.Note($"machine: {Environment.ProcessorCount} logical cores, PostgreSQL on the same machine; with more processes than cores the speed-up is capped by the cores. " +
               "Each process starts the .NET runtime and loads the extraction models itself (included in the wall time).");
    }

    /// <summary>This jixiao as a child process (the apphost, or `dotnet jixiao.dll`).</summary>
    static ProcessStartInfo Self(params string[] args)
    {
        var exe = Environment.ProcessPath ?? "dotnet";
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet") psi.ArgumentList.Add(typeof(PgBench).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>A schema of its own for one bench phase (search path set in the connection string), dropped at the end.</summary>
    sealed class BenchSchema : IDisposable
    {
        readonly NpgsqlConnectionStringBuilder _admin;
        readonly string _name;
        readonly bool _keep;
        public string ConnectionString { get; }

        public BenchSchema(string conn, string name, bool keep = false)
        {
            (_name, _keep) = (name, keep);
            _admin = PgTarget.Parse(conn).Builder;
            // pg_trgm in public, which every bench schema's search path includes (the first migration would create
            // it inside the first bench schema, where the next one cannot see it).
            Exec("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
            Exec(keep ? $"CREATE SCHEMA IF NOT EXISTS {name}" : $"DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}");
            var b = new NpgsqlConnectionStringBuilder(_admin.ConnectionString) { SearchPath = name + ",public" };
            ConnectionString = b.ConnectionString;
        }

        /// <summary>Empties a kept schema that holds too few indicators.</summary>
        public void Reset() => Exec($"DROP SCHEMA IF EXISTS {_name} CASCADE; CREATE SCHEMA {_name}");

        void Exec(string sql)
        {
            using var c = new NpgsqlConnection(_admin.ConnectionString);
            c.Open();
            using var cmd = new NpgsqlCommand(sql, c);
            cmd.ExecuteNonQuery();
        }

        public void Dispose()
        {
            if (!_keep) Exec($"DROP SCHEMA IF EXISTS {_name} CASCADE");
        }
    }
}
