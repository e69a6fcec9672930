using System.CommandLine;

namespace Jixiao.Cli.ConsoleOutput;

/// <summary>"Did you mean": the subcommands within a small edit distance of a mistyped one.</summary>
internal static class CommandSuggestion
{
    public static IReadOnlyList<string> For(string typed, IEnumerable<string> commands)
    {
        var t = typed.ToLowerInvariant();
        // One edit per three letters, at least one: `searh` → search, `imprt` → import, `x` → nothing.
        int limit = Math.Max(1, t.Length / 3);
        return commands.Select(c => (c, d: Distance(t, c)))
            .Where(x => x.d <= limit || (t.Length >= 3 && x.c.StartsWith(t, StringComparison.Ordinal)))
            .OrderBy(x => x.d).ThenBy(x => x.c, StringComparer.Ordinal).Select(x => x.c).ToList();
    }

    public static IReadOnlyList<string> For(string typed, Command root) =>
        For(typed, root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));

    /// <summary>Optimal string alignment distance (Levenshtein plus transposition of neighbours: `reoprt`).</summary>
    public static int Distance(string a, string b) => Extract.EditDistance.Between(a, b, swapsCountOnce: true);
}
