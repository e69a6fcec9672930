using static Jixiao.Extract.Tests.Layout.LayoutDoc;

namespace Jixiao.Extract.Tests.Layout;

/// <summary>
/// Side-by-side money blocks whose first row is a total (issue 17: read as group headers). A row is a total when
/// its amount is the sum of the rows under it, whatever it is called. Expected facts written before the run.
/// </summary>
public class MoneyTotalsTests
{
    [Fact]
    public void Side_by_side_blocks_headed_by_their_totals_keep_plain_items()
    {
        // 12,634.14 + 86,246.64 = 98,880.78; 98,880.78 + 0.00 = 98,880.78.
        var form = One(Doc("2026年部门整体支出绩效目标表",
            R(C("部门（单位）名称"), C("某市政务服务和数据管理局", 1, 4)),
            R(C("资金情况（万元）", 3), C("支出预算合计"), C("98,880.78"), C("收入预算合计"), C("98,880.78")),
            R(C("基本支出"), C("12,634.14"), C("财政拨款"), C("98,880.78")),
            R(C("项目支出"), C("86,246.64"), C("其他资金"), C("0.00"))));
        Assert.Equal(new[]
            {
                ("支出预算合计", "98,880.78"), ("收入预算合计", "98,880.78"), ("基本支出", "12,634.14"), ("财政拨款", "98,880.78"),
                ("项目支出", "86,246.64"), ("其他资金", "0.00"),
            },
            form.Budget.Select(b => (b.Item, b.Value)));
        Assert.All(form.Budget, b => Assert.Null(b.Column));
    }

    [Fact]
    public void Totals_whose_rows_recur_in_both_blocks_name_their_group()
    {
        // Both blocks list 财政拨款 and 其他资金: flat items would make two facts one (the central 申报表 ruling).
        var form = One(Doc("2026年项目支出绩效目标申报表",
            R(C("项目名称"), C("校园足球扶持", 1, 4)),
            R(C("项目资金（万元）", 3), C("中期资金总额"), C("300.00"), C("年度资金总额"), C("100.00")),
            R(C("其中：财政拨款"), C("250.00"), C("其中：财政拨款"), C("80.00")),
            R(C("其他资金"), C("50.00"), C("其他资金"), C("20.00"))));
        Assert.Equal(new[]
            {
                ("中期资金总额", "300.00"), ("年度资金总额", "100.00"), ("中期资金总额/财政拨款", "250.00"), ("年度资金总额/财政拨款", "80.00"),
                ("中期资金总额/其他资金", "50.00"), ("年度资金总额/其他资金", "20.00"),
            },
            form.Budget.Select(b => (b.Item, b.Value)));
    }

    [Fact]
    public void A_first_row_that_is_not_the_sum_of_its_rows_heads_them()
    {
        // 30 + 20 is not 500: the rows under 计划总投资 are its sources of this year's money, not its parts.
        var form = One(Doc("2026年项目支出绩效目标申报表",
            R(C("项目名称"), C("老旧小区改造", 1, 4)),
            R(C("项目资金（万元）", 3), C("计划总投资"), C("500"), C("本年安排"), C("100")),
            R(C("中央补助"), C("30"), C("财政拨款"), C("70")),
            R(C("地方配套"), C("20"), C("其他资金"), C("30"))));
        Assert.Equal(new[] { "计划总投资", "本年安排", "计划总投资/中央补助", "财政拨款", "计划总投资/地方配套", "其他资金" },
            form.Budget.Select(b => b.Item));
    }
}
