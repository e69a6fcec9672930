using Jixiao.Store.Postgres;

namespace Jixiao.Cli.Import;

/// <summary>
/// The files an importer works on when it shares an import with others through a PostgreSQL archive: its
/// list is registered as claims, then handed out a few at a time as this importer wins them. When none is
/// left to win but some are still held by other importers, it waits: if one of them dies, its lease runs out
/// and this importer takes its files over. The lease of everything held is renewed in the background.
/// </summary>
internal sealed class ClaimedFiles : IDisposable
{
    readonly PgClaims _claims;
    readonly string[] _mine;
    readonly Timer _renew;
    readonly HashSet<string> _containers = new(StringComparer.Ordinal);
    readonly Action<string>? _log;

    /// <summary>Files claimed per round trip: enough to keep the workers busy, few enough to share out evenly.</summary>
    public int ClaimSize { get; init; } = 4;

    public ClaimedFiles(PgClaims claims, IReadOnlyList<string> files, DateTime? redoDoneBefore, Action<string>? log = null)
    {
        _claims = claims;
        _log = log;
        _mine = files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        claims.Register(_mine, redoDoneBefore);
        var every = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(200).Ticks, claims.Lease.Ticks / 3));
        _renew = new Timer(_ => Renew(), null, every, every);
    }

    void Renew()
    {
        try { _claims.Renew(); }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            _log?.Invoke("could not renew the claims' lease: " + e.Message.ReplaceLineEndings(" "));
        }
    }

    /// <summary>The claimed files, in claim order, until every file of the list is done (by anyone).</summary>
    public IEnumerable<string> Files(CancellationToken cancel)
    {
        const int window = 2000;
        while (!cancel.IsCancellationRequested)
        {
            bool any = false;
            for (int at = 0; at < _mine.Length && !cancel.IsCancellationRequested; at += window)
            {
                var part = _mine.AsSpan(at, Math.Min(window, _mine.Length - at)).ToArray();
                while (!cancel.IsCancellationRequested)
                {
                    var got = _claims.Claim(ClaimSize, part);
                    if (got.Count == 0) break;
                    any = true;
                    foreach (var f in got)
                    {
                        if (Store.ZipSource.IsZip(f)) lock (_containers) _containers.Add(f);
                        yield return f;
                    }
                }
            }
            if (any) continue;
            // Nothing to win: done, unless other importers still hold some (alive, or dead with a lease to run out).
            if (_claims.HeldByOthers(_mine) == 0) yield break;
            cancel.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(Math.Clamp(_claims.Lease.TotalMilliseconds / 4, 100, 2000)));
        }
    }

    /// <summary>Marks files done that no document write marks: unchanged files and (at the end) zip archives.</summary>
    public void Complete(IReadOnlyCollection<string> paths) => _claims.Complete(paths);

    /// <summary>Zip archives are done once all their entries are written: at the end of the run.</summary>
    public void CompleteContainers()
    {
        string[] zips;
        lock (_containers) zips = _containers.ToArray();
        _claims.Complete(zips);
    }

    public void Dispose() => _renew.Dispose();
}
