using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Cli.Export;

/// <summary>
/// A money cell as a number: thousands separators and full-width digits read, the unit taken from the value
/// itself (`12.5万元`), else from its column header (`资金总额（万元）`), else from the form's 金额单位; and the
/// amount in 万元 (the unit budget tables mostly use) so rows written in 元 and 万元 can be summed together.
/// </summary>
internal static partial class Amount
{
    public sealed record Reading(double? Number, string? Unit, double? WanYuan);

    static readonly (string Unit, double PerWan)[] Units = { ("亿元", 10000), ("万元", 1), ("千元", 0.1), ("元", 0.0001) };

    public static Reading Read(string? value, string? column, string? formUnit)
    {
        if (string.IsNullOrWhiteSpace(value)) return new Reading(null, null, null);
        var v = value.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        var m = Number().Match(v);
        double? n = m.Success && double.TryParse(m.Groups["n"].Value.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : null;
        var unit = UnitIn(m.Success ? m.Groups["u"].Value : v) ?? UnitIn(column) ?? UnitIn(formUnit);
        double? wan = n is double d && unit is not null ? Math.Round(d * Units.First(u => u.Unit == unit).PerWan, 6) : null;
        return new Reading(n, unit, wan);
    }

    static string? UnitIn(string? s)
    {
        if (string.IsNullOrEmpty(s)) return null;
        foreach (var (u, _) in Units)
            if (s.Contains(u, StringComparison.Ordinal)) return u;
        return null;
    }

    [GeneratedRegex(@"^(?<n>[+-]?\d[\d,]*(\.\d+)?)\s*(?<u>\D{0,4})$")]
    private static partial Regex Number();
}
