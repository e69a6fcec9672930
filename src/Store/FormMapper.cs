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
            ["deptCode"] = Str(f.DeptCode),
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

    /// <summary>The fields of a form document that hold its indicators and budget facts, packed (archives written
    /// before hold them as rows of the indicators and budget collections instead, see Archive.Rows.cs).</summary>
    internal const string PackedIndicators = "indicators", PackedBudget = "budget";

    /// <summary>
    /// One indicator as it is packed into its form document: its own fields only (the form's context is the
    /// form's). One LiteDB document per form instead of one indexed row per indicator and budget fact: those row
    /// inserts, each with two index entries, were a fifth of an import's CPU.
    /// </summary>
    public static BsonDocument PackIndicator(Indicator i)
    {
        var name = i.Level3 ?? i.Level2 ?? i.Level1 ?? "";
        var t = TargetValue.From(i.TargetParsed ?? ValueParser.Parse(i.Target));
        var history = new BsonArray(i.History.Select(h => (BsonValue)new BsonDocument { ["year"] = h.Key, ["value"] = h.Value }));
        var d = new BsonDocument
        {
            ["scope"] = Str(i.Scope),
            ["level1"] = Str(i.Level1),
            ["level2"] = Str(i.Level2),
            ["level3"] = Str(i.Level3),
            ["name"] = name,
            // Derived, kept beside the name so `verify` can tell a flipped stored byte from its source.
            ["nameNorm"] = TextNorm.Normalize(name),
            ["level1Norm"] = TextNorm.Normalize(i.Level1),
            ["target"] = Str(i.Target),
            ["targetOp"] = Str(t?.Comparator),
            ["targetNumber"] = t?.Number is double n ? n : BsonValue.Null,
            ["targetUnit"] = Str(t?.Unit),
            ["history"] = history,
            ["actual"] = Str(i.Actual),
            ["weight"] = Str(i.Weight),
            ["score"] = Str(i.Score),
            ["basis"] = Str(i.Basis),
            ["category"] = Str(i.Category),
            ["deviation"] = Str(i.Deviation),
            ["source"] = Ref(i.Source),
            ["confidence"] = i.Confidence is double c ? c : BsonValue.Null,
        };
        PutReview(d, i.Review, i.ReviewReasons);
        return d;
    }

    /// <summary>A budget fact as it is packed into its form document (see <see cref="PackIndicator"/>).</summary>
    public static BsonDocument PackBudget(BudgetFact b)
    {
        var d = new BsonDocument
        {
            ["item"] = b.Item,
            ["column"] = Str(b.Column),
            ["value"] = b.Value,
            ["number"] = TargetValue.Parse(b.Value)?.Number is double n ? n : BsonValue.Null,
            ["source"] = Ref(b.Source),
            ["confidence"] = b.Confidence is double c ? c : BsonValue.Null,
        };
        PutReview(d, b.Review, b.ReviewReasons);
        return d;
    }

    /// <summary>
    /// The indicators or budget facts packed in a stored form (<paramref name="field"/>) as rows: each with its
    /// form's context (form, document, order, year, department, project, kind), the shape rows of the indicators
    /// and budget collections have, so every reader reads both layouts alike. Empty for a form written before.
    /// </summary>
    public static IEnumerable<BsonDocument> Unpack(BsonDocument form, string field)
    {
        if (!form.TryGetValue(field, out var packed) || !packed.IsArray) yield break;
        var arr = packed.AsArray;
        for (int ord = 0; ord < arr.Count; ord++) yield return Unpack(form, arr[ord].AsDocument, ord);
    }

    internal static BsonDocument Unpack(BsonDocument form, BsonDocument packed, int ord)
    {
        var d = new BsonDocument
        {
            ["formId"] = form["_id"],
            ["documentId"] = form["documentId"],
            ["ord"] = ord,
            ["formKey"] = form["key"],
            ["year"] = form["year"],
            ["department"] = form["department"],
            ["departmentNorm"] = TextNorm.Fold(S(form["department"])),
            ["project"] = form["project"],
            ["kind"] = form["kind"],
        };
        foreach (var (k, v) in packed) d[k] = v;
        return d;
    }

    /// <summary>True when the form document holds its indicators (or budget facts: <paramref name="field"/>) itself.</summary>
    public static bool IsPacked(BsonDocument form, string field = PackedIndicators) => form.TryGetValue(field, out var p) && p.IsArray;

    /// <summary>A value's own review flag and reasons (absent in archives written before values carried them).</summary>
    static void PutReview(BsonDocument d, bool review, List<string>? reasons)
    {
        d["review"] = review;
        d["reviewReasons"] = reasons is { Count: > 0 } ? new BsonArray(reasons.Select(r => new BsonValue(r))) : BsonValue.Null;
    }

    internal static bool Review(BsonDocument d) => d.TryGetValue("review", out var r) && r.IsBoolean && r.AsBoolean;

    internal static List<string>? ReviewReasons(BsonDocument d) =>
        d.TryGetValue("reviewReasons", out var r) && r.IsArray ? r.AsArray.Select(x => x.AsString).ToList() : null;

    internal static double? ConfidenceOf(BsonDocument d) => d.TryGetValue("confidence", out var c) && c.IsNumber ? c.AsDouble : null;

    public static Form FromForm(BsonDocument d, IEnumerable<BsonDocument> indicators, IEnumerable<BsonDocument> budget)
    {
        var f = new Form
        {
            Kind = d["kind"].AsString,
            Title = S(d["title"]),
            Year = d["year"].IsNull ? null : d["year"].AsInt32,
            Unit = S(d["unit"]),
            Department = S(d["department"]),
            DeptCode = d.TryGetValue("deptCode", out var code) && code.IsString ? code.AsString : null,
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
            f.Budget.Add(new BudgetFact
            {
                Item = b["item"].AsString, Column = S(b["column"]), Value = b["value"].AsString, Source = FromRef(b["source"]),
                Confidence = ConfidenceOf(b), Review = Review(b), ReviewReasons = ReviewReasons(b),
            });
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
            Confidence = ConfidenceOf(i),
            Review = Review(i), ReviewReasons = ReviewReasons(i),
        };
        foreach (var h in i["history"].AsArray) ind.History[h["year"].AsString] = h["value"].AsString;
        if (!i["targetNumber"].IsNull || !i["targetOp"].IsNull)
            ind.TargetParsed = new ParsedValue(S(i["targetOp"]), i["targetNumber"].IsNull ? null : i["targetNumber"].AsDouble, S(i["targetUnit"]), false);
        return ind;
    }

    static BsonValue Str(string? s) => s is null ? BsonValue.Null : new BsonValue(s);
    internal static string? S(BsonValue v) => v.IsNull ? null : v.AsString;

    static BsonValue Ref(SourceRef? r) => r is null ? BsonValue.Null : new BsonDocument { ["block"] = r.Block, ["row"] = r.Row, ["col"] = r.Col };
    static SourceRef? FromRef(BsonValue v) => v.IsNull ? null : new SourceRef(v["block"].AsInt32, v["row"].AsInt32, v["col"].AsInt32);
}
