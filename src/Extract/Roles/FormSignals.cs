using System.Text.Json.Nodes;

namespace Jixiao.Extract;

/// <summary>
/// What a form's kind is read from when its title does not say: the title's words, the header labels,
/// the money columns and goal labels, and which indicator attributes the form fills (self-evaluations
/// have actuals and scores; department forms have history). Built from a gold form for training and from
/// a form being read for prediction, so both go through the same features.
/// </summary>
internal sealed record FormSignals(
    string? Title, IReadOnlyList<string> FieldLabels, IReadOnlyList<string> BudgetColumns, IReadOnlyList<string> GoalLabels,
    IReadOnlyList<Indicator> Indicators, bool HasProject, bool HasDepartment, int Projects)
{
    const int TitleBuckets = 128, FieldBuckets = 128, BlockBuckets = 64, LevelBuckets = 64, Dense = 14;
    public const int Length = TitleBuckets + FieldBuckets + BlockBuckets + LevelBuckets + Dense;

    public static FormSignals Of(FormDraft draft)
    {
        var f = draft.Form;
        return new FormSignals(f.Title, f.Fields.Keys.ToList(), f.Budget.Select(b => b.Column ?? b.Item).ToList(), f.Goals.Select(g => g.Label).ToList(),
            draft.IndicatorTables.SelectMany(t => t.Rows).Select(r => WithHistory(r)).ToList(), f.Project is not null, f.Department is not null, f.Projects.Count);
    }

    static Indicator WithHistory(IndicatorRow row)
    {
        if (row.RawHistory.Count == 0 || row.Indicator.History.Count > 0) return row.Indicator;
        var copy = new Indicator { Level1 = row.Indicator.Level1, Level2 = row.Indicator.Level2, Level3 = row.Indicator.Level3, Target = row.Indicator.Target, Actual = row.Indicator.Actual, Weight = row.Indicator.Weight, Score = row.Indicator.Score };
        foreach (var k in row.RawHistory.Keys) copy.History[k] = row.RawHistory[k];
        return copy;
    }

    public static FormSignals Of(JsonNode form, bool withTitle)
    {
        string? S(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var indicators = (form["indicators"]?.AsArray() ?? new JsonArray()).Where(i => i is not null).Select(i =>
        {
            var ind = new Indicator { Level1 = S(i!["level1"]), Level2 = S(i["level2"]), Level3 = S(i["level3"]), Target = S(i["target"]), Actual = S(i["actual"]), Weight = S(i["weight"]), Score = S(i["score"]) };
            if (i["history"] is JsonObject h) foreach (var (k, v) in h) if (S(v) is { } s) ind.History[k] = s;
            return ind;
        }).ToList();
        return new FormSignals(withTitle ? S(form["title"]) : null,
            (form["fields"] as JsonObject)?.Select(p => p.Key).ToList() ?? new List<string>(),
            (form["budget"]?.AsArray() ?? new JsonArray()).Select(b => S(b?["column"]) ?? S(b?["item"]) ?? "").ToList(),
            (form["goals"]?.AsArray() ?? new JsonArray()).Select(g => S(g?["label"]) ?? "").ToList(),
            indicators, S(form["project"]) is not null, S(form["department"]) is not null, form["projects"]?.AsArray().Count ?? 0);
    }

    public float[] Features()
    {
        var f = new float[Length];
        int o = 0;
        Hashing.Grams(TextNorm.Label(Title ?? ""), 2, f.AsSpan(o, TitleBuckets)); o += TitleBuckets;
        foreach (var l in FieldLabels) Hashing.Grams(TextNorm.Label(l), 2, f.AsSpan(o, FieldBuckets));
        o += FieldBuckets;
        foreach (var l in BudgetColumns.Concat(GoalLabels)) Hashing.Grams(TextNorm.Label(l), 2, f.AsSpan(o, BlockBuckets));
        o += BlockBuckets;
        foreach (var l in Indicators.Select(i => i.Level1 ?? "").Distinct()) Hashing.Grams(TextNorm.Label(l), 2, f.AsSpan(o, LevelBuckets));
        o += LevelBuckets;
        float n = Math.Max(1, Indicators.Count);
        var v = Vocab.Instance;
        f[o++] = HasProject ? 1 : 0;
        f[o++] = HasDepartment ? 1 : 0;
        f[o++] = Projects > 0 ? 1 : 0;
        f[o++] = MathF.Log(1 + Indicators.Count);
        f[o++] = Indicators.Count(i => i.Actual is not null) / n;
        f[o++] = Indicators.Count(i => i.Score is not null) / n;
        f[o++] = Indicators.Count(i => i.Weight is not null) / n;
        f[o++] = Indicators.Count(i => i.History.Count > 0) / n;
        f[o++] = Indicators.Count(i => i.Target is not null) / n;
        f[o++] = Indicators.Count(i => i.Level1 is { } l && (Array.IndexOf(v.Level1, TextNorm.Label(l)) >= 0 || v.Level2ToLevel1.ContainsKey(TextNorm.Label(l)))) / n;
        f[o++] = GoalLabels.Contains(GoalLabel.Achieved) ? 1 : 0;
        f[o++] = MathF.Log(1 + BudgetColumns.Count);
        f[o++] = MathF.Log(1 + FieldLabels.Count);
        f[o++] = Title is null ? 0 : 1;
        return f;
    }
}
