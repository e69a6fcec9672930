using Npgsql;

namespace Jixiao.Store.Postgres;

/// <summary>
/// A PostgreSQL archive named on the command line or in JIXIAO_DB: a URL (<c>postgres://user@host:5432/db?sslmode=require</c>)
/// or a key=value connection string (<c>Host=db;Database=jixiao;Username=…</c>). Credentials come only from
/// there or from libpq's environment (PGPASSWORD, PGPASSFILE, which Npgsql reads itself); <see cref="Display"/>
/// never shows a password, so messages and logs can print it. TLS options (sslmode, sslrootcert, sslcert,
/// sslkey) are passed through to Npgsql unchanged in meaning.
/// </summary>
public sealed class PgTarget
{
    public NpgsqlConnectionStringBuilder Builder { get; }

    PgTarget(NpgsqlConnectionStringBuilder builder) => Builder = builder;

    /// <summary>True when <paramref name="db"/> names a PostgreSQL archive rather than a LiteDB file.</summary>
    public static bool Matches(string? db)
    {
        if (string.IsNullOrWhiteSpace(db)) return false;
        if (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)) return true;
        // key=value form: at least one '=' and a host or database keyword (a file name with '=' in it is unlikely to have both).
        return db.Contains('=') && db.Split(';').Any(p => p.Split('=')[0].Trim().ToLowerInvariant() is "host" or "server" or "database" or "db");
    }

    /// <summary>Reads a URL or key=value string; throws <see cref="FormatException"/> with a one-line reason.</summary>
    public static PgTarget Parse(string db)
    {
        NpgsqlConnectionStringBuilder b;
        try
        {
            b = db.Contains("://") ? FromUrl(db) : new NpgsqlConnectionStringBuilder(db);
        }
        catch (ArgumentException e)
        {
            throw new FormatException("bad PostgreSQL connection string: " + e.Message.ReplaceLineEndings(" "));
        }
        if (string.IsNullOrEmpty(b.ApplicationName)) b.ApplicationName = "jixiao";
        if (b.Timeout == 15) b.Timeout = 10;
        // Many importers at once each hold a connection or two: keep the pool small by default.
        if (b.MaxPoolSize == 100) b.MaxPoolSize = 8;
        // The archive's queries are index walks that stop after a page of rows, but a large row estimate makes
        // the server JIT-compile them first (measured: 16.5 ms of compiling, more than a whole search should
        // take). A DBA's own -c jit=… wins.
        if (!(b.Options ?? "").Contains("jit", StringComparison.OrdinalIgnoreCase)) b.Options = ((b.Options ?? "") + " -c jit=off").Trim();
        return new PgTarget(b);
    }

    static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        var u = new Uri(url);
        var b = new NpgsqlConnectionStringBuilder();
        if (u.Host.Length > 0) b.Host = Uri.UnescapeDataString(u.Host);
        if (u.Port > 0) b.Port = u.Port;
        var db = Uri.UnescapeDataString(u.AbsolutePath.TrimStart('/'));
        if (db.Length > 0) b.Database = db;
        if (u.UserInfo.Length > 0)
        {
            var parts = u.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in u.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "";
            // libpq's URL parameter names mapped onto Npgsql's; anything else is handed to Npgsql as it is.
            var name = key.ToLowerInvariant() switch
            {
                "sslmode" => "SSL Mode",
                "sslrootcert" => "Root Certificate",
                "sslcert" => "SSL Certificate",
                "sslkey" => "SSL Key",
                "sslpassword" => "SSL Password",
                "connect_timeout" => "Timeout",
                "application_name" => "Application Name",
                "host" => "Host",
                "port" => "Port",
                "user" => "Username",
                "password" => "Password",
                "dbname" => "Database",
                "target_session_attrs" => "Target Session Attributes",
                _ => key,
            };
            // libpq spells the modes verify-full / verify-ca, Npgsql VerifyFull / VerifyCA.
            if (name == "SSL Mode") value = value.Replace("-", "");
            b[name] = value;
        }
        return b;
    }

    /// <summary>Where the archive is, for messages: postgresql://user@host:port/database, without the password.</summary>
    public string Display => $"postgresql://{(string.IsNullOrEmpty(Builder.Username) ? "" : Builder.Username + "@")}{Builder.Host}:{Builder.Port}/{Builder.Database}";

    public NpgsqlDataSource OpenDataSource() => NpgsqlDataSource.Create(Builder.ConnectionString);
}
