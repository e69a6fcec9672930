using static Jixiao.Extract.Tests.Layout.LayoutDoc;

namespace Jixiao.Extract.Tests.Layout;

/// <summary>
/// A header row wrapped over grid rows of its own (issue 17: `分值权重（90分）` in four fragments, not mapped to
/// weight). Expected facts written from the form, before the extractor was run on it.
/// </summary>
public class WrappedHeaderTests
{
    [Fact]
    public void Weight_header_wrapped_into_four_fragments_around_the_header_row_is_the_weight()
    {
        // The one-line labels sit on the third text line of the four-line weight label.
        var form = One(Doc("2025年度项目支出绩效目标表",
            R(C("项目名称"), C("信访接待服务", 1, 4)),
            R(C(""), C(""), C(""), C(""), C("分值")),
            R(C(""), C(""), C(""), C(""), C("权重")),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值"), C("（90")),
            R(C(""), C(""), C(""), C(""), C("分）")),
            R(C("产出指标"), C("数量指标"), C("接待人次"), C("≥3000人次"), C("30")),
            R(C("满意度指标"), C("服务对象满意度指标"), C("来访群众满意度"), C("≥90%"), C("60"))));
        Assert.Equal(new[] { ("接待人次", "≥3000人次", "30"), ("来访群众满意度", "≥90%", "60") },
            form.Indicators.Select(i => (i.Level3!, i.Target!, i.Weight!)));
    }

    [Fact]
    public void Fragments_only_below_the_header_row_are_joined_too()
    {
        var form = One(Doc("2025年度项目支出绩效目标表",
            R(C("项目名称"), C("信访接待服务", 1, 4)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值"), C("分值权")),
            R(C(""), C(""), C(""), C(""), C("重（90")),
            R(C(""), C(""), C(""), C(""), C("分）")),
            R(C("产出指标"), C("数量指标"), C("接待人次"), C("≥3000人次"), C("30"))));
        Assert.Equal(("接待人次", "≥3000人次", "30"), (form.Indicators.Single().Level3, form.Indicators.Single().Target, form.Indicators.Single().Weight));
    }

    [Fact]
    public void A_short_text_row_under_the_header_stays_an_indicator_row()
    {
        // Fewer cells than the header, no numbers, short words: shaped like a fragment row, but joined to the header
        // its cells name nothing (一级指标效益指标), so it is data.
        var form = One(Doc("2025年度项目支出绩效目标表",
            R(C("项目名称"), C("信访接待服务", 1, 4)),
            R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值"), C("（90分）")),
            R(C("效益指标"), C("社会效益"), C("秩序"), C("良好"), C("")),
            R(C("产出指标"), C("数量指标"), C("接待人次"), C("≥3000人次"), C("30"))));
        Assert.Equal(new[] { ("秩序", "良好"), ("接待人次", "≥3000人次") }, form.Indicators.Select(i => (i.Level3!, i.Target!)));
    }
}
