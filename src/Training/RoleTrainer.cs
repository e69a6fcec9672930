using System.Text.Json.Nodes;
using Jixiao.Ingest;

using Jixiao.Extract;

namespace Jixiao.Training;

/// <summary>One gold document turned into training samples (featurized once, reused by every fold).</summary>
internal sealed class TrainingDoc
{
    public required string Stem { get; init; }
    public required string Family { get; init; }
    public required List<float[]> CellFeatures { get; init; }
    public required List<int> CellLabels { get; init; }
    public required List<float[]> FormFeatures { get; init; }
    public required List<int> FormLabels { get; init; }
}

/// <summary>
/// Builds the models from gold documents: cells labelled by <see cref="RoleLabeler"/>, forms by their gold
/// kind (each gold form twice, with and without its title, since the model is asked when the title does
/// not decide). Fixed seed, one thread: the same documents give the same models.
/// </summary>
internal static class RoleTrainer
{
    public static readonly Classifier.Settings CellSettings = new(Iterations: 60, Leaves: 12, MinLeaf: 5, LearningRate: 0.2);
    public static readonly Classifier.Settings KindSettings = new(Iterations: 30, Leaves: 4, MinLeaf: 2, LearningRate: 0.2);

    public static TrainingDoc Prepare(string stem, string family, SourceDocument source, JsonNode gold)
    {
        var lines = LineStream.From(source);
        var cells = RoleLabeler.Label(lines, gold);
        var cellFeatures = new List<float[]>(cells.Count);
        var cellLabels = new List<int>(cells.Count);
        var cache = new Dictionary<TableView, CellFeatures>();
        foreach (var c in cells)
        {
            if (!cache.TryGetValue(c.Table, out var f)) cache[c.Table] = f = new CellFeatures(c.Table);
            var features = f.Of(c.Row, c.Cell);
            cellFeatures.Add(features);
            cellLabels.Add((int)c.Role);
            if (CellRoles.ColumnRole(c.Role) is not null)
            {
                cellFeatures.Add(Jixiao.Extract.CellFeatures.WithoutHeader(features));
                cellLabels.Add((int)c.Role);
            }
        }
        var formFeatures = new List<float[]>();
        var formLabels = new List<int>();
        foreach (var form in gold["forms"]?.AsArray() ?? new JsonArray())
        {
            if (form is null) continue;
            int kind = Math.Max(0, FormKind.All.ToList().IndexOf(form["kind"]?.GetValue<string>() ?? FormKind.Other));
            foreach (var withTitle in new[] { true, false })
            {
                formFeatures.Add(FormSignals.Of(form, withTitle).Features());
                formLabels.Add(kind);
            }
        }
        return new TrainingDoc
        {
            Stem = stem, Family = family, CellFeatures = cellFeatures, CellLabels = cellLabels,
            FormFeatures = formFeatures, FormLabels = formLabels,
        };
    }

    public static RoleModels Train(IReadOnlyList<TrainingDoc> docs)
    {
        var ordered = docs.OrderBy(d => d.Stem, StringComparer.Ordinal).ToList();
        var roles = Classifier.Train(ordered.SelectMany(d => d.CellFeatures).ToList(), ordered.SelectMany(d => d.CellLabels).ToList(), CellRoles.Count, CellSettings);
        var kinds = Classifier.Train(ordered.SelectMany(d => d.FormFeatures).ToList(), ordered.SelectMany(d => d.FormLabels).ToList(), FormKind.All.Count, KindSettings);
        return new RoleModels { Roles = roles, Kinds = kinds };
    }
}
