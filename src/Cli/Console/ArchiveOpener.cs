using System.CommandLine;
using Jixiao.Store;

namespace Jixiao.Cli.ConsoleOutput;

/// <summary>Opens the archive named by the global --db option for the read-only commands.</summary>
internal static class ArchiveOpener
{
    /// <summary>The archive, or null after telling the user there is none (exit code 1).</summary>
    public static Archive? OpenForReading(ParseResult pr)
    {
        var path = pr.GetValue(GlobalOptions.Db) ?? Archive.DefaultPath;
        var archive = Guard(path, () => Archive.OpenExisting(path));
        if (archive is null && File.Exists(path)) return null;
        if (archive is null) Console.Error.WriteLine($"jixiao: no archive at {Path.GetFullPath(path)} (run `jixiao import` first, or pass --db)");
        return archive;
    }

    /// <summary>Opens an existing archive read-only; null (after a message) when it cannot be read.</summary>
    public static Archive? OpenExisting(string path) => Guard(path, () => Archive.OpenExisting(path));

    /// <summary>Opens for writing; null after a one-line message when the file is not a usable archive.</summary>
    public static Archive? OpenForWriting(string path) => Guard(path, () => Archive.Open(path));

    /// <summary>A damaged, foreign or locked file gives one line, not a stack trace.</summary>
    static Archive? Guard(string path, Func<Archive?> open)
    {
        try
        {
            return open();
        }
        catch (Exception e) when (e is LiteDB.LiteException or IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException or InvalidDataException)
        {
            var cause = ArchiveWriteException.From(e)?.Message ?? e.Message; // disk full / read-only: say so
            Console.Error.WriteLine($"jixiao: cannot open archive {Path.GetFullPath(path)}: {cause.ReplaceLineEndings(" ")}");
            return null;
        }
    }
}
