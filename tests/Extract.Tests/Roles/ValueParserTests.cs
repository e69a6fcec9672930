namespace Jixiao.Extract.Tests.Roles;

public class ValueParserTests
{
    [Theory]
    [InlineData("≥95%", "≥", 95.0, "%")]
    [InlineData("≧95％", "≥", 95.0, "%")]
    [InlineData("=100%", "=", 100.0, "%")]
    [InlineData("＝100%", "=", 100.0, "%")]
    [InlineData("≤1018.55万元", "≤", 1018.55, "万元")]
    [InlineData("<5天", "<", 5.0, "天")]
    [InlineData(">3次", ">", 3.0, "次")]
    [InlineData("约30天", "约", 30.0, "天")]
    [InlineData("≥300份", "≥", 300.0, "份")]
    [InlineData("90分", null, 90.0, "分")]
    [InlineData("12个", null, 12.0, "个")]
    [InlineData("1,200 万元", null, 1200.0, "万元")]
    [InlineData("≥50万头（只）", "≥", 50.0, "万头(只)")]
    [InlineData("95%以上", "≥", 95.0, "%")]
    [InlineData("3天以内", "≤", 3.0, "天")]
    [InlineData("不低于90%", "≥", 90.0, "%")]
    [InlineData("406.95", null, 406.95, null)]
    [InlineData("≤400元/平方米", "≤", 400.0, "元/平方米")]
    public void Reads_comparator_number_and_unit(string written, string? op, double number, string? unit)
    {
        var p = ValueParser.Parse(written)!;
        Assert.False(p.Qualitative);
        Assert.Equal(op, p.Comparator);
        Assert.Equal(number, p.Number!.Value, 6);
        Assert.Equal(unit, p.Unit);
    }

    [Theory]
    [InlineData("定性")]
    [InlineData("有所提升")]
    [InlineData("合理")]
    [InlineData("明显改善")]
    [InlineData("按期完成")]
    public void Text_without_a_number_is_qualitative(string written)
    {
        var p = ValueParser.Parse(written)!;
        Assert.True(p.Qualitative);
        Assert.Null(p.Number);
        Assert.Null(p.Comparator);
    }

    [Fact]
    public void Nothing_written_is_no_value() => Assert.Null(ValueParser.Parse(null));
}
