using System.CommandLine;
using Jixiao.Store;
using Jixiao.Store.Postgres;

namespace Jixiao.Cli.ConsoleOutput;

/// <summary>
/// Opens the archive named by the global --db option (or JIXIAO_DB): a LiteDB file, or a PostgreSQL database
/// given as postgres://… / postgresql://… or a key=value connection string (<see cref="PgTarget"/>).
/// Every failure is one line on stderr and a null archive (exit code 1), never a stack trace.
/// </summary>
internal static class ArchiveOpener
{
    /// <summary>The archive, or null after telling the user there is none (exit code 1).</summary>
    public static IArchive? OpenForReading(ParseResult pr)
    {
        var db = pr.GetValue(GlobalOptions.Db) ?? Archive.DefaultPath;
        if (PgTarget.Matches(db)) return OpenExisting(db);
        var archive = OpenExisting(db);
        if (archive is null && File.Exists(db)) return null;
        if (archive is null) Console.Error.WriteLine($"jixiao: no archive at {Path.GetFullPath(db)} (run `jixiao import` first, or pass --db)");
        return archive;
    }

    /// <summary>Opens an existing archive read-only; null (after a message) when it cannot be read.</summary>
    public static IArchive? OpenExisting(string db) =>
        PgTarget.Matches(db) ? Guard(db, () => PgArchive.OpenExisting(db)) : Guard(db, () => Archive.OpenExisting(db));

    /// <summary>Opens for writing (a PostgreSQL schema is created or upgraded); null after a one-line message.</summary>
    public static IArchive? OpenForWriting(string db) =>
        PgTarget.Matches(db) ? Guard(db, () => PgArchive.Open(db)) : Guard(db, () => Archive.Open(db));

    /// <summary>A damaged, foreign, locked or unreachable archive gives one line, not a stack trace.</summary>
    static IArchive? Guard(string db, Func<IArchive?> open)
    {
        try
        {
            return open();
        }
        catch (Exception e) when (e is PgArchiveException or FormatException)
        {
            Console.Error.WriteLine($"jixiao: cannot open archive: {e.Message.ReplaceLineEndings(" ")}");
            return null;
        }
        catch (Exception e) when (e is LiteDB.LiteException or IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException or InvalidDataException)
        {
            var cause = ArchiveWriteException.From(e)?.Message ?? e.Message; // disk full / read-only: say so
            Console.Error.WriteLine($"jixiao: cannot open archive {Path.GetFullPath(db)}: {cause.ReplaceLineEndings(" ")}");
            return null;
        }
    }

    /// <summary>True when the archive is in PostgreSQL (the importers share their files through it).</summary>
    public static bool IsShared(string db) => PgTarget.Matches(db);
}
