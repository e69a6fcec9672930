using Jixiao.Ingest;

namespace Jixiao.Extract.Tests;

/// <summary>
/// The form block (issue 17, items 2–4 of "what must be true"): header pairs read by layout whatever their
/// label, a form's key (project, year, unit) from its own block before the book's, money lines inside the form,
/// and where a form ends. Each test is a small document built here; the expected facts were written down from
/// the document before the extractor ran on it.
/// </summary>
public class FormBlockTests
{
    [Fact]
    public void Header_pairs_with_labels_in_no_list_are_read_by_their_alternating_layout()
    {
        var form = One(Doc("2024年度项目支出绩效目标表",
            R(C("项目名称"), C("乡村道路养护", 1, 3)),
            R(C("主管部门"), C("市交通运输局"), C("实施单位"), C("市公路事务中心")),
            R(C("项目性质"), C("延续性项目"), C("项目负责人"), C("王明")),
            R(C("计划开始时间"), C("2024-01-01"), C("计划结束时间"), C("2024-12-31")),
            R(C("资金绩效联络员"), C("李华"), C("联系电话"), C("0871-1234567")),
            R(C("项目类别"), C(""), C("项目编码"), C("530100240001")),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("产出指标"), C("数量指标"), C("养护里程"), C("≥300公里"))));
        Assert.Equal("乡村道路养护", form.Project);
        Assert.Equal("市交通运输局", form.Department);
        var expected = new Dictionary<string, string>
        {
            ["主管部门"] = "市交通运输局", ["实施单位"] = "市公路事务中心", ["项目性质"] = "延续性项目", ["项目负责人"] = "王明",
            ["计划开始时间"] = "2024-01-01", ["计划结束时间"] = "2024-12-31", ["资金绩效联络员"] = "李华",
            ["联系电话"] = "0871-1234567", ["项目编码"] = "530100240001",
        };
        Assert.Equal(expected.OrderBy(p => p.Key), form.Fields.OrderBy(p => p.Key));
        Assert.Single(form.Indicators);
    }

    [Fact]
    public void A_full_width_header_row_is_a_field_in_one_cell_or_two()
    {
        var form = One(Doc("2024年度项目支出绩效目标表",
            R(C("项目名称"), C("乡村道路养护", 1, 3)),
            R(C("主要政策任务：保障农村公路安全畅通，全年养护里程不少于300公里", 1, 4)),
            R(C("资金管理办法"), C("按季度拨付，年底清算，结余资金按规定收回", 1, 3)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("产出指标"), C("数量指标"), C("养护里程"), C("≥300公里"))));
        Assert.Equal("保障农村公路安全畅通，全年养护里程不少于300公里", form.Fields["主要政策任务"]);
        Assert.Equal("按季度拨付，年底清算，结余资金按规定收回", form.Fields["资金管理办法"]);
    }

    [Fact]
    public void Project_comes_from_the_title_when_the_form_has_no_project_row()
    {
        var src = new SourceDocument("book.pdf", "pdf");
        src.Blocks.Add(new Paragraph("2024年度乡村道路养护项目绩效目标表"));
        src.Blocks.Add(Table(R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("产出指标"), C("数量指标"), C("养护里程"), C("≥300公里"))));
        src.Blocks.Add(new Paragraph("2024年度城市绿化管护项目绩效目标表"));
        src.Blocks.Add(Table(R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("产出指标"), C("数量指标"), C("管护面积"), C("≥120公顷"))));
        var forms = Extractor.Extract(src, RulesOnlyOracle.Instance).Forms;
        Assert.Equal(new[] { "乡村道路养护", "城市绿化管护" }, forms.Select(f => f.Project));
        Assert.All(forms, f => Assert.Equal(2024, f.Year));
    }

    [Fact]
    public void Year_comes_from_the_form_dates_not_from_a_cited_policy_document()
    {
        var form = One(Doc("城市绿化管护项目绩效目标表",
            R(C("项目名称"), C("城市绿化管护", 1, 3)),
            R(C("立项依据"), C("根据市财政局关于做好2018年度预算编制工作的通知（市财预〔2018〕8号）", 1, 3)),
            R(C("计划开始时间"), C("2023-01-01"), C("计划结束时间"), C("2023-12-31")),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("产出指标"), C("数量指标"), C("管护面积"), C("≥120公顷"))));
        Assert.Equal(2023, form.Year);
    }

    [Fact]
    public void A_unit_row_inside_the_form_beats_the_book_unit_above_its_title()
    {
        var src = new SourceDocument("book.pdf", "pdf");
        src.Blocks.Add(new Paragraph("单位：万元"));
        src.Blocks.Add(new Paragraph("2024年度项目支出绩效目标表"));
        src.Blocks.Add(Table(R(C("单位：元", 1, 4)),
            R(C("项目名称"), C("乡村道路养护", 1, 3)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("产出指标"), C("数量指标"), C("养护里程"), C("≥300公里"))));
        Assert.Equal("元", Extractor.Extract(src, RulesOnlyOracle.Instance).Forms.Single().Unit);
    }

    [Fact]
    public void Inline_money_line_with_the_unit_in_its_label_is_a_budget_fact_and_the_form_unit()
    {
        var src = new SourceDocument("book.pdf", "pdf");
        src.Blocks.Add(new Paragraph("单位：元"));
        src.Blocks.Add(new Paragraph("2024年度项目支出绩效目标表"));
        src.Blocks.Add(new Paragraph("年度预算资金（万元） 2149.09"));
        src.Blocks.Add(Table(R(C("项目名称"), C("乡村道路养护", 1, 3)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("产出指标"), C("数量指标"), C("养护里程"), C("≥300公里"))));
        var form = Extractor.Extract(src, RulesOnlyOracle.Instance).Forms.Single();
        Assert.Equal("万元", form.Unit);
        Assert.Equal(new[] { ("年度预算资金", (string?)null, "2149.09") }, form.Budget.Select(b => (b.Item, b.Column, b.Value)));
    }

    [Fact]
    public void Inline_money_row_in_the_header_area_is_a_budget_fact()
    {
        var form = One(Doc("2024年度项目支出绩效目标表",
            R(C("项目名称"), C("乡村道路养护", 1, 3)),
            R(C("年度预算资金（万元）"), C("2149.09"), C("项目负责人"), C("王明")),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("产出指标"), C("数量指标"), C("养护里程"), C("≥300公里"))));
        Assert.Equal("万元", form.Unit);
        Assert.Equal(new[] { ("年度预算资金", (string?)null, "2149.09") }, form.Budget.Select(b => (b.Item, b.Column, b.Value)));
        Assert.Equal("王明", form.Fields["项目负责人"]);
    }

    [Fact]
    public void Implementation_period_total_and_its_parts_are_a_money_block()
    {
        var form = One(Doc("2024年度项目支出绩效目标表",
            R(C("项目名称"), C("乡村道路养护", 1, 3)),
            R(C("实施期资金总额（万元）"), C("120.00", 1, 3)),
            R(C("其中：财政拨款"), C("100.00", 1, 3)),
            R(C("其他资金"), C("20.00", 1, 3)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("产出指标"), C("数量指标"), C("养护里程"), C("≥300公里"))));
        Assert.Equal("万元", form.Unit);
        Assert.Equal(new[] { ("实施期资金总额", (string?)null, "120.00"), ("财政拨款", null, "100.00"), ("其他资金", null, "20.00") },
            form.Budget.Select(b => (b.Item, b.Column, b.Value)));
        Assert.Empty(form.Fields);
    }

    [Fact]
    public void A_following_unrelated_table_leaks_no_fields_into_the_form()
    {
        var src = new SourceDocument("book.pdf", "pdf");
        src.Blocks.Add(new Paragraph("2024年度项目支出绩效目标表"));
        src.Blocks.Add(Table(R(C("项目名称"), C("乡村道路养护", 1, 3)),
            R(C("主管部门"), C("市交通运输局", 1, 3)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("产出指标"), C("数量指标"), C("养护里程"), C("≥300公里"))));
        src.Blocks.Add(Table(R(C("填报单位"), C("市交通运输局"), C("统计口径"), C("全口径")),
            R(C("经办人"), C("赵六"), C("审核人"), C("钱七"))));
        var form = Extractor.Extract(src, RulesOnlyOracle.Instance).Forms.Single();
        Assert.Equal(new[] { "主管部门" }, form.Fields.Keys);
    }

    [Fact]
    public void A_flat_project_amount_goal_list_makes_no_form_keyed_by_its_total_row()
    {
        var src = new SourceDocument("book.xlsx", "xlsx");
        src.Blocks.Add(Table(R(C("2024年度项目绩效目标表", 1, 3)),
            R(C("项目名称"), C("金额（万元）"), C("绩效目标")),
            R(C("乡村道路养护"), C("100"), C("全年养护里程不少于300公里")),
            R(C("城市绿化管护"), C("50"), C("管护面积不少于120公顷")),
            R(C("总计"), C("150"), C(""))));
        var forms = Extractor.Extract(src, RulesOnlyOracle.Instance).Forms;
        Assert.DoesNotContain(forms, f => f.Project is "总计" or "合计" or "金额（万元）");
        Assert.All(forms, f => Assert.Contains(f.Project, new[] { "乡村道路养护", "城市绿化管护" }));
    }

    [Fact]
    public void A_money_label_with_an_empty_value_cell_is_an_item_not_a_column_header()
    {
        // 年度金额 is spelled like a value column, but the numbers below sit in the column beside it, under its
        // empty value cell: it is an item without a value. The （省级） remark is not part of the item's name.
        var form = One(Doc("中央对地方专项转移支付区域绩效目标表（2024年度）",
            R(C("专项名称"), C("普惠金融发展专项资金", 1, 2)),
            R(C("资金情况（万元）", 3, 1), C("年度金额："), C("")),
            R(C("其中：中央补助"), C("29231")),
            R(C("地方资金（省级）"), C("17132")),
            R(C("一级指标"), C("二级指标"), C("指标值")),
            R(C("产出指标"), C("数量指标"), C("≥40亿元"))));
        Assert.Equal(new[] { ("中央补助", (string?)null, "29231"), ("地方资金", null, "17132") },
            form.Budget.Select(b => (b.Item, b.Column, b.Value)));
        Assert.Equal("万元", form.Unit);
    }

    [Fact]
    public void Noisy_project_and_department_labels_are_read_as_the_clean_ones()
    {
        // Spaces between the characters, the whole label in brackets, a bracket kind no vocabulary spells, and one
        // OCR-wrong character (祢 for 称) in a six-character label: each still names the project or the department.
        var spaced = One(Doc("2024年度项目支出绩效目标表",
            R(C("项 目 名 称"), C("乡村道路养护"), C("部门[单位]名称"), C("市交通运输局")),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("产出指标"), C("数量指标"), C("养护里程"), C("≥300公里"))));
        Assert.Equal("乡村道路养护", spaced.Project);
        Assert.Equal("市交通运输局", spaced.Department);

        var bracketed = One(Doc("2024年度项目支出绩效目标表",
            R(C("（项目名称）"), C("城市绿化管护"), C("专项资金名祢"), C("城市绿化专项")),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("产出指标"), C("数量指标"), C("管护面积"), C("≥120公顷"))));
        Assert.Equal("城市绿化管护", bracketed.Project);
    }

    [Fact]
    public void A_short_label_one_character_off_is_not_taken_for_the_project()
    {
        // 项目名字 is one edit from 项目名称, but among four-character labels one character is the whole difference
        // (部门名称 / 项目名称): it stays a field of its own and the form has no project from it.
        var form = One(Doc("2024年度项目支出绩效目标表",
            R(C("项目名字"), C("乡村道路养护"), C("主管部门"), C("市交通运输局")),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("产出指标"), C("数量指标"), C("养护里程"), C("≥300公里"))));
        Assert.Null(form.Project);
        Assert.Equal("乡村道路养护", form.Fields["项目名字"]);
    }

    [Fact]
    public void A_project_list_column_with_one_wrong_character_keeps_its_role()
    {
        // 支出项日类别: OCR read 目 as 日 in a six-character column label; the column is still the category.
        var form = One(Doc("2024年度部门整体支出绩效目标表",
            R(C("部门名称"), C("市交通运输局", 1, 4)),
            R(C("项目名称"), C("支出项日类别"), C("项目总预算(万元)"), C("本年度预算（万元）"), C("主要支出方向和用途")),
            R(C("乡村道路养护"), C("运转类"), C("300"), C("120"), C("农村公路日常养护"))));
        var line = Assert.Single(form.Projects);
        Assert.Equal("乡村道路养护", line.Name);
        Assert.Equal("运转类", line.Category);
        Assert.Equal("120", line.Annual);
    }

    static Form One(SourceDocument src) => Extractor.Extract(src, RulesOnlyOracle.Instance).Forms.Single();

    static SourceDocument Doc(string title, params TableRow[] rows)
    {
        var src = new SourceDocument("unseen.pdf", "pdf");
        src.Blocks.Add(new Paragraph(title));
        src.Blocks.Add(Table(rows));
        return src;
    }

    static Table Table(params TableRow[] rows)
    {
        var table = new Table();
        table.Rows.AddRange(rows);
        return table;
    }

    static TableRow R(params TableCell[] cells)
    {
        var row = new TableRow();
        row.Cells.AddRange(cells);
        return row;
    }

    static TableCell C(string text, int rowSpan = 1, int colSpan = 1) => new(text, rowSpan, colSpan);
}
