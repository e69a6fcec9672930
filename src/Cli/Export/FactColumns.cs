using System.Globalization;
using Jixiao.Store;

namespace Jixiao.Cli.Export;

/// <summary>The export's columns, in order, and how a <see cref="FactRow"/> fills them (csv, xlsx and jsonl share this).</summary>
internal static class FactColumns
{
    public static readonly string[] Names =
    {
        "fact", "file", "path", "year", "kind", "department", "dept_code", "project", "level1", "level2", "level3", "scope",
        "target", "target_op", "target_number", "target_unit", "actual", "weight", "score", "history", "basis", "category", "deviation",
        "item", "column", "value", "number", "unit", "amount_wanyuan", "confidence", "review", "review_reasons",
    };

    /// <summary>Columns holding numbers: numeric cells in .xlsx, JSON numbers in .jsonl.</summary>
    public static readonly HashSet<string> Numeric = new(StringComparer.Ordinal) { "year", "target_number", "number", "amount_wanyuan", "confidence" };

    public static string?[] Values(FactRow r)
    {
        var money = r.Fact == "budget" ? Amount.Read(r.Value, r.Column, r.FormUnit) : new Amount.Reading(null, null, null);
        return new[]
        {
            r.Fact, r.File, r.Path, r.Year?.ToString(), r.Kind, r.Department, r.DeptCode, r.Project, r.Level1, r.Level2, r.Level3, r.Scope,
            r.Target, r.TargetOp, Num(r.TargetNumber), r.TargetUnit, r.Actual, r.Weight, r.Score, History(r.History), r.Basis, r.Category, r.Deviation,
            r.Item, r.Column, r.Value, Num(money.Number), money.Unit, Num(money.WanYuan), Num(r.Confidence),
            r.Review ? "yes" : null, r.ReviewReasons is { Count: > 0 } rr ? string.Join("; ", rr) : null,
        };
    }

    static string? Num(double? d) => d?.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>`2022:100%;2023:100%`: the previous years' values in one cell, oldest first.</summary>
    public static string? History(IReadOnlyDictionary<string, string> h) =>
        h.Count == 0 ? null : string.Join(";", h.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}:{kv.Value}"));
}
