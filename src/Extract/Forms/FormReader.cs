using System.Text.RegularExpressions;

namespace Jixiao.Extract;

/// <summary>
/// Walks the line stream, splits it into forms (spec: "each form starts at its own title paragraph or its
/// first 项目名称/部门（单位）名称 row") and hands each table row to the reader of its section.
/// </summary>
internal sealed partial class FormReader
{
    readonly List<Line> _lines;
    readonly List<FormDraft> _forms = new();
    FormDraft? _current;
    string? _pendingUnit;
    int? _pendingYear;

    /// <summary>True after an unrelated table ended a form, until the next form starts: further unrelated tables are skipped too.</summary>
    bool _betweenForms;

    readonly IRoleOracle _oracle;
    readonly bool _fromOcr;

    /// <param name="fromOcr">The lines were read by OCR: labels are then also matched as OCR misreads them.</param>
    public FormReader(List<Line> lines, IRoleOracle? oracle = null, bool fromOcr = false) =>
        (_lines, _oracle, _fromOcr) = (lines, oracle ?? RulesOnlyOracle.Instance, fromOcr);

    public List<FormDraft> Read(CancellationToken cancel = default)
    {
        for (int i = 0; i < _lines.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var line = _lines[i];
            if (line.IsParagraph) OnParagraph(line.Paragraph!, i > 0 ? _lines[i - 1] : null);
            else i = OnRow(i);
        }
        return _forms.Where(f => f.IsForm).ToList();
    }

    void OnParagraph(string text, Line? previous)
    {
        if (TitleRules.IsTitle(text))
        {
            StartForm(WrappedTitle.Join(previous, text) ?? text.Trim());
            return;
        }
        if (_current is not null && InlineMoneyLine.TryRead(_current, text)) return;
        ReadParagraphFields(text);
        var unit = UnitOf(text);
        if (unit is not null)
        {
            OnUnitLine(unit);
            return;
        }
        var year = TitleRules.OwnYearOf(text);
        if (year is not null && TitleRules.IsYearSubtitle(text))
        {
            if (_current is not null && !_current.HasContent) _current.Form.Year ??= year;
            else _pendingYear = year;
        }
        else if (year is not null && _current is not null && text.Length < 40 && Vocab.Instance.YearWords.Any(text.Contains)) _current.TextYears.Add(year.Value);
    }

    /// <summary>
    /// A `单位：…` line: the current form's own unit while its body has not begun (or it has none yet); after its
    /// body, the unit of the next form.
    /// </summary>
    void OnUnitLine(string unit)
    {
        if (_current is not null && (_current.Form.Unit is null || !_current.HasBody)) _current.OwnUnit(unit);
        else _pendingUnit = unit;
    }

    void StartForm(string? title)
    {
        if (_current is not null && !_current.HasContent && _current.Form.Title is not null && title is not null)
        {
            // Two title lines in a row: the first may be a heading (`2023年度`) or a unit header; keep the form title.
            if (TitleRules.KindFromTitle(_current.Form.Title) is null) _current.Form.Title = title;
            return;
        }
        if (_current is not null && !_current.HasContent)
        {
            _current.Form.Title ??= title;
            return;
        }
        _current = new FormDraft { FromOcr = _fromOcr };
        _betweenForms = false;
        _current.Form.Title = title;
        _current.Form.Unit = _pendingUnit;
        _current.UnitInherited = _pendingUnit is not null;
        _current.Form.Year = _pendingYear;
        _current.Form.Department = _pendingDepartment;
        _pendingDepartment = null;
        _pendingUnit = null;
        _pendingYear = null;
        _forms.Add(_current);
    }

    int OnRow(int i)
    {
        var line = _lines[i];
        var filled = line.Filled.ToList();
        if (filled.Count == 0) return i;

        // A spreadsheet often writes the title as a merged first row.
        if (filled.Count == 1 && TitleRules.IsTitle(filled[0].Raw))
        {
            StartForm(filled[0].Raw.Trim());
            return i;
        }
        if (filled.Count == 1 && _current is not null && InlineMoneyLine.TryRead(_current, filled[0].Raw)) return i;
        if (filled.Count == 1 && UnitOf(filled[0].Raw) is { } u)
        {
            if (_current is not null) _current.OwnUnit(u);
            else _pendingUnit = u;
            return i;
        }

        if ((_current is { HasContent: true } || _betweenForms) && FormBoundary.UnrelatedTableEnd(_lines, i) is var end and >= 0)
        {
            // Another table of the book: the form ends here, and the table's rows belong to no form. A unit line just
            // above it was that table's unit, not the next form's.
            _current = null;
            _betweenForms = true;
            _pendingUnit = null;
            return end;
        }
        if (_current is null) StartForm(null);
        else if (StartsNewForm(filled)) StartForm(null);
        return SectionDispatcher.Read(_current!, _lines, i, SplitByProject, _oracle);
    }

    /// <summary>A 项目名称 / 部门名称 row while the current form already has one starts the next form.</summary>
    bool StartsNewForm(List<Cell> filled)
    {
        var label = TextNorm.WithoutParenthesis(filled[0].Label);
        var v = Vocab.Instance;
        var form = _current!.Form;
        if (Array.IndexOf(v.ProjectLabels, filled[0].Label) >= 0 || Array.IndexOf(v.ProjectLabels, label) >= 0)
            return form.Project is not null || form.Indicators.Count > 0 || _current.IndicatorTables.Count > 0;
        if (Array.IndexOf(v.DepartmentLabels, filled[0].Label) >= 0)
            return form.Department is not null && (form.Indicators.Count > 0 || _current.IndicatorTables.Count > 0);
        return false;
    }

    /// <summary>
    /// One table, many projects (budget books: 项目名称 | 项目总额 | 绩效目标 | 一级指标 …): each project is a form
    /// of its own with the book's title, unit, year and department.
    /// </summary>
    FormDraft SplitByProject(FormDraft current, string project)
    {
        if (current.Form.Project is null && current.Form.Indicators.Count == 0 && current.IndicatorTables.All(t => t.Rows.Count == 0))
        {
            current.Form.Project = project;
            current.TableTextYears.AddRange(current.TextYears);
            return current;
        }
        var next = new FormDraft { FromOcr = current.FromOcr };
        next.Form.Title = current.Form.Title;
        next.Form.Unit = current.Form.Unit;
        next.UnitInherited = current.Form.Unit is not null;
        next.Form.Year = current.Form.Year;
        next.Form.Department = current.Form.Department;
        next.Form.Project = project;
        next.ColumnYears.AddRange(current.ColumnYears);
        // Only the years written above the table are shared: a project's own text (`2023年度申报预算…` in its
        // 测算依据) is that project's, not the next one's.
        next.TextYears.AddRange(current.TableTextYears);
        next.TableTextYears.AddRange(current.TableTextYears);
        _forms.Add(next);
        _current = next;
        return next;
    }

    /// <summary>`部门名称：广州市政务服务和数据管理局 单位：万元` above a table names the department of what follows.</summary>
    void ReadParagraphFields(string text)
    {
        if (text.Length > 100 || text.IndexOfAny(new[] { '：', ':' }) < 0) return;
        foreach (Match m in LabelledValue().Matches(text))
        {
            var label = TextNorm.Label(m.Groups[1].Value);
            var value = m.Groups[2].Value.Trim();
            if (value.Length == 0) continue;
            bool dept = Array.IndexOf(Vocab.Instance.DepartmentLabels, label) >= 0 || Array.IndexOf(Vocab.Instance.DepartmentAndFieldLabels, label) >= 0;
            if (!dept) continue;
            if (_current is not null && _current.Form.Department is null) _current.Form.Department = value;
            else _pendingDepartment = value;
        }
    }

    string? _pendingDepartment;

    [GeneratedRegex(@"([^\s：:]{2,12})[：:]\s*([^\s：:]+(?:\s(?![^\s：:]{2,12}[：:])[^\s：:]+)*)")]
    private static partial Regex LabelledValue();

    internal static string? UnitOf(string text)
    {
        var normalized = text.Normalize(System.Text.NormalizationForm.FormKC);
        // The pattern ends in a money unit, so a text that holds none cannot match: most paragraphs. Asked first
        // because the pattern's leading "not a letter" choice gives the regex engine no literal to skip ahead
        // to: it tries the pattern at every position of a paragraph (most of a long .doc's extraction time).
        if (!Vocab.Instance.MoneyUnits.Any(u => normalized.Contains(u, StringComparison.Ordinal))) return null;
        var m = UnitLine().Match(normalized);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>
    /// A unit label then a money unit (`单位：万元`, letter-spaced `单 位：元` in a justified PDF line), not inside a
    /// word; built from the vocabulary on first use.
    /// </summary>
    static Regex UnitLine() => _unitLine ??= new Regex(
        @"(?:^|[^\p{L}]|\s)(?:" + string.Join("|", Vocab.Instance.UnitLabels.OrderByDescending(l => l.Length).Select(LetterSpaced)) +
        @")\s*[:：]?\s*(" + Vocab.Alternation(Vocab.Instance.MoneyUnits) + ")");

    static string LetterSpaced(string word) => string.Join(@"\s*", word.Select(ch => Regex.Escape(ch.ToString())));

    static Regex? _unitLine;
}
