using Jixiao.Ingest;

namespace Jixiao.Extract.Tests.Ocr;

/// <summary>Each OCR repair rule, and the review flag it leaves on the value it changed.</summary>
public class OcrRepairTests
{
    [Theory]
    [InlineData(">=95%", "≥95%")]
    [InlineData("=>90%", "≥90%")]
    [InlineData("<=3工作日", "≤3工作日")]
    [InlineData("≧80%", "≥80%")]
    [InlineData("295%", "≥95%")]          // ≥ read as 2 in front of a rate
    [InlineData("95o/o", "95%")]          // percent sign in pieces
    [InlineData("95％", "95%")]
    public void ComparatorsAndPercentSignsAreRepairedInTargets(string read, string repaired)
    {
        Assert.Equal(repaired, OcrValueRepair.Target(read, out var reason));
        Assert.Equal($"repaired: {read}→{repaired}", reason);
    }

    [Theory]
    [InlineData("已于.2025年2月完成", "已于2025年2月完成")]   // a speck between a word and its number
    [InlineData("≤1-次", "≤1次")]                             // between a number and its unit
    [InlineData("1Q0%", "100%")]                              // a speck on a 0
    [InlineData("o4次", "4次")]                               // before the value
    [InlineData("圆满完成+.?", "圆满完成")]                   // after its last word
    [InlineData("0次…", "0次")]
    [InlineData("o 4次", "4次")]                              // the same, set apart by a space
    [InlineData("圆满完成 +.?", "圆满完成")]
    public void SpecksReadAsMarksInsideAValueAreRepaired(string read, string repaired)
    {
        Assert.Equal(repaired, OcrValueRepair.Target(read, out var reason));
        Assert.Equal($"repaired: {read}→{repaired}", reason);
    }

    [Theory]
    [InlineData("1-2次")]     // a range
    [InlineData("≤0.5%")]
    [InlineData("按时完成。")]
    [InlineData("2025年12月")]
    public void MarksAValueMayHaveAreKept(string read)
    {
        Assert.Equal(read, OcrValueRepair.Target(read, out var reason));
        Assert.Null(reason);
    }

    [Fact]
    public void ASpeckAloneInATextCellIsNoValue()
    {
        Assert.Null(OcrValueRepair.Text("+", out var reason));
        Assert.Equal("repaired: +→(none)", reason);
        Assert.Equal("政策原因", OcrValueRepair.Text("政策原因", out reason));
        Assert.Null(reason);
    }

    [Theory]
    [InlineData("200%")]     // a rate over 100% that does not read as ≥ + a rate: left alone
    [InlineData("≥95%")]
    [InlineData("118家")]
    [InlineData("有所提升")]
    public void WellFormedOrAmbiguousTargetsAreLeftAsRead(string read)
    {
        Assert.Equal(read, OcrValueRepair.Target(read, out var reason));
        Assert.Null(reason);
    }

    [Theory]
    [InlineData("1700:00", "1700.00")]
    [InlineData("5O3.28", "503.28")]
    public void MoneyDecimalPointsAndZerosAreRepaired(string read, string repaired)
    {
        Assert.Equal(repaired, OcrValueRepair.Money(read, out var reason));
        Assert.NotNull(reason);
    }

    [Theory]
    [InlineData("120..00", "120.00")]     // the point read twice
    [InlineData("120.00*", "120.00")]     // a speck after the number
    [InlineData("120. 00 *", "120.00")]   // and spaces the recogniser put inside
    public void MoneyWithASpeckMarkIsRepaired(string read, string repaired)
    {
        Assert.Equal(repaired, OcrValueRepair.Money(read, out var reason));
        Assert.Equal($"repaired: {read}→{repaired}", reason);
    }

    [Theory]
    [InlineData("8-", "8")]
    [InlineData("20*", "20")]
    [InlineData("*10", "10")]
    [InlineData("12.5.", "12.5")]
    public void WeightsAndScoresLoseSpeckMarks(string read, string repaired)
    {
        Assert.Equal(repaired, OcrValueRepair.Number(read, out var reason));
        Assert.Equal($"repaired: {read}→{repaired}", reason);
    }

    [Theory]
    [InlineData("-2")]        // a deduction
    [InlineData(".5")]
    [InlineData("8")]
    [InlineData("优")]        // not a number: left as read
    public void WeightsAndScoresThatAreNumbersOrWordsAreLeftAsRead(string read)
    {
        Assert.Equal(read, OcrValueRepair.Number(read, out var reason));
        Assert.Null(reason);
    }

    [Fact]
    public void MoneyThatIsNotANumberAfterRepairIsLeftAlone()
    {
        Assert.Equal("约O元", OcrValueRepair.Money("约O元", out var reason));
        Assert.Null(reason);
    }

    [Theory]
    [InlineData("口新增项目 √延续项目", "□新增项目 √延续项目")]
    [InlineData("1.口部门预算项目 2.〇省直专项", "1.□部门预算项目 2.□省直专项")]
    public void CheckboxMarksInOptionListsAreRepaired(string read, string repaired)
    {
        Assert.Equal(repaired, OcrValueRepair.Checkboxes(read, out var reason));
        Assert.NotNull(reason);
    }

    [Theory]
    [InlineData("人口出生率")]            // 口 inside a word
    [InlineData("口岸通关时间")]          // one mark alone is no option list
    public void OrdinaryTextWith口IsNotACheckbox(string read)
    {
        Assert.Equal(read, OcrValueRepair.Checkboxes(read, out var reason));
        Assert.Null(reason);
    }

    [Theory]
    [InlineData(".产出.指标", "产出指标")]
    [InlineData("|数量指标", "数量指标")]
    [InlineData("满意度。指标", "满意度指标")]
    [InlineData("「效益指标」", "效益指标")]
    [InlineData("产出指挥", "产出指标")]   // one glyph misread
    public void LevelNamesAreMatchedToTheVocabularyAfterNoiseIsRemoved(string read, string repaired)
    {
        var ind = new Indicator { Level1 = read };
        OcrRepair.Apply(ind);
        Assert.Equal(repaired, ind.Level1);
        Assert.True(ind.Review);
        Assert.Contains(ind.ReviewReasons!, r => r.StartsWith("repaired: "));
    }

    [Fact]
    public void ALabelAlreadyInTheVocabularyIsNotFlagged()
    {
        var ind = new Indicator { Level1 = "产出指标", Level2 = "数量指标" };
        OcrRepair.Apply(ind);
        Assert.False(ind.Review);
    }

    /// <summary>A scanned form as the OCR engine hands it over: cells with confidences, one of them weak.</summary>
    static SourceDocument ScannedForm(double weak)
    {
        var doc = new SourceDocument("scan.pdf", "pdf") { NeedsReview = true, OcrConfidence = 93 };
        doc.Blocks.Add(new Paragraph("2024年度项目支出绩效目标表"));
        var t = new Table();
        void Row(double conf, params string[] cells)
        {
            var row = new TableRow();
            foreach (var c in cells) row.Cells.Add(new TableCell(c) { Confidence = c.Length == 0 ? null : conf });
            t.Rows.Add(row);
        }
        Row(0.99, "项目名称", "示范项目", "主管部门", "示范局");
        Row(0.99, "一级指标", "二级指标", "三级指标", "指标值");
        Row(0.98, "产出指标", "数量指标", "培训人次", ">=500人次");
        Row(weak, "效益指标", "社会效益指标", "群众知晓率", "≥90%");
        Row(0.97, "满意度指标", "服务对象满意度指标", "群众满意度", "≥95%");
        doc.Blocks.Add(t);
        return doc;
    }

    [Fact]
    public void RepairedAndWeaklyReadValuesAreFlaggedWithTheirReasonAndConfidence()
    {
        var doc = Extractor.Extract(ScannedForm(weak: 0.62));
        var form = Assert.Single(doc.Forms);
        var repaired = form.Indicators.Single(i => i.Level3 == "培训人次");
        Assert.Equal("≥500人次", repaired.Target);
        Assert.Equal("≥", repaired.TargetParsed?.Comparator);
        Assert.True(repaired.Review);
        Assert.Contains("repaired: >=500人次→≥500人次", repaired.ReviewReasons!);

        var weak = form.Indicators.Single(i => i.Level3 == "群众知晓率");
        Assert.True(weak.Review);
        Assert.Contains("ocr-confidence 0.62", weak.ReviewReasons!);
        Assert.True(weak.Confidence <= 0.62);

        var sure = form.Indicators.Single(i => i.Level3 == "群众满意度");
        Assert.False(sure.Review);

        // The flags are part of the canonical JSON that the archive and `extract --json` take.
        var json = CanonicalJson.Serialize(doc);
        Assert.Contains("\"review\": true", json);
        Assert.Contains("ocr-confidence 0.62", json);
    }

    [Fact]
    public void TextDocumentsAreNeverFlaggedByOcrReview()
    {
        var source = ScannedForm(weak: 0.5);
        source.NeedsReview = false;
        foreach (var c in source.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells)) c.Confidence = null;
        var doc = Extractor.Extract(source);
        Assert.All(doc.Forms.SelectMany(f => f.Indicators), i => Assert.False(i.Review));
    }
}
