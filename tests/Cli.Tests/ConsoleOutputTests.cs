using Jixiao.Cli.Commands;
using Jixiao.Cli.ConsoleOutput;

namespace Jixiao.Cli.Tests;

public class ConsoleOutputTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("满意度", 6)]
    [InlineData("≥95%", 4)]
    [InlineData("１００％", 8)]
    [InlineData("a\u3000b", 4)]
    public void TextWidth_CountsWideCharactersTwice(string s, int width) => Assert.Equal(width, TextWidth.Of(s));

    [Fact]
    public void TablePrinter_AlignsColumnsByDisplayWidth()
    {
        var t = new TablePrinter("name", "v");
        t.Add("社会公众满意度", "≥95%");
        t.Add("rate", "100%");
        var w = new StringWriter();
        t.Write(w);
        var lines = w.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal("name            v", lines[0]);
        Assert.Equal("社会公众满意度  ≥95%", lines[2]);
        Assert.Equal("rate            100%", lines[3]);
    }

    [Fact]
    public void TablePrinter_CutsLongCellsWithAnEllipsis()
    {
        var t = new TablePrinter("x") { MaxWidth = 7 };
        t.Add("一二三四五");
        var w = new StringWriter();
        t.Write(w);
        Assert.Equal("一二三…", w.ToString().Split(Environment.NewLine)[2]);
    }

    [Fact]
    public void Hierarchy_ShortensUpperLevelsBeforeTheIndicator()
    {
        Assert.Equal("产出指标 > 数量指标 > 督查次数", OutputFormats.Hierarchy("产出指标", "数量指标", "督查次数"));
        Assert.Equal("满意度 > 服务对象满意度", OutputFormats.Hierarchy(null, "满意度", "服务对象满意度"));
        var cut = OutputFormats.Hierarchy("满意度指标", "服务对象满意度指标", "患者满意度（门诊）", maxWidth: 30);
        Assert.EndsWith(" > 患者满意度（门诊）", cut);
        Assert.True(TextWidth.Of(cut) <= 30, cut);
    }

    [Theory]
    [InlineData("2024", 2024, 2024)]
    [InlineData("2019..2024", 2019, 2024)]
    [InlineData("2024..2019", 2019, 2024)]
    [InlineData("2022..", 2022, null)]
    [InlineData("..2023", null, 2023)]
    [InlineData("2019-2021", 2019, 2021)]
    public void YearOption_ReadsAYearOrARange(string s, int? from, int? to)
    {
        Assert.True(SearchCommand.TryYears(s, out var f, out var t));
        Assert.Equal((from, to), (f, t));
    }
}
