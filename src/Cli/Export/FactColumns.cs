using Jixiao.Store;

namespace Jixiao.Cli.Export;

/// <summary>The export's columns, in order, and how a <see cref="FactRow"/> fills them (csv and xlsx share this).</summary>
internal static class FactColumns
{
    public static readonly string[] Names =
    {
        "fact", "file", "path", "year", "kind", "department", "project", "level1", "level2", "level3", "scope",
        "target", "actual", "weight", "score", "history", "basis", "category", "deviation", "item", "column", "value",
    };

    public static string?[] Values(FactRow r) => new[]
    {
        r.Fact, r.File, r.Path, r.Year?.ToString(), r.Kind, r.Department, r.Project, r.Level1, r.Level2, r.Level3, r.Scope,
        r.Target, r.Actual, r.Weight, r.Score, History(r.History), r.Basis, r.Category, r.Deviation, r.Item, r.Column, r.Value,
    };

    /// <summary>`2022:100%;2023:100%`: the previous years' values in one cell, oldest first.</summary>
    public static string? History(IReadOnlyDictionary<string, string> h) =>
        h.Count == 0 ? null : string.Join(";", h.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}:{kv.Value}"));
}
