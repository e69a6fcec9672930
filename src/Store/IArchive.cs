namespace Jixiao.Store;

/// <summary>
/// What the commands need from an archive, whichever engine holds it: LiteDB (<see cref="Archive"/>, one
/// file, the default) or PostgreSQL (<see cref="Postgres.PgArchive"/>, shared by many importers and readers).
/// Split by role so a command names only what it uses; <see cref="IArchive"/> is all of them.
/// </summary>
public interface IArchiveLocation : IDisposable
{
    /// <summary>Where the archive is, for messages: a file path, or a connection target without credentials.</summary>
    string Location { get; }
}

/// <summary>Writing an archive: the importer's side.</summary>
public interface IArchiveWriter : IArchiveLocation
{

    /// <summary>Stores a batch of import outcomes atomically (see <see cref="Archive.Write"/> for the rules).</summary>
    IReadOnlyList<WriteOutcome> Write(IReadOnlyList<ImportItem> batch, ReimportPolicy policy = ReimportPolicy.ChangedOnly);

    /// <summary>path → (content hash, status) of every stored document.</summary>
    IReadOnlyDictionary<string, KnownFile> KnownFiles();
}

/// <summary>Reading an archive: documents, forms, facts, search and history.</summary>
public interface IArchiveReader : IArchiveLocation
{
    IReadOnlyList<StoredDocument> AllDocuments();
    StoredDocument? GetDocument(int id);
    StoredDocument? FindDocument(string path);
    IReadOnlyList<StoredForm> FormsOf(int documentId);
    IReadOnlyList<ImportLogEntry> ImportLog();
    ArchiveCounts Counts();
    IEnumerable<FactRow> Facts(FactKinds kinds = FactKinds.All);
    SearchResult Search(SearchQuery q);
    IReadOnlyList<IndicatorHit> History(string name, string? department = null);
}

/// <summary>Checking an archive against itself and the files on disk.</summary>
public interface IArchiveVerifier
{
    VerifyReport Verify(bool checkFiles = true, int maxProblemsPerCheck = 50);
}

/// <summary>The whole archive: writer, reader and verifier.</summary>
public interface IArchive : IArchiveWriter, IArchiveReader, IArchiveVerifier;
