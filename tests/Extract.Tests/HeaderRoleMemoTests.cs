namespace Jixiao.Extract.Tests;

/// <summary>
/// Issue 20: IndicatorReader.RoleOf keeps its answers (LabelMemo). A kept answer must be the one asked for: the
/// loose reading (a near-miss header label) and the strict one (a value cell) of the same text differ, whichever
/// is asked first.
/// </summary>
public class HeaderRoleMemoTests
{
    [Theory]
    [InlineData("指标明称", "level3")]    // 指标名称, one wrong character: only the loose reading knows it
    [InlineData("实际完成直", "actual")]  // 实际完成值
    public void Loose_and_strict_readings_of_one_label_stay_apart_whichever_comes_first(string written, string role)
    {
        var strictFirst = IndicatorReader.RoleOf(written, loose: false);
        var looseThen = IndicatorReader.RoleOf(written, loose: true);
        Assert.Null(strictFirst);
        Assert.Equal(role, looseThen);
        var reversed = written + " ";   // another text (whitespace is part of the key), asked the other way round
        Assert.Equal(role, IndicatorReader.RoleOf(reversed, loose: true));
        Assert.Null(IndicatorReader.RoleOf(reversed, loose: false));
    }

    [Theory]
    [InlineData("一级指标", "level1")]
    [InlineData("2024年指标值", "year:2024")]
    [InlineData("指标值（%）", "target")]
    public void An_answer_asked_again_is_the_one_worked_out_first(string label, string role)
    {
        Assert.Equal(role, IndicatorReader.RoleOf(label));
        Assert.Equal(role, IndicatorReader.RoleOf(label));   // from the memo now
    }
}
