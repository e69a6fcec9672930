using System.Text.Json.Nodes;
using Jixiao.Training.Scoring;

using Jixiao.Extract;

namespace Jixiao.Training;

/// <summary>One table cell with its place and (for training) its role.</summary>
internal sealed record LabeledCell(TableView Table, int Row, Cell Cell, CellRole Role);

/// <summary>
/// Training labels from gold: aligns a gold document (canonical JSON) with the tables of its source and
/// gives every filled cell a role. An indicator row is a row holding a gold level-3 name; its cells are
/// labelled by which of that indicator's attributes they equal (ties broken by the column's majority);
/// header rows by the column vocabulary; money, goals, fields and titles by equality with the gold;
/// everything else is noise. Comparison is the scorer's normalization. Deterministic.
/// </summary>
internal static class RoleLabeler
{
    static readonly string[] Attributes = { "level1", "level2", "level3", "target", "actual", "weight", "score", "basis", "category", "deviation" };

    public static List<LabeledCell> Label(List<Line> lines, JsonNode gold)
    {
        var g = GoldIndex.Of(gold);
        var result = new List<LabeledCell>();
        foreach (var table in TableView.Split(lines))
            result.AddRange(LabelTable(table, g));
        return result;
    }

    static List<LabeledCell> LabelTable(TableView table, GoldIndex g)
    {
        var cells = new List<LabeledCell>();
        var ambiguous = new List<(int Row, Cell Cell, List<CellRole> Candidates)>();
        for (int r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var filled = row.Cells.Where(c => !c.IsEmpty && TextNorm.Value(c.Raw) is not null).ToList();
            if (filled.Count == 0) continue;
            if (IsHeaderRow(row))
            {
                bool indicatorHeader = IndicatorReader.IsHeader(row);
                foreach (var c in filled) cells.Add(new(table, r, c, HeaderRole(c, g, indicatorHeader)));
                continue;
            }
            var indicator = MatchIndicator(filled, g);
            foreach (var c in filled)
            {
                if (indicator is not null)
                {
                    var header = table.HeaderAbove(r, c);
                    bool ignored = header is not null && IndicatorReader.RoleOf(header.Label) is "ignore";
                    var candidates = ignored ? new List<CellRole>() : IndicatorCandidates(Norm(c), indicator, g);
                    if (candidates.Count == 1) { cells.Add(new(table, r, c, candidates[0])); continue; }
                    if (candidates.Count > 1) { ambiguous.Add((r, c, candidates)); continue; }
                }
                cells.Add(new(table, r, c, OtherRole(row, c, filled, g)));
            }
        }
        // A value equal to two attributes (target 100% = actual 100%) takes its header's role, else its column's usual role.
        foreach (var (r, c, candidates) in ambiguous)
        {
            var header = table.HeaderAbove(r, c);
            var headerRole = header is null ? null : IndicatorReader.RoleOf(header.Label);
            var byHeader = candidates.Where(k => CellRoles.ColumnRole(k) is { } cr && cr == headerRole).ToList();
            if (byHeader.Count == 1) { cells.Add(new(table, r, c, byHeader[0])); continue; }
            var majority = cells.Where(x => x.Cell.Col == c.Col && candidates.Contains(x.Role))
                .GroupBy(x => x.Role).OrderByDescending(x => x.Count()).ThenBy(x => x.Key).Select(x => (CellRole?)x.Key).FirstOrDefault();
            cells.Add(new(table, r, c, majority ?? candidates[0]));
        }
        cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Cell.Col.CompareTo(b.Cell.Col));
        return cells;
    }

    static bool IsHeaderRow(Line row) =>
        IndicatorReader.IsHeader(row) || row.Filled.Count(c => BudgetReader.IsValueColumn(c.Label)) >= 2 && !row.Filled.Any(c => TextNorm.IsNumber(c.Raw));

    static CellRole HeaderRole(Cell c, GoldIndex g, bool indicatorHeader)
    {
        var role = IndicatorReader.RoleOf(c.Label);
        var bare = FactSet.Norm(YearColumn(TextNorm.WithoutParenthesis(c.Label)));
        if (!indicatorHeader && bare is not null && g.BudgetColumns.Contains(bare)) return CellRole.BudgetColumn;
        if (role is not null and not "ignore" and not "project" and not "money" and not "goal") return CellRole.ColumnHeader;
        if (bare is not null && g.BudgetColumns.Contains(bare)) return CellRole.BudgetColumn;
        if (GoalReader.Canonical(c.Label) is { Length: > 0 }) return CellRole.GoalLabel;
        if (role is "project") return CellRole.ColumnHeader;
        return role is null ? CellRole.Noise : CellRole.ColumnHeader;
    }

    static string YearColumn(string label) =>
        label.Length is 5 && label.EndsWith('年') && int.TryParse(label[..4], out _) ? label[..4] : label;

    static JsonNode? MatchIndicator(List<Cell> filled, GoldIndex g)
    {
        JsonNode? best = null;
        int bestScore = -1;
        foreach (var c in filled)
        {
            var name = FactSet.Norm(TextNorm.WithoutTemplateNumber(TextNorm.OutputLabel(c.Raw)));
            if (name is null || !g.ByLevel3.TryGetValue(name, out var list)) continue;
            foreach (var ind in list)
            {
                int score = filled.Count(x => IndicatorCandidates(Norm(x), ind, g).Count > 0);
                if (score > bestScore) (best, bestScore) = (ind, score);
            }
        }
        return best;
    }

    static List<CellRole> IndicatorCandidates(string? value, JsonNode ind, GoldIndex g)
    {
        var roles = new List<CellRole>();
        if (value is null) return roles;
        foreach (var a in Attributes)
        {
            var gold = FactSet.Norm(ind[a]);
            if (gold is null) continue;
            bool hit = gold == value || a == "level3" && gold == FactSet.Norm(TextNorm.WithoutTemplateNumber(value))
                       || a is "level1" or "level2" && SameLevel(value, gold);
            if (hit) roles.Add(Role(a));
        }
        if (ind["history"] is JsonObject h && h.Any(p => FactSet.Norm(p.Value) == value)) roles.Add(CellRole.HistoryValue);
        // Seed 001 writes level-2 names in its 一级 column: such a cell names the gold level 2 whatever column it sits in.
        return roles.Distinct().ToList();
    }

    /// <summary>A written level name against a canonical one: `数量` = 数量指标, `产出指标（50分）` = 产出指标, aliases.</summary>
    static bool SameLevel(string written, string gold)
    {
        var v = Vocab.Instance;
        var bare = TextNorm.WithoutParenthesis(written);
        if (bare == gold || bare + "指标" == gold) return true;
        return v.Level2Aliases.TryGetValue(bare, out var a2) && a2 == gold || v.Level1Aliases.TryGetValue(bare, out var a1) && a1 == gold;
    }

    /// <summary>The cell role of an indicator attribute: the inverse of the runtime's own mapping, not a second one.</summary>
    static CellRole Role(string attribute) => CellRoles.OfColumnRole(attribute) ?? CellRole.DeviationText;

    static CellRole OtherRole(Line row, Cell c, List<Cell> filled, GoldIndex g)
    {
        var value = Norm(c);
        if (value is null) return CellRole.Noise;
        var label = FactSet.Norm(TextNorm.OutputLabel(c.Raw));
        var item = FactSet.Norm(BudgetItem(c.Raw));
        bool rowHasItem = filled.Any(x => x != c && FactSet.Norm(BudgetItem(x.Raw)) is { } i && g.BudgetItems.Contains(i));
        if (TextNorm.IsNumber(c.Raw) && g.BudgetValues.Contains(value) && (rowHasItem || filled.Count <= 3)) return CellRole.BudgetValue;
        if (item is not null && !TextNorm.IsNumber(c.Raw) && g.BudgetItems.Contains(item)) return CellRole.BudgetItem;
        if (GoalReader.Canonical(c.Label) is not null && g.HasGoals) return CellRole.GoalLabel;
        if (label is not null && (g.FieldLabels.Contains(label) || g.FieldLabels.Contains(FactSet.Norm(TextNorm.WithoutParenthesis(label)) ?? ""))) return CellRole.FieldLabel;
        if (g.FieldValues.Contains(value) || g.FieldValues.Contains(FactSet.Norm(Checkboxes.Resolve(c.Raw)) ?? "")) return CellRole.FieldValue;
        if (value.Length >= 6 && g.GoalTexts.Any(t => t.Contains(value))) return CellRole.GoalText;
        if (g.Titles.Contains(value)) return CellRole.FormTitle;
        return CellRole.Noise;
    }

    /// <summary>A budget item label the way the money readers write it (one definition: BudgetReader.ItemLabel).</summary>
    static string BudgetItem(string raw) => BudgetReader.ItemLabel(raw) ?? "";

    static string? Norm(Cell c) => FactSet.Norm(TextNorm.Value(c.Raw));

    /// <summary>The gold document's strings by role, normalized the scorer's way.</summary>
    sealed class GoldIndex
    {
        public Dictionary<string, List<JsonNode>> ByLevel3 { get; } = new();
        public HashSet<string> BudgetItems { get; } = new();
        public HashSet<string> BudgetColumns { get; } = new();
        public HashSet<string> BudgetValues { get; } = new();
        public List<string> GoalTexts { get; } = new();
        public bool HasGoals { get; set; }
        public HashSet<string> FieldLabels { get; } = new();
        public HashSet<string> FieldValues { get; } = new();
        public HashSet<string> Titles { get; } = new();

        public static GoldIndex Of(JsonNode gold)
        {
            var g = new GoldIndex();
            var v = Vocab.Instance;
            foreach (var form in gold["forms"]?.AsArray() ?? new JsonArray())
            {
                if (form is null) continue;
                Add(g.Titles, form["title"]);
                if (form["project"] is not null)
                {
                    Add(g.FieldValues, form["project"]);
                    foreach (var l in v.ProjectLabels) g.FieldLabels.Add(FactSet.Norm(l)!);
                }
                if (form["department"] is not null)
                {
                    Add(g.FieldValues, form["department"]);
                    foreach (var l in v.DepartmentLabels.Concat(v.DepartmentAndFieldLabels)) g.FieldLabels.Add(FactSet.Norm(l)!);
                }
                if (form["fields"] is JsonObject fields)
                    foreach (var (k, val) in fields) { Add(g.FieldLabels, JsonValue.Create(k)); Add(g.FieldValues, val); }
                foreach (var b in form["budget"]?.AsArray() ?? new JsonArray())
                {
                    foreach (var part in (b?["item"]?.GetValue<string>() ?? "").Split('/')) Add(g.BudgetItems, JsonValue.Create(part));
                    Add(g.BudgetColumns, b?["column"]);
                    Add(g.BudgetValues, b?["value"]);
                }
                foreach (var goal in form["goals"]?.AsArray() ?? new JsonArray())
                {
                    g.HasGoals = true;
                    if (FactSet.Norm(goal?["text"]) is { } t) g.GoalTexts.Add(t);
                }
                foreach (var ind in form["indicators"]?.AsArray() ?? new JsonArray())
                {
                    if (ind is null || FactSet.Norm(ind["level3"]) is not { } name) continue;
                    if (!g.ByLevel3.TryGetValue(name, out var list)) g.ByLevel3[name] = list = new();
                    list.Add(ind);
                }
            }
            return g;
        }

        static void Add(HashSet<string> set, JsonNode? node)
        {
            if (FactSet.Norm(node) is { } s) set.Add(s);
        }
    }
}
