using Jixiao.Extract;
using Jixiao.Ingest;
using Jixiao.Tests;

namespace Jixiao.Extract.Tests;

/// <summary>Layouts of published budget books: many projects in one table, packed hierarchies.</summary>
public class BudgetBookTests
{
    [Fact]
    public void Packed_cell_is_read_into_canonical_indicators()
    {
        var packed = "1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:\n每年≥20场；年度指标值:每年≥20场。2、2-效益指标；22-社会效益；构建城市运行\n监测指标体系；实施周期指标值:≥2次；年度指标值:≥1次。";
        var inds = PackedIndicatorReader.Parse(packed).ToList();
        Assert.Equal(2, inds.Count);
        Assert.Equal(("产出指标", "数量指标", "会议活动保障次数", "每年≥20场"), (inds[0].Level1, inds[0].Level2, inds[0].Level3, inds[0].Target));
        // The annual value wins over the whole-period value (spec: one value column per year).
        Assert.Equal(("构建城市运行监测指标体系", "≥1次"), (inds[1].Level3, inds[1].Target));
    }

    [Fact]
    public void One_table_of_many_projects_gives_one_form_per_project()
    {
        var doc = new SourceDocument("book.pdf", "pdf");
        doc.Blocks.Add(new Paragraph("北京市测试办公室2026年度部门预算"));
        doc.Blocks.Add(new Paragraph("项目支出绩效目标表"));
        doc.Blocks.Add(new Paragraph("金额单位：万元"));
        var t = new Table();
        void Row(params TableCell[] cells) { var r = new TableRow(); r.Cells.AddRange(cells); t.Rows.Add(r); }
        Row(new TableCell("项目名称"), new TableCell("项目总额"), new TableCell("绩效目标"), new TableCell("一级指标"), new TableCell("二级指标"), new TableCell("三级指标"), new TableCell("指标性质"), new TableCell("指标值"), new TableCell("度量单位"));
        Row(new TableCell("甲项目", rowSpan: 2), new TableCell("9.7", rowSpan: 2), new TableCell("目标甲", rowSpan: 2), new TableCell("产出指标"), new TableCell("数量指标"), new TableCell("报告数量"), new TableCell("＝"), new TableCell("2"), new TableCell("个"));
        Row(new TableCell("满意度指标"), new TableCell("服务对象满意度指标"), new TableCell("使用处室满意度"), new TableCell("≥"), new TableCell("90"), new TableCell("%"));
        Row(new TableCell("乙项目"), new TableCell("6"), new TableCell("目标乙"), new TableCell("效益指标"), new TableCell("社会效益指标"), new TableCell("法律纠纷次数"), new TableCell("≤"), new TableCell("1"), new TableCell("次"));
        doc.Blocks.Add(t);

        var forms = Extractor.Extract(doc).Forms;
        Assert.Equal(new[] { "甲项目", "乙项目" }, forms.Select(f => f.Project));
        Assert.All(forms, f => Assert.Equal((2026, "万元", "北京市测试办公室", FormKind.ProjectTarget), (f.Year, f.Unit, f.Department, f.Kind)));
        Assert.Equal(2, forms[0].Indicators.Count);
        Assert.Equal("≥90%", forms[0].Indicators[1].Target); // comparator + value + unit columns joined
        Assert.Equal("9.7", forms[0].Budget.Single(b => b.Item == "项目总额").Value);
        Assert.Equal("目标乙", forms[1].Goals.Single().Text);
    }

    [Fact]
    public void Real_guangzhou_book_yields_a_form_per_project_with_indicators()
    {
        var read = DocumentReader.Read(Corpus.File("real", "广州市政务服务和数据管理局2026年项目支出绩效目标表（含转移支付项目）.pdf"));
        Assert.True(read.Ok, read.Error?.ToString());
        var forms = Extractor.Extract(read.Document!).Forms;
        Assert.True(forms.Count >= 60, $"{forms.Count} forms");
        var first = forms[0];
        Assert.Equal((2026, "万元", "广州市政务服务和数据管理局", FormKind.ProjectTarget), (first.Year, first.Unit, first.Department, first.Kind));
        Assert.Contains(first.Indicators, i => i.Level3 == "会议活动保障次数" && i.Target == "每年≥20场" && i.Level2 == "数量指标");
    }
}
