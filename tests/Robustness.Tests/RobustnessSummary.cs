namespace Jixiao.Robustness.Tests;

/// <summary>
/// The counts issue #9's closing note asks for (bad inputs tried, fuzz cases run, kill points survived, facts
/// lost), written by the tests that measure them to robustness-summary.txt beside the test assembly
/// (bin/…/robustness-summary.txt), one line per count, so a CI run leaves them in one place. A line is
/// replaced when its test runs again; each carries the time it was measured.
/// </summary>
internal static class RobustnessSummary
{
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "robustness-summary.txt");

    static readonly object Gate = new();

    public static void Record(string name, long count, string detail)
    {
        var line = $"{name}: {count}  ({detail}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)";
        lock (Gate)
        {
            var lines = File.Exists(FilePath) ? File.ReadAllLines(FilePath).ToList() : [];
            lines.RemoveAll(l => l.StartsWith(name + ":", StringComparison.Ordinal));
            lines.Add(line);
            File.WriteAllLines(FilePath, lines.Order(StringComparer.Ordinal));
        }
    }
}
