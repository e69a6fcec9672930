namespace Jixiao.Extract;

/// <summary>
/// Answers the readers from the trained models: a column's role is the vote (mean probability) of the
/// cell-role model over the column's cells; a form's kind is the form-kind model's best class. Answers
/// below <see cref="MinProbability"/> are withheld so the rules' fallback stands.
/// </summary>
internal sealed class ModelOracle : IRoleOracle
{
    public const double MinProbability = 0.5;
    const int MaxCells = 40;

    readonly RoleModels _models;

    public ModelOracle(RoleModels models) => _models = models;

    public Guess? IndicatorColumn(TableView table, IReadOnlyList<int> rows, int col, IReadOnlySet<string> taken)
    {
        var features = new CellFeatures(table);
        var sum = new double[CellRoles.Count];
        int n = 0;
        foreach (var r in rows)
        {
            var cell = table.At(r, col);
            if (cell is null || cell.IsEmpty || cell.Col != col || TextNorm.Value(cell.Raw) is null) continue;
            // The header is unknown by definition here: read the column both with it and without it.
            var f = features.Of(r, cell);
            var p = _models.Roles.Predict(f);
            var q = _models.Roles.Predict(CellFeatures.WithoutHeader(f));
            for (int k = 0; k < p.Length; k++) sum[k] += (p[k] + q[k]) / 2;
            if (++n >= MaxCells) break;
        }
        if (n == 0) return null;
        Guess? best = null;
        for (int k = 0; k < sum.Length; k++)
        {
            var role = CellRoles.ColumnRole((CellRole)k);
            if (role is null || taken.Contains(role)) continue;
            var p = sum[k] / n;
            if (p >= MinProbability && (best is null || p > best.Probability)) best = new Guess(role, p);
        }
        return best;
    }

    public Guess? FormKind(FormSignals form)
    {
        var p = _models.Kinds.Predict(form.Features());
        int k = Array.IndexOf(p, p.Max());
        return p[k] >= MinProbability && k < Extract.FormKind.All.Count ? new Guess(Extract.FormKind.All[k], p[k]) : null;
    }
}
