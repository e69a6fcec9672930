using Jixiao.Extract;
using LiteDB;

namespace Jixiao.Store;

/// <summary>
/// Explicit mapping between the extraction model and the archive's BSON documents. Written by hand (not
/// BsonMapper) so the stored field names stay fixed when the Extract model grows, and so indicator and
/// budget rows carry their form's context (year, department, kind…) for search without joins.
/// </summary>
internal static class FormMapper
{
    public static BsonDocument ToForm(Form f, int documentId, int index)
    {
        var fields = new BsonDocument();
        var order = new BsonArray();
        foreach (var (k, v) in f.Fields)
        {
            order.Add(new BsonDocument { ["label"] = k, ["value"] = v });
        }
        var d = new BsonDocument
        {
            ["documentId"] = documentId,
            ["index"] = index,
            ["kind"] = f.Kind,
            ["title"] = Str(f.Title),
            ["year"] = f.Year is int y ? y : BsonValue.Null,
            ["unit"] = Str(f.Unit),
            ["department"] = Str(f.Department),
            ["project"] = Str(f.Project),
            ["key"] = f.Key,
            // A list, not a sub-document: labels may contain '.' or '$' and their order matters.
            ["fields"] = order,
            ["goals"] = new BsonArray(f.Goals.Select(g => new BsonDocument { ["label"] = g.Label, ["text"] = g.Text })),
            ["projects"] = new BsonArray(f.Projects.Select(p => (BsonValue)new BsonDocument
            {
                ["name"] = p.Name, ["category"] = Str(p.Category), ["total"] = Str(p.Total),
                ["annual"] = Str(p.Annual), ["purpose"] = Str(p.Purpose),
            })),
            ["confidence"] = f.Confidence is double c ? c : BsonValue.Null,
            ["needsReview"] = f.NeedsReview,
            ["source"] = Ref(f.Source),
            ["indicatorsCount"] = f.Indicators.Count,
            ["budgetCount"] = f.Budget.Count,
        };
        return d;
    }

    public static BsonDocument ToIndicator(Indicator i, Form f, int formId, int documentId, int ord)
    {
        var name = i.Level3 ?? i.Level2 ?? i.Level1 ?? "";
        var t = TargetValue.Parse(i.Target);
        var history = new BsonArray(i.History.Select(h => (BsonValue)new BsonDocument { ["year"] = h.Key, ["value"] = h.Value }));
        var d = Context(f, formId, documentId, ord);
        d["scope"] = Str(i.Scope);
        d["level1"] = Str(i.Level1);
        d["level2"] = Str(i.Level2);
        d["level3"] = Str(i.Level3);
        d["name"] = name;
        d["nameNorm"] = TextNorm.Normalize(name);
        d["level1Norm"] = TextNorm.Normalize(i.Level1);
        d["target"] = Str(i.Target);
        d["targetOp"] = Str(t?.Comparator);
        d["targetNumber"] = t?.Number is double n ? n : BsonValue.Null;
        d["targetUnit"] = Str(t?.Unit);
        d["history"] = history;
        d["actual"] = Str(i.Actual);
        d["weight"] = Str(i.Weight);
        d["score"] = Str(i.Score);
        d["basis"] = Str(i.Basis);
        d["category"] = Str(i.Category);
        d["deviation"] = Str(i.Deviation);
        d["source"] = Ref(i.Source);
        d["confidence"] = i.Confidence is double c ? c : BsonValue.Null;
        PutReview(d, i.Review, i.ReviewReasons);
        return d;
    }

    public static BsonDocument ToBudget(BudgetFact b, Form f, int formId, int documentId, int ord)
    {
        var d = Context(f, formId, documentId, ord);
        d["item"] = b.Item;
        d["column"] = Str(b.Column);
        d["value"] = b.Value;
        d["number"] = TargetValue.Parse(b.Value)?.Number is double n ? n : BsonValue.Null;
        d["source"] = Ref(b.Source);
        PutReview(d, b.Review, b.ReviewReasons);
        return d;
    }

    /// <summary>The form context every indicator and budget row repeats (denormalized for search).</summary>
    static BsonDocument Context(Form f, int formId, int documentId, int ord) => new()
    {
        ["formId"] = formId,
        ["documentId"] = documentId,
        ["ord"] = ord,
        ["formKey"] = f.Key,
        ["year"] = f.Year is int y ? y : BsonValue.Null,
        ["department"] = Str(f.Department),
        ["departmentNorm"] = TextNorm.Fold(f.Department),
        ["project"] = Str(f.Project),
        ["kind"] = f.Kind,
    };

    public static Form FromForm(BsonDocument d, IEnumerable<BsonDocument> indicators, IEnumerable<BsonDocument> budget)
    {
        var f = new Form
        {
            Kind = d["kind"].AsString,
            Title = S(d["title"]),
            Year = d["year"].IsNull ? null : d["year"].AsInt32,
            Unit = S(d["unit"]),
            Department = S(d["department"]),
            Project = S(d["project"]),
            NeedsReview = d["needsReview"].AsBoolean,
            Confidence = d["confidence"].IsNull ? null : d["confidence"].AsDouble,
            Source = FromRef(d["source"]),
        };
        foreach (var p in d["fields"].AsArray) f.Fields[p["label"].AsString] = p["value"].AsString;
        foreach (var g in d["goals"].AsArray) f.Goals.Add(new Goal { Label = g["label"].AsString, Text = g["text"].AsString });
        foreach (var p in d["projects"].AsArray)
            f.Projects.Add(new ProjectLine
            {
                Name = p["name"].AsString, Category = S(p["category"]), Total = S(p["total"]),
                Annual = S(p["annual"]), Purpose = S(p["purpose"]),
            });
        foreach (var b in budget.OrderBy(b => b["ord"].AsInt32))
        {
            var fact = new BudgetFact { Item = b["item"].AsString, Column = S(b["column"]), Value = b["value"].AsString, Source = FromRef(b["source"]) };
            foreach (var reason in ReviewReasons(b)) fact.FlagForReview(reason);
            f.Budget.Add(fact);
        }
        foreach (var i in indicators.OrderBy(i => i["ord"].AsInt32)) f.Indicators.Add(FromIndicator(i));
        return f;
    }

    public static Indicator FromIndicator(BsonDocument i)
    {
        var ind = new Indicator
        {
            Scope = S(i["scope"]), Level1 = S(i["level1"]), Level2 = S(i["level2"]), Level3 = S(i["level3"]),
            Target = S(i["target"]), Actual = S(i["actual"]), Weight = S(i["weight"]), Score = S(i["score"]),
            Basis = S(i["basis"]), Category = S(i["category"]), Deviation = S(i["deviation"]),
            Source = FromRef(i["source"]),
            // Archives written before indicators carried a confidence have no such field.
            Confidence = i.TryGetValue("confidence", out var c) && c.IsNumber ? c.AsDouble : null,
        };
        foreach (var h in i["history"].AsArray) ind.History[h["year"].AsString] = h["value"].AsString;
        foreach (var reason in ReviewReasons(i)) ind.FlagForReview(reason);
        if (!i["targetNumber"].IsNull || !i["targetOp"].IsNull)
            ind.TargetParsed = new ParsedValue(S(i["targetOp"]), i["targetNumber"].IsNull ? null : i["targetNumber"].AsDouble, S(i["targetUnit"]), false);
        return ind;
    }

    /// <summary>A value's review flag and reasons, written only when set (most values are not flagged).</summary>
    static void PutReview(BsonDocument d, bool review, List<string>? reasons)
    {
        if (!review) return;
        d["reviewReasons"] = new BsonArray((reasons is { Count: > 0 } ? reasons : new List<string> { "review" }).Select(r => new BsonValue(r)));
    }

    static IEnumerable<string> ReviewReasons(BsonDocument d) =>
        d.TryGetValue("reviewReasons", out var r) && r.IsArray ? r.AsArray.Select(x => x.AsString) : Enumerable.Empty<string>();

    static BsonValue Str(string? s) => s is null ? BsonValue.Null : new BsonValue(s);
    internal static string? S(BsonValue v) => v.IsNull ? null : v.AsString;

    static BsonValue Ref(SourceRef? r) => r is null ? BsonValue.Null : new BsonDocument { ["block"] = r.Block, ["row"] = r.Row, ["col"] = r.Col };
    static SourceRef? FromRef(BsonValue v) => v.IsNull ? null : new SourceRef(v["block"].AsInt32, v["row"].AsInt32, v["col"].AsInt32);
}
