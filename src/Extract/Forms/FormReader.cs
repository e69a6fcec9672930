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

    public FormReader(List<Line> lines) => _lines = lines;

    public List<FormDraft> Read()
    {
        for (int i = 0; i < _lines.Count; i++)
        {
            var line = _lines[i];
            if (line.IsParagraph) OnParagraph(line.Paragraph!);
            else i = OnRow(i);
        }
        return _forms.Where(f => f.HasContent).ToList();
    }

    void OnParagraph(string text)
    {
        if (TitleRules.IsTitle(text))
        {
            StartForm(text.Trim());
            return;
        }
        var unit = UnitOf(text);
        if (unit is not null)
        {
            if (_current is not null && _current.Form.Unit is null) _current.Form.Unit = unit;
            else _pendingUnit = unit;
            return;
        }
        var year = TitleRules.YearOf(text);
        if (year is not null && TitleRules.IsYearSubtitle(text))
        {
            if (_current is not null && !_current.HasContent) _current.Form.Year ??= year;
            else _pendingYear = year;
        }
        else if (year is not null && _current is not null && text.Length < 40) _current.TextYears.Add(year.Value);
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
        _current = new FormDraft();
        _current.Form.Title = title;
        _current.Form.Unit = _pendingUnit;
        _current.Form.Year = _pendingYear;
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
        if (filled.Count == 1 && UnitOf(filled[0].Raw) is { } u)
        {
            if (_current is not null) _current.Form.Unit ??= u;
            else _pendingUnit = u;
            return i;
        }

        if (_current is null) StartForm(null);
        else if (StartsNewForm(filled)) StartForm(null);
        return SectionDispatcher.Read(_current!, _lines, i);
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

    internal static string? UnitOf(string text)
    {
        var m = UnitRegex().Match(TextNorm.Label(text));
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"(?:^|[^\p{L}])(?:金额)?单位[:：]?(万元|元|千元|亿元)")]
    private static partial Regex UnitRegex();
}
