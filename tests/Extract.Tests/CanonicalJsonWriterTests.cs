using System.Text.Json;
using Jixiao.Ingest;
using Jixiao.Tests;

namespace Jixiao.Extract.Tests;

/// <summary>
/// `extract --json` is written by hand (CanonicalJsonWriter, for start-up) while the model's attributes still
/// define the JSON for the serializer (CanonicalJson.Options, which reads it back and writes `show --json`):
/// both must give the same bytes. A document with every property set catches a property added to the model
/// but not to the writer; real files catch the rest (escaping, numbers, Chinese text).
/// </summary>
public class CanonicalJsonWriterTests
{
    [Fact]
    public void EveryPropertySetIsWrittenAsTheSerializerWritesIt()
    {
        var doc = Full();
        var json = CanonicalJson.Serialize(doc);
        Assert.Equal(JsonSerializer.Serialize(doc, CanonicalJson.Options), json);
        Assert.Contains("\"target_parsed\": {", json);
        Assert.Contains("\"review_reasons\": [", json);
        Assert.Contains("\"dept_code\": \"292\"", json);
    }

    [Fact]
    public void NullsAndDefaultsAreWrittenOrLeftOutAsTheSerializerDoes()
    {
        var doc = new ExtractedDocument { File = "a.txt", Format = "text", Forms = { new Form(), new Form { Indicators = { new Indicator() }, Budget = { new BudgetFact() } } } };
        Assert.Equal(JsonSerializer.Serialize(doc, CanonicalJson.Options), CanonicalJson.Serialize(doc));
        doc.Warnings = new();
        Assert.Equal(JsonSerializer.Serialize(doc, CanonicalJson.Options), CanonicalJson.Serialize(doc));
    }

    [Theory]
    [InlineData("seeds", "000_337716242a9e81d2.txt")]
    [InlineData("real-gold", "guojia_xinfang_self_p30_31.pdf")]
    [InlineData("real", "广州市政务服务和数据局2026年部门整体预算绩效目标申报表.pdf")]
    public void RealExtractionsAreWrittenAsTheSerializerWritesThem(string folder, string name)
    {
        var read = DocumentReader.Read(Corpus.File(folder, name));
        Assert.True(read.Ok, read.Error?.ToString());
        var doc = Extractor.Extract(read.Document!);
        Assert.NotEmpty(doc.Forms);
        Assert.Equal(JsonSerializer.Serialize(doc, CanonicalJson.Options), CanonicalJson.Serialize(doc));
    }

    static ExtractedDocument Full()
    {
        var indicator = new Indicator
        {
            Scope = "项目", Level1 = "产出指标", Level2 = "数量指标", Level3 = "培训人次\"引号\"", Target = "≥1200人次",
            History = { ["2023"] = "1100", ["2022"] = "900" }, Actual = "1250", Weight = "10", Score = "9.5", Basis = "台账",
            Category = "定量", Deviation = "无", TargetParsed = new ParsedValue("≥", 1200.5, "人次", false),
            Source = new SourceRef(3, 4, 5), Confidence = 0.8125,
        };
        indicator.FlagForReview("ocr-confidence 0.62");
        var fact = new BudgetFact { Item = "财政拨款", Column = "年度预算", Value = "12.34", Source = new SourceRef(1, 2, 3), Confidence = 1e-7 };
        fact.FlagForReview("repaired: 2→≥");
        return new ExtractedDocument
        {
            File = "目录/表.pdf", Format = "pdf", Warnings = new() { "page 2 skipped: <bad> & 'odd'" },
            Forms =
            {
                new Form
                {
                    Kind = FormKind.ProjectSelfEval, Title = "项目支出绩效自评表", Year = 2024, Unit = "万元", Department = "国家信访局",
                    DeptCode = "292", Project = "信访干部培训专项", Fields = { ["主管部门"] = "国家信访局", ["实施单位"] = "本级" },
                    Budget = { fact }, Projects = { new ProjectLine { Name = "p", Category = "c", Total = "1", Annual = "2", Purpose = "u" } },
                    Goals = { new Goal { Label = "年度目标", Text = "完成\n培训" } }, Indicators = { indicator },
                    NeedsReview = true, Confidence = 0.95, Source = new SourceRef(0, 1, 2),
                },
            },
        };
    }
}
