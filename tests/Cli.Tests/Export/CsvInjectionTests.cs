using Jixiao.Cli.ConsoleOutput;

namespace Jixiao.Cli.Tests.Export;

/// <summary>CSV cells a spreadsheet would run as formulas are neutralised (OWASP), numbers stay numbers.</summary>
public class CsvInjectionTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("-5", "-5")]
    [InlineData("-1,234.50", "-1,234.50")]
    [InlineData("+3.5", "+3.5")]
    [InlineData("-5%", "'-5%")]
    [InlineData("≥95%", "≥95%")]
    [InlineData("满意度", "满意度")]
    public void Cell_IsNeutralisedUnlessAPlainNumber(string cell, string expected) =>
        Assert.Equal(expected, OutputFormats.Neutralize(cell));

    [Fact]
    public void WriteCsv_QuotesAndNeutralises()
    {
        var w = new StringWriter();
        OutputFormats.WriteCsv(w, new[] { new string?[] { "=1+1", "-3", "a,b" } });
        Assert.Equal("'=1+1,-3,\"a,b\"" + Environment.NewLine, w.ToString());
    }
}
