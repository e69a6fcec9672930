using Jixiao.Ingest;

namespace Jixiao.Extract.Tests;

/// <summary>
/// Layouts met on real forms the project had not seen (issue 17), rebuilt as small documents: each test names
/// the layout and checks the facts a reader of the form would write down.
/// </summary>
public class UnseenLayoutTests
{
    [Fact]
    public void Weight_column_spelled_with_a_prefix_and_a_percent_unit_is_the_weight()
    {
        var form = One(Doc("2025年度项目支出绩效目标表",
            R(C("项目名称"), C("社区服务", 1, 4)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值"), C("指标权重(%)")),
            R(C("产出指标"), C("数量指标"), C("服务人次"), C("≥300人次"), C("20"))));
        Assert.Equal(("服务人次", "≥300人次", "20"), (form.Indicators[0].Level3, form.Indicators[0].Target, form.Indicators[0].Weight));
    }

    [Fact]
    public void Month_range_before_a_column_name_is_read_as_that_column()
    {
        var form = One(Doc("2025年度项目支出绩效目标表",
            R(C("项目名称"), C("社区服务", 1, 4)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("年度指标值"), C("1-6月执行数")),
            R(C("产出指标"), C("数量指标"), C("服务人次"), C("≥300人次"), C("160人次"))));
        Assert.Equal("160人次", form.Indicators[0].Actual);
    }

    [Fact]
    public void Money_block_known_only_by_the_unit_in_its_label()
    {
        // 资金金额（万元） is in no list of block names: the unit says money. 其他资金 is empty, so absent.
        var form = One(Doc("部门专项业务经费绩效目标表",
            R(C("项目名称"), C("接待中心安保服务", 1, 3)),
            R(C("资金金额（万元）", 3), C("实施期资金总额："), C("50.00"), C("执行率分值（10分）", 3)),
            R(C("其中：财政拨款"), C("50.00")),
            R(C("其他资金"), C("")),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("成本指标"), C("经济成本"), C("保安服务年度总费用"), C("≤50万元"))));
        Assert.Equal("万元", form.Unit);
        Assert.Equal(new[] { ("实施期资金总额", (string?)null, "50.00"), ("财政拨款", null, "50.00") },
            form.Budget.Select(b => (b.Item, b.Column, b.Value)));
        Assert.DoesNotContain(form.Fields.Keys, k => k.Contains("资金"));
    }

    [Fact]
    public void Task_list_with_a_money_column_is_a_money_block_and_its_description_is_not_part_of_the_item()
    {
        var form = One(Doc("部门整体支出绩效目标表",
            R(C("部门（单位）名称"), C("西安市信访局", 1, 5)),
            R(C("年度主要任务", 4), C("任务名称", 2), C("主要内容", 2), C("预算金额（万元）", 1, 3)),
            R(C("总额"), C("财政拨款"), C("其他资金")),
            R(C("保运转"), C("保障人员薪酬等基本支出"), C("1932.81"), C("1932.81"), C("")),
            R(C("金额合计", 1, 2), C("1932.81"), C("1932.81"), C("")),
            R(C("年度总体目标"), C("保障信访渠道畅通", 1, 5)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值"), C("分值权重（90分）", 1, 2)),
            R(C("成本指标"), C("经济成本"), C("经费支出"), C("≤443.62"), C("8", 1, 2))));
        Assert.Equal("万元", form.Unit);
        Assert.Contains(("保运转", "总额", "1932.81"), form.Budget.Select(b => (b.Item, b.Column!, b.Value)));
        Assert.Contains(("金额合计", "财政拨款", "1932.81"), form.Budget.Select(b => (b.Item, b.Column!, b.Value)));
        Assert.Equal(4, form.Budget.Count);
        Assert.Equal("8", form.Indicators.Single().Weight);
    }

    /// <summary>
    /// A 申报表 whose title and table name no year: a year inside a cited document is not the form's; the one year its
    /// 年度目标 names is (spec: "else from the text"); a goal naming several years gives none.
    /// </summary>
    [Theory]
    [InlineData("政策依据：", "根据《2022年度深圳市生活垃圾分类工作评估细则》（深分指办〔2022〕7号）", null)]
    [InlineData("年度目标：", "结合读书月主题活动，拟开展 2022 年诗文朗诵大赛活动。", 2022)]
    [InlineData("年度目标：", "延续2021年的做法，拟开展2022年诗文朗诵大赛活动。", null)]
    public void Year_of_a_form_whose_title_names_none(string label, string text, int? year)
    {
        var form = One(Doc("二级项目支出绩效目标申报表",
            R(C("项目名称："), C("垃圾分类设备运营服务", 1, 3)),
            R(C(label), C(text, 1, 3)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("目标值")),
            R(C("产出"), C("数量"), C("设备数量"), C("352个"))));
        Assert.Equal(year, form.Year);
    }

    [Fact]
    public void A_field_row_naming_the_project_is_not_the_top_of_an_indicator_header()
    {
        var form = One(Doc("2024年度项目支出绩效目标表",
            R(C("项目名称"), C("窗口服务", 1, 3)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("满意度指标"), C("服务对象满意度指标"), C("群众满意率"), C("大于等于95%"))));
        Assert.Equal("窗口服务", form.Project);
        Assert.Equal(("群众满意率", "≥", 95.0), (form.Indicators[0].Level3, form.Indicators[0].TargetParsed?.Comparator, form.Indicators[0].TargetParsed?.Number));
    }

    [Fact]
    public void A_row_whose_describing_cells_say_it_does_not_apply_is_no_indicator_whatever_its_name()
    {
        // `不满足 | 无 | 不适用 | 不适用 | 定性`: the filer's own words for "not applicable". A statement with value 无
        // whose description says something (不直接产生经济效益) stays an indicator.
        var form = One(Doc("2026年项目支出绩效目标表",
            R(C("项目名称"), C("接待中心运行专项", 1, 6)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值"), C("指标值内容"), C("评（扣）分标准"), C("指标值类型")),
            R(C("效益指标"), C("经济效益指标"), C("不满足"), C("无"), C("不适用"), C("不适用"), C("定性")),
            R(C("效益指标"), C("生态效益指标"), C("不合适"), C("无"), C("不适用"), C("不适用"), C("定性")),
            R(C("效益指标"), C("经济效益指标"), C("不直接产生经济效益"), C("无"), C("不直接产生经济效益"), C("无"), C("定性")),
            R(C("产出指标"), C("数量指标"), C("接待任务"), C("完成"), C("保证接待任务及时完成"), C("完成得分"), C("定性"))));
        Assert.Equal(new[] { "不直接产生经济效益", "接待任务" }, form.Indicators.Select(i => i.Level3));
    }

    [Fact]
    public void A_template_published_blank_is_no_form()
    {
        // Title, labels, side-by-side goal labels and an indicator grid holding only its printed level names: nothing filed.
        var src = Doc("专项资金总体绩效目标表",
            R(C("项目名称"), C("", 1, 3)),
            R(C("主管部门"), C(""), C("实施期限"), C("")),
            R(C("总体目标", 2), C("实施期总目标"), C("年度总目标", 1, 2)),
            R(C(""), C("", 1, 2)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("成本指标"), C("经济成本"), C(""), C("")),
            R(C("产出指标"), C("数量指标"), C(""), C("")));
        Assert.Empty(Extractor.Extract(src, RulesOnlyOracle.Instance).Forms);
    }

    [Fact]
    public void Side_by_side_goal_labels_spelled_with_zong_are_labels_not_goal_text()
    {
        var form = One(Doc("专项资金总体绩效目标表",
            R(C("项目名称"), C("信访业务", 1, 3)),
            R(C("总体目标", 2), C("实施期总目标"), C("年度总目标", 1, 2)),
            R(C("三年内化解积案"), C("年内化解积案", 1, 2)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("产出指标"), C("数量指标"), C("化解积案数"), C("≥10件"))));
        Assert.Equal(new[] { ("长期目标", "三年内化解积案"), ("年度目标", "年内化解积案") }, form.Goals.Select(g => (g.Label, g.Text)));
    }

    [Fact]
    public void A_money_table_under_no_form_name_is_no_form()
    {
        // A report's prize table (年份 | 类别 | 数量 | 金额（万元）): money, but no title, project, department, goal or
        // indicator to hang it on.
        var src = new SourceDocument("report.html", "html");
        src.Blocks.Add(new Paragraph("（2）获奖选手、专家教练团队及选送单位奖补"));
        var table = new Table();
        table.Rows.AddRange(new[] {
            R(C("年份"), C("类别"), C("数量（人/个）"), C("金额（万元）")),
            R(C("", 2), C("2022年世赛特别赛选手奖金"), C("5"), C("114")),
            R(C("2022年世赛特别赛教练团队奖金"), C("35"), C("72")),
            R(C("合计", 1, 2), C("40"), C("186")) });
        src.Blocks.Add(table);
        Assert.Empty(Extractor.Extract(src, RulesOnlyOracle.Instance).Forms);
    }

    /// <summary>
    /// A self-evaluation whose value columns are worded the way no vocabulary has them: the rules read each
    /// column's role from what it holds (measures, points, prose) and where it stands, in either column order.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Value_columns_worded_unknown_are_read_from_their_contents(bool weightFirst)
    {
        string[] unknown = { "年度预期标准", "年末实现情况", "标准分", "考评结果分", "差距及整改说明" };
        // The test is about wordings the vocabulary does not know: if it learns one, pick another.
        Assert.All(unknown, label => Assert.Null(IndicatorReader.RoleOf(TextNorm.Label(label))));
        // The last five cells of a row are target, actual, weight, score, reason; some templates put the weight first.
        TableCell[] Row(params TableCell[] cells) =>
            weightFirst ? cells[..^5].Concat(new[] { cells[^3], cells[^5], cells[^4], cells[^2], cells[^1] }).ToArray() : cells;
        var form = One(Doc("2024年度项目支出绩效自评表",
            R(C("项目名称"), C("社区养老服务", 1, 7)),
            R(Row(C("一级指标"), C("二级指标"), C("三级指标"), C(unknown[0]), C(unknown[1]), C(unknown[2]), C(unknown[3]), C(unknown[4]))),
            R(Row(C("产出指标", 2), C("数量指标"), C("服务老人人次"), C("≥3000人次"), C("3120人次"), C("20"), C("20"), C("无"))),
            R(Row(C("质量指标"), C("服务合格率"), C("≥95%"), C("91%"), C("20"), C("17.5"), C("部分站点人员流动大，培训未全覆盖，下年度加强岗前培训"))),
            R(Row(C("满意度指标"), C("服务对象满意度指标"), C("老人满意度"), C("≥90%"), C("88%"), C("10"), C("8"), C("问卷回收率偏低，满意度样本不足，将改为上门回访")))));
        Assert.Equal(new (string?, string?, string?, string?, string?, string?, string?)[]
        {
            ("产出指标", "数量指标", "服务老人人次", "≥3000人次", "3120人次", "20", "20"),
            ("产出指标", "质量指标", "服务合格率", "≥95%", "91%", "20", "17.5"),
            ("满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "88%", "10", "8"),
        }, form.Indicators.Select(i => (i.Level1, i.Level2, i.Level3, i.Target, i.Actual, i.Weight, i.Score)));
        Assert.Equal("问卷回收率偏低，满意度样本不足，将改为上门回访", form.Indicators[2].Deviation);
        // No header named these columns: their values are the rules' reading, flagged for a person to confirm.
        Assert.All(form.Indicators, i => Assert.True(i.Review));
        Assert.Contains("column 年度预期标准 read as target from its contents", form.Indicators[0].ReviewReasons!);
        Assert.Contains("column 考评结果分 read as score from its contents", form.Indicators[0].ReviewReasons!);
        Assert.Contains("column 差距及整改说明 read as deviation from its contents", form.Indicators[2].ReviewReasons!);
    }

    [Fact]
    public void Values_under_known_headers_are_not_flagged()
    {
        var form = One(Doc("2024年度项目支出绩效自评表",
            R(C("项目名称"), C("社区养老服务", 1, 5)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("年度指标值"), C("实际完成值"), C("分值")),
            R(C("产出指标"), C("数量指标"), C("服务老人人次"), C("≥3000人次"), C("3120人次"), C("20"))));
        Assert.Equal(("≥3000人次", "3120人次"), (form.Indicators[0].Target, form.Indicators[0].Actual));
        Assert.False(form.Indicators[0].Review);
        Assert.Null(form.Indicators[0].ReviewReasons);
    }

    [Fact]
    public void A_lone_points_column_worded_unknown_is_the_weight_of_a_target_form()
    {
        Assert.All(new[] { "预设水平", "占比分" }, label => Assert.Null(IndicatorReader.RoleOf(label)));
        var form = One(Doc("2025年度项目支出绩效目标表",
            R(C("项目名称"), C("社区服务", 1, 4)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("预设水平"), C("占比分")),
            R(C("产出指标"), C("数量指标"), C("服务人次"), C("≥300人次"), C("30")),
            R(C("效益指标"), C("社会效益指标"), C("居民获得感"), C("明显提升"), C("20"))));
        Assert.Equal(new (string?, string?, string?, string?)[] { ("服务人次", "≥300人次", "30", null), ("居民获得感", "明显提升", "20", null) },
            form.Indicators.Select(i => (i.Level3, i.Target, i.Weight, i.Score)));
    }

    [Fact]
    public void A_combined_indicator_column_beside_an_unknown_value_label_keeps_its_table()
    {
        // 活动 | 绩效指标 | 指标性质 | ? | 度量单位: with the value's label unknown, the comparator and unit columns still
        // name the row a header, and the bare number between them is the target.
        Assert.Null(IndicatorReader.RoleOf("数额"));
        var form = One(Doc("部门整体支出绩效目标表",
            R(C("部门名称"), C("某市政务服务中心", 1, 4)),
            R(C("活动"), C("绩效指标"), C("指标性质"), C("数额"), C("度量单位")),
            R(C("窗口服务"), C("产出指标数量指标办件数量"), C("≥"), C("3700"), C("件")),
            R(C("窗口服务"), C("效益指标社会效益指标群众办事满意率"), C("≥"), C("98"), C("%"))));
        Assert.Equal(new (string?, string?)[] { ("办件数量", "≥3700件"), ("群众办事满意率", "≥98%") }, form.Indicators.Select(i => (i.Level3, i.Target)));
    }

    static Form One(SourceDocument src) => Extractor.Extract(src, RulesOnlyOracle.Instance).Forms.Single();

    static SourceDocument Doc(string title, params TableRow[] rows)
    {
        var src = new SourceDocument("unseen.pdf", "pdf");
        src.Blocks.Add(new Paragraph(title));
        var table = new Table();
        table.Rows.AddRange(rows);
        src.Blocks.Add(table);
        return src;
    }

    static TableRow R(params TableCell[] cells)
    {
        var row = new TableRow();
        row.Cells.AddRange(cells);
        return row;
    }

    static TableCell C(string text, int rowSpan = 1, int colSpan = 1) => new(text, rowSpan, colSpan);
}
