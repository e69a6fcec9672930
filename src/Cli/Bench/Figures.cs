using System.Globalization;

namespace Jixiao.Cli.Bench;

/// <summary>Number formatting for the report: rates, milliseconds, megabytes, percentiles.</summary>
internal static class Figures
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Rate(double count, TimeSpan t) =>
        t <= TimeSpan.Zero ? "-" : Num(count / t.TotalSeconds);

    public static string Num(double v) => v switch
    {
        >= 100 => v.ToString("0", Inv),
        >= 10 => v.ToString("0.0", Inv),
        _ => v.ToString("0.00", Inv),
    };

    public static string Ms(double ms) => ms.ToString(ms >= 100 ? "0" : "0.0", Inv);

    public static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0", Inv) + " MB";

    public static string Sec(TimeSpan t) => t.TotalSeconds.ToString("0.0", Inv) + " s";

    /// <summary>Nearest-rank percentile of <paramref name="sorted"/> (ascending), p in 0..100.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        int rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>The 1-, 5- and 15-minute load average (Linux), or "n/a".</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(" ", parts.Take(3));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return "n/a"; }
    }
}
