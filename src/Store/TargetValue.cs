using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Store;

/// <summary>
/// A written value read as comparator + number + unit (`≥95%` → ≥, 95, %). Used to index targets and to
/// parse the `--target` filter; values that do not start with a number (定性, 有所提升) have no number.
/// </summary>
public sealed record TargetValue(string? Comparator, double? Number, string? Unit)
{
    static readonly Regex Shape = new(@"^(?<op>≥|≤|>=|<=|>|<|=|＞|＜|不低于|不少于|不高于|不超过|大于|小于|低于|高于|超过)?(?<num>[-+]?\d+(?:\.\d+)?)(?<unit>.*)$",
        RegexOptions.CultureInvariant);

    public static TargetValue? Parse(string? written)
    {
        var s = TextNorm.Normalize(written).Replace(",", "");
        if (s.Length == 0) return null;
        var m = Shape.Match(s);
        if (!m.Success) return null;
        if (!double.TryParse(m.Groups["num"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return null;
        var unit = m.Groups["unit"].Value;
        // "以上/以下" after the number carry the comparator in Chinese word order (95%以上).
        string? op = CanonicalOp(m.Groups["op"].Value);
        if (unit.EndsWith("以上")) { op ??= "≥"; unit = unit[..^2]; }
        else if (unit.EndsWith("以下") || unit.EndsWith("以内")) { op ??= "≤"; unit = unit[..^2]; }
        return new TargetValue(op, number, unit.Length == 0 ? null : unit);
    }

    static string? CanonicalOp(string op) => op switch
    {
        "" => null,
        ">=" or "不低于" or "不少于" => "≥",
        "<=" or "不高于" or "不超过" => "≤",
        "＞" or "大于" or "高于" or "超过" => ">",
        "＜" or "小于" or "低于" => "<",
        _ => op,
    };

    /// <summary>True when <paramref name="value"/> satisfies this value read as a filter (`>=95%`).</summary>
    public bool Accepts(double value, string? unit)
    {
        if (Number is not double n) return false;
        if (Unit is not null && !string.Equals(Unit, unit, StringComparison.Ordinal)) return false;
        const double eps = 1e-9;
        return (Comparator ?? "=") switch
        {
            "≥" => value >= n - eps,
            "≤" => value <= n + eps,
            ">" => value > n + eps,
            "<" => value < n - eps,
            _ => Math.Abs(value - n) <= eps,
        };
    }
}
