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
        var archive = Archive.OpenExisting(path);
        if (archive is null) Console.Error.WriteLine($"jixiao: no archive at {Path.GetFullPath(path)} (run `jixiao import` first, or pass --db)");
        return archive;
    }
}
