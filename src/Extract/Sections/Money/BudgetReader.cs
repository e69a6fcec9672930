using System.Text.RegularExpressions;

namespace Jixiao.Extract;

/// <summary>
/// Money blocks (部门总体资金情况, 项目资金, 资金情况 …): one <see cref="BudgetFact"/> per number cell, with
/// the row path as item and the column label as column (spec: "budget"). Blocks without value-column
/// headers (资金总额 / 其中：财政拨款 / 其他资金) are label → number pairs with a null column.
/// </summary>
internal static partial class BudgetReader
{
    public static bool IsStart(List<Line> lines, int i)
    {
        var line = lines[i];
        var head = SectionDispatcher.Head(line);
        if (Array.IndexOf(Vocab.Instance.BudgetBlockLabels, head) >= 0) return true;
        var filled = line.Filled.ToList();
        bool numbers = filled.Any(c => TextNorm.IsNumber(c.Raw));
        if (filled.Count(c => IsValueColumn(c.Label)) >= 3 && !numbers) return true;
        // Whatever the block is called, a money unit in its label says money: a block label naming its unit over
        // its own item labels (`资金金额（万元） | 实施期资金总额： | 50.00`), or a money column in a header row
        // (`任务名称 | 主要内容 | 预算金额（万元）`), when numbers follow.
        bool unitLabelled = filled.Count >= 2 && TextNorm.UnitInParenthesis(filled[0].Label) is not null && !TextNorm.IsNumber(filled[1].Raw);
        bool moneyColumn = !numbers && filled.Skip(1).Any(c => TextNorm.UnitInParenthesis(c.Label) is not null && IsValueColumn(c.Label));
        return (unitLabelled || moneyColumn) && NumbersFollow(lines, i);
    }

    /// <summary>Numbers in this row or the next few rows of its table.</summary>
    static bool NumbersFollow(List<Line> lines, int i)
    {
        for (int r = i; r < Math.Min(lines.Count, i + 4); r++)
        {
            if (lines[r].IsParagraph || lines[r].Table != lines[i].Table) break;
            if (lines[r].Filled.Any(c => TextNorm.IsNumber(c.Raw))) return true;
        }
        return false;
    }

    /// <summary>Is this header label a value column (当年金额, 年初预算数, 2023年 …) rather than a row-label column?</summary>
    public static bool IsValueColumn(string label)
    {
        var bare = TextNorm.WithoutParenthesis(label);
        if (YearColumn().IsMatch(bare)) return true;
        if (Array.IndexOf(Vocab.Instance.BudgetColumnLabels, bare) >= 0) return true;
        if (Array.IndexOf(Vocab.Instance.Columns["groups"], bare) >= 0) return true;
        var v = Vocab.Instance;
        return v.BudgetColumnEndings.Any(bare.EndsWith) || bare.Length <= 6 && v.BudgetShortColumnEndings.Any(bare.EndsWith);
    }

    public static int Read(FormDraft draft, List<Line> lines, int start)
    {
        var first = lines[start];
        var blockCell = first.Filled.First();
        if (TextNorm.UnitInParenthesis(blockCell.Label) is { } unit) draft.OwnUnit(unit);

        // Header rows: this row and the next ones as long as they carry value-column labels and no numbers.
        var header = new List<Line>();
        int r = start;
        while (r < lines.Count && !lines[r].IsParagraph && lines[r].Table == first.Table && header.Count < 3)
        {
            var row = lines[r];
            bool hasNumber = row.Filled.Any(c => TextNorm.IsNumber(c.Raw) && !YearColumn().IsMatch(TextNorm.WithoutParenthesis(c.Label)));
            bool hasValueLabel = row.Filled.Any(c => IsValueColumn(c.Label));
            // A row of labels under a value column's span (`预算金额（万元）` over `总额 | 财政拨款 | 其他资金`) names
            // the leaf columns, whatever the labels say.
            bool subHeader = header.Count > 0 && row.Filled.Any() && row.Filled.All(c => UnderValueColumn(header[^1], c));
            // A value-column label with none of the next row's numbers under it is an item whose value cell is
            // empty (`年度金额： | ` over `其中：中央补助 | 29231`), not a header.
            if (hasValueLabel && !subHeader && NextNumbers(lines, r) is { Count: > 0 } below && !below.Any(n => UnderValueColumn(row, n))) break;
            if (hasNumber || !(hasValueLabel || subHeader)) break;
            header.Add(row);
            r++;
        }
        if (header.Count == 1 && GroupedPairs.IsGroupHeader(header[0], blockCell)) return GroupedPairs.Read(draft, lines, start, blockCell);
        if (header.Count == 0 && SidewaysBlock.TryRead(draft, lines, start, blockCell) is { } sideways) return sideways;
        return header.Count == 0 ? ReadPairs(draft, lines, start, blockCell) : ReadGrid(draft, lines, start, header, blockCell);
    }

    static int ReadGrid(FormDraft draft, List<Line> lines, int start, List<Line> header, Cell blockCell)
    {
        int dataStart = start + header.Count;
        int end = DataEnd(lines, dataStart, lines[start].Table, blockCell);
        int width = 0;
        for (int r = dataStart; r <= end; r++) width = Math.Max(width, lines[r].Cells.Count);
        var columns = HeaderColumns.Resolve(header, width, l => !IsValueColumn(l));
        foreach (var cell in header.SelectMany(h => h.Filled))
            if (TextNorm.UnitInParenthesis(cell.Label) is { } unit) draft.OwnUnit(unit);
        var described = DescriptionColumns(header[0], blockCell, columns.Count == 0 ? int.MaxValue : columns.Keys.Min());
        foreach (var label in columns.Values)
            if (YearColumn().Match(TextNorm.WithoutParenthesis(label)) is { Success: true } m) draft.ColumnYears.Add(int.Parse(m.Groups[1].Value));
        if (columns.Count == 0) return end;
        int firstValueCol = columns.Keys.Min();
        var names = ColumnNames(header, columns);
        var carried = new Dictionary<int, string>();
        for (int r = dataStart; r <= end; r++)
        {
            var row = lines[r];
            var path = new List<string>();
            var labelCells = row.Cells.Where(c => c.Col < firstValueCol && c.Ref != blockCell.Ref && !described.Contains(c.Col)).ToList();
            for (int k = 0; k < labelCells.Count; k++)
            {
                var c = labelCells[k];
                string? text = c.IsEmpty ? null : ItemLabel(c.Raw);
                bool last = k == labelCells.Count - 1;
                if (text is null && !last && carried.TryGetValue(c.Col, out var up)) text = up;
                if (text is not null && !c.IsEmpty) carried[c.Col] = text;
                if (!c.IsEmpty && last) foreach (var key in carried.Keys.Where(key => key > c.Col).ToList()) carried.Remove(key);
                if (text is not null) path.Add(text);
            }
            if (path.Count == 0) continue;
            var item = string.Join("/", path);
            foreach (var cell in row.Cells.Where(c => c.Col >= firstValueCol))
            {
                if (!names.TryGetValue(cell.Col, out var name)) continue;
                MoneyFacts.Add(draft, item, name, cell);
            }
        }
        return end;
    }

    /// <summary>
    /// col → column name. A leaf label that stands under two groups (总额 under 全年预算数 and under 全年执行数) is
    /// named with its group (`全年预算数/总额`): by the leaf alone the two columns would be one, as the side-by-side
    /// ruling says of items.
    /// </summary>
    static Dictionary<int, string> ColumnNames(List<Line> header, Dictionary<int, string> columns)
    {
        var names = columns.ToDictionary(p => p.Key, p => ColumnName(p.Value));
        foreach (var col in names.GroupBy(p => p.Value).Where(g => g.Count() > 1).SelectMany(g => g.Select(p => p.Key)).ToList())
        {
            var path = StackedHeader.Path(header, col);
            if (path.Count >= 2 && path[^2].Label != path[^1].Label) names[col] = ColumnName(path[^2].Label) + "/" + names[col];
        }
        return names;
    }

    /// <summary>The number cells of the row after <paramref name="r"/> in the same table (none at the table's end).</summary>
    static List<Cell> NextNumbers(List<Line> lines, int r) =>
        r + 1 < lines.Count && !lines[r + 1].IsParagraph && lines[r + 1].Table == lines[r].Table
            ? lines[r + 1].Filled.Where(c => TextNorm.IsNumber(c.Raw)).ToList()
            : new List<Cell>();

    static bool UnderValueColumn(Line header, Cell cell) =>
        header.Cells.Any(h => !h.IsEmpty && h.Col <= cell.Col && cell.Col < h.Col + h.Span && IsValueColumn(h.Label));

    /// <summary>
    /// Row-label columns that describe the item rather than name it: when the header names its label columns one
    /// by one (`任务名称 | 主要内容 | 预算金额`), the first names the item and the others (主要内容) are prose beside it.
    /// A label column without its own header label (a path such as 收入构成/财政拨款) stays part of the item.
    /// </summary>
    static HashSet<int> DescriptionColumns(Line header, Cell blockCell, int firstValueCol)
    {
        var named = header.Cells.Where(c => !c.IsEmpty && c.Ref != blockCell.Ref && c.Col < firstValueCol && !IsValueColumn(c.Label)).ToList();
        var cols = new HashSet<int>();
        foreach (var c in named.Skip(1))
            for (int k = c.Col; k < c.Col + c.Span; k++) cols.Add(k);
        return cols;
    }

    static int ReadPairs(FormDraft draft, List<Line> lines, int start, Cell blockCell)
    {
        int end = DataEnd(lines, start + 1, lines[start].Table, blockCell);
        var rows = new List<List<(Cell Label, string Item, Cell Value)>>();
        for (int r = start; r <= end; r++) rows.Add(Pairs(lines[r]));
        int first = rows.FindIndex(p => p.Count > 0);
        if (first < 0) return end;
        var groups = SideBySideGroups(rows, first);
        foreach (var p in rows[first]) Add(draft, p.Item, p.Value);
        foreach (var row in rows.Skip(first + 1))
            foreach (var p in row)
                Add(draft, groups.TryGetValue(p.Label.Col, out var g) ? g + "/" + p.Item : p.Item, p.Value);
        return end;
    }

    /// <summary>label → number pairs of a row; the block label itself is an item when a number follows it directly.</summary>
    static List<(Cell Label, string Item, Cell Value)> Pairs(Line row)
    {
        var pairs = new List<(Cell Label, string Item, Cell Value)>();
        Cell? labelCell = null;
        string? label = null;
        foreach (var cell in row.Filled)
        {
            if (TextNorm.IsNumber(cell.Raw))
            {
                if (label is not null) pairs.Add((labelCell!, label, cell));
                label = null;
            }
            else { label = ItemLabel(cell.Raw); labelCell = cell; }
        }
        return pairs;
    }

    /// <summary>
    /// Side-by-side blocks (中期资金总额 | 年度资金总额, each with its rows under it): which label column's rows
    /// are written under their first row's label. A first row whose amount is the sum of the rows under it
    /// (arithmetic, not its wording) is their total, an item of its own: its rows stay plain items, unless a row
    /// label recurs in another of the side-by-side blocks, where the total names the group so that the two
    /// 财政拨款 stay two facts (spec: grouped money blocks, item = group/row). A first row that is not the sum of
    /// its rows heads them as a group.
    /// </summary>
    static Dictionary<int, string> SideBySideGroups(List<List<(Cell Label, string Item, Cell Value)>> rows, int first)
    {
        var groups = new Dictionary<int, string>();
        if (rows[first].Count < 2) return groups;
        var below = rows.Skip(first + 1).SelectMany(r => r).ToList();
        foreach (var head in rows[first])
        {
            var mine = below.Where(p => p.Label.Col == head.Label.Col).ToList();
            bool total = Arithmetic.IsSumOf(head.Value.Raw, mine.Select(p => p.Value.Raw).ToList());
            bool recurs = mine.Any(p => below.Any(o => o.Label.Col != head.Label.Col && o.Item == p.Item));
            if (!total || recurs) groups[head.Label.Col] = head.Item;
        }
        return groups;
    }

    static void Add(FormDraft draft, string item, Cell value) => MoneyFacts.Add(draft, item, null, value);

    /// <summary>The last row of the block: rows go on while the block-label column stays empty.</summary>
    internal static int DataEnd(List<Line> lines, int from, int table, Cell blockCell)
    {
        int end = from - 1;
        for (int r = from; r < lines.Count; r++)
        {
            var row = lines[r];
            if (row.IsParagraph || row.Table != table) break;
            if (SectionDispatcher.OpensSection(row)) break;
            var atBlock = row.Cells.FirstOrDefault(c => c.Col <= blockCell.Col && blockCell.Col < c.Col + c.Span);
            if (atBlock is not null && !atBlock.IsEmpty) break;
            end = r;
        }
        return Math.Max(end, from - 1);
    }

    internal static string? ItemLabel(string raw)
    {
        var label = TextNorm.OutputLabel(raw);
        // `其中：财政拨款` is the item 财政拨款.
        if (label.StartsWith(Vocab.Instance.SharePrefix))
        {
            label = label[Vocab.Instance.SharePrefix.Length..];
            if (label.StartsWith(':') || label.StartsWith('：')) label = label[1..];
        }
        // A parenthesis after an item names its unit (`项目资金（万元）`) or remarks on it (`地方资金（省级）`): neither is
        // part of the item's name, as with value columns (`全年预算数（A）`) and goal labels.
        label = TextNorm.WithoutParenthesis(label);
        return label.Length == 0 ? null : label;
    }

    static string ColumnName(string label)
    {
        // Units and formula marks in parenthesis (`全年预算数（A）`, `执行率（B/A）`) are not part of the column's name.
        var bare = TextNorm.WithoutParenthesis(label);
        var m = YearColumn().Match(bare);
        return m.Success ? m.Groups[1].Value : bare;
    }

    [GeneratedRegex(@"^((?:19|20)\d{2})年?$")]
    private static partial Regex YearColumn();

}
