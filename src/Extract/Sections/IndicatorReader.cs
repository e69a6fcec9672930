using System.Text.RegularExpressions;

namespace Jixiao.Extract;

/// <summary>
/// Indicator tables: a header naming the columns (一级指标 … 指标值 …), optional sub-header rows
/// (近两年指标值 → 前年/上年), then one row per indicator with vertical merges filled down.
/// </summary>
internal static partial class IndicatorReader
{
    static readonly string[] LevelRoles = { "level1", "level2", "level3" };

    public static bool IsHeader(Line line)
    {
        var roles = line.Filled.Select(c => RoleOf(c.Label)).Where(r => r is not null).ToList();
        int levels = roles.Count(r => r is "level1" or "level2" or "level3");
        bool value = roles.Any(r => r is "target" or "actual" or "weight" or "score" or "group");
        if (levels >= 2 || levels == 1 && value && roles.Count >= 3) return true;
        // A combined hierarchy column (绩效指标) names an indicator table with a value column, or, where the value's
        // label is worded unknown, with two other indicator columns beside it (指标性质 | ? | 度量单位).
        // A top header of per-project columns (项目名称 | 资金总额 | 绩效目标 | 绩效指标) is no such row.
        int beside = roles.Count(r => r is "comparator" or "comparatorIfSign" or "unit" or "basis" or "category" or "deviation");
        return levels == 0 && line.Filled.Any(c => IsCombined(c.Label)) && (value || beside >= 2);
    }

    static bool IsCombined(string label) => Array.IndexOf(Vocab.Instance.CombinedLevelColumns, label) >= 0;

    /// <summary>Role of a header label: a column role, "group", "year:YYYY", or null.</summary>
    public static string? RoleOf(string label) => RoleOf(label, loose: true);

    /// <summary>
    /// Role of a label; <paramref name="loose"/> allows the near-miss match (brackets and punctuation removed, one
    /// edit). That match is meant for header labels: on a value cell it finds roles in what is data (a cell-role
    /// feature computed that way read target cells as weights), so value cells ask with <c>loose: false</c>.
    /// </summary>
    public static string? RoleOf(string label, bool loose)
    {
        if (label.Length == 0) return null;
        // A value or a sentence (value cells are asked with loose: false) is worked out without taking a place.
        if (label.Length > 64) return RoleOfUnseen(label, loose);
        return loose ? LooseRoles.Get(label, l => RoleOfUnseen(l, true)) : StrictRoles.Get(label, l => RoleOfUnseen(l, false));
    }

    /// <summary>Roles already worked out: the same header labels are tested by every reader (IsHeader of each row),
    /// and working one out runs the vocabulary's loose match and two patterns (a sixth of a .doc batch's CPU).</summary>
    static readonly LabelMemo<string?> LooseRoles = new(), StrictRoles = new();

    static string? RoleOfUnseen(string label, bool loose)
    {
        var v = Vocab.Instance;
        var role = v.ColumnRole(label) ?? v.ColumnRole(TextNorm.WithoutParenthesis(label));
        if (role is "history_prev2") return "prev2";
        if (role is "history_prev1") return "prev1";
        if (Array.IndexOf(v.Columns["groups"], label) >= 0 && role is null or "target") return role ?? "group";
        if (role is not null) return role;
        var m = YearLabel().Match(label);
        if (m.Success) return "year:" + m.Groups[1].Value;
        // `1-7月执行数`: a month range in front of a column name means "so far", the rest names the role.
        if (MonthRange().Match(label) is { Success: true } range && range.Length < label.Length) return RoleOf(label[range.Length..], loose);
        if (label.Contains(v.TargetWord) && !v.NotTargetWords.Any(label.Contains) && !v.LongTermWords.Any(label.Contains)) return "target";
        // A label another vocabulary knows exactly (年度目标 is a goal, not a near-miss of 年度目标值) is not guessed at.
        if (GoalReader.Canonical(label) is not null || Array.IndexOf(v.KnownFieldLabels, label) >= 0) return null;
        if (!loose) return null;
        return v.ColumnRoleLoose(label) is { } near and not "history_prev2" and not "history_prev1" ? near : null;
    }

    static bool IsScopeLabel(string label) =>
        Array.IndexOf(Vocab.Instance.ScopeLabels, TextNorm.WithoutParenthesis(label)) >= 0;

    /// <summary>Starts the form of the next project when one table lists many projects (a 项目名称 column).</summary>
    public delegate FormDraft ProjectSplitter(FormDraft current, string project);

    /// <summary>
    /// A two-row header (budget books with per-project columns): the top row names the per-project columns (单位（项目）名称,
    /// 资金总额, 绩效目标) and a 绩效指标 group over the level columns that the next row names.
    /// </summary>
    public static bool IsTopHeader(List<Line> lines, int i)
    {
        var line = lines[i];
        if (i + 1 >= lines.Count || lines[i + 1].IsParagraph || lines[i + 1].Table != line.Table) return false;
        if (IsHeader(line) || !IsHeader(lines[i + 1])) return false;
        // A header names columns: besides 项目名称 it names others (资金总额, 绩效目标). `项目名称 | 窗口服务` is a field row.
        return line.Filled.Any(c => RoleOf(c.Label) is "project") && line.Filled.Count(c => RoleOf(c.Label) is not null) >= 2;
    }

    public static int Read(FormDraft draft, List<Line> lines, int start, ProjectSplitter split, IRoleOracle oracle)
    {
        var first = lines[start];
        string? scope = ScopeOf(first, lines, start);
        var header = new List<Line> { first };
        int r = start + 1;
        if (IsTopHeader(lines, start)) header.Add(lines[r++]);
        // A header row wrapped over several grid rows (`分值` / `权重` / `（90` / `分）`): its fragments are one label.
        else if (WrappedHeader.Join(lines, start, RoleOf) is { } wrapped)
        {
            header[0] = wrapped.Header;
            r += wrapped.Below;
        }
        // Group rows above the row that names the indicator columns (年度预算申请 / 按收入性质分 over 一般公共预算 …).
        else if (StackedHeader.Top(lines, start) is var top && top < start) header.InsertRange(0, lines.GetRange(top, start - top));
        while (r < lines.Count && header.Count < 4 && !lines[r].IsParagraph && lines[r].Table == first.Table && IsSubHeader(lines[r]))
            header.Add(lines[r++]);

        int end = r - 1;
        int width = 0;
        for (int k = r; k < lines.Count && !lines[k].IsParagraph && lines[k].Table == first.Table; k++)
        {
            if (k > r && IsStop(lines[k], first)) break;
            width = Math.Max(width, lines[k].Cells.Count);
        }
        // Without level columns, a 绩效指标 column is the combined hierarchy, not the scope label beside the table.
        bool combined = !header.SelectMany(h => h.Filled).Any(c => RoleOf(c.Label) is "level1" or "level2" or "level3");
        Func<string, bool> lead = first.Ragged ? IsScopeLabel : l => IsScopeLabel(l) && RoleOf(l) is null && !(combined && IsCombined(l));
        var labels = HeaderColumns.Resolve(header, width, lead);
        var roles = labels.ToDictionary(p => p.Key, p => RoleOf(p.Value) is "group" ? "target" : RoleOf(p.Value) ?? FlatRole(p.Value));
        if (!roles.Values.Any(v => v is "level1" or "level2" or "level3"))
            foreach (var (col, label) in labels)
                if (IsCombined(label)) roles[col] = "combined";
        // Header labels the vocabulary does not know: the cell-role model reads the column.
        var (guessed, doubts) = UnknownColumns.Resolve(roles, labels, lines, r, row => IsStop(row, first), lead, oracle, draft);
        bool hasLevel3 = roles.Values.Contains("level3") || roles.Values.Contains("combined");
        bool projectTable = roles.Values.Contains("project");
        bool seenProject = false;
        var sideMoney = projectTable ? new Dictionary<int, string>() : MoneyColumnsBesideIndicators.Items(header, labels.Keys);
        var table = new IndicatorTable { ScopeHint = scope, MissingLevel3 = !hasLevel3, ModelCertainty = guessed, GuessedColumns = doubts };
        draft.IndicatorTables.Add(table);

        var carried = new Dictionary<string, string>();
        var stacks = new Dictionary<int, (SourceRef? Origin, string[] Names)>();
        for (; r < lines.Count; r++)
        {
            var row = lines[r];
            if (row.IsParagraph || row.Table != first.Table) break;
            // Many projects in one table: 合计 and a unit's subtotal row sit above the projects, they do not end the table.
            if (projectTable && !seenProject && IsSubtotal(row, roles)) { end = r; continue; }
            if (IsStop(row, first)) break;
            end = r;
            var values = new Dictionary<string, string>();
            var history = new Dictionary<string, string>();
            foreach (var cell in row.Cells)
            {
                if (!roles.TryGetValue(cell.Col, out var role) || role is null) continue;
                if (role is "combined")
                {
                    if (!cell.IsEmpty) Hierarchy.SplitCombined(TextNorm.OutputLabel(cell.Raw), values);
                    continue;
                }
                if (LevelRoles.Contains(role) || role is "project")
                {
                    if (StackedName(lines, r, cell, role, stacks) is { } stacked) values.TryAdd(role, role == "level3" ? TextNorm.WithoutTemplateNumber(stacked) : stacked);
                    else if (!cell.IsEmpty) values.TryAdd(role, role == "level3" ? TextNorm.WithoutTemplateNumber(TextNorm.OutputLabel(cell.Raw)) : TextNorm.OutputLabel(cell.Raw));
                    continue;
                }
                var value = TextNorm.Value(cell.Raw);
                if (value is null) continue;
                if (role is "comparatorIfSign")
                {
                    if (IsComparator(value)) values.TryAdd("comparator", value.Trim());
                    continue;
                }
                if (role is "prev2" or "prev1" || role.StartsWith("year:")) history.TryAdd(role, value);
                else values.TryAdd(role, value);
            }
            // A header row repeated after a page break names columns, not a project.
            if (values.TryGetValue("project", out var repeated) && RoleOf(TextNorm.Label(repeated)) is not null) continue;
            // A flat export repeats the project on every indicator row: the same project goes on in the same form.
            if (values.Remove("project", out var project) && (TextNorm.OutputLabel(project) != draft.Form.Project || NewCode(draft, row, roles, labels)))
            {
                seenProject = true;
                var money = row.Cells.Where(c => roles.TryGetValue(c.Col, out var role) && role is "money").Select(c => (labels[c.Col], c));
                draft = ProjectRows.Open(draft, split, TextNorm.OutputLabel(project), money, null);
                table = new IndicatorTable { ScopeHint = scope, MissingLevel3 = !hasLevel3, ModelCertainty = guessed, GuessedColumns = doubts };
                draft.IndicatorTables.Add(table);
                carried.Clear();
            }
            if (values.Remove("goal", out var goal)) GoalReader.Add(draft, GoalLabel.Annual, goal);
            MoneyColumnsBesideIndicators.Read(draft, row, sideMoney);
            ReadFlatColumns(draft, row, roles, labels);
            values.Remove("money");
            FillDown(values, carried, hasLevel3);
            if (!values.TryGetValue(hasLevel3 ? "level3" : "level2", out var name) || name.Length == 0) continue;
            if (IsNotApplicable(name, values) || SaysItDoesNotApply(row, roles, values)) continue;
            var ind = Build(values, hasLevel3);
            ind.Source = row.Cells.FirstOrDefault(c => !c.IsEmpty)?.Ref;
            var ir = new IndicatorRow { Indicator = ind };
            foreach (var (k, v) in history) ir.RawHistory[k] = v;
            table.Rows.Add(ir);
        }
        return end;
    }

    /// <summary>
    /// Level names stacked in one merged cell (<see cref="StackedLabels"/>): the cell's first row takes the first
    /// line, each row it covers the next one. Null when the cell is not part of such a stack.
    /// </summary>
    static string? StackedName(List<Line> lines, int r, Cell cell, string role, Dictionary<int, (SourceRef? Origin, string[] Names)> stacks)
    {
        if (role is not ("level2" or "level3")) return null;
        if (cell.Covered)
            return stacks.TryGetValue(cell.Col, out var s) && s.Origin == cell.Ref && cell.Ref is { } origin && r - FirstRowOf(lines, r, origin) is var k && k < s.Names.Length ? s.Names[k] : null;
        var names = StackedLabels.Split(lines, r, cell, role == "level2" ? StackedLabels.IsLevel2Name : StackedLabels.IsLevel3Name);
        if (names is null) { stacks.Remove(cell.Col); return null; }
        stacks[cell.Col] = (cell.Ref, names);
        return names[0];
    }

    /// <summary>The line index of the row where the merged cell <paramref name="origin"/> starts (at or above <paramref name="r"/>).</summary>
    static int FirstRowOf(List<Line> lines, int r, SourceRef origin)
    {
        int k = r;
        while (k > 0 && !(lines[k].Table == origin.Block && lines[k].Row == origin.Row)) k--;
        return k;
    }

    static bool IsValueType(string value) => Array.IndexOf(Vocab.Instance.ValueTypes, TextNorm.Label(value)) >= 0;

    static bool IsComparator(string value) => ComparatorSign().IsMatch(value.Trim());

    /// <summary>A total row's label (总分, 合计 …), also with a trailing remark (`总分100分`).</summary>
    static bool IsTotalLabel(string head) => Vocab.Instance.TotalRows.Any(t => head.StartsWith(t, StringComparison.Ordinal));

    /// <summary>
    /// Above the first project, a row with money but no indicator cells: 合计, or a 资金使用单位's subtotal
    /// (`126001 | 长沙市信访局 | 417.41`). Neither is a project. Told by what the row holds, not by its label.
    /// </summary>
    static bool IsSubtotal(Line row, Dictionary<int, string?> roles)
    {
        return !row.Cells.Any(c => !c.IsEmpty && roles.TryGetValue(c.Col, out var role)
                                   && (role is "level1" or "level2" or "level3" or "target" or "goal" || role?.StartsWith("goal:") == true));
    }

    /// <summary>
    /// Columns of a flat export (one row per indicator, the project's header fields repeated on each row:
    /// 项目编码 | 项目名称 | 申请单位 | 一级预算单位 | … | 年度目标 | 一级指标 …): a known field label is a field
    /// column, a goal label a goal column. Only known spellings, so a table's own extra columns stay unread.
    /// </summary>
    static string? FlatRole(string label)
    {
        if (label.Length == 0) return null;
        if (GoalReader.Canonical(label) is { Length: > 0 } goal) return "goal:" + goal;
        return FieldReader.IsLabelOnly(TextNorm.WithoutParenthesis(label)) ? "field" : null;
    }

    /// <summary>Two projects of one name (one per 社区) follow each other in an export: their 项目编码 differ.</summary>
    static bool NewCode(FormDraft draft, Line row, Dictionary<int, string?> roles, Dictionary<int, string> labels)
    {
        foreach (var cell in row.Cells)
        {
            if (cell.IsEmpty || !roles.TryGetValue(cell.Col, out var role) || role != "field") continue;
            var label = TextNorm.OutputLabel(labels[cell.Col]);
            if (Array.IndexOf(Vocab.Instance.ProjectCodeLabels, label) < 0) continue;
            if (draft.Form.Fields.TryGetValue(label, out var code) && code != TextNorm.Value(cell.Raw)) return true;
        }
        return false;
    }

    static void ReadFlatColumns(FormDraft draft, Line row, Dictionary<int, string?> roles, Dictionary<int, string> labels)
    {
        foreach (var cell in row.Cells)
        {
            if (cell.IsEmpty || !roles.TryGetValue(cell.Col, out var role) || role is null) continue;
            if (role == "field") FieldReader.Put(draft, labels[cell.Col], cell.Raw);
            else if (role.StartsWith("goal:") && TextNorm.Value(cell.Raw) is { } text) GoalReader.Add(draft, role[5..], text);
        }
    }

    /// <summary>Vertical merges (or their empty cells in text) carry 一级/二级 down; a new 一级 resets 二级.</summary>
    static void FillDown(Dictionary<string, string> values, Dictionary<string, string> carried, bool hasLevel3)
    {
        if (values.TryGetValue("level1", out var l1)) { carried["level1"] = l1; if (!values.ContainsKey("level2")) carried.Remove("level2"); }
        else if (carried.TryGetValue("level1", out var up1)) values["level1"] = up1;
        if (!hasLevel3) return;
        if (values.TryGetValue("level2", out var l2)) carried["level2"] = l2;
        else if (carried.TryGetValue("level2", out var up2)) values["level2"] = up2;
    }

    static Indicator Build(Dictionary<string, string> v, bool hasLevel3)
    {
        string? Get(string k) => v.TryGetValue(k, out var s) ? s : null;
        var target = Get("target");
        // `定性`/`定量` in the comparator column (Beijing 绩效指标性质) is the value type, not a comparator: the
        // target of a qualitative row is the value alone (`优`, not `定性优`).
        var comparator = Get("comparator") is { } c && !IsValueType(c) ? c : null;
        if (target is not null && (comparator is not null || Get("unit") is not null))
            target = (comparator ?? "") + target.Trim() + (Get("unit") ?? "");
        return new Indicator
        {
            Level1 = Get("level1"),
            Level2 = Get("level2"),
            Level3 = Get("level3"),
            Target = target,
            Actual = Get("actual"),
            Weight = Get("weight"),
            Score = Get("score"),
            Basis = Get("basis"),
            Category = Get("category"),
            Deviation = Get("deviation"),
        };
    }

    /// <summary>Spec: a row whose indicator and value both read 不适用 (or are empty) is left out.</summary>
    static bool IsNotApplicable(string name, Dictionary<string, string> values)
    {
        var na = Vocab.Instance.NotApplicable;
        bool NA(string? s) => s is null || TextNorm.Label(s) is var l && (l.Length == 0 || Array.IndexOf(na, l) >= 0);
        // A name that starts with the not-applicable word (`不适用生态效益指标`) says the same: the filer named the
        // level it does not apply to.
        bool named = TextNorm.Label(name).StartsWith(na[0]);
        return (NA(name) || named) && (!values.TryGetValue("target", out var t) || NA(t));
    }

    /// <summary>
    /// A row that says of itself that it does not apply: its value is empty or a not-applicable word, and the
    /// describing cells right of the indicator name (columns with no slot: 指标值内容, 评（扣）分标准, 指标解释) read
    /// nothing but not-applicable words, 不适用 among them (`不满足 | 无 | 不适用 | 不适用 | 定性`; a value type such as 定性
    /// in a column with no slot says nothing either way). The name is then the
    /// filer's own wording of "not applicable", whatever it is; a statement such as `不直接产生经济效益` keeps its row,
    /// because its describing cells say something.
    /// </summary>
    static bool SaysItDoesNotApply(Line row, Dictionary<int, string?> roles, Dictionary<string, string> values)
    {
        var na = Vocab.Instance.NotApplicable;
        if (values.TryGetValue("target", out var t) && Array.IndexOf(na, TextNorm.Label(t)) < 0) return false;
        int nameCol = roles.Where(p => p.Value is "level3").Select(p => p.Key).DefaultIfEmpty(-1).Max();
        if (nameCol < 0) return false;
        var describing = row.Cells.Where(c => c.Col > nameCol && !c.IsEmpty && !c.Covered && (!roles.TryGetValue(c.Col, out var role) || role is null or "ignore"))
                                  .Select(c => TextNorm.Label(c.Raw)).Where(d => !IsValueType(d)).ToList();
        return describing.Count > 0 && describing.All(d => Array.IndexOf(na, d) >= 0) && describing.Contains(na[0]);
    }

    static bool IsSubHeader(Line row)
    {
        var filled = row.Filled.ToList();
        if (filled.Count == 0) return false;
        return filled.All(c => RoleOf(c.Label) is not null and not "level1" and not "level2" and not "level3" || IsScopeLabel(c.Label))
               && !filled.Any(c => TextNorm.IsNumber(c.Raw));
    }

    /// <summary>The rows of the table end at a total row, a new header, or a row that opens another section.</summary>
    static bool IsStop(Line row, Line header)
    {
        var filled = row.Filled.ToList();
        if (filled.Count == 0) return false;
        var head = TextNorm.WithoutParenthesis(filled[0].Label);
        if (IsTotalLabel(head)) return true;
        if (IsHeader(row)) return true;
        // One form per page with the page tables joined: the next form's title row or its
        // 项目名称 row ends this one's indicators.
        if (filled.Count == 1 && TitleRules.IsTitle(filled[0].Raw)) return true;
        if (filled.Count >= 2 && Array.IndexOf(Vocab.Instance.ProjectLabels, head) >= 0) return true;
        if (GoalReader.IsGoal(row) && !IsScopeLabel(filled[0].Label) && !RepeatedBlockLabel.IsBesideTable(row, header)) return true;
        // Leading columns outside the hierarchy (the scope label column) only hold text outside the table.
        int firstHeaderCol = header.Cells.FirstOrDefault(c => !c.IsEmpty && !IsScopeLabel(c.Label))?.Col ?? 0;
        return filled[0].Col < firstHeaderCol && !IsScopeLabel(filled[0].Label) && filled.Count <= 2;
    }

    static string? ScopeOf(Line header, List<Line> lines, int start)
    {
        var v = Vocab.Instance;
        foreach (var cell in header.Filled)
        {
            if (!IsScopeLabel(cell.Label)) continue;
            if (v.LongTermWords.Any(cell.Label.Contains)) return Scope.LongTerm;
            if (v.AnnualWords.Any(cell.Label.Contains)) return Scope.Annual;
        }
        for (int k = start - 1; k >= Math.Max(0, start - 2); k--)
        {
            var text = lines[k].IsParagraph ? lines[k].Paragraph! : string.Join("", lines[k].Filled.Select(c => c.Label));
            if (text.Length > 20) continue;
            if (v.LongTermWords.Any(text.Contains)) return Scope.LongTerm;
            if (v.AnnualWords.Any(text.Contains) && text.Contains(v.IndicatorWord)) return Scope.Annual;
        }
        return null;
    }

    [GeneratedRegex(@"^\d{1,2}\s*[-－—–~～至到]\s*\d{1,2}\s*月(?:份)?")]
    private static partial Regex MonthRange();

    [GeneratedRegex(@"^[≥≤=＝<>＜＞≧≦]{1,2}$")]
    private static partial Regex ComparatorSign();

    /// <summary>A year, optionally followed by a value word of the vocabulary (`2023年指标值`); built on first use.</summary>
    static Regex YearLabel() => _yearLabel ??= new Regex(@"^((?:19|20)\d{2})年?(?:度)?(?:" + Vocab.Alternation(Vocab.Instance.YearColumnWords) + ")?$");

    static Regex? _yearLabel;
}
