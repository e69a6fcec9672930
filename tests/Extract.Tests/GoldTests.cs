using System.Text.Json.Nodes;
using Jixiao.Extract;
using Jixiao.Training.Scoring;
using Jixiao.Ingest;
using Jixiao.Tests;

namespace Jixiao.Extract.Tests;

/// <summary>Every corpus document with a gold file is a test case; each has an F1 floor it must not fall under.</summary>
public class GoldTests
{
    /// <summary>Floors per document: the strict F1 this extractor reaches today, rounded down.</summary>
    public static TheoryData<string, string, double> Cases() => new()
    {
        { "seeds", "000_337716242a9e81d2", 0.99 },
        { "seeds", "001_91b75e353b5723c9", 0.99 },
        { "synthetic", "dept_target_01", 0.99 },
        { "synthetic", "dept_target_02", 0.97 },
        { "synthetic", "dept_target_03", 0.95 },
        { "synthetic", "long_target_01", 0.95 },
        { "synthetic", "multi_self_01", 0.97 },
        { "synthetic", "multi_self_old_01", 0.97 },
        { "synthetic", "proj_self_01", 0.97 },
        { "synthetic", "proj_self_02", 0.95 },
        { "synthetic", "proj_self_old_01", 0.99 },
        { "synthetic", "proj_target_01", 0.97 },
        { "synthetic", "proj_target_02", 0.97 },
        { "synthetic", "transfer_01", 0.97 },
        { "synthetic", "transfer_02", 0.97 },
        // Scanned: PP-OCR in-process; pages rendered by pdftoppm (poppler-utils: README, .ci/run installs it).
        { "synthetic", "scan_self_01", 0.99 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extraction_meets_its_F1_floor(string folder, string stem, double floor)
    {
        var dir = Corpus.File(folder);
        var docPath = Directory.EnumerateFiles(dir, stem + ".*").First(f => !f.EndsWith(".json"));
        var misses = new List<string>();
        var f1 = GoldCheck.StrictF1(docPath, Path.Combine(dir, stem + ".gold.json"), misses);
        Assert.True(f1 >= floor, $"{stem}: F1 {f1:0.000} < {floor}\n" + string.Join("\n", misses.Take(20)));
    }

    [Fact]
    public void Seed000_reads_the_2024_budget_and_history_years()
    {
        var doc = Extract("seeds", "000_337716242a9e81d2.txt");
        var form = Assert.Single(doc.Forms);
        Assert.Equal(FormKind.DepartmentTarget, form.Kind);
        Assert.Equal(2024, form.Year); // 当年 is the year after the 2023年/2022年 columns
        Assert.Equal("万元", form.Unit);
        Assert.Contains(form.Budget, b => b.Item == "收入构成/财政拨款" && b.Column == "2023" && b.Value == "545.89");
        var annual = form.Indicators.Single(i => i.Scope == "年度" && i.Level3 == "公用经费控制率");
        Assert.Equal(("运行成本", "公用经费控制", "100%"), (annual.Level1, annual.Level2, annual.Target));
        Assert.Equal("100%", annual.History["2022"]);
        Assert.Equal(2, form.Projects.Count);
    }

    [Fact]
    public void Seed001_shifts_level2_names_down_and_resolves_checkboxes()
    {
        var doc = Extract("seeds", "001_91b75e353b5723c9.txt");
        Assert.Equal(3, doc.Forms.Count);
        var first = doc.Forms[0];
        Assert.Equal("部门预算项目", first.Fields["项目类别"]);
        var cost = first.Indicators.First();
        Assert.Equal(("产出指标", "成本指标"), (cost.Level1, cost.Level2));
        Assert.Null(cost.Scope);
        Assert.DoesNotContain(doc.Forms[2].Fields.Values, v => v.Contains("bookmark"));
    }

    [Fact]
    public void A_document_without_forms_gives_a_warning_not_an_exception()
    {
        var src = new SourceDocument("x.txt", "text");
        src.Blocks.Add(new Paragraph("会议纪要"));
        var doc = Extractor.Extract(src);
        Assert.Empty(doc.Forms);
        Assert.Contains("no 绩效表 form found", doc.Warnings!);
    }

    static ExtractedDocument Extract(string folder, string file)
    {
        var read = DocumentReader.Read(Corpus.File(folder, file));
        Assert.True(read.Ok);
        return Extractor.Extract(read.Document!);
    }
}
