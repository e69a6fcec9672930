using Npgsql;

namespace Jixiao.Store.Postgres;

/// <summary>
/// Divides one import between many importers (processes, machines, Kubernetes pods, Slurm tasks) through
/// the database, with no coordinator: every importer registers the files it was given (a row per path,
/// with a stamp of size and modification time), then repeatedly claims a few pending rows with
/// <c>SELECT … FOR UPDATE SKIP LOCKED</c> (never two importers on one row) under a lease that it renews
/// while it works. A killed importer stops renewing; when its lease runs out its rows are claimed again
/// by the others. The archive marks a row done in the same transaction that stores its file.
/// </summary>
public sealed class PgClaims
{
    readonly NpgsqlDataSource _ds;
    readonly TimeSpan _lease;

    /// <summary>Who holds a claim: host, process and a random part (a restarted pod reuses host and pid).</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    internal PgClaims(NpgsqlDataSource ds, TimeSpan lease)
    {
        _ds = ds;
        _lease = lease;
    }

    public TimeSpan Lease => _lease;

    /// <summary>
    /// Adds the files to the claims table. A file whose stamp changed since it was done is pending again;
    /// with <paramref name="redoDoneBefore"/> (--force, --retry-failed) so is every file done before that time.
    /// </summary>
    public void Register(IReadOnlyList<string> paths, DateTime? redoDoneBefore = null)
    {
        using var c = _ds.OpenConnection();
        const int chunk = 5000;
        for (int at = 0; at < paths.Count; at += chunk)
        {
            var part = paths.Skip(at).Take(chunk).Order(StringComparer.Ordinal).ToArray();
            using var cmd = new NpgsqlCommand("""
                INSERT INTO claims (path, stamp) SELECT p, s FROM unnest(@p, @s) AS x(p, s)
                ON CONFLICT (path) DO UPDATE SET stamp = excluded.stamp, state = 'pending', owner = NULL, lease_until = NULL
                WHERE claims.state = 'done' AND (claims.stamp <> excluded.stamp OR claims.done_at < @redo)
                """, c);
            cmd.Parameters.AddWithValue("p", part);
            cmd.Parameters.AddWithValue("s", part.Select(Stamp).ToArray());
            cmd.Parameters.AddWithValue("redo", redoDoneBefore is DateTime t ? t.ToUniversalTime() : DateTime.MinValue.ToUniversalTime());
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Size and modification time: cheap to read on every importer, changes when the file does.</summary>
    static string Stamp(string path)
    {
        var f = new FileInfo(path);
        return f.Exists ? $"{f.Length}:{f.LastWriteTimeUtc.Ticks}" : "missing";
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> of <paramref name="mine"/>: pending rows, or rows whose lease ran
    /// out (their importer died). Rows other importers hold are skipped, not waited for.
    /// </summary>
    public IReadOnlyList<string> Claim(int max, IReadOnlyCollection<string> mine)
    {
        using var c = _ds.OpenConnection();
        using var cmd = new NpgsqlCommand("""
            UPDATE claims SET state = 'claimed', owner = @o, lease_until = now() + @lease
            WHERE path IN (
                SELECT path FROM claims
                WHERE path = ANY(@mine) AND (state = 'pending' OR (state = 'claimed' AND lease_until < now()))
                ORDER BY path LIMIT @max FOR UPDATE SKIP LOCKED)
            RETURNING path
            """, c);
        cmd.Parameters.AddWithValue("o", Owner);
        cmd.Parameters.AddWithValue("lease", _lease);
        cmd.Parameters.AddWithValue("mine", mine as string[] ?? mine.ToArray());
        cmd.Parameters.AddWithValue("max", max);
        var list = new List<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(r.GetString(0));
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    /// <summary>Files of <paramref name="mine"/> still held by a live lease of another importer.</summary>
    public int HeldByOthers(IReadOnlyCollection<string> mine)
    {
        using var c = _ds.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT count(*) FROM claims WHERE path = ANY(@mine) AND state = 'claimed' AND owner <> @o AND lease_until >= now()", c);
        cmd.Parameters.AddWithValue("mine", mine as string[] ?? mine.ToArray());
        cmd.Parameters.AddWithValue("o", Owner);
        return (int)(long)cmd.ExecuteScalar()!;
    }

    /// <summary>Extends the lease of every row this importer holds.</summary>
    public void Renew()
    {
        using var c = _ds.OpenConnection();
        using var cmd = new NpgsqlCommand("UPDATE claims SET lease_until = now() + @lease WHERE owner = @o AND state = 'claimed'", c);
        cmd.Parameters.AddWithValue("lease", _lease);
        cmd.Parameters.AddWithValue("o", Owner);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Marks rows done that no document write covers: unchanged files, zip archives (their entries are the documents).</summary>
    public void Complete(IReadOnlyCollection<string> paths)
    {
        if (paths.Count == 0) return;
        using var c = _ds.OpenConnection();
        using var cmd = new NpgsqlCommand("UPDATE claims SET state = 'done', done_at = now(), owner = NULL, lease_until = NULL WHERE path = ANY(@p) AND owner = @o", c);
        cmd.Parameters.AddWithValue("p", paths as string[] ?? paths.ToArray());
        cmd.Parameters.AddWithValue("o", Owner);
        cmd.ExecuteNonQuery();
    }
}
