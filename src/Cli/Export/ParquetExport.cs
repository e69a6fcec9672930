using Jixiao.Extract;
using Jixiao.Store;

namespace Jixiao.Cli.Export;

/// <summary>
/// `export --format parquet --out DIR`: one Parquet file per fact kind for a warehouse (DuckDB, Spark,
/// pandas): documents, indicators, budget, fields, goals, projects. Numbers are typed columns (year as
/// int32, targets and amounts as double, parsed from the written value the way search parses it) beside
/// the text as written. Duplicates are not repeated: their facts live under the original, as in every export.
/// The schema is documented in docs/SCALE-OUT.md.
/// </summary>
internal static class ParquetExport
{
    /// <summary>A form with its document, for the per-form files (fields, goals, projects).</summary>
    internal sealed record FormOf(StoredDocument Doc, int Index, Form Form);

    internal static readonly ParquetTable<StoredDocument> Documents = new ParquetTable<StoredDocument>()
        .RequiredInt("document_id", d => d.Id).Text("path", d => d.Path).Text("file", d => d.FileName).Text("hash", d => d.Hash)
        .RequiredLong("size", d => d.Size).Text("format", d => d.Format).Text("status", d => d.Status).Text("error", d => d.Error)
        .RequiredInt("forms", d => d.FormsCount).RequiredInt("indicators", d => d.IndicatorsCount).RequiredInt("pages", d => d.PageCount)
        .Bool("needs_review", d => d.NeedsReview).Int("duplicate_of", d => d.DuplicateOf).Time("imported_at", d => d.ImportedAt);

    internal static readonly ParquetTable<FactRow> Indicators = Context(new ParquetTable<FactRow>())
        .Text("level1", r => r.Level1).Text("level2", r => r.Level2).Text("level3", r => r.Level3).Text("scope", r => r.Scope)
        .Text("target", r => r.Target).Text("target_op", r => TargetValue.Parse(r.Target)?.Comparator)
        .Double("target_number", r => TargetValue.Parse(r.Target)?.Number).Text("target_unit", r => TargetValue.Parse(r.Target)?.Unit)
        .Text("actual", r => r.Actual).Double("actual_number", r => TargetValue.Parse(r.Actual)?.Number)
        .Text("weight", r => r.Weight).Text("score", r => r.Score).Text("history", r => FactColumns.History(r.History))
        .Text("basis", r => r.Basis).Text("category", r => r.Category).Text("deviation", r => r.Deviation);

    internal static readonly ParquetTable<FactRow> Budget = Context(new ParquetTable<FactRow>())
        .Text("item", r => r.Item).Text("column", r => r.Column).Text("value", r => r.Value)
        .Double("amount", r => TargetValue.Parse(r.Value)?.Number).Text("amount_unit", r => TargetValue.Parse(r.Value)?.Unit);

    static ParquetTable<FactRow> Context(ParquetTable<FactRow> t) => t
        .RequiredInt("document_id", r => r.DocumentId).Text("file", r => r.File).Text("path", r => r.Path).Int("year", r => r.Year)
        .Text("kind", r => r.Kind).Text("department", r => r.Department).Text("project", r => r.Project);

    static ParquetTable<(FormOf F, T Item)> FormContext<T>() => new ParquetTable<(FormOf F, T Item)>()
        .RequiredInt("document_id", x => x.F.Doc.Id).Text("file", x => x.F.Doc.FileName).RequiredInt("form_index", x => x.F.Index)
        .Int("year", x => x.F.Form.Year).Text("kind", x => x.F.Form.Kind).Text("department", x => x.F.Form.Department)
        .Text("form_project", x => x.F.Form.Project);

    internal static readonly ParquetTable<(FormOf F, KeyValuePair<string, string> Item)> Fields = FormContext<KeyValuePair<string, string>>()
        .Text("label", x => x.Item.Key).Text("value", x => x.Item.Value);

    internal static readonly ParquetTable<(FormOf F, Goal Item)> Goals = FormContext<Goal>()
        .Text("label", x => x.Item.Label).Text("text", x => x.Item.Text);

    internal static readonly ParquetTable<(FormOf F, ProjectLine Item)> Projects = FormContext<ProjectLine>()
        .Text("name", x => x.Item.Name).Text("category", x => x.Item.Category)
        .Text("total", x => x.Item.Total).Double("total_number", x => TargetValue.Parse(x.Item.Total)?.Number)
        .Text("annual", x => x.Item.Annual).Double("annual_number", x => TargetValue.Parse(x.Item.Annual)?.Number)
        .Text("purpose", x => x.Item.Purpose);

    /// <summary>Writes the six files into <paramref name="dir"/>; returns rows per file name.</summary>
    public static IReadOnlyDictionary<string, int> Write(IArchiveReader archive, string dir, FactKinds kinds)
    {
        Directory.CreateDirectory(dir);
        var rows = new Dictionary<string, int>();
        var docs = archive.AllDocuments();
        void One(string name, Func<string, int> write)
        {
            // Written beside the target and moved at the end: a failed export never leaves half a file under the name.
            var path = Path.Combine(dir, name + ".parquet");
            var temp = path + ".part";
            try
            {
                rows[name] = write(temp);
                File.Move(temp, path, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
        One("documents", p => Documents.Write(p, docs));
        if ((kinds & FactKinds.Indicators) != 0) One("indicators", p => Indicators.Write(p, archive.Facts(FactKinds.Indicators)));
        if ((kinds & FactKinds.Budget) != 0) One("budget", p => Budget.Write(p, archive.Facts(FactKinds.Budget)));
        if (kinds == FactKinds.All)
        {
            IEnumerable<FormOf> Forms() => docs.Where(d => d.Status == DocumentStatus.Ok)
                .SelectMany(d => archive.FormsOf(d.Id).Select(f => new FormOf(d, f.Index, f.Form)));
            One("fields", p => Fields.Write(p, Forms().SelectMany(f => f.Form.Fields.Select(kv => (f, kv)))));
            One("goals", p => Goals.Write(p, Forms().SelectMany(f => f.Form.Goals.Select(g => (f, g)))));
            One("projects", p => Projects.Write(p, Forms().SelectMany(f => f.Form.Projects.Select(x => (f, x)))));
        }
        return rows;
    }
}
