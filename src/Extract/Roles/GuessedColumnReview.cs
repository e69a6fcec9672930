namespace Jixiao.Extract;

/// <summary>
/// An indicator's values read from a column whose header the vocabulary did not know are the rules' or the model's
/// reading of that column, not what a header said: each such value is flagged for review with the column's doubt
/// (`column 年末实现情况 read as actual from its contents`), so search and the report do not take it as fact until a
/// person has looked. A row with no value in a guessed column is not flagged.
/// </summary>
internal static class GuessedColumnReview
{
    public static void Apply(IndicatorTable table, Indicator ind)
    {
        foreach (var doubt in table.GuessedColumns)
            if (ValueIn(ind, doubt.Role) is { Length: > 0 }) ind.FlagForReview(doubt.Reason);
    }

    /// <summary>The indicator's value of a column role (level roles name the hierarchy; a combined column fills all three).</summary>
    static string? ValueIn(Indicator ind, string role) => role switch
    {
        // A comparator or unit column is written into the target (≥ | 15 | 次 → ≥15次).
        "target" or "comparator" or "comparatorIfSign" or "unit" => ind.Target,
        "actual" => ind.Actual,
        "weight" => ind.Weight,
        "score" => ind.Score,
        "deviation" => ind.Deviation,
        "basis" => ind.Basis,
        "category" => ind.Category,
        "level1" => ind.Level1,
        "level2" => ind.Level2,
        "level3" => ind.Level3,
        "combined" => ind.Level3 ?? ind.Level2 ?? ind.Level1,
        _ when role is "prev1" or "prev2" || role.StartsWith("year:") => ind.History.Count > 0 ? "history" : null,
        _ => null,
    };
}
