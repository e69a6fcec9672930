namespace Jixiao.Extract;

/// <summary>
/// Columns of an indicator table whose header label the vocabulary does not know (a regional synonym, a typo, an
/// OCR misreading): the rules first read their role from what they hold and where they stand
/// (<see cref="ColumnContents"/>); the oracle reads the cells of those left and may give them a role no known column
/// has. Known columns are never touched.
/// </summary>
internal static class UnknownColumns
{
    static readonly string[] LevelRoles = { "level1", "level2", "level3", "combined" };

    /// <returns>The product of the probabilities of the roles the model gave (1 when it gave none), and one doubt per
    /// column given a role here: its values are read under a role no header named, so they are flagged for review
    /// (<see cref="GuessedColumnReview"/>) rather than stored as fact.</returns>
    public static (double Certainty, List<ColumnDoubt> Doubts) Resolve(Dictionary<int, string?> roles, Dictionary<int, string> labels, List<Line> lines, int firstData,
        Func<Line, bool> stop, Func<string, bool> isLead, IRoleOracle oracle, FormDraft draft)
    {
        var unknown = labels.Where(p => roles[p.Key] is null && p.Value.Length > 0 && !isLead(p.Value)).Select(p => p.Key).Order().ToList();
        var doubts = new List<ColumnDoubt>();
        if (unknown.Count == 0 || firstData >= lines.Count || lines[firstData].IsParagraph) return (1, doubts);
        var table = TableView.Containing(lines, firstData, out int row);
        var rows = new List<int>();
        for (int r = row; r < table.Rows.Count; r++)
        {
            if (r > row && stop(table.Rows[r])) break;
            rows.Add(r);
        }
        // The rules read what the column holds first; the model is asked about the columns they leave.
        var kind = TitleRules.KindFromTitle(draft.Form.Title);
        ColumnContents.Resolve(roles, unknown, table, rows, selfEvaluation: kind is not (FormKind.DepartmentTarget or FormKind.ProjectTarget or FormKind.TransferTarget));
        foreach (var col in unknown.Where(c => roles[c] is not null))
            doubts.Add(new ColumnDoubt(roles[col]!, $"column {labels[col]} read as {roles[col]} from its contents"));
        unknown = unknown.Where(c => roles[c] is null).ToList();
        if (unknown.Count == 0 || oracle is RulesOnlyOracle) return (1, doubts);
        double certainty = 1;
        var taken = roles.Values.Where(v => v is not null).Select(v => v!).ToHashSet();
        // A hierarchy the rules read from known level columns is whole: a guessed level column beside it would
        // change its depth (a task column read as level3 took the names of a two-level department table).
        if (taken.Overlaps(LevelRoles)) taken.UnionWith(LevelRoles);
        foreach (var col in unknown)
        {
            if (oracle.IndicatorColumn(table, rows, col, taken) is not { } guess) continue;
            roles[col] = guess.Value;
            taken.Add(guess.Value);
            draft.ModelCertainty *= guess.Probability;
            certainty *= guess.Probability;
            doubts.Add(new ColumnDoubt(guess.Value, $"column {labels[col]} read as {guess.Value} by the model (p {guess.Probability:0.00})"));
        }
        return (certainty, doubts);
    }
}

/// <summary>A column whose role no header label named: the role given, and why, as the review reason of its values.</summary>
internal sealed record ColumnDoubt(string Role, string Reason);
