namespace Jixiao.Extract;

/// <summary>
/// A long title wrapped over two centred lines (西安 自评表: `西安市级2022年西安市公共卫生中心` ⏎
/// `（西安市疾病预防控制中心新址）建设公务运转项目绩效自评表`). Only the second line reads as a title; the first is a
/// paragraph just before it that names the start of the title: short, no sentence or label punctuation, not a
/// table number, a unit line or a year subtitle. Without the join the title lost its first half.
/// </summary>
internal static class WrappedTitle
{
    const int MaxHeadLength = 40;
    static readonly char[] NotInTitle = { '。', '，', '；', '：', ',', ';', ':', '！', '？' };

    /// <returns>The whole title when <paramref name="previous"/> is its first line, else null.</returns>
    public static string? Join(Line? previous, string title)
    {
        if (previous is not { IsParagraph: true }) return null;
        var head = previous.Paragraph!.Trim();
        var label = TextNorm.Label(head);
        if (label.Length < 4 || label.Length > MaxHeadLength || label.IndexOfAny(NotInTitle) >= 0) return null;
        if (label.Count(IsHan) < 4 || TitleRules.IsTitle(head) || TitleRules.IsYearSubtitle(head) || TitleRules.IsListNumber(label)) return null;
        // A contents list (`7、…支出表8、…支出表` ⏎ `9、项目支出绩效目标表`): each line is a whole item, numbered or ending in 表.
        if (label.EndsWith('表') || TitleRules.StartsWithListNumber(TextNorm.Label(title))) return null;
        var joined = head + title.Trim();
        return TitleRules.IsTitle(joined) ? joined : null;
    }

    static bool IsHan(char c) => c >= '\u4e00' && c <= '\u9fff';
}
