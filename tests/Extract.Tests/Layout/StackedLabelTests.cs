using static Jixiao.Extract.Tests.Layout.LayoutDoc;

namespace Jixiao.Extract.Tests.Layout;

/// <summary>
/// Names stacked in one merged cell with no rule between them (issue 17: joined into one name). Expected facts
/// written from the form before the extractor was run on it.
/// </summary>
public class StackedLabelTests
{
    [Fact]
    public void Two_level2_names_in_one_cell_over_two_rows_go_one_to_each_row()
    {
        var form = One(Doc("2025年度项目支出绩效目标表",
            R(C("项目名称"), C("信访接待服务", 1, 3)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("产出指标", 3), C("数量指标\n质量指标", 2), C("接待人次"), C("≥3000人次")),
            R(C("办结率"), C("≥90%")),
            R(C("时效指标"), C("按时办结率"), C("100%"))));
        Assert.Equal(new[] { ("产出指标", "数量指标", "接待人次"), ("产出指标", "质量指标", "办结率"), ("产出指标", "时效指标", "按时办结率") },
            form.Indicators.Select(i => (i.Level1!, i.Level2!, i.Level3!)));
    }

    [Fact]
    public void Two_level3_names_in_one_cell_beside_two_targets_are_two_indicators()
    {
        var form = One(Doc("2025年度项目支出绩效目标表",
            R(C("项目名称"), C("信访接待服务", 1, 3)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("满意度指标", 2), C("服务对象满意度指标", 2), C("来访群众满意度\n办理结果满意度", 2), C("≥90%")),
            R(C("≥85%"))));
        Assert.Equal(new[] { ("来访群众满意度", "≥90%"), ("办理结果满意度", "≥85%") }, form.Indicators.Select(i => (i.Level3!, i.Target!)));
    }

    [Fact]
    public void A_name_wrapped_by_a_narrow_column_over_two_rows_stays_one_name()
    {
        var form = One(Doc("2025年度项目支出绩效目标表",
            R(C("项目名称"), C("信访接待服务", 1, 3)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("满意度指标", 2), C("服务对象\n满意度指标", 2), C("来访群众满意度"), C("≥90%")),
            R(C("办理结果满意度"), C("≥85%"))));
        Assert.Equal(new[] { "服务对象满意度指标", "服务对象满意度指标" }, form.Indicators.Select(i => i.Level2!));
    }
}
