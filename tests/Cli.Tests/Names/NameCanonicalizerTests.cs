using Jixiao.Extract;
using Jixiao.Ingest;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Names;

/// <summary>Department names without budget codes, and never a column header.</summary>
public class NameCanonicalizerTests
{
    [Theory]
    [InlineData("[292]国家信访局", "国家信访局", "292")]
    [InlineData("【292】国家信访局", "国家信访局", "292")]
    [InlineData("233_烟台市民政局", "烟台市民政局", "233")]
    [InlineData("国家信访局（292）", "国家信访局", "292")]
    [InlineData("国家信访局(292)", "国家信访局", "292")]
    [InlineData("鄂州市督查考评办公室", "鄂州市督查考评办公室", null)]
    [InlineData("第12中学", "第12中学", null)]
    [InlineData("2024年度某局", "2024年度某局", null)]
    public void BudgetCode_MovesOutOfTheName(string written, string name, string? code) =>
        Assert.Equal((name, code), NameCanonicalizer.SplitCode(written));

    [Theory]
    [InlineData("项目总金额", true)]
    [InlineData("项目名称", true)]
    [InlineData("国家信访局", false)]
    public void AKnownLabel_IsNoValue(string value, bool label) => Assert.Equal(label, NameCanonicalizer.IsLabel(value));

    [Fact]
    public void FlatExport_GivesNoFormAColumnHeaderAsDepartment()
    {
        // corpus/real/项目信息.xlsx: the header row's 单位 cell stands beside 项目总金额.
        var read = DocumentReader.Read(Corpus.File("real", "项目信息.xlsx"));
        var doc = Extractor.Extract(read.Document!);
        Assert.True(doc.Forms.Count > 250);
        Assert.DoesNotContain(doc.Forms, f => f.Department is { } d && NameCanonicalizer.IsLabel(d));
        Assert.DoesNotContain(doc.Forms, f => f.Department == "项目总金额");
    }

    [Fact]
    public void DeptCode_IsStoredAndExported()
    {
        using var t = new TempDir();
        var folder = t.Sub("in");
        var text = File.ReadAllText(Corpus.File("seeds", "000_337716242a9e81d2.txt")).Replace("鄂州市督查考评办公室", "[292]鄂州市督查考评办公室");
        File.WriteAllText(Path.Combine(folder, "coded.txt"), text);
        Assert.Equal(0, JixiaoProcess.Run("--db", t.Db, "import", folder).ExitCode);
        var csv = Path.Combine(t.Path, "f.csv");
        Assert.Equal(0, JixiaoProcess.Run("--db", t.Db, "export", "--format", "csv", "--out", csv).ExitCode);
        var rows = Export.Csv.ToDictionaries(Export.Csv.Parse(File.ReadAllText(csv).TrimStart('\uFEFF')));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(("鄂州市督查考评办公室", "292"), (r["department"], r["dept_code"])));
        var show = JixiaoProcess.Run("--db", t.Db, "show", "coded.txt");
        Assert.Contains("dept_code", show.Out);
    }
}
