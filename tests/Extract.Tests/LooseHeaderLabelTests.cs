using Jixiao.Ingest;

namespace Jixiao.Extract.Tests;

/// <summary>
/// Issue 17: a header label written with stray brackets, spaces or one wrong character is read the same way by
/// every reader that asks "is this a label" (field pairs, label rows, form openings, goals) — the header policy of
/// the one label matcher, five characters or more for an edit, ties refused.
/// </summary>
public class LooseHeaderLabelTests
{
    [Theory]
    [InlineData("项目实施单住", true)]   // 项目实施单位, one wrong character
    [InlineData("项 目 名 称", true)]    // spaces
    [InlineData("【项目名称】", true)]   // stray brackets
    [InlineData("中央主管部门", true)]
    [InlineData("项目类剧", false)]      // four characters: one character is often the whole difference
    [InlineData("测试局", false)]
    public void Vocabulary_labels_are_known_however_loosely_written(string written, bool label)
    {
        Assert.Equal(label, FieldReader.IsVocabularyLabel(written));
        Assert.Equal(label, FieldReader.IsLabelOnly(written));
    }

    [Theory]
    [InlineData("年度总休目标", "年度目标")]
    [InlineData("【总体绩效目标】", "总体目标")]
    [InlineData("年度目标", "年度目标")]
    [InlineData("年度目休", null)]     // four characters: no edit
    [InlineData("项目绩效目标表", null)] // a table's title, not the goal label it is one character from
    [InlineData("年度目标完成情况表", null)]
    public void Goal_labels_are_known_however_loosely_written(string written, string? goal) =>
        Assert.Equal(goal, GoalReader.Canonical(written));

    [Fact]
    public void A_form_with_loosely_written_labels_reads_as_one_spelled_right()
    {
        var doc = new SourceDocument("loose.docx", "docx");
        doc.Blocks.Add(new Paragraph("2026年项目支出绩效目标表"));
        var t = new Table();
        void Row(params TableCell[] cells) { var r = new TableRow(); r.Cells.AddRange(cells); t.Rows.Add(r); }
        Row(new TableCell("项目名称"), new TableCell("甲项目"), new TableCell("主管部门"), new TableCell("测试局"));
        Row(new TableCell("项目实施单住"), new TableCell("乙单位"), new TableCell("项目负责人"), new TableCell("张三"));
        Row(new TableCell("年度总休目标"), new TableCell("完成建设任务。", colSpan: 3));
        Row(new TableCell("一级指标"), new TableCell("二级指标"), new TableCell("三级指标"), new TableCell("指标值"));
        Row(new TableCell("产出指标"), new TableCell("数量指标"), new TableCell("建设数"), new TableCell("10个"));
        doc.Blocks.Add(t);

        var f = Assert.Single(Extractor.Extract(doc).Forms);
        Assert.Equal(("甲项目", "测试局"), (f.Project, f.Department));
        Assert.Equal("乙单位", f.Fields.GetValueOrDefault("项目实施单住"));
        Assert.Equal("张三", f.Fields.GetValueOrDefault("项目负责人"));
        Assert.Equal(new[] { ("年度目标", "完成建设任务。") }, f.Goals.Select(g => (g.Label, g.Text)));
        Assert.Equal(("建设数", "10个"), (f.Indicators.Single().Level3, f.Indicators.Single().Target));
    }
}

/// <summary>
/// Issue 17 on scans: an OCR'd form's department label that lost or misread a glyph (`省管部门` for 省级主管部门, as
/// the Changsha transfer scan reads it) still gives the department — matched as OCR reads before the value is
/// assigned. In typed text a four-character label allows no edit, so the same table gives none.
/// </summary>
public class OcrHeaderLabelTests
{
    static SourceDocument TransferForm(bool ocr)
    {
        var doc = new SourceDocument("transfer.pdf", "pdf") { NeedsReview = ocr };
        doc.Blocks.Add(new Paragraph("2024年度中央对地方转移支付区域绩效目标表"));
        var t = new Table();
        void Row(params TableCell[] cells) { var r = new TableRow(); r.Cells.AddRange(cells); t.Rows.Add(r); }
        Row(new TableCell("专项资金名称"), new TableCell("普惠金融发展专项资金", colSpan: 3));
        Row(new TableCell("中央主管部门"), new TableCell("财政部"), new TableCell("省管部门"), new TableCell("湖南省财政厅"));
        Row(new TableCell("一级指标"), new TableCell("二级指标"), new TableCell("三级指标"), new TableCell("指标值"));
        Row(new TableCell("产出指标"), new TableCell("数量指标"), new TableCell("奖补地区数"), new TableCell("≥10个"));
        doc.Blocks.Add(t);
        return doc;
    }

    [Fact]
    public void An_ocr_read_department_label_gives_the_department()
    {
        var f = Assert.Single(Extractor.Extract(TransferForm(ocr: true)).Forms);
        Assert.Equal(("普惠金融发展专项资金", "湖南省财政厅"), (f.Project, f.Department));
        Assert.True(f.NeedsReview);
    }

    [Fact]
    public void A_typed_four_character_label_is_not_read_as_a_misreading()
    {
        var f = Assert.Single(Extractor.Extract(TransferForm(ocr: false)).Forms);
        Assert.Null(f.Department);
    }
}
