using System.Net.Sockets;
using System.Text.Json;
using Jixiao.Extract;
using Npgsql;

namespace Jixiao.Store.Postgres;

/// <summary>
/// The archive in a PostgreSQL database: the same documents, forms, indicators, budget facts and import log
/// as the LiteDB <see cref="Archive"/>, in tables (PgSchema.cs), shared by many importers and readers at once.
/// Split by concern like the LiteDB archive: PgArchive.Write.cs, PgArchive.Search.cs, PgArchive.Facts.cs,
/// PgArchive.Verify.cs; the file claims that divide an import are <see cref="PgClaims"/>.
/// </summary>
public sealed partial class PgArchive : IArchive
{
    readonly NpgsqlDataSource _ds;
    public PgTarget Target { get; }
    public string Location => Target.Display;

    PgArchive(PgTarget target, NpgsqlDataSource ds)
    {
        Target = target;
        _ds = ds;
    }

    /// <summary>Opens the archive for writing: creates or upgrades the schema first.</summary>
    public static PgArchive Open(string db) => Connect(db, PgSchema.Migrate);

    /// <summary>Opens an existing archive for reading: the schema must be there and current.</summary>
    public static PgArchive OpenExisting(string db) => Connect(db, PgSchema.Check);

    static PgArchive Connect(string db, Action<NpgsqlDataSource> prepare)
    {
        var target = PgTarget.Parse(db);
        var ds = target.OpenDataSource();
        try
        {
            Guard(target, () => prepare(ds));
            return new PgArchive(target, ds);
        }
        catch
        {
            ds.Dispose();
            throw;
        }
    }

    /// <summary>Turns connection and server errors into one line naming the server (never the password).</summary>
    internal static void Guard(PgTarget target, Action work)
    {
        try { work(); }
        catch (PgArchiveException) { throw; }
        catch (PostgresException e) { throw new PgArchiveException($"{target.Display}: {e.SqlState} {e.MessageText}", e); }
        catch (NpgsqlException e) when (e.InnerException is SocketException or IOException or TimeoutException || e is { IsTransient: true })
        {
            throw new PgArchiveException($"cannot reach PostgreSQL at {target.Display}: {(e.InnerException ?? e).Message.ReplaceLineEndings(" ")}", e);
        }
        catch (NpgsqlException e) { throw new PgArchiveException($"{target.Display}: {e.Message.ReplaceLineEndings(" ")}", e); }
    }

    internal NpgsqlConnection Connection() => _ds.OpenConnection();

    /// <summary>The file claims of this archive, for an importer that divides its files with others.</summary>
    public PgClaims Claims(TimeSpan lease) => new(_ds, lease);

    const string DocumentColumns = "id, path, file_name, hash, size, format, status, error, forms_count, indicators_count, imported_at, page_count, needs_review, duplicate_of";

    static StoredDocument ReadDocument(NpgsqlDataReader r) => new(
        r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetString(5), r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7), r.GetInt32(8), r.GetInt32(9), DateTime.SpecifyKind(r.GetDateTime(10), DateTimeKind.Utc),
        r.GetInt32(11), r.GetBoolean(12), r.IsDBNull(13) ? null : r.GetInt32(13));

    List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] args)
    {
        using var c = Connection();
        return Query(c, sql, read, args);
    }

    internal static List<T> Query<T>(NpgsqlConnection c, string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] args)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(read(r));
        return list;
    }

    public IReadOnlyList<StoredDocument> AllDocuments() => Query($"SELECT {DocumentColumns} FROM documents ORDER BY id", ReadDocument);

    public IReadOnlyDictionary<string, KnownFile> KnownFiles() =>
        Query("SELECT path, hash, status FROM documents", r => (Path: r.GetString(0), File: new KnownFile(r.GetString(1), r.GetString(2))))
            .ToDictionary(x => x.Path, x => x.File, StringComparer.Ordinal);

    public StoredDocument? GetDocument(int id) => Query($"SELECT {DocumentColumns} FROM documents WHERE id = @id", ReadDocument, ("id", id)).FirstOrDefault();

    public StoredDocument? FindDocument(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var d = Query($"SELECT {DocumentColumns} FROM documents WHERE path = @p", ReadDocument, ("p", full)).FirstOrDefault();
        if (d is not null) return d;
        var byName = Query($"SELECT {DocumentColumns} FROM documents WHERE file_name = @n ORDER BY id LIMIT 2", ReadDocument, ("n", System.IO.Path.GetFileName(path)));
        return byName.Count == 1 ? byName[0] : null;
    }

    public IReadOnlyList<StoredForm> FormsOf(int documentId)
    {
        using var c = Connection();
        var original = Query(c, "SELECT duplicate_of FROM documents WHERE id = @id", r => r.IsDBNull(0) ? (int?)null : r.GetInt32(0), ("id", documentId)).FirstOrDefault();
        if (original is int o) documentId = o;
        return Query(c, "SELECT id, idx, body::text FROM forms WHERE document_id = @d ORDER BY idx",
            r => new StoredForm(r.GetInt32(0), documentId, r.GetInt32(1), FormBody.Read(r.GetString(2))), ("d", documentId));
    }

    public IReadOnlyList<ImportLogEntry> ImportLog() =>
        Query("SELECT time, path, format, status, reason FROM import_log ORDER BY time, id",
            r => new ImportLogEntry(DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));

    public ArchiveCounts Counts() => Query(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM forms), (SELECT count(*) FROM indicators), (SELECT count(*) FROM budget), (SELECT count(*) FROM import_log)",
        r => new ArchiveCounts((int)r.GetInt64(0), (int)r.GetInt64(1), (int)r.GetInt64(2), (int)r.GetInt64(3), (int)r.GetInt64(4))).Single();

    public void Dispose() => _ds.Dispose();
}

/// <summary>
/// A form as stored in forms.body: the extraction model's own JSON, so every field the extractor adds is
/// kept without a schema change. The parsed target is not stored there; it is re-read from the written
/// target on the way out, as the LiteDB archive does.
/// </summary>
internal static class FormBody
{
    public static string Write(Form f) => JsonSerializer.Serialize(f, CanonicalJsonCompact);

    public static Form Read(string json)
    {
        var f = JsonSerializer.Deserialize<Form>(json, CanonicalJsonCompact)!;
        foreach (var i in f.Indicators)
            i.TargetParsed = TargetValue.Parse(i.Target) is { } t && (t.Number is not null || t.Comparator is not null)
                ? new ParsedValue(t.Comparator, t.Number, t.Unit, false) : null;
        return f;
    }

    static readonly JsonSerializerOptions CanonicalJsonCompact = new(CanonicalJson.Options) { WriteIndented = false };
}
