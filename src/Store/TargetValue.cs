using Jixiao.Extract;

namespace Jixiao.Store;

/// <summary>
/// A target as comparator + number + unit, read by the extractor's own <see cref="ValueParser"/> (one parser for
/// what `extract --json` shows, what the archive indexes and what `search --target` asks): `大于等于95%` and
/// `≥95%` are the same filter. Values without a number (定性, 有所提升) have none.
/// </summary>
public sealed record TargetValue(string? Comparator, double? Number, string? Unit)
{
    public static TargetValue? Parse(string? written) => From(ValueParser.Parse(written));

    /// <summary>The extractor's parsed value as a filterable target (null when it has no number).</summary>
    public static TargetValue? From(ParsedValue? parsed) =>
        parsed?.Number is double n ? new TargetValue(parsed.Comparator, n, parsed.Unit) : null;

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
