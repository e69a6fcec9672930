using System.Globalization;
using LiteDB;

namespace Jixiao.Store;

/// <summary>
/// The archive: one LiteDB file holding documents, forms, indicators, budget facts and the import log.
/// Small public surface; the write path (<see cref="Write"/>) is meant for one writer thread.
/// Split by concern: Archive.Write.cs (import), Archive.Query.cs (search, history), Archive.Verify.cs.
/// </summary>
public sealed partial class Archive : IDisposable
{
    /// <summary>The file used when the caller names none.</summary>
    public const string DefaultPath = "jixiao.db";

    internal const string DocumentsName = "documents";
    internal const string FormsName = "forms";
    internal const string IndicatorsName = "indicators";
    internal const string BudgetName = "budget";
    internal const string LogName = "import_log";

    readonly LiteDatabase _db;
    readonly FileStream? _writeLock;
    readonly FileStream? _readerLock; // held while a reader is open, see ReaderLock
    /// <summary>The writer's -log file (null when read-only): synced once per commit, see there.</summary>
    readonly CommitSyncedLog? _log;
    internal CommitSyncedLog? WriterLog => _log;
    internal ILiteCollection<BsonDocument> Documents { get; }
    internal ILiteCollection<BsonDocument> Forms { get; }
    internal ILiteCollection<BsonDocument> Indicators { get; }
    internal ILiteCollection<BsonDocument> Budget { get; }
    internal ILiteCollection<BsonDocument> Log { get; }

    public string Path { get; }

    Archive(string path, bool readOnly)
    {
        Path = System.IO.Path.GetFullPath(path);
        RefuseForeignFile(Path);
        // LiteDB "initializes" an empty file even when opened read-only, and fails with NotSupportedException:
        // that is an import that has just created the file (or was killed before writing its header).
        if (readOnly && new FileInfo(Path).Length == 0)
            throw new IOException($"{Path} is empty: no archive written yet (an import may be creating it)");
        if (!readOnly) _writeLock = TakeWriteLock(Path);
        var cs = new ConnectionString
        {
            Filename = Path,
            Connection = ConnectionType.Direct,
            ReadOnly = readOnly,
            // Ordinal: paths and Chinese names compare byte-for-byte, not by a culture's collation rules.
            Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal),
        };
        try
        {
            if (readOnly) _readerLock = ReaderLock.Share(Path);
            _db = readOnly ? OpenSnapshot(Path, cs.Collation) : CommitSyncedLog.OpenDatabase(Path, cs.Collation, out _log);
        }
        catch
        {
            _writeLock?.Dispose();
            _readerLock?.Dispose();
            throw;
        }
        // No automatic checkpoint while writing: commits are appended to the -log file and the data file is
        // only rewritten when the archive closes. A `search` opening the file mid-import (another process,
        // LiteDB direct mode) then reads the data file plus the committed prefix of the log, instead of racing
        // a checkpoint that moves pages under it ("request page must be less or equals lastest page").
        // After a SIGKILL the log is replayed by the next open, as before.
        if (!readOnly) _db.CheckpointSize = 0;
        // A log left by a run that closed while readers were open (or was killed) is folded now if none is.
        if (!readOnly && File.Exists(LogPath(Path)) && new FileInfo(LogPath(Path)).Length > 0)
            try { FoldLog(); }
            catch (Exception e) when (e is LiteException or IOException) { } // disk full: the log stays, the import says why when it writes
        Documents = _db.GetCollection(DocumentsName, BsonAutoId.Int32);
        Forms = _db.GetCollection(FormsName, BsonAutoId.Int32);
        Indicators = _db.GetCollection(IndicatorsName, BsonAutoId.ObjectId);
        Budget = _db.GetCollection(BudgetName, BsonAutoId.ObjectId);
        Log = _db.GetCollection(LogName, BsonAutoId.ObjectId);
        if (!readOnly) EnsureIndexes();
    }

    /// <summary>A reader opens the files through <see cref="SnapshotStream"/>s, never by name (see there why).</summary>
    static LiteDatabase OpenSnapshot(string path, Collation collation)
    {
        var data = SnapshotStream.Open(path);
        var log = SnapshotStream.Open(LogPath(path));
        try
        {
            var engine = new LiteDB.Engine.LiteEngine(new LiteDB.Engine.EngineSettings
            {
                DataStream = data, LogStream = log, ReadOnly = true, Collation = collation,
            });
            return new LiteDatabase(engine);
        }
        catch
        {
            data.Dispose();
            log.Dispose();
            throw;
        }
    }

    /// <summary>LiteDB's write-ahead log beside the data file (jixiao.db → jixiao-log.db).</summary>
    static string LogPath(string path) => CommitSyncedLog.PathFor(path);

    /// <summary>
    /// Folds the log into the data file, unless a reader is open: the fold rewrites pages under it (ReaderLock).
    /// The log then stays, complete, and is folded at the next open or close with no reader.
    /// </summary>
    void FoldLog()
    {
        using var exclusive = ReaderLock.TryExclusive(Path);
        if (exclusive is not null) _db.Checkpoint();
    }

    /// <summary>Opens (creating it and its folder if needed) the archive at <paramref name="path"/> for reading and writing.</summary>
    public static Archive Open(string path)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        return new(path, readOnly: false);
    }

    /// <summary>Opens an existing archive read-only; null when the file does not exist.</summary>
    public static Archive? OpenExisting(string path) =>
        File.Exists(path) ? new Archive(path, readOnly: true) : null;

    /// <summary>
    /// LiteDB silently re-initializes a short non-LiteDB file: a mistyped --db must not overwrite a document.
    /// A LiteDB 5 file starts with a header page that carries this marker at byte 32.
    /// </summary>
    const int PageBytes = 8192;

    static void RefuseForeignFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0) return;
        var marker = "** This is a LiteDB file **"u8;
        var head = new byte[32 + marker.Length];
        using (var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            if (s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.AsSpan(32).SequenceEqual(marker))
            {
                // LiteDB writes whole 8 KB pages; a shorter tail is a cut file, which LiteDB would "repair" by
                // cropping (or, under one page, by starting a new archive over it): refuse and say so.
                if (info.Length % PageBytes == 0) return;
                throw new InvalidDataException($"{path} is damaged: {info.Length} bytes is not a whole number of 8 KB pages (truncated or cut?); " +
                    "`jixiao rebuild` re-creates it from its sources");
            }
        }
        throw new InvalidDataException($"{path} is not a jixiao archive (LiteDB file); refusing to overwrite it");
    }

    void EnsureIndexes()
    {
        Documents.EnsureIndex("path", unique: true);
        Documents.EnsureIndex("hash");
        Documents.EnsureIndex("duplicateOf");
        Forms.EnsureIndex("documentId");
        Forms.EnsureIndex("year");
        // Indicators and budget facts are packed in their forms; the rows older archives hold in the indicators and
        // budget collections are read by document and (history without a catalog) by name. The search
        // filters (year, department, kind, level-1, target) read the packed search catalog instead
        // (Archive.Catalog.cs): an index per filter cost every imported indicator five more skip-list
        // inserts (about a fifth of the writer's time) and could not answer a 25,000-hit range in 50 ms.
        Budget.EnsureIndex("documentId");
        Indicators.EnsureIndex("documentId");
        Indicators.EnsureIndex("nameNorm");
        foreach (var old in new[] { "year", "department", "kind", "level1", "targetNumber" })
            Indicators.DropIndex(old);
        EnsureNames();
        EnsureCatalog();
    }

    /// <summary>Every stored document, in id order.</summary>
    public IReadOnlyList<StoredDocument> AllDocuments() => Documents.FindAll().Select(ToStored).ToList();

    /// <summary>path → (content hash, status) of every stored document: the importer's "unchanged" check.</summary>
    public IReadOnlyDictionary<string, KnownFile> KnownFiles() =>
        Documents.FindAll().ToDictionary(PathKey.FullPath,
            d => new KnownFile(d["hash"].AsString, d["status"].AsString), StringComparer.Ordinal);

    public StoredDocument? GetDocument(int id)
    {
        var d = Documents.FindById(id);
        return d is null ? null : ToStored(d);
    }

    /// <summary>The document stored for <paramref name="path"/> (made absolute), else for a unique file name.</summary>
    public StoredDocument? FindDocument(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var d = Documents.FindOne(Where.Eq("path", PathKey.Of(full)));
        if (d is not null) return ToStored(d);
        var byName = Documents.FindAll().Where(x => x["fileName"].AsString == System.IO.Path.GetFileName(path)).Take(2).ToList();
        return byName.Count == 1 ? ToStored(byName[0]) : null;
    }

    /// <summary>The forms of a document with their indicators and budget facts, in document order.
    /// For a duplicate, the forms of the document it duplicates.</summary>
    public IReadOnlyList<StoredForm> FormsOf(int documentId)
    {
        var doc = Documents.FindById(documentId);
        if (doc is not null && !doc["duplicateOf"].IsNull) documentId = doc["duplicateOf"].AsInt32;
        var result = new List<StoredForm>();
        // By document, then grouped: one index lookup per collection instead of one per form.
        var forms = Forms.Find(Where.Eq("documentId", documentId)).OrderBy(f => f["index"].AsInt32).ToList();
        var indicators = IndicatorRowsOf(documentId, forms).ToLookup(r => r["formId"].AsInt32);
        var budget = BudgetRowsOf(documentId, forms).ToLookup(r => r["formId"].AsInt32);
        foreach (var f in forms)
        {
            int id = f["_id"].AsInt32;
            var form = FormMapper.FromForm(f, indicators[id], budget[id]);
            result.Add(new StoredForm(id, documentId, f["index"].AsInt32, form));
        }
        return result;
    }

    /// <summary>The import log, oldest first.</summary>
    public IReadOnlyList<ImportLogEntry> ImportLog() =>
        Log.FindAll().Select(l => new ImportLogEntry(l["time"].AsDateTime, l["path"].AsString, l["format"].AsString,
            l["status"].AsString, FormMapper.S(l["reason"]))).OrderBy(l => l.Time).ToList();

    /// <summary>Indicators and budget facts are counted by their forms' counts: packed ones are no rows of their own.</summary>
    public ArchiveCounts Counts()
    {
        int indicators = 0, budget = 0;
        foreach (var f in Forms.Query().Select("{ i: $.indicatorsCount, b: $.budgetCount }").ToEnumerable())
        {
            indicators += f["i"].AsInt32;
            budget += f["b"].AsInt32;
        }
        return new(Documents.Count(), Forms.Count(), indicators, budget, Log.Count());
    }

    internal static StoredDocument ToStored(BsonDocument d) => new(
        d["_id"].AsInt32, PathKey.FullPath(d), d["fileName"].AsString, d["hash"].AsString, d["size"].AsInt64,
        d["format"].AsString, d["status"].AsString, FormMapper.S(d["error"]), d["formsCount"].AsInt32,
        d["indicatorsCount"].AsInt32, d["importedAt"].AsDateTime, d["pageCount"].AsInt32, d["needsReview"].AsBoolean,
        d["duplicateOf"].IsNull ? null : d["duplicateOf"].AsInt32);

    /// <summary>
    /// One writer per archive: LiteDB's direct mode does not coordinate processes, so two imports into the
    /// same file could interleave pages. The lock file disappears when the archive is closed.
    /// </summary>
    static FileStream TakeWriteLock(string path)
    {
        try
        {
            return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e) when (ArchiveWriteException.From(e) is { } medium)
        {
            throw medium;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"cannot write beside {path}: permission denied (lock {path}.lock)", e);
        }
        catch (IOException)
        {
            throw new IOException($"{path} is being written by another jixiao process (lock {path}.lock); try again when it ends");
        }
    }

    public void Dispose()
    {
        // With auto-checkpoint off (see the constructor) closing must fold the log into the data file itself.
        if (_writeLock is not null)
        {
            try { FoldLog(); }
            // The log stays; the next open replays it. A lock error: a write failed mid-transaction (disk full).
            catch (Exception e) when (e is LiteException or IOException or LockRecursionException or SynchronizationLockException) { }
        }
        try { _db.Dispose(); }
        // After a failed write (disk full) LiteDB's engine can fail to close; what was committed is in the
        // data file or the log, which the next open replays.
        catch (Exception e) when (_writeLock is not null && e is LiteException or IOException or ObjectDisposedException or LockRecursionException or SynchronizationLockException) { }
        if (_writeLock is not null) CommitSyncedLog.DeleteIfEmpty(Path);
        _writeLock?.Dispose();
        _readerLock?.Dispose();
    }
}
