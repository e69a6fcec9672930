using Jixiao.Extract;

namespace Jixiao.Store.Tests;

public class TargetValueTests
{
    [Theory]
    [InlineData("≥95%", "≥", 95.0, "%")]
    [InlineData(">=95%", "≥", 95.0, "%")]
    [InlineData("≧ 95 %", "≥", 95.0, "%")]
    [InlineData("95%以上", "≥", 95.0, "%")]
    [InlineData("≤10天", "≤", 10.0, "天")]
    [InlineData("100%", null, 100.0, "%")]
    [InlineData("1,200万元", null, 1200.0, "万元")]
    [InlineData("＝１００％", "=", 100.0, "%")]
    [InlineData("不低于90%", "≥", 90.0, "%")]
    [InlineData("大于等于95%", "≥", 95.0, "%")]
    [InlineData("95%左右", "约", 95.0, "%")]
    public void Parse_ReadsComparatorNumberAndUnit(string written, string? op, double number, string? unit) =>
        Assert.Equal(new TargetValue(op, number, unit), TargetValue.Parse(written));

    [Theory]
    [InlineData("定性")]
    [InlineData("有所提升")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_QualitativeValuesHaveNoNumber(string? written) => Assert.Null(TargetValue.Parse(written));

    [Fact]
    public void Normalize_AppliesNfkcAndDropsAllWhitespace() =>
        Assert.Equal("公用经费控制率(%)≥95", TextNorm.Normalize(" 公用经费\u3000控制\n率（％）≧９５ "));

    [Fact]
    public void Fuzzy_SameIndicatorAcceptsSmallEditsOnly()
    {
        Assert.True(Fuzzy.SameIndicator("公用经费控制率", "公用经费控制比率"));
        Assert.False(Fuzzy.SameIndicator("公用经费控制率", "公务接待费控制率"));
        Assert.Equal(1, Fuzzy.SubstringDistance("问题正改率", "年度问题整改率指标"));
    }
}
