using Jixiao.Tests;
using Jixiao.Tools;

namespace Jixiao.Extract.Tests.Ocr;

/// <summary>
/// Text documents of the corpus rendered and degraded the way archive scans are (tools/ScanCorpus, the same
/// generator as scripts/make-scan-corpus), scored against their source's gold. Generated at test time: the
/// scans are megabytes each. Needs pdftoppm (poppler-utils).
/// </summary>
public class DegradedScanTests
{
    /// <summary>Floors: the strict F1 each scan reaches today, rounded down.</summary>
    public static TheoryData<string, double> Cases() => new()
    {
        { "scan_dept_target_03_seal_150dpi", 0.99 },      // red seal over the heading, 150 dpi, tilt
        { "scan_xian_self_p55_turned90", 0.98 },          // fed sideways
        { "scan_proj_self_02_tilt_jpeg", 0.96 },          // 1.2° tilt, JPEG quality 70
        { "scan_guojia_self_p34_upside_down_speckle", 0.97 }, // upside down, dense speckle, seal
        { "scan_fuzhou_2026_target_turned270", 0.99 },    // fed sideways the other way; the year is in the file name
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ADegradedScanMeetsItsFloor(string stem, double floor)
    {
        if (!(Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "pdftoppm")))) return;
        var dir = Path.Combine(Path.GetTempPath(), "jixiao-scans-" + Guid.NewGuid().ToString("N"));
        try
        {
            var pdf = Assert.Single(ScanCorpus.Generate(Corpus.Root, dir, ScanCorpus.Recipes.Where(r => r.Stem == stem)));
            var misses = new List<string>();
            var f1 = GoldCheck.StrictF1(pdf, Path.Combine(dir, stem + ".gold.json"), misses);
            Assert.True(f1 >= floor, $"{stem}: F1 {f1:0.000} < {floor}\n" + string.Join("\n", misses.Take(20)));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
