using System.Text.Json.Serialization;

namespace Jixiao.Extract;

/// <summary>The canonical extraction of one file (spec/extraction.md, "The canonical output").</summary>
public sealed class ExtractedDocument
{
    public string File { get; set; } = "";
    public string Format { get; set; } = "";
    public List<Form> Forms { get; set; } = new();

    /// <summary>Why nothing (or little) was found: "no 绩效表 form found", parser warnings, …</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<string>? Warnings { get; set; }
}

/// <summary>One 绩效表 form. Several may come from one file.</summary>
public sealed class Form
{
    /// <summary>One of <see cref="FormKind"/>'s names (部门整体绩效目标表, …, 其他).</summary>
    public string Kind { get; set; } = FormKind.Other;
    public string? Title { get; set; }
    public int? Year { get; set; }
    public string? Unit { get; set; }
    public string? Department { get; set; }

    /// <summary>The department's budget code when the name carried one (`[292]国家信访局` → 292); not scored.</summary>
    [JsonPropertyName("dept_code")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DeptCode { get; set; }

    public string? Project { get; set; }

    /// <summary>Other header label → value pairs, in the order they appear.</summary>
    public Dictionary<string, string> Fields { get; set; } = new();
    public List<BudgetFact> Budget { get; set; } = new();
    public List<ProjectLine> Projects { get; set; } = new();
    public List<Goal> Goals { get; set; } = new();
    public List<Indicator> Indicators { get; set; } = new();

    /// <summary>Set when the form came from OCR or when extraction confidence is low.</summary>
    [JsonPropertyName("needs_review")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NeedsReview { get; set; }

    /// <summary>0..1: how sure the extractor is of this form as a whole.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; set; }

    /// <summary>Where the form starts in the source: block index of its first table or title.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SourceRef? Source { get; set; }

    /// <summary>The scorer's form key: project, else department, else title.</summary>
    [JsonIgnore]
    public string Key => Project ?? Department ?? Title ?? "";
}

/// <summary>The form kinds of the spec (closed list).</summary>
public static class FormKind
{
    public const string DepartmentTarget = "部门整体绩效目标表";
    public const string DepartmentSelfEval = "部门整体绩效自评表";
    public const string ProjectTarget = "项目支出绩效目标表";
    public const string ProjectSelfEval = "项目支出绩效自评表";
    public const string TransferTarget = "转移支付区域绩效目标表";
    public const string TransferSelfEval = "转移支付区域绩效自评表";
    public const string Other = "其他";

    public static readonly IReadOnlyList<string> All = new[]
    { DepartmentTarget, DepartmentSelfEval, ProjectTarget, ProjectSelfEval, TransferTarget, TransferSelfEval, Other };
}

/// <summary>The goal labels of the spec (closed list: `goals[].label`).</summary>
public static class GoalLabel
{
    public const string LongTerm = "长期目标";
    public const string Annual = "年度目标";
    public const string Expected = "预期目标";
    public const string Achieved = "实际完成情况";
    public const string Overall = "总体目标";
}

/// <summary>The indicator scopes of the spec (`indicators[].scope`, set where a form has both tables).</summary>
public static class Scope
{
    public const string LongTerm = "长期";
    public const string Annual = "年度";
}

/// <summary>A cell of the source document: which table block, row and column (grid column).</summary>
public sealed record SourceRef(int Block, int Row, int Col);

/// <summary>
/// What a stored value carries besides itself: how sure the extractor is and whether a person must look.
/// One definition for indicator rows and budget facts; written last in the JSON (order 100) so the scored keys
/// come first, as before.
/// </summary>
public abstract class ReviewedValue
{
    /// <summary>0..1, not scored. An indicator: how it was read (1 for a text layer, the mean OCR word confidence for a
    /// scan), times the model's probability for every column whose role it had to guess, times 0.6 when the row lacks
    /// a name or a value. A budget fact: null means as sure as its form.</summary>
    [JsonPropertyName("confidence"), JsonPropertyOrder(100)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; set; }

    /// <summary>Set when the value may not be what the source says (read by OCR below the trust threshold, repaired
    /// from its column's role, guessed by the model, or impossible for its column). A flagged value is stored but not
    /// treated as fact: search --target skips it unless asked.</summary>
    [JsonPropertyName("review"), JsonPropertyOrder(101)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Review { get; set; }

    /// <summary>Why <see cref="Review"/> is set, one short reason per cause (`ocr-confidence 0.62`, `repaired: 2→≥`).</summary>
    [JsonPropertyName("review_reasons"), JsonPropertyOrder(102)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? ReviewReasons { get; set; }

    /// <summary>Flags the value for review with its reason (each reason once).</summary>
    public void FlagForReview(string reason)
    {
        Review = true;
        ReviewReasons ??= new List<string>();
        if (!ReviewReasons.Contains(reason)) ReviewReasons.Add(reason);
    }
}

/// <summary>One number cell of a money block.</summary>
public sealed class BudgetFact : ReviewedValue
{
    public string Item { get; set; } = "";
    public string? Column { get; set; }
    public string Value { get; set; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SourceRef? Source { get; set; }
}

/// <summary>A row of a department form's 项目支出情况 list.</summary>
public sealed class ProjectLine
{
    public string Name { get; set; } = "";
    public string? Category { get; set; }
    public string? Total { get; set; }
    public string? Annual { get; set; }
    public string? Purpose { get; set; }
}

/// <summary>A goal text: label is one of 长期目标, 年度目标, 预期目标, 实际完成情况, 总体目标.</summary>
public sealed class Goal
{
    public string Label { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>One indicator row with its canonical hierarchy and values as written.</summary>
public sealed class Indicator : ReviewedValue
{
    public string? Scope { get; set; }
    public string? Level1 { get; set; }
    public string? Level2 { get; set; }
    public string? Level3 { get; set; }
    public string? Target { get; set; }
    public SortedDictionary<string, string> History { get; set; } = new(StringComparer.Ordinal);
    public string? Actual { get; set; }
    public string? Weight { get; set; }
    public string? Score { get; set; }
    public string? Basis { get; set; }
    public string? Category { get; set; }
    public string? Deviation { get; set; }

    /// <summary>The target parsed into comparator, number and unit (not scored; used by search).</summary>
    [JsonPropertyName("target_parsed")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ParsedValue? TargetParsed { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SourceRef? Source { get; set; }
}

/// <summary>A written value read as comparator + number + unit, or as qualitative text.</summary>
public sealed record ParsedValue(string? Comparator, double? Number, string? Unit, bool Qualitative);
