using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Extract;

/// <summary>
/// Reads a written value (`≥95%`, `=100%`, `≤1018.55万元`, `约30天`, `95%以上`, `≥50万头（只）`, `定性`,
/// `有所提升`) as comparator, number and unit; text without a number is qualitative.
/// </summary>
public static partial class ValueParser
{
    public static ParsedValue? Parse(string? written)
    {
        if (written is null) return null;
        var s = TextNorm.Normalize(written).Replace(">=", "≥").Replace("<=", "≤");
        if (s.Length == 0) return null;
        var m = Shape().Match(s);
        if (!m.Success) return new ParsedValue(null, null, null, Qualitative: true);
        var op = Comparator(m.Groups["op"].Value) ?? Comparator(m.Groups["post"].Value);
        if (!double.TryParse(m.Groups["num"].Value.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var num))
            return new ParsedValue(op, null, null, true);
        var unit = m.Groups["unit"].Value;
        return new ParsedValue(op, num, unit.Length == 0 ? null : unit, false);
    }

    static string? Comparator(string written) => written switch
    {
        "" => null,
        "大于等于" or "大于或等于" or "不低于" or "不少于" or "至少" or "以上" or "及以上" or "或以上" => "≥",
        "小于等于" or "小于或等于" or "不高于" or "不超过" or "不多于" or "至多" or "以下" or "及以下" or "或以下" or "以内" => "≤",
        "大于" or "高于" or "超过" => ">",
        "小于" or "低于" => "<",
        "等于" or "达到" => "=",
        "约" or "大约" or "左右" => "约",
        var o => o,
    };

    [GeneratedRegex(@"^(?<op>≥|≤|>|<|=|约|大约|大于或等于|小于或等于|大于等于|小于等于|不低于|不少于|不高于|不超过|不多于|至少|至多|超过|大于|小于|高于|低于|等于|达到)?(?<num>[+-]?\d[\d,]*(\.\d+)?)(?<unit>%|‰|[\p{IsCJKUnifiedIdeographs}a-zA-Z²³/（）()]{0,8}?)(?<post>及以上|或以上|以上|及以下|或以下|以下|以内|左右)?$")]
    private static partial Regex Shape();
}
