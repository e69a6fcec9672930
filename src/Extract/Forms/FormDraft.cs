namespace Jixiao.Extract;

/// <summary>A form being read: the output form plus what is only known once the whole form is seen.</summary>
internal sealed class FormDraft
{
    public Form Form { get; } = new();

    /// <summary>The form was read by OCR: its labels may have lost or misread a glyph (<see cref="LabelPolicy.OcrLabel"/>).</summary>
    public bool FromOcr { get; init; }

    /// <summary>Indicator tables in order, each with its scope hint (长期/年度/null).</summary>
    public List<IndicatorTable> IndicatorTables { get; } = new();

    /// <summary>Years seen in column headers (`2023年`), for 当年 = the year after them.</summary>
    public List<int> ColumnYears { get; } = new();

    /// <summary>Years written in paragraphs or cells of the form (`（2023年度）`), the last resort for year.</summary>
    public List<int> TextYears { get; } = new();

    /// <summary>Of <see cref="TextYears"/>, those written above a table of many projects: every project form it opens shares them.</summary>
    public List<int> TableTextYears { get; } = new();

    /// <summary>Years of the form's own dates (`计划开始时间 2023-01-01`): the form's year when they agree.</summary>
    public List<int> DateYears { get; } = new();

    /// <summary>True while <see cref="Form.Unit"/> is the book's (a unit line above the title, or the table a project
    /// row was split from): a unit the form states in its own block replaces it.</summary>
    public bool UnitInherited { get; set; }

    /// <summary>A unit stated in the form's own block (`单位：元`, `年度预算资金（万元）`): the first one wins over the book's.</summary>
    public void OwnUnit(string unit)
    {
        if (Form.Unit is not null && !UnitInherited) return;
        Form.Unit = unit;
        UnitInherited = false;
    }

    /// <summary>True once the form's body (indicators, goals, money, project list) has begun.</summary>
    public bool HasBody =>
        Form.Budget.Count > 0 || Form.Goals.Count > 0 || Form.Indicators.Count > 0 || IndicatorTables.Count > 0 || Form.Projects.Count > 0;

    /// <summary>True once indicators, goals or a project list have begun (money may stand among the header pairs).</summary>
    public bool HasBodyBesideMoney => Form.Goals.Count > 0 || Form.Indicators.Count > 0 || IndicatorTables.Count > 0 || Form.Projects.Count > 0;

    /// <summary>Product of the probabilities of the model's decisions for this form (1 when the rules decided all).</summary>
    public double ModelCertainty { get; set; } = 1;

    /// <summary>
    /// True when the form holds a fact: a value, a name, a goal or an indicator row. A template published blank
    /// (title, labels and an indicator grid with only its printed level names) has content but no fact: nothing
    /// was filed, so it is no form (as a 绩效 title with nothing under it).
    /// </summary>
    public bool HasFacts =>
        Form.Fields.Count > 0 || Form.Budget.Count > 0 || Form.Goals.Count > 0 || Form.Indicators.Count > 0 || Form.Projects.Count > 0 ||
        IndicatorTables.Any(t => t.Rows.Count > 0) || Form.Project is not null || Form.Department is not null;

    /// <summary>
    /// True when the draft is a form: it holds a fact, and either something names it (title, project, department)
    /// or it has goals or indicators. Money alone under no name (a 项目 | 金额 list in a report, a prize table) is a
    /// money table outside any form: its facts would belong to no form.
    /// </summary>
    public bool IsForm =>
        HasFacts && (Form.Title is not null || Form.Project is not null || Form.Department is not null ||
                     Form.Goals.Count > 0 || Form.Indicators.Count > 0 || IndicatorTables.Any(t => t.Rows.Count > 0) || Form.Projects.Count > 0);

    public bool HasContent =>
        Form.Fields.Count > 0 || Form.Budget.Count > 0 || Form.Goals.Count > 0 || Form.Indicators.Count > 0 ||
        IndicatorTables.Count > 0 || Form.Project is not null || Form.Department is not null;
}

/// <summary>One indicator table of a form; rows still carry raw history keys until the year is known.</summary>
internal sealed class IndicatorTable
{
    public string? ScopeHint { get; init; }

    /// <summary>True when the table has no 三级 column and its 一级 column holds level-2 names (seed 001).</summary>
    public bool MissingLevel3 { get; init; }

    /// <summary>Product of the model's probabilities for the columns whose role it guessed (1: all from the rules).</summary>
    public double ModelCertainty { get; init; } = 1;

    /// <summary>Columns whose role no header label named (read from their contents or by the model).</summary>
    public IReadOnlyList<ColumnDoubt> GuessedColumns { get; init; } = Array.Empty<ColumnDoubt>();

    public List<IndicatorRow> Rows { get; } = new();
}

internal sealed class IndicatorRow
{
    public required Indicator Indicator { get; init; }

    /// <summary>Raw history keys: "prev2", "prev1", or "year:2022".</summary>
    public Dictionary<string, string> RawHistory { get; } = new();
}
