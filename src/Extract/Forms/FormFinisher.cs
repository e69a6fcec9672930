namespace Jixiao.Extract;

/// <summary>
/// What can only be decided once a whole form is read: year, kind, scope, history years, the canonical
/// hierarchy, and the form's confidence.
/// </summary>
internal static class FormFinisher
{
    public static Form Finish(FormDraft draft, bool fromOcr, int? documentYear = null, IRoleOracle? oracle = null, double? ocrConfidence = null)
    {
        var form = draft.Form;
        form.Year ??= TitleRules.YearOf(form.Title);
        if (form.Year is null && draft.ColumnYears.Count > 0) form.Year = draft.ColumnYears.Max() + 1;
        if (form.Year is null && draft.DateYears.Count > 0 && draft.DateYears.All(y => y == draft.DateYears[0])) form.Year = draft.DateYears[0];
        if (form.Year is null && draft.TextYears.Count > 0) form.Year = draft.TextYears[0];
        form.Year ??= documentYear;
        form.Year ??= YearOfAnnualGoal(form);
        // Rules first (the title, then what the form holds); the model only where neither decides.
        form.Kind = TitleRules.KindFromTitle(form.Title) ?? KindFromContent(draft) ?? KindFromModel(draft, oracle) ?? FormKind.Other;
        if (form.Title is not null) form.Title = form.Title.Trim();
        if (form.Project is null && form.Kind is FormKind.ProjectTarget or FormKind.ProjectSelfEval) form.Project = TitleRules.ProjectOfTitle(form.Title);

        if (fromOcr)
        {
            // Before the taxonomy, so that misread level names still find their canonical parents.
            OcrRepair.Apply(form);
            foreach (var row in draft.IndicatorTables.SelectMany(t => t.Rows)) OcrRepair.Apply(row.Indicator);
        }
        double readCertainty = OcrFactor(fromOcr, ocrConfidence);
        bool both = draft.IndicatorTables.Any(t => t.ScopeHint == Scope.LongTerm) && draft.IndicatorTables.Any(t => t.ScopeHint == Scope.Annual);
        foreach (var table in draft.IndicatorTables)
            foreach (var row in table.Rows)
            {
                var ind = row.Indicator;
                ind.Scope = both ? table.ScopeHint : null;
                foreach (var (key, value) in row.RawHistory) PutHistory(form, ind, key, value);
                Hierarchy.Apply(form, table, ind);
                ind.TargetParsed = ValueParser.Parse(ind.Target);
                // A row without a name or without any value was read, but is worth less to an analyst.
                double complete = ind.Level3 is not null && (ind.Target ?? ind.Actual) is not null ? 1 : 0.6;
                ind.Confidence = Math.Round(readCertainty * table.ModelCertainty * complete, 2);
                GuessedColumnReview.Apply(table, ind);
                form.Indicators.Add(ind);
            }
        Plausibility.Check(form);
        NameCanonicalizer.Apply(form);
        form.Confidence = Math.Round(Confidence(form, fromOcr, ocrConfidence) * draft.ModelCertainty, 2);
        form.NeedsReview = fromOcr || form.Indicators.Count == 0 && form.Budget.Count == 0 || form.Confidence < ReviewBelow;
        return form;
    }

    static void PutHistory(Form form, Indicator ind, string key, string value)
    {
        int? year = key switch
        {
            "prev2" => form.Year - 2,
            "prev1" => form.Year - 1,
            _ when key.StartsWith("year:") => int.Parse(key[5..]),
            _ => null,
        };
        if (year is null) return;
        if (year == form.Year) ind.Target ??= value;
        else ind.History[year.Value.ToString()] = value;
    }

    /// <summary>Forms whose confidence (rules × model) falls below this are flagged for review.</summary>
    public const double ReviewBelow = 0.45;

    /// <summary>The form-kind model, asked only when the title does not decide; its probability lowers the form's certainty.</summary>
    static string? KindFromModel(FormDraft draft, IRoleOracle? oracle)
    {
        if (oracle?.FormKind(FormSignals.Of(draft)) is not { } guess) return null;
        draft.ModelCertainty *= guess.Probability;
        return guess.Value;
    }

    static string? KindFromContent(FormDraft draft)
    {
        var f = draft.Form;
        // Called before the indicators move into the form: the draft's tables hold them.
        bool self = draft.IndicatorTables.SelectMany(t => t.Rows).Any(r => r.Indicator.Actual is not null)
                    || f.Goals.Any(g => g.Label == GoalLabel.Achieved);
        if (f.Project is null && f.Department is not null && (f.Projects.Count > 0 || draft.IndicatorTables.Count > 0))
            return self ? FormKind.DepartmentSelfEval : FormKind.DepartmentTarget;
        if (f.Project is not null) return self ? FormKind.ProjectSelfEval : FormKind.ProjectTarget;
        return null;
    }

    /// <summary>A rough 0..1 score: indicators with a name and a value, budget found, key fields set.</summary>
    static double Confidence(Form form, bool fromOcr, double? ocrConfidence)
    {
        double score = 0.4;
        if (form.Project is not null || form.Department is not null) score += 0.2;
        if (form.Year is not null) score += 0.1;
        if (form.Indicators.Count > 0)
            score += 0.3 * form.Indicators.Count(i => i.Level3 is not null && (i.Target ?? i.Actual) is not null) / form.Indicators.Count;
        return Math.Min(1, score * OcrFactor(fromOcr, ocrConfidence));
    }

    /// <summary>
    /// An OCR form is worth what its words are: the parser's mean word confidence (0..100) scales it, so a
    /// clean scan ranks above one read through a seal; 0.7 when the parser gave none; 1 for a text layer.
    /// </summary>
    /// <summary>
    /// Last resort for the year (spec: "else from the text"): the one year the form's 年度目标 names of itself
    /// (`拟开展 2022 年…大赛活动`), cited documents removed. A goal that names several years says nothing certain.
    /// After the book and the file name, because a goal's text more often cites another year than the form's own.
    /// </summary>
    static int? YearOfAnnualGoal(Form form)
    {
        var years = form.Goals.Where(g => g.Label == GoalLabel.Annual)
                              .SelectMany(g => TitleRules.OwnYearsOf(g.Text)).Distinct().ToList();
        return years.Count == 1 ? years[0] : null;
    }

    static double OcrFactor(bool fromOcr, double? ocrConfidence) =>
        !fromOcr ? 1 : ocrConfidence is double c ? Math.Clamp(c / 100, 0.1, 0.8) : 0.7;
}
