using static Jixiao.Extract.Tests.Layout.LayoutDoc;

namespace Jixiao.Extract.Tests.Layout;

/// <summary>
/// A task list whose money columns repeat their leaf labels under two groups (西安 部门整体支出绩效自评表: 全年预算数 and
/// 全年执行数, each over 总额/财政拨款). Expected facts written from the table before the extractor was run on it.
/// </summary>
public class GroupedMoneyColumnsTests
{
    [Fact]
    public void A_leaf_label_under_two_groups_is_named_with_its_group()
    {
        var form = One(Doc("某局部门整体支出绩效自评表",
            R(C("部门（单位）名称"), C("某局", 1, 6)),
            R(C("年度主要任务完成情况", 4), C("任务名称", 2), C("全年预算数（万元）", 1, 2), C("全年执行数（万元）", 1, 2), C("执行率", 2)),
            R(C("总额"), C("财政拨款"), C("总额"), C("财政拨款")),
            R(C("公共卫生"), C("100"), C("80"), C("90"), C("80"), C("90.00%")),
            R(C("中医药"), C("50"), C("50"), C("50"), C("50"), C("100.00%"))));
        Assert.Equal(new[] { ("公共卫生", "全年预算数/总额", "100"), ("公共卫生", "全年预算数/财政拨款", "80"), ("公共卫生", "全年执行数/总额", "90"),
                ("公共卫生", "全年执行数/财政拨款", "80"), ("公共卫生", "执行率", "90.00%") },
            form.Budget.Where(b => b.Item == "公共卫生").Select(b => (b.Item, b.Column!, b.Value)));
        Assert.Equal("万元", form.Unit);
    }
}
