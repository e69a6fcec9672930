namespace Jixiao.Extract;

/// <summary>
/// A unit's row whose money columns stand beside its indicators (长沙 部门整体支出绩效目标表: `126001 | 长沙市信访局 |
/// 1,935.36 | 1,935.36 | … | 整体绩效目标 | 成本指标 | …`, under `年度预算申请` grouped 按收入性质分 / 按支出性质分). The
/// columns are a money block on its side: each number's item is the path of the labels above it without the
/// block's own label (`按收入性质分/一般公共预算`, `资金总额`), column null, as <see cref="SidewaysBlock"/> writes it.
/// A column is money when a label over it is a money column or a money block label. Project tables open their
/// forms through <see cref="ProjectRows"/>, which reads their money columns; this is the table without projects.
/// </summary>
internal static class MoneyColumnsBesideIndicators
{
    /// <returns>col → item, for the header's money columns (empty when it has none).</returns>
    public static Dictionary<int, string> Items(IReadOnlyList<Line> header, IEnumerable<int> cols)
    {
        var items = new Dictionary<int, string>();
        if (header.Count < 2) return items;
        foreach (var col in cols)
        {
            var path = StackedHeader.Path(header, col);
            int block = path.FindIndex(IsBlockLabel);
            bool money = block >= 0 || path.Any(c => IndicatorReader.RoleOf(c.Label) is "money");
            if (!money) continue;
            var labels = path.Skip(block + 1).Select(c => BudgetReader.ItemLabel(c.Raw)).Where(l => l is not null).ToList();
            if (labels.Count > 0) items[col] = string.Join("/", labels);
        }
        return items;
    }

    static bool IsBlockLabel(Cell c) => Array.IndexOf(Vocab.Instance.BudgetBlockLabels, TextNorm.WithoutParenthesis(c.Label)) >= 0
                                        && IndicatorReader.RoleOf(c.Label) is not "money";

    public static void Read(FormDraft draft, Line row, Dictionary<int, string> items)
    {
        foreach (var cell in row.Cells)
            if (items.TryGetValue(cell.Col, out var item) && TextNorm.IsNumber(cell.Raw)) MoneyFacts.Add(draft, item, null, cell);
    }
}
