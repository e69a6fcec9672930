using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Jixiao.Tests;

/// <summary>
/// A throw-away PostgreSQL cluster for one test run: initdb into a temp folder, pg_ctl start on a free
/// loopback port (unix socket in the same folder), stopped and deleted at the end. PostgreSQL refuses to run
/// as root, so under root (CI) the server runs as the unprivileged `nobody` (via runuser) and the folder is
/// handed to it. Each test asks for a fresh database (<see cref="NewDatabase"/>). Debian's `postgresql`
/// package provides the binaries (.ci/run installs it; README says how).
/// </summary>
public sealed class PgCluster : IDisposable
{
    public string Dir { get; }
    public int Port { get; }
    readonly string _data, _bin;
    readonly bool _asNobody;
    int _databases;

    public PgCluster()
    {
        _bin = FindBin() ?? throw new InvalidOperationException("PostgreSQL server binaries not found (install Debian's `postgresql` package; .ci/run does)");
        _asNobody = Environment.UserName == "root";
        Dir = Directory.CreateTempSubdirectory("jixiao-pg-").FullName;
        _data = Path.Combine(Dir, "data");
        if (_asNobody) Run("chown", "nobody", Dir);
        Port = FreePort();
        Run(Path.Combine(_bin, "initdb"), "-D", _data, "-U", "jixiao", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        // Throw-away data: no fsync. Loopback only.
        var opts = $"-p {Port} -k {Dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        Run(Path.Combine(_bin, "pg_ctl"), "-D", _data, "-l", Path.Combine(Dir, "server.log"), "-o", opts, "-w", "-t", "60", "start");
        // One database for the run; each test gets its own schema in it (CREATE DATABASE costs seconds on a busy
        // machine, CREATE SCHEMA nothing). pg_trgm lives in public, which every test's search path includes.
        Exec("postgres", "CREATE DATABASE jixiao_tests");
        Exec("jixiao_tests", "CREATE EXTENSION pg_trgm SCHEMA public");
    }

    /// <summary>A connection string (key=value) for a new empty archive: a schema of its own in the run's database.</summary>
    public string NewDatabase()
    {
        var name = $"t{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..6]}";
        Exec("jixiao_tests", $"CREATE SCHEMA {name}");
        return $"Host=127.0.0.1;Port={Port};Username=jixiao;Database=jixiao_tests;Search Path={name},public";
    }

    void Exec(string db, string sql)
    {
        using var c = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=jixiao;Database={db};Pooling=false");
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    /// <summary>The newest Debian server binaries (/usr/lib/postgresql/N/bin), else initdb on PATH.</summary>
    static string? FindBin()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault()
            : null;
        if (debian is not null) return debian;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').FirstOrDefault(p => File.Exists(Path.Combine(p, "initdb")));
    }

    static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    void Run(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(_asNobody && exe != "chown" ? "runuser" : exe)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Dir,
        };
        if (_asNobody && exe != "chown") { psi.ArgumentList.Add("-u"); psi.ArgumentList.Add("nobody"); psi.ArgumentList.Add("--"); psi.ArgumentList.Add(exe); }
        else if (exe == "chown") { psi.ArgumentList.Add("-R"); }
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException(exe + " did not finish"); }
        if (p.ExitCode != 0)
        {
            var log = Path.Combine(Dir, "server.log");
            throw new InvalidOperationException($"{exe} failed ({p.ExitCode}): {err.Result} {output.Result} {(File.Exists(log) ? File.ReadAllText(log) : "")}");
        }
    }

    public void Dispose()
    {
        try { Run(Path.Combine(_bin, "pg_ctl"), "-D", _data, "-m", "immediate", "-w", "stop"); }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException) { }
        try { Directory.Delete(Dir, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}

/// <summary>Test classes that need the cluster join this collection: one cluster per test run.</summary>
[CollectionDefinition(Name)]
public sealed class PgCollection : ICollectionFixture<PgCluster>
{
    public const string Name = "postgres";
}
