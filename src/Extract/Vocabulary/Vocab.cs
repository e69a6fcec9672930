using System.Reflection;
using System.Text.Json;

namespace Jixiao.Extract;

/// <summary>
/// The label vocabularies (data files in Vocabulary/, embedded in the assembly), loaded once.
/// Everything that matches a spelling of a label goes through here, not through string literals in code.
/// Loaded on first use, each file parsed once; patterns that hold vocabulary words (ValueParser, TitleRules …) are
/// built from these members once, on first use.
/// What stays in code is not vocabulary: punctuation and bracket characters, the calendar notation of dates and
/// years (年, 月, 日, 至), numbering marks (一、, （二）, 附表3), OCR's confusions of characters (》= read for ≥,
/// 口 for □), and the spec's closed output lists (<see cref="FormKind"/>, <see cref="GoalLabel"/>, <see cref="Scope"/>).
/// </summary>
internal sealed class Vocab
{
    public static Vocab Instance { get; } = Load();

    public required Dictionary<string, string[]> Columns { get; init; }
    public required string[] ProjectLabels { get; init; }
    public required string[] DepartmentLabels { get; init; }
    public required string[] DepartmentAndFieldLabels { get; init; }
    public required string[] KnownFieldLabels { get; init; }
    public required string[] NotFieldLabels { get; init; }

    /// <summary>How an unknown label ends (负责人, 地点, 时间 …): with no digits and short, such a text is a label.</summary>
    public required string[] LabelEndings { get; init; }

    /// <summary>The labels of a transfer form's local authority (地方主管部门): the form's department over any other.</summary>
    public required string[] LocalAuthorityLabels { get; init; }

    /// <summary>The word with which a label or a short text states the form's year (年度).</summary>
    public required string[] YearWords { get; init; }

    /// <summary>Project-list columns by role (name, category, total, annual, purpose), in match order.</summary>
    public required Dictionary<string, string[]> ProjectListColumns { get; init; }

    /// <summary>Words before 项目 in a form title that name a kind of project, not a project (部门, 重点 …).</summary>
    public required string[] TitleNotProject { get; init; }
    public required string[] BudgetBlockLabels { get; init; }
    public required string[] BudgetColumnLabels { get; init; }
    public required string[] BudgetItems { get; init; }
    public required string[] ProjectListLabels { get; init; }
    public required Dictionary<string, string> GoalLabels { get; init; }

    /// <summary>Indicator columns holding the whole hierarchy run together (`产出指标数量指标name`, Beijing 部门整体).</summary>
    public required string[] CombinedLevelColumns { get; init; }
    public required string[] ScopeLabels { get; init; }
    public required string[] ProseLabels { get; init; }

    /// <summary>Row labels that end an indicator table and are never a project (总分, 合计 …).</summary>
    public required string[] TotalRows { get; init; }

    /// <summary>What a filer writes where an indicator does not apply (不适用, 无, /).</summary>
    public required string[] NotApplicable { get; init; }

    /// <summary>Values of a 指标值类型 column that name the kind of value, not a comparator (定性, 定量).</summary>
    public required string[] ValueTypes { get; init; }
    public required string[] Level1 { get; init; }
    public required Dictionary<string, string> Level2ToLevel1 { get; init; }
    public required Dictionary<string, string> Level2Aliases { get; init; }
    public required Dictionary<string, string> Level1Aliases { get; init; }

    /// <summary>Scope words by the spec scope they put a table in (长期: 实施期, 中期 …; 年度: 本年).</summary>
    public required string[] LongTermWords { get; init; }
    public required string[] AnnualWords { get; init; }

    /// <summary>Labels of a column holding a whole indicator entry (绩效指标及指标值).</summary>
    public required string[] PackedIndicatorColumns { get; init; }

    /// <summary>The word that makes a money row a share of the total above it (其中).</summary>
    public required string SharePrefix { get; init; }

    /// <summary>How a money-block value column's label ends (预算数 …); <see cref="BudgetShortColumnEndings"/> only on short labels.</summary>
    public required string[] BudgetColumnEndings { get; init; }
    public required string[] BudgetShortColumnEndings { get; init; }

    /// <summary>The word of a target column label (指标值) and the words that make such a label something else (依据, 解释).</summary>
    public required string TargetWord { get; init; }
    public required string[] NotTargetWords { get; init; }

    /// <summary>The word 'indicator' (指标): ends level names, may lead a column label.</summary>
    public required string IndicatorWord { get; init; }

    /// <summary>Labels of a project's code (项目编码).</summary>
    public required string[] ProjectCodeLabels { get; init; }

    /// <summary>Answers without a number (是, 达标 …) and how a measured indicator's name ends (率, 度 …): role-model features.</summary>
    public required string[] QualitativeWords { get; init; }
    public required string[] MeasureEndings { get; init; }

    /// <summary>What may follow a year in a history column's label (指标值, 实际值 …).</summary>
    public required string[] YearColumnWords { get; init; }

    /// <summary>Words of form titles (titles.json).</summary>
    public required TitleWords Titles { get; init; }

    /// <summary>Comparator words before a number, word → comparator (大于等于 → ≥; values.json).</summary>
    public required Dictionary<string, string> ComparatorBefore { get; init; }

    /// <summary>Comparator words after a number and its unit, word → comparator (以上 → ≥; values.json).</summary>
    public required Dictionary<string, string> ComparatorAfter { get; init; }

    /// <summary>The label of a unit line (单位：万元, 金额单位：元).</summary>
    public required string[] UnitLabels { get; init; }

    /// <summary>Money units a label or a unit line names (万元, 元 …).</summary>
    public required string[] MoneyUnits { get; init; }

    /// <summary>What a filer writes in a cell that has no value (—, ／, 无数据), in label form.</summary>
    public required string[] NoValue { get; init; }

    /// <summary>Words that make an indicator a share: its percentage cannot exceed 100 (plausibility.json).</summary>
    public required string[] ShareWords { get; init; }

    /// <summary>Words that allow a percentage over 100 (增长, 提高 …).</summary>
    public required string[] MayExceed100 { get; init; }

    /// <summary>Digits OCR reads in place of a comparator (2 for ≥ …).</summary>
    public required string[] ComparatorDigits { get; init; }

    static Vocab Load()
    {
        var columns = Read("columns.json");
        var fields = Read("fields.json");
        var sections = Read("sections.json");
        var taxonomy = Read("taxonomy.json");
        var values = Read("values.json");
        var plausibility = Read("plausibility.json");
        var titles = Read("titles.json");
        return new Vocab
        {
            Columns = columns.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array)
                .ToDictionary(p => p.Name, p => Strings(p.Value)),
            ProjectLabels = Strings(fields.GetProperty("project")),
            DepartmentLabels = Strings(fields.GetProperty("department")),
            DepartmentAndFieldLabels = Strings(fields.GetProperty("departmentAndField")),
            KnownFieldLabels = Strings(fields.GetProperty("known")),
            NotFieldLabels = Strings(fields.GetProperty("notFields")),
            LabelEndings = Strings(fields.GetProperty("labelEndings")),
            LocalAuthorityLabels = Strings(fields.GetProperty("localAuthority")),
            YearWords = Strings(fields.GetProperty("yearWords")),
            ProjectListColumns = columns.GetProperty("projectList").EnumerateObject().ToDictionary(p => p.Name, p => Strings(p.Value)),
            TitleNotProject = Strings(fields.GetProperty("titleNotProject")),
            BudgetBlockLabels = Strings(sections.GetProperty("budgetBlock")),
            BudgetColumnLabels = Strings(sections.GetProperty("budgetColumns")),
            BudgetItems = Strings(sections.GetProperty("budgetItems")),
            ProjectListLabels = Strings(sections.GetProperty("projectList")),
            GoalLabels = Map(sections.GetProperty("goalLabels")),
            CombinedLevelColumns = Strings(sections.GetProperty("combinedLevelColumns")),
            ScopeLabels = Strings(sections.GetProperty("scopeLabels")),
            ProseLabels = Strings(sections.GetProperty("prose")),
            TotalRows = Strings(sections.GetProperty("totalRows")),
            NotApplicable = Strings(sections.GetProperty("notApplicable")),
            ValueTypes = Strings(sections.GetProperty("valueTypes")),
            Level1 = Strings(taxonomy.GetProperty("level1")),
            Level2ToLevel1 = Map(taxonomy.GetProperty("level2")),
            Level2Aliases = Map(taxonomy.GetProperty("level2Aliases")),
            Level1Aliases = Map(taxonomy.GetProperty("level1Aliases")),
            LongTermWords = Strings(sections.GetProperty("scopeWords").GetProperty(Scope.LongTerm)),
            AnnualWords = Strings(sections.GetProperty("scopeWords").GetProperty(Scope.Annual)),
            PackedIndicatorColumns = Strings(sections.GetProperty("packedIndicatorColumns")),
            SharePrefix = TextNorm.Label(sections.GetProperty("sharePrefix").GetString()),
            BudgetColumnEndings = Strings(sections.GetProperty("budgetColumnEndings")),
            BudgetShortColumnEndings = Strings(sections.GetProperty("budgetShortColumnEndings")),
            TargetWord = TextNorm.Label(columns.GetProperty("targetWord").GetString()),
            NotTargetWords = Strings(columns.GetProperty("notTargetWords")),
            IndicatorWord = TextNorm.Label(taxonomy.GetProperty("indicatorWord").GetString()),
            ProjectCodeLabels = Strings(fields.GetProperty("projectCode")),
            QualitativeWords = Strings(values.GetProperty("qualitativeWords")),
            MeasureEndings = Strings(values.GetProperty("measureEndings")),
            YearColumnWords = Strings(columns.GetProperty("yearColumnWords")),
            Titles = new TitleWords(Strings(titles.GetProperty("titleWords")), TextNorm.Label(titles.GetProperty("titleEnding").GetString()),
                Strings(titles.GetProperty("titleNames")), Strings(titles.GetProperty("monitoring")), Strings(titles.GetProperty("selfEvaluation")),
                Strings(titles.GetProperty("transfer")), Strings(titles.GetProperty("department")), Strings(titles.GetProperty("project")),
                titles.GetProperty("projectTitle").GetString()!, Strings(titles.GetProperty("bookAttachment")), Strings(titles.GetProperty("bookSummary")),
                Strings(titles.GetProperty("bookOwners")), Strings(titles.GetProperty("bookKinds"))),
            ComparatorBefore = ByMeaning(values.GetProperty("comparatorBefore")),
            ComparatorAfter = ByMeaning(values.GetProperty("comparatorAfter")),
            UnitLabels = Strings(values.GetProperty("unitLabels")),
            MoneyUnits = Strings(values.GetProperty("moneyUnits")),
            NoValue = Strings(values.GetProperty("noValue")),
            ShareWords = Strings(plausibility.GetProperty("shareWords")),
            MayExceed100 = Strings(plausibility.GetProperty("mayExceed100")),
            ComparatorDigits = Strings(plausibility.GetProperty("comparatorDigits")),
        };
    }

    static JsonElement Read(string name)
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("Vocabulary." + name)
                      ?? throw new InvalidOperationException("missing vocabulary " + name);
        return JsonDocument.Parse(s).RootElement.Clone();
    }

    static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => TextNorm.Label(x.GetString()!)).ToArray();

    static Dictionary<string, string> Map(JsonElement e) =>
        e.EnumerateObject().Where(p => !p.Name.StartsWith('_')).ToDictionary(p => TextNorm.Label(p.Name), p => p.Value.GetString()!);

    /// <summary>`{ meaning: [word, …] }` read as word → meaning (a word listed twice keeps its first meaning).</summary>
    static Dictionary<string, string> ByMeaning(JsonElement e)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject().Where(p => !p.Name.StartsWith('_')))
            foreach (var w in Strings(p.Value)) map.TryAdd(w, p.Name);
        return map;
    }

    /// <summary>A regex alternation of <paramref name="words"/>, longest first (for patterns built from the vocabulary).</summary>
    public static string Alternation(IEnumerable<string> words) =>
        string.Join("|", words.Distinct().OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).Select(System.Text.RegularExpressions.Regex.Escape));

    /// <summary>The role of an indicator-table header label, or null.</summary>
    public string? ColumnRole(string label)
    {
        if (label.Length == 0) return null;
        return (_roleOf ??= BuildRoleIndex()).GetValueOrDefault(label);
    }

    /// <summary>
    /// The role of a header label no spelling in the vocabulary matches exactly: the one label matcher with the
    /// column policy (<see cref="LabelPolicy.ColumnLabel"/>: a bracketed aside at either end, punctuation and spaces
    /// removed, one edit from four characters on, a tie between roles is no role); a leading `指标` is dropped when
    /// the rest is a label exactly (`指标权重(%)` → 权重). Cached by the matcher: unknown labels repeat.
    /// </summary>
    public string? ColumnRoleLoose(string label)
    {
        var match = ColumnLabels.Match(label);
        if (match is { Edits: 0 }) return match.Value.Meaning;
        var key = LabelPolicy.LooseKey(label);
        if (key.StartsWith(IndicatorWord) && key.Length > IndicatorWord.Length + 1 &&
            ColumnLabels.Match(key[IndicatorWord.Length..]) is { Edits: 0 } rest) return rest.Meaning;
        return match?.Meaning;
    }

    /// <summary>
    /// Which header-field group (project / department / departmentAndField / known) a label written with stray
    /// punctuation, brackets, a unit, spaces or one wrong character belongs to (<see cref="LabelPolicy.HeaderLabel"/>).
    /// </summary>
    public string? FieldGroupLoose(string label) =>
        (_fieldGroups ??= LabelMatcher.OfMeanings(FieldGroups, LabelPolicy.HeaderLabel)).MeaningOf(label);

    /// <summary>The header-field group of a label read by OCR (<see cref="LabelPolicy.OcrLabel"/>: specks removed,
    /// a lost or misread glyph per four characters, a tie goes to the label holding every glyph read).</summary>
    public string? FieldGroupAsRead(string label) =>
        (_fieldGroupsAsRead ??= LabelMatcher.OfMeanings(FieldGroups, LabelPolicy.OcrLabel)).MeaningOf(label);

    (string, IEnumerable<string>)[] FieldGroups => new (string, IEnumerable<string>)[] { ("project", ProjectLabels),
        ("department", DepartmentLabels), ("departmentAndField", DepartmentAndFieldLabels), ("known", KnownFieldLabels) };

    /// <summary>The column of a department form's project list (项目名称 / 项目总预算 / 本年度预算 …) for a label written
    /// loosely (<see cref="LabelPolicy.HeaderLabel"/>).</summary>
    public string? ProjectListRoleLoose(string label) =>
        (_projectListRoles ??= LabelMatcher.OfMeanings(ProjectListColumns.Select(p => (p.Key, (IEnumerable<string>)p.Value)), LabelPolicy.HeaderLabel))
            .MeaningOf(label);

    /// <summary>The spec's goal label (or "" for a block label) for a goal label written loosely
    /// (<see cref="LabelPolicy.HeaderLabel"/>).</summary>
    public string? GoalLabelLoose(string label) =>
        (_goalLabels ??= new LabelMatcher(GoalLabels.Select(g => (g.Key, g.Value)), LabelPolicy.HeaderLabel)).MeaningOf(label);

    /// <summary>Indicator-table column labels by role (<see cref="Columns"/> order, the `groups` list aside).</summary>
    LabelMatcher ColumnLabels => _columnLabels ??= LabelMatcher.OfMeanings(
        Columns.Where(c => c.Key != "groups").Select(c => (c.Key, (IEnumerable<string>)c.Value)), LabelPolicy.ColumnLabel);

    LabelMatcher? _columnLabels, _fieldGroups, _fieldGroupsAsRead, _projectListRoles, _goalLabels;

    /// <summary>label → its first role in <see cref="Columns"/> order (the linear search it replaces was a hot spot:
    /// every header and data cell of every indicator row asks).</summary>
    Dictionary<string, string>? _roleOf;

    Dictionary<string, string> BuildRoleIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (role, names) in Columns)
            if (role != "groups")
                foreach (var n in names) index.TryAdd(n, role);
        return index;
    }
}

/// <summary>The words of form titles: what makes a line a title, and which words name which kind of form.</summary>
internal sealed record TitleWords(string[] TitleWordList, string Ending, string[] Names, string[] Monitoring, string[] SelfEvaluation,
    string[] Transfer, string[] Department, string[] Project, string ProjectTitlePattern,
    string[] BookAttachment, string[] BookSummary, string[] BookOwners, string[] BookKinds);
