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
    public void Packed_cell_with_commas_and_full_width_hyphens_is_read()
    {
        // Guangzhou 生态环境局: `1.` before the first entry, `，` between the parts, `；`/`;` between entries, a
        // comma inside a whole-period value, codes letter-spaced by a justified line, a colon dropped before 》.
        var packed = "1.2－效益指标，23－生态效益，为赛事涉水水域水质\n状况提供基础支撑（是/否）；实施周期指标值：是，\n年度指标值：是；2、1－产出指标，12－质量指标，规范化；实施周期指标值：考察是否符合规范，合规得满分。年度指标值：是;"
                     + "3、4-成本指标；\n4 1 - 经 济 成本指标；诉讼费用；实施周期指标值:≤1万元；年度指标值:≤1万元。4、1－产出指标，13－时效指标，合同进度执行率；实施周期指标值》90%，年度指标值》90%;";
        var inds = PackedIndicatorReader.Parse(packed).ToList();
        Assert.Equal(4, inds.Count);
        Assert.Equal(("效益指标", "生态效益", "为赛事涉水水域水质状况提供基础支撑（是/否）", "是"), (inds[0].Level1, inds[0].Level2, inds[0].Level3, inds[0].Target));
        Assert.Equal(("规范化", "是"), (inds[1].Level3, inds[1].Target));
        Assert.Equal(("成本指标", "经 济 成本指标", "诉讼费用", "≤1万元"), (inds[2].Level1, inds[2].Level2, inds[2].Level3, inds[2].Target));
        Assert.Equal(("合同进度执行率", "》90%"), (inds[3].Level3, inds[3].Target));
    }

    [Fact]
    public void Two_row_header_with_subtotals_and_a_comparator_in_the_value_type_column()
    {
        var doc = new SourceDocument("changsha.pdf", "pdf");
        doc.Blocks.Add(new Paragraph("2026年项目支出绩效目标表"));
        doc.Blocks.Add(new Paragraph("部门名称：长沙市测试局 单位：万元"));
        var t = new Table();
        void Row(params TableCell[] cells) { var r = new TableRow(); r.Cells.AddRange(cells); t.Rows.Add(r); }
        Row(new TableCell("单位编码", rowSpan: 2), new TableCell("单位（项目）名称", rowSpan: 2), new TableCell("资金总额", rowSpan: 2), new TableCell("绩效目标", rowSpan: 2), new TableCell("绩效指标", colSpan: 7));
        Row(new TableCell("一级指标"), new TableCell("二级指标"), new TableCell("三级指标"), new TableCell("指标值"), new TableCell("度量单位"), new TableCell("指标值类型"), new TableCell("备注"));
        Row(new TableCell("合计"), new TableCell(""), new TableCell("50"), new TableCell(""), new TableCell(""), new TableCell(""), new TableCell(""), new TableCell(""), new TableCell(""), new TableCell(""), new TableCell(""));
        Row(new TableCell("1"), new TableCell("长沙市测试局"), new TableCell("50"), new TableCell(""), new TableCell(""), new TableCell(""), new TableCell(""), new TableCell(""), new TableCell(""), new TableCell(""), new TableCell(""));
        Row(new TableCell("1", rowSpan: 3), new TableCell("甲专项", rowSpan: 3), new TableCell("50", rowSpan: 3), new TableCell("目标甲", rowSpan: 3), new TableCell("产出指标", rowSpan: 2), new TableCell("数量指标"), new TableCell("调拨单位数"), new TableCell("10"), new TableCell("个"), new TableCell("≥"), new TableCell("10"));
        Row(new TableCell("时效指标"), new TableCell("调拨及时性"), new TableCell("按时"), new TableCell(""), new TableCell("定性"), new TableCell("5"));
        Row(new TableCell("效益指标"), new TableCell("生态效益指标"), new TableCell("不适用生态效益指标"), new TableCell("无"), new TableCell(""), new TableCell("定性"), new TableCell(""));
        doc.Blocks.Add(t);

        var forms = Extractor.Extract(doc).Forms;
        var f = Assert.Single(forms);
        Assert.Equal(("甲专项", "长沙市测试局", "万元", 2026), (f.Project, f.Department, f.Unit, f.Year));
        Assert.Equal(new[] { ("资金总额", "50") }, f.Budget.Select(b => (b.Item, b.Value)));
        Assert.Equal(new[] { ("调拨单位数", "≥10个"), ("调拨及时性", "按时") }, f.Indicators.Select(i => (i.Level3!, i.Target!)));
        Assert.All(f.Indicators, i => Assert.Null(i.Weight)); // 备注 is not extracted, whatever it holds
    }

    [Fact]
    public void Title_row_inside_a_joined_table_starts_the_next_form()
    {
        // Fuzhou: one form per page, the PDF reader joined the page tables; the second title is a full-width row.
        var doc = new SourceDocument("fuzhou.pdf", "pdf");
        var t = new Table();
        void Row(params TableCell[] cells) { var r = new TableRow(); r.Cells.AddRange(cells); t.Rows.Add(r); }
        foreach (var (name, money, ind) in new[] { ("甲", "1700.00", "新车注册登记数"), ("乙", "5000.00", "年度新建项目数") })
        {
            Row(new TableCell(name + "项目绩效目标表", colSpan: 6));
            Row(new TableCell("项目名称"), new TableCell(name, colSpan: 5));
            Row(new TableCell("专项资金情况\n（万元）", rowSpan: 2), new TableCell("资金总额", colSpan: 2), new TableCell(money, colSpan: 3));
            Row(new TableCell("其他资金", colSpan: 2), new TableCell("0.00", colSpan: 3));
            Row(new TableCell("绩效目标指标"), new TableCell("一级指标"), new TableCell("二级指标"), new TableCell("三级指标", colSpan: 2), new TableCell("指标值"));
            Row(new TableCell("绩效目标指标"), new TableCell("产出指标"), new TableCell("数量指标"), new TableCell(ind, colSpan: 2), new TableCell("≥6 个"));
            Row(new TableCell("备注"), new TableCell("", colSpan: 5));
        }
        doc.Blocks.Add(t);

        var forms = Extractor.Extract(doc).Forms;
        Assert.Equal(new[] { "甲", "乙" }, forms.Select(f => f.Project));
        Assert.Equal(new[] { "新车注册登记数" }, forms[0].Indicators.Select(i => i.Level3));
        Assert.Equal(new[] { ("资金总额", "5000.00"), ("其他资金", "0.00") }, forms[1].Budget.Select(b => (b.Item, b.Value)));
        Assert.Equal("万元", forms[1].Unit);
    }

    [Fact]
    public void Grouped_money_blocks_give_group_slash_row_items()
    {
        var doc = new SourceDocument("dept.pdf", "pdf");
        doc.Blocks.Add(new Paragraph("部门整体预算绩效目标申报表"));
        var t = new Table();
        void Row(params TableCell[] cells) { var r = new TableRow(); r.Cells.AddRange(cells); t.Rows.Add(r); }
        Row(new TableCell("部门名称"), new TableCell("测试局", colSpan: 4));
        Row(new TableCell("预算整体情况", rowSpan: 4), new TableCell("部门预算支出"), new TableCell("预算金额（万元）"), new TableCell("收入来源"), new TableCell("预算金额（万元）"));
        Row(new TableCell("基本支出"), new TableCell("1,200.50"), new TableCell("财政拨款"), new TableCell("1,300.50"));
        Row(new TableCell("事业发展性支出"), new TableCell("预算金额（万元）"), new TableCell("按预算级次划分"), new TableCell("预算金额（万元）"));
        Row(new TableCell("财政专项资金"), new TableCell("0.00"), new TableCell("市本级使用资金"), new TableCell("1,300.50"));
        Row(new TableCell("年度重点工作任务", rowSpan: 2), new TableCell("名称"), new TableCell("主要实施内容"), new TableCell("拟投入的资金（万元）"), new TableCell("期望达到的目标（概述）"));
        Row(new TableCell("任务甲"), new TableCell("内容"), new TableCell("100.00"), new TableCell("目标"));
        doc.Blocks.Add(t);

        var f = Assert.Single(Extractor.Extract(doc).Forms);
        Assert.Equal("万元", f.Unit);
        Assert.Equal(new[] { ("部门预算支出/基本支出", "1,200.50"), ("收入来源/财政拨款", "1,300.50"), ("事业发展性支出/财政专项资金", "0.00"), ("按预算级次划分/市本级使用资金", "1,300.50") },
            f.Budget.Select(b => (b.Item, b.Value)));
        Assert.All(f.Budget, b => Assert.Null(b.Column));
        Assert.Empty(f.Fields); // 年度重点工作任务 is prose, its 名称 row is not a field
    }

    [Fact]
    public void Department_form_with_a_sideways_money_block_and_run_together_levels()
    {
        // Beijing 预算13表: labels above one row of numbers (the 财政拨款 heading lost its span), and a 绩效指标
        // column that writes `产出指标数量指标name`.
        var doc = new SourceDocument("dept.pdf", "pdf");
        doc.Blocks.Add(new Paragraph("预算13表 部门整体支出绩效目标表"));
        doc.Blocks.Add(new Paragraph("（2026年度）"));
        var t = new Table();
        void Row(params TableCell[] cells) { var r = new TableRow(); r.Cells.AddRange(cells); t.Rows.Add(r); }
        Row(new TableCell("部门名称"), new TableCell("测试办公室", colSpan: 7));
        Row(new TableCell("总体资金情况（万元）", rowSpan: 3), new TableCell("预算支出总额", rowSpan: 2), new TableCell("财政拨款"), new TableCell(""), new TableCell(""), new TableCell("其他资金", colSpan: 3));
        Row(new TableCell("合计"), new TableCell("基本支出"), new TableCell("项目支出"), new TableCell("合计"), new TableCell("基本支出"), new TableCell("项目支出"));
        Row(new TableCell("10.5"), new TableCell("10.5"), new TableCell("8"), new TableCell("2.5"), new TableCell(""), new TableCell(""), new TableCell(""));
        Row(new TableCell("整体绩效目标", rowSpan: 3), new TableCell("整体绩效目标"), new TableCell("保障运行。", colSpan: 6));
        Row(new TableCell("活动"), new TableCell("绩效指标", colSpan: 2), new TableCell("指标性质"), new TableCell("指标值", colSpan: 2), new TableCell("度量单位"));
        Row(new TableCell("机构运行保障"), new TableCell("产出指标质量指标预算项目验收合格率", colSpan: 2), new TableCell("＝"), new TableCell("100", colSpan: 2), new TableCell("%"));
        doc.Blocks.Add(t);

        var f = Assert.Single(Extractor.Extract(doc).Forms);
        Assert.Equal((FormKind.DepartmentTarget, 2026, "万元", "测试办公室"), (f.Kind, f.Year, f.Unit, f.Department));
        Assert.Equal(new[] { ("预算支出总额", "10.5"), ("财政拨款/合计", "10.5"), ("财政拨款/基本支出", "8"), ("财政拨款/项目支出", "2.5") },
            f.Budget.Select(b => (b.Item, b.Value)));
        Assert.Equal(new[] { ("总体目标", "保障运行。") }, f.Goals.Select(g => (g.Label, g.Text)));
        var ind = Assert.Single(f.Indicators);
        Assert.Equal(("产出指标", "质量指标", "预算项目验收合格率", "＝100%"), (ind.Level1, ind.Level2, ind.Level3, ind.Target));
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
