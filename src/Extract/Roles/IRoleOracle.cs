namespace Jixiao.Extract;

/// <summary>A decision the model made, with its probability (feeds the form's confidence).</summary>
internal sealed record Guess(string Value, double Probability);

/// <summary>
/// What the section readers ask when their rules are unsure: the role of an indicator column whose header
/// the vocabulary does not know, and the kind of a form whose title does not say. The rules-only oracle
/// answers nothing, which is the baseline; <see cref="ModelOracle"/> answers from the trained models.
/// </summary>
internal interface IRoleOracle
{
    /// <param name="table">The table holding the column.</param>
    /// <param name="rows">The table's data rows (indices into <paramref name="table"/>) the column is read from.</param>
    /// <param name="col">The column.</param>
    /// <param name="taken">Indicator roles other columns already have.</param>
    /// <returns>An indicator column role (target, actual, …) or null to leave the column out.</returns>
    Guess? IndicatorColumn(TableView table, IReadOnlyList<int> rows, int col, IReadOnlySet<string> taken);

    /// <returns>A <see cref="FormKind"/> name or null to fall back on the content rules.</returns>
    Guess? FormKind(FormSignals form);
}

internal sealed class RulesOnlyOracle : IRoleOracle
{
    public static readonly RulesOnlyOracle Instance = new();
    public Guess? IndicatorColumn(TableView table, IReadOnlyList<int> rows, int col, IReadOnlySet<string> taken) => null;
    public Guess? FormKind(FormSignals form) => null;
}

/// <summary>
/// The oracle extraction uses unless told otherwise: the models shipped in the assembly, loaded on the first
/// question (most documents ask none, so a one-file `extract` does not pay for loading ML.NET).
/// JIXIAO_RULES_ONLY=1 turns the models off.
/// </summary>
internal static class RoleOracle
{
    static readonly IRoleOracle Shipped = new LazyOracle(() => RoleModels.LoadShipped() is { } m ? new ModelOracle(m) : RulesOnlyOracle.Instance);

    public static IRoleOracle Default => Environment.GetEnvironmentVariable("JIXIAO_RULES_ONLY") is "1" ? RulesOnlyOracle.Instance : Shipped;

    sealed class LazyOracle : IRoleOracle
    {
        readonly Lazy<IRoleOracle> _inner;
        public LazyOracle(Func<IRoleOracle> load) => _inner = new Lazy<IRoleOracle>(load, LazyThreadSafetyMode.ExecutionAndPublication);
        public Guess? IndicatorColumn(TableView table, IReadOnlyList<int> rows, int col, IReadOnlySet<string> taken) => _inner.Value.IndicatorColumn(table, rows, col, taken);
        public Guess? FormKind(FormSignals form) => _inner.Value.FormKind(form);
    }
}
