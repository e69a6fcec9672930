using System.Globalization;

namespace Jixiao.Extract;

/// <summary>
/// Money cells as amounts, and the test that tells a total from a heading: a row whose amount equals the sum of
/// the amounts under it (or beside it) is their total, whatever it is called. Written amounts are rounded, so
/// the sum may be off by half a unit of the finest written decimal per term.
/// </summary>
internal static class Arithmetic
{
    /// <summary>A plain written amount (`1,234.50`, `0.00`); null for text, percentages and dashes.</summary>
    public static decimal? Amount(string raw)
    {
        if (!TextNorm.IsNumber(raw)) return null;
        var t = TextNorm.Label(raw).Replace(",", "");
        return decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    /// <summary>True when <paramref name="total"/> is the sum of at least one part, within the rounding of the written figures.</summary>
    public static bool IsSumOf(string total, IReadOnlyList<string> parts)
    {
        if (parts.Count == 0 || Amount(total) is not { } t) return false;
        decimal sum = 0;
        int decimals = Decimals(total);
        foreach (var p in parts)
        {
            if (Amount(p) is not { } a) return false;
            sum += a;
            decimals = Math.Max(decimals, Decimals(p));
        }
        decimal unit = 1m;
        for (int k = 0; k < decimals; k++) unit /= 10;
        return Math.Abs(t - sum) <= unit / 2 * (parts.Count + 1);
    }

    static int Decimals(string raw)
    {
        var t = TextNorm.Label(raw);
        int dot = t.IndexOf('.');
        return dot < 0 ? 0 : t.Length - dot - 1;
    }
}
