using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Extract;

/// <summary>Reads a written value (`≥95%`, `=100%`, `≤1018.55万元`, `定性`, `有所提升`) as comparator, number and unit.</summary>
public static partial class ValueParser
{
    public static ParsedValue? Parse(string? written)
    {
        if (written is null) return null;
        var s = TextNorm.Label(written).Replace("≧", "≥").Replace("≦", "≤").Replace(">=", "≥").Replace("<=", "≤");
        var m = Shape().Match(s);
        if (!m.Success) return new ParsedValue(null, null, null, Qualitative: true);
        var op = m.Groups["op"].Value switch
        {
            "" => null,
            "大于等于" or "不低于" or "不少于" => "≥",
            "小于等于" or "不高于" or "不超过" or "不多于" => "≤",
            "大于" or "高于" => ">",
            "小于" or "低于" => "<",
            "等于" => "=",
            var o => o,
        };
        if (!double.TryParse(m.Groups["num"].Value.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var num))
            return new ParsedValue(op, null, null, true);
        var unit = m.Groups["unit"].Value;
        return new ParsedValue(op, num, unit.Length == 0 ? null : unit, false);
    }

    [GeneratedRegex(@"^(?<op>≥|≤|>|<|=|约|大于等于|小于等于|不低于|不少于|不高于|不超过|不多于|大于|小于|高于|低于|等于)?(?<num>[+-]?\d[\d,]*(\.\d+)?)(?<unit>%|‰|[\p{IsCJKUnifiedIdeographs}a-zA-Z²³/]{0,6})$")]
    private static partial Regex Shape();
}
