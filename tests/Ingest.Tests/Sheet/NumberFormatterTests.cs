using Jixiao.Ingest.Sheet;

namespace Jixiao.Ingest.Tests.Sheet;

public class NumberFormatterTests
{
    [Theory]
    [InlineData(1.0, "0%", "100%")]
    [InlineData(0.95, "0%", "95%")]
    [InlineData(0.256, "0.00%", "25.60%")]
    [InlineData(0.0, "0.00%", "0.00%")]
    [InlineData(718.03, "0.00", "718.03")]
    [InlineData(5.0, "0.00", "5.00")]
    [InlineData(-5.0, "0.00", "-5.00")]
    [InlineData(3.5, "0", "4")]
    [InlineData(1234567.891, "#,##0.00", "1,234,567.89")]
    [InlineData(999.0, "#,##0", "999")]
    [InlineData(2658000.0, "#,##0.00;[Red](#,##0.00)", "2,658,000.00")]
    [InlineData(-1234.5, "#,##0.00;[Red](#,##0.00)", "(1,234.50)")]
    [InlineData(12345.0, "0.00E+00", "1.23E+04")]
    [InlineData(5.0, "0\"万元\"", "5万元")]
    [InlineData(18862.44, "#,##0.00_ ", "18,862.44")]
    [InlineData(1500000.0, "#,##0.0,", "1,500.0")]
    [InlineData(12.5, "[$¥-804]#,##0.00", "¥12.50")]
    public void Numbers(double value, string code, string expected) =>
        Assert.Equal(expected, NumberFormatter.Format(value, code));

    [Fact]
    public void AccountingFormatShowsDashForZeroAndDropsPadding()
    {
        var code = NumberFormatter.CodeFor(43, null);
        Assert.Equal("-", NumberFormatter.Format(0, code));
        Assert.Equal("1,234.50", NumberFormatter.Format(1234.5, code));
        Assert.Equal("-1,234.50", NumberFormatter.Format(-1234.5, code));
    }

    [Theory]
    [InlineData(9, 0.5, "50%")]
    [InlineData(10, 0.123, "12.30%")]
    [InlineData(14, 45000.0, "2023-03-15")]
    [InlineData(22, 45000.75, "2023-03-15 18:00")]
    [InlineData(31, 45000.0, "2023年3月15日")]
    [InlineData(3, 1234567.0, "1,234,567")]
    [InlineData(49, 12.0, "12")]
    public void BuiltInIds(int id, double value, string expected) =>
        Assert.Equal(expected, NumberFormatter.Format(value, NumberFormatter.CodeFor(id, null)));

    [Fact]
    public void CustomDefinitionOverridesBuiltInId()
    {
        var custom = new Dictionary<int, string> { [176] = "0.0\"%\"", [9] = "0.000" };
        Assert.Equal("12.5%", NumberFormatter.Format(12.5, NumberFormatter.CodeFor(176, custom)));
        Assert.Equal("0.500", NumberFormatter.Format(0.5, NumberFormatter.CodeFor(9, custom)));
    }

    [Theory]
    [InlineData(45000.0, "yyyy-mm-dd", "2023-03-15")]
    [InlineData(45000.0, "yyyy\"年\"m\"月\"d\"日\"", "2023年3月15日")]
    [InlineData(45000.0, "yyyy/m/d", "2023/3/15")]
    [InlineData(45000.0, "m/d/yy", "3/15/23")]
    [InlineData(45000.5, "h:mm", "12:00")]
    [InlineData(45000.5, "h:mm AM/PM", "12:00 PM")]
    [InlineData(0.5 + 90 / 86400.0, "h:mm:ss", "12:01:30")]
    [InlineData(0.5 + 90 / 86400.0, "mm:ss", "01:30")]
    [InlineData(1.5, "[h]:mm", "36:00")]
    [InlineData(45000.25, "上午/下午h\"时\"mm\"分\"", "上午6时00分")]
    [InlineData(1.0, "yyyy-mm-dd", "1900-01-01")]
    public void Dates(double serial, string code, string expected) =>
        Assert.Equal(expected, NumberFormatter.Format(serial, code));

    [Fact]
    public void Date1904System() => Assert.Equal("1904-01-02", NumberFormatter.Format(1, "yyyy-mm-dd", date1904: true));

    [Theory]
    [InlineData(12.0, "12")]
    [InlineData(-7.0, "-7")]
    [InlineData(718.03, "718.03")]
    [InlineData(0.30000000000000004, "0.3")]
    [InlineData(123456789012.0, "123456789012")]
    [InlineData(4.403062313915E+20, "440306231391500000000")]
    [InlineData(1E+21, "1E+21")]
    [InlineData(0.00015, "0.00015")]
    public void General(double value, string expected)
    {
        Assert.Equal(expected, NumberFormatter.Format(value, "General"));
        Assert.Equal(expected, NumberFormatter.Format(value, null));
    }

    [Theory]
    [InlineData("440306231391500000173", "440306231391500000173")]
    [InlineData("2658000.0", "2658000")]
    [InlineData("0", "0")]
    [InlineData("-12.000", "-12")]
    public void GeneralKeepsTheStoredIntegerDigits(string raw, string expected) =>
        Assert.Equal(expected, NumberFormatter.Format(double.Parse(raw, System.Globalization.CultureInfo.InvariantCulture), "General", raw: raw));

    [Theory]
    [InlineData("0", "440306231391500000173")]
    [InlineData("#,##0", "440,306,231,391,500,000,173")]
    [InlineData("0.00", "440306231391500000173.00")]
    public void IntegerFormatsKeepTheStoredDigitsOfLongCodes(string code, string expected) =>
        Assert.Equal(expected, NumberFormatter.Format(4.403062313915E+20, code, raw: "440306231391500000173"));

    [Fact]
    public void ConditionalSections()
    {
        const string code = "[>=10000]0.00,\"千\";0";
        Assert.Equal("15.00千", NumberFormatter.Format(15000, code));
        Assert.Equal("999", NumberFormatter.Format(999, code));
    }

    [Fact]
    public void TextSectionAndGeneralWithLiterals()
    {
        Assert.Equal("12", NumberFormatter.Format(12, "@"));
        Assert.Equal("12元", NumberFormatter.Format(12, "General\"元\""));
    }
}
