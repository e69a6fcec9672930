using Jixiao.Extract;
using Jixiao.Store.Postgres;
using Jixiao.Tests;

namespace Jixiao.Store.Tests;

/// <summary>
/// An archive engine the backend-parametrised tests run against: each abstract test class has one subclass
/// per backend (LiteDB file, PostgreSQL database of the run's throw-away cluster), the tests written once.
/// </summary>
public abstract class StoreBackend
{
    public abstract string Name { get; }
    /// <summary>A new empty archive; <paramref name="dir"/> is the test's folder.</summary>
    internal abstract string NewTarget(string dir);
    internal abstract IArchive Open(string target);
    public override string ToString() => Name;

    public sealed class LiteDb : StoreBackend
    {
        public override string Name => "litedb";
        internal override string NewTarget(string dir) => Path.Combine(dir, "test.db");
        internal override IArchive Open(string target) => Archive.Open(target);
    }

    public sealed class Postgres(PgCluster cluster) : StoreBackend
    {
        public override string Name => "postgres";
        internal override string NewTarget(string dir) => cluster.NewDatabase();
        internal override IArchive Open(string target) => PgArchive.Open(target);
    }
}

/// <summary>A real archive of the given backend in a fresh temp folder (files are written there), removed afterwards.</summary>
internal sealed class BackendArchive : IDisposable
{
    readonly StoreBackend _backend;
    public string Dir { get; } = Directory.CreateTempSubdirectory("jixiao-store-").FullName;
    public string Target { get; }
    public IArchive Archive { get; private set; }

    public BackendArchive(StoreBackend backend)
    {
        _backend = backend;
        Target = backend.NewTarget(Dir);
        Archive = backend.Open(Target);
    }

    /// <summary>Closes and reopens, so assertions read what is stored.</summary>
    public void Reopen()
    {
        Archive.Dispose();
        Archive = _backend.Open(Target);
    }

    /// <summary>Writes a real file with <paramref name="content"/> and returns its import item.</summary>
    public ImportItem File(string name, string content, ExtractedDocument? extracted, string? error = null) =>
        TempArchive.WriteItem(Dir, name, content, extracted, error);

    public void Dispose()
    {
        Archive.Dispose();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
