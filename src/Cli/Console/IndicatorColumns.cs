using Jixiao.Extract;

namespace Jixiao.Cli.ConsoleOutput;

/// <summary>The indicator columns people read (show, report), and which of them a set of rows fills.</summary>
internal static class IndicatorColumns
{
    public static readonly (string Head, Func<Indicator, string?> Get)[] All =
    {
        ("scope", i => i.Scope), ("level1", i => i.Level1), ("level2", i => i.Level2), ("level3", i => i.Level3),
        ("target", i => i.Target),
        ("history", i => i.History.Count == 0 ? null : string.Join(" ", i.History.Select(kv => $"{kv.Key}:{kv.Value}"))),
        ("actual", i => i.Actual), ("weight", i => i.Weight), ("score", i => i.Score), ("basis", i => i.Basis),
        ("category", i => i.Category), ("deviation", i => i.Deviation),
        // Last, and only where some row is flagged: why a value is not to be taken as fact.
        ("review", i => i.Review ? string.Join("; ", i.ReviewReasons is { Count: > 0 } r ? r : new List<string> { "review" }) : null),
    };

    /// <summary>Only the columns these rows fill: a target form has no score column.</summary>
    public static (string Head, Func<Indicator, string?> Get)[] Used(IReadOnlyCollection<Indicator> rows) =>
        All.Where(c => rows.Any(r => !string.IsNullOrEmpty(c.Get(r)))).ToArray();
}
