using System.Text.RegularExpressions;

namespace Jixiao.Extract;

/// <summary>
/// Budget books (Guangzhou 项目支出绩效目标表) that list one project per row and pack its whole indicator
/// hierarchy into one cell as coded text:
/// `1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥20场；年度指标值:每年≥20场。2、…`.
/// Each row becomes a form of its own; money columns become budget facts, the 绩效目标 column its goal.
/// </summary>
internal static partial class PackedIndicatorReader
{
    public static bool IsHeader(Line line)
    {
        var roles = line.Filled.Select(c => Role(c.Label)).ToList();
        return roles.Contains("project") && roles.Contains("packed") && !roles.Any(r => r is "level1" or "level2" or "level3");
    }

    static string? Role(string label)
    {
        var bare = TextNorm.WithoutParenthesis(label);
        if (Array.IndexOf(Vocab.Instance.PackedIndicatorColumns, bare) >= 0) return "packed";
        return IndicatorReader.RoleOf(label);
    }

    public static int Read(FormDraft draft, List<Line> lines, int start, IndicatorReader.ProjectSplitter split)
    {
        var header = lines[start];
        var roles = new Dictionary<int, (string Role, string Label)>();
        foreach (var cell in header.Cells)
            if (!cell.IsEmpty && Role(cell.Label) is { } role)
                for (int c = cell.Col; c < cell.Col + cell.Span; c++) roles[c] = (role, TextNorm.WithoutParenthesis(TextNorm.OutputLabel(cell.Raw)));
        int end = start;
        for (int r = start + 1; r < lines.Count; r++)
        {
            var row = lines[r];
            if (row.IsParagraph || row.Table != header.Table) break;
            end = r;
            string? project = null, packed = null, goal = null;
            var money = new List<(string Item, Cell Cell)>();
            foreach (var cell in row.Cells)
            {
                if (!roles.TryGetValue(cell.Col, out var rl) || TextNorm.Value(cell.Raw) is not { } value) continue;
                switch (rl.Role)
                {
                    case "project": project ??= TextNorm.OutputLabel(value); break;
                    case "packed": packed ??= value; break;
                    case "goal": goal ??= value; break;
                    case "money" when TextNorm.HasDigit(value): money.Add((rl.Label, cell)); break;
                }
            }
            // Subtotal rows (合计, a unit's total) carry money but no indicators.
            if (project is null || packed is null) continue;
            var form = ProjectRows.Open(draft, split, project, money, goal);
            draft = form;
            var table = new IndicatorTable();
            form.IndicatorTables.Add(table);
            foreach (var ind in Parse(packed)) table.Rows.Add(new IndicatorRow { Indicator = ind });
        }
        return end;
    }

    /// <summary>Reads the coded entries of one packed cell.</summary>
    public static IEnumerable<Indicator> Parse(string packed)
    {
        // The PDF wrapped the cell's text; line breaks carry no meaning here.
        var text = packed.Replace("\n", "").Replace("\r", "");
        foreach (var entry in Entry().Split(text))
        {
            var ind = ParseCoded(entry) ?? ParseParts(entry);
            if (ind is not null && ind.Level3!.Length > 0) yield return ind;
        }
    }

    /// <summary>
    /// `1－产出指标，11－数量指标，name；实施周期指标值：…，年度指标值：…` (and the `；`-only spelling): the two
    /// coded levels, then the name up to the first value label, then each labelled value up to the next one.
    /// Splitting on labels, not on punctuation, keeps the commas a filer wrote inside a value.
    /// </summary>
    static Indicator? ParseCoded(string entry)
    {
        var m = CodedLevels().Match(entry);
        if (!m.Success) return null;
        var rest = m.Groups[3].Value;
        var labels = ValueLabel().Matches(rest);
        var ind = new Indicator { Level1 = m.Groups[1].Value.Trim(), Level2 = m.Groups[2].Value.Trim() };
        ind.Level3 = Clean(labels.Count > 0 ? rest[..labels[0].Index] : rest);
        for (int k = 0; k < labels.Count; k++)
        {
            int from = labels[k].Index + labels[k].Length;
            int to = k + 1 < labels.Count ? labels[k + 1].Index : rest.Length;
            var value = Clean(rest[from..to]);
            var label = labels[k].Groups[1].Value;
            if (value.Length == 0 || IsLongTerm(label)) continue;
            if (IsAnnual(label)) ind.Target = value;
            else ind.Target ??= value;
        }
        return ind;
    }

    static string Clean(string s) => s.Trim().TrimEnd('；', ';', '，', ',', '。', ' ').Trim();

    /// <summary>Entries without codes: `；`-separated parts, the first two being the levels.</summary>
    static Indicator? ParseParts(string entry)
    {
        var parts = entry.Split('；', ';').Select(p => p.Trim().TrimEnd('。')).Where(p => p.Length > 0).ToList();
        if (parts.Count < 3) return null;
        var ind = new Indicator { Level1 = Code().Replace(parts[0], ""), Level2 = Code().Replace(parts[1], "") };
        var name = new List<string>();
        foreach (var p in parts.Skip(2))
        {
            var m = Valued().Match(p);
            if (!m.Success) { name.Add(p); continue; }
            var label = m.Groups[1].Value;
            var value = m.Groups[2].Value.Trim();
            if (IsAnnual(label)) ind.Target = value;
            else if (IsLongTerm(label)) continue;
            else ind.Target ??= value;
        }
        ind.Level3 = string.Join("；", name);
        return ind;
    }

    // An entry number (`2、`, or `1.` before the first code: `1.2－效益指标`) after a separator or at the start.
    [GeneratedRegex(@"(?:^|(?<=[。；;]))\s*\d+\s*(?:、|[.．](?=\s*\d+\s*[-－—]))")]
    private static partial Regex Entry();

    [GeneratedRegex(@"^\d[\d\s]*[-－—]\s*")]
    private static partial Regex Code();

    // Codes may come letter-spaced from a justified PDF line (`4 1 - 经 济 成本指标`).
    [GeneratedRegex(@"^\s*\d[\d\s]*[-－—]\s*([^，,；;]+)[，,；;]\s*\d[\d\s]*[-－—]\s*([^，,；;]+)[，,；;](.*)$", RegexOptions.Singleline)]
    private static partial Regex CodedLevels();

    /// <summary>A value label's scope (sections.json scopeWords): a long-term value is not the form's target; an annual one is.</summary>
    static bool IsLongTerm(string label) => Vocab.Instance.LongTermWords.Any(label.StartsWith);

    static bool IsAnnual(string label) => Vocab.Instance.AnnualWords.Any(label.StartsWith);

    /// <summary>A scope word then the target word (`年度指标值`), or the target word alone not inside a word.</summary>
    static string ScopedTarget(bool bareNotInWord)
    {
        var v = Vocab.Instance;
        var target = Regex.Escape(v.TargetWord);
        return "(?:" + Vocab.Alternation(v.LongTermWords.Concat(v.AnnualWords)) + ")" + target + "|" + (bareNotInWord ? @"(?<![\p{L}])" : "") + target;
    }

    // A filer may drop the colon before a comparator (`年度指标值》90%`): the value keeps what is written.
    static Regex ValueLabel() => _valueLabel ??= new Regex("(" + ScopedTarget(true) + @")\s*(?:[:：]|(?=[》《><≥≤=＞＜≧≦]))");

    static Regex Valued() => _valued ??= new Regex("^(" + ScopedTarget(false) + @")\s*[:：]\s*(.*)$");

    static Regex? _valueLabel, _valued;
}
