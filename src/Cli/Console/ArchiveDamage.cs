using System.Text;

namespace Jixiao.Cli.ConsoleOutput;

/// <summary>
/// A damaged archive (truncated, a flipped bit, a zeroed page) makes LiteDB throw from deep inside a query:
/// LiteException, an invalid cast of a field that is no longer what it was, undecodable text. Every command
/// turns those into one line naming the damage and the way out, instead of a stack trace.
/// </summary>
internal static class ArchiveDamage
{
    /// <summary>True for what LiteDB throws on a damaged file: its own errors, or any exception from inside it
    /// (invalid casts, undecodable UTF-8, "not implemented" for a page type it does not know).</summary>
    public static bool IsDamage(Exception e) => e is LiteDB.LiteException
        || e is not (OperationCanceledException or OutOfMemoryException) && (e.StackTrace ?? "").Contains(" LiteDB.", StringComparison.Ordinal);

    public static string Describe(Exception e, string? db) =>
        $"jixiao: the archive {(db is null ? "" : Path.GetFullPath(db) + " ")}is damaged and cannot be read " +
        $"({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}); `jixiao verify` lists the damage, `jixiao rebuild` re-creates it from its sources";
}
