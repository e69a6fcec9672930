using static Jixiao.Extract.Tests.Layout.LayoutDoc;

namespace Jixiao.Extract.Tests.Layout;

/// <summary>
/// A department form whose unit row carries its money columns and overall goal beside the indicators, under header
/// rows that group the columns (issue 17: a department form's budget under 年度预算申请 was not read). Expected facts
/// written from the table before the extractor was run on it.
/// </summary>
public class MoneyBesideIndicatorsTests
{
    static Form Form() => One(Doc("2026年部门整体支出绩效目标表",
        R(C("单位名称", 3), C("年度预算申请", 1, 4), C("整体绩效目标", 3), C("部门整体支出年度绩效目标", 1, 4)),
        R(C("资金总额", 2), C("按收入性质分"), C("按支出性质分", 1, 2)),
        R(C("一般公共预算"), C("基本支出"), C("项目支出"), C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
        R(C("某市信访局", 2), C("1,935.36", 2), C("1,935.36", 2), C("1,517.95", 2), C("417.41", 2), C("保障来访接待中心正常运行", 2),
            C("产出指标", 2), C("数量指标", 2), C("接待走访群众数量"), C("≥3000人次")),
        R(C("来信办理数量"), C("≥100件"))));

    [Fact]
    public void Money_columns_under_a_block_label_are_items_by_their_group_path()
    {
        Assert.Equal(new[] { ("资金总额", "1,935.36"), ("按收入性质分/一般公共预算", "1,935.36"), ("按支出性质分/基本支出", "1,517.95"), ("按支出性质分/项目支出", "417.41") },
            Form().Budget.Select(b => (b.Item, b.Value)));
        Assert.All(Form().Budget, b => Assert.Null(b.Column));
    }

    [Fact]
    public void The_goal_column_under_the_group_rows_is_the_forms_goal_and_the_indicators_stay()
    {
        var form = Form();
        Assert.Equal(("总体目标", "保障来访接待中心正常运行"), (form.Goals.Single().Label, form.Goals.Single().Text));
        Assert.Equal(new[] { "接待走访群众数量", "来信办理数量" }, form.Indicators.Select(i => i.Level3));
    }
}
