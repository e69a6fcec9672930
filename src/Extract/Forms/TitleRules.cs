using System.Buffers;
using System.Text.RegularExpressions;

namespace Jixiao.Extract;

/// <summary>Recognises form titles and reads kind and year from them.</summary>
internal static partial class TitleRules
{
    public static bool IsTitle(string raw)
    {
        var t = TextNorm.Label(raw);
        if (t.Length < 4 || t.Length > 70) return false;
        if (Vocab.Instance.UnitLabels.Any(t.StartsWith) || t.Contains('：') && !t.EndsWith(Vocab.Instance.Titles.Ending)) return false;
        return TitleRegex().IsMatch(t);
    }

    public static string? KindFromTitle(string? title)
    {
        if (title is null) return null;
        // `项目支出绩效目标表（含转移支付项目）`: a remark in parenthesis does not change the kind.
        var t = TextNorm.WithoutParenthesis(TextNorm.Label(title));
        // A mid-year 执行监控表 holds targets and progress, neither a target form nor a self-evaluation.
        var w = Vocab.Instance.Titles;
        if (w.Monitoring.Any(t.Contains)) return FormKind.Other;
        bool self = w.SelfEvaluation.Any(t.Contains);
        if (w.Transfer.Any(t.Contains)) return self ? FormKind.TransferSelfEval : FormKind.TransferTarget;
        if (w.Department.Any(t.Contains)) return self ? FormKind.DepartmentSelfEval : FormKind.DepartmentTarget;
        if (w.Project.Any(t.Contains)) return self ? FormKind.ProjectSelfEval : FormKind.ProjectTarget;
        return null;
    }

    /// <summary>
    /// The project a title names when the form has no 项目名称 row: `2024年度乡村道路养护项目绩效目标表` → 乡村道路养护,
    /// so that the forms of one book each get their own key. Null when the words before 项目 are only a year, a
    /// department-style prefix or a kind of project (vocabulary titleNotProject).
    /// </summary>
    public static string? ProjectOfTitle(string? title)
    {
        if (title is null) return null;
        var m = ProjectTitle().Match(TextNorm.WithoutParenthesis(TextNorm.Label(title)));
        if (!m.Success) return null;
        var name = LeadingYear().Replace(ListNumber().Replace(m.Groups[1].Value, ""), "");
        if (name.Count(char.IsLetter) < 2) return null;
        if (name.Length < 2 || Array.IndexOf(Vocab.Instance.TitleNotProject, name) >= 0) return null;
        if (Vocab.Instance.TitleNotProject.Any(w => name.EndsWith(w) && name.Length - w.Length <= 1)) return null;
        return name;
    }

    static Regex ProjectTitle() => _projectTitle ??= new Regex(Vocab.Instance.Titles.ProjectTitlePattern);

    static Regex? _projectTitle;

    /// <summary>True when the text is only a list or table number (`表16`, `附表3`, `预算13表`).</summary>
    public static bool IsListNumber(string label) => ListNumber().Match(label) is { Success: true } m && m.Length == label.Length;

    public static bool StartsWithListNumber(string label) => ListNumber().IsMatch(label);

    /// <summary>A list number or table number before a title (`9、`, `附表3`, `预算表12`): not part of any name.</summary>
    [GeneratedRegex(@"^(?:附?表\d+[、.．:：]?|\d{1,2}[、.．]|预算\d*表\d*)")]
    private static partial Regex ListNumber();

    [GeneratedRegex(@"^(?:(?:19|20)\d{2}年度?)+")]
    private static partial Regex LeadingYear();

    /// <summary>A year in a file name: `…2026年度…` or a bare `_2026_` token.</summary>
    public static int? YearOfFileName(string name) =>
        YearOf(name) ?? (BareYear().Match(name) is { Success: true } m ? int.Parse(m.Value) : null);

    public static int? YearOf(string? text)
    {
        if (text is null) return null;
        var m = YearRegex().Match(TextNorm.Label(text));
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }

    /// <summary>
    /// A year the text states about itself, not one inside a cited document: titles in 《…》, document numbers
    /// (`〔2018〕12号`, `[2022]502号`, `【2022】`) are removed first (spec: a year in a cited document number or a
    /// policy title is never the form's year).
    /// </summary>
    public static int? OwnYearOf(string? text) => text is null ? null : YearOf(WithoutCitations(text));

    /// <summary>Every year the text states about itself (`2022年`), cited documents removed.</summary>
    public static IEnumerable<int> OwnYearsOf(string text) =>
        YearRegex().Matches(TextNorm.Label(WithoutCitations(text))).Select(m => int.Parse(m.Groups[1].Value));

    public static string WithoutCitations(string text) => MayCite(text) ? Citation().Replace(text, "") : text;

    /// <summary>
    /// False when <see cref="Citation"/> cannot match: every match holds a 《, or an opening bracket followed by
    /// white space and 19/20. The regex's lazy lead-in (the clause before a document number) is tried from every
    /// position up to the next clause break, which is quadratic in a long paragraph: a 600 KB .doc spent most
    /// of its extraction here. Most paragraphs cite nothing, and this look is linear.
    /// </summary>
    static bool MayCite(string text)
    {
        if (text.Contains('《')) return true;
        for (int i = text.AsSpan().IndexOfAny(OpeningBrackets); i >= 0 && i < text.Length;)
        {
            int j = i + 1;
            while (j < text.Length && char.IsWhiteSpace(text[j])) j++; // the regex's \s: the same characters
            if (j + 1 < text.Length && (text[j] == '1' && text[j + 1] == '9' || text[j] == '2' && text[j + 1] == '0')) return true;
            int next = text.AsSpan(i + 1).IndexOfAny(OpeningBrackets);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return false;
    }

    static readonly SearchValues<char> OpeningBrackets = SearchValues.Create("〔[【（(");

    // A cited document: its title in 《…》, or the clause that ends in its number (`关于做好2018年度…的通知（市财预〔2018〕8号）`),
    // or a bare number bracket.
    [GeneratedRegex(@"[^，。；,;\n]*?[〔\[【（(]\s*(?:19|20)\d{2}\s*[〕\]】）)]\s*第?\s*\d+\s*号[）)]?|《[^》]*》|[〔\[【（(]\s*(?:19|20)\d{2}\s*[〕\]】）)]")]
    private static partial Regex Citation();

    /// <summary>
    /// The year of a value that is a date or a date range within one year (`2023-01-01`, `2023年1月至2023年12月`);
    /// null for other text or a range over several years (an implementation period says nothing of the form's year).
    /// </summary>
    public static int? YearOfDate(string value)
    {
        var m = DateRange().Match(TextNorm.Label(value));
        if (!m.Success) return null;
        int first = int.Parse(m.Groups[1].Value);
        return m.Groups[2].Success && int.Parse(m.Groups[2].Value) != first ? null : first;
    }

    [GeneratedRegex(@"^((?:19|20)\d{2})[-./年]\d{1,2}(?:[-./月]\d{1,2}日?|月)?(?:(?:至|到|-|—|~|－|～)((?:19|20)\d{2})[-./年]\d{1,2}(?:[-./月]\d{1,2}日?|月)?)?$")]
    private static partial Regex DateRange();

    /// <summary>A subtitle that only gives the year: `（2023年度）`, `2023年度`.</summary>
    public static bool IsYearSubtitle(string raw) => SubtitleRegex().IsMatch(TextNorm.Label(raw));

    /// <summary>A title word, later the title ending (`…绩效…表`), or a title name anywhere; built from titles.json on first use.</summary>
    static Regex TitleRegex() => _title ??= new Regex(
        "(" + Vocab.Alternation(Vocab.Instance.Titles.TitleWordList) + ").*" + Regex.Escape(Vocab.Instance.Titles.Ending) + "$|" +
        Vocab.Alternation(Vocab.Instance.Titles.Names));

    static Regex? _title;

    [GeneratedRegex(@"(?<!\d)20\d{2}(?!\d)")]
    private static partial Regex BareYear();

    [GeneratedRegex(@"((?:19|20)\d{2})\s*年")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"^[（(]?(19|20)\d{2}年度?[）)]?$")]
    private static partial Regex SubtitleRegex();
}
