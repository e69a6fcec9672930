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

    /// <summary>Optimal string alignment distance (Levenshtein plus transposition of neighbours).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
