using Jixiao.Ingest.Pdf;

namespace Jixiao.Ingest.Tests.Pdf;

/// <summary>Hand-built rules and glyphs: the table logic without a PDF.</summary>
public class LayoutUnitTests
{
    static Glyph G(string s, double x, double y, double width = 10) => new(s, x, y, x + width, y + 10, 10);

    [Fact]
    public void MissingInnerRulesBecomeSpans()
    {
        // 3x3 grid at x 0/100/200/300, y 0/20/40/60; the rule between (0,0) and (1,0) is absent
        // (row span) and so is the rule between (2,1) and (2,2) (column span); drawn in fragments.
        var rules = new List<Rule>
        {
            new(true, 0, 0, 150), new(true, 0.5, 150, 300),
            new(true, 20, 100, 300),
            new(true, 40, 0, 300), new(true, 60, 0, 300),
            new(false, 0, 0, 60), new(false, 100, 0, 60), new(false, 200, 0, 40), new(false, 300, 0, 60),
        };
        var glyphs = new List<Glyph> { G("名", 10, 25), G("称", 20, 25), G("A", 110, 5), G("B", 210, 5), G("C", 110, 25), G("D", 210, 25), G("合", 10, 45), G("计", 150, 45), G("x", 250, 45) };
        var page = PageReader.Layout(1, 400, 100, glyphs, rules);
        var table = Assert.IsType<TableItem>(Assert.Single(page.Items)).Table;
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(new[] { "名称", "A", "B" }, table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(2, table.Rows[0].Cells[0].RowSpan);
        Assert.Equal(new[] { "C", "D" }, table.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(2, table.Rows[2].Cells[1].ColSpan);
        Assert.Equal(new[] { "合", "计 x" }, table.Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public void LatinWordsKeepSpacesCjkDoesNot()
    {
        var glyphs = new List<Glyph> { G("单", 0, 0), G("位", 10, 0), G("A", 32, 0, 5), G("B", 37, 0, 5), G("C", 47, 0, 5), G("D", 52, 0, 5) };
        var line = Assert.Single(TextLineBuilder.Build(glyphs));
        Assert.Equal("单位 AB CD", line.Text);
    }

    [Fact]
    public void AlignedColumnsWithoutRulesBecomeATable()
    {
        var glyphs = new List<Glyph>();
        string[][] rows = { new[] { "项目", "金额", "占比" }, new[] { "基本", "12.5", "30%" }, new[] { "项目支出", "29.1", "70%" } };
        for (int r = 0; r < rows.Length; r++)
            for (int c = 0; c < 3; c++)
            {
                double x = 50 + c * 150;
                foreach (var ch in rows[r][c]) { glyphs.Add(G(ch.ToString(), x, 100 + r * 16)); x += 10; }
            }
        glyphs.Add(G("说", 50, 20)); glyphs.Add(G("明", 60, 20));
        var page = PageReader.Layout(1, 600, 800, glyphs, new List<Rule>());
        Assert.IsType<LineItem>(page.Items[0]);
        var table = Assert.IsType<TableItem>(page.Items[1]).Table;
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(new[] { "项目支出", "29.1", "70%" }, table.Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public void PageNumbersAndRepeatedHeadersAreDropped()
    {
        var furniture = new PageFurniture();
        PageContent Page(int n, params (string Text, double Y)[] lines)
        {
            var p = new PageContent(n, 600, 800);
            foreach (var (text, y) in lines)
                p.Items.Add(new LineItem(new TextLine(text.Select((ch, i) => G(ch.ToString(), 100 + i * 10, y)).ToList())));
            return p;
        }
        var p1 = Page(1, ("某某局预算公开", 10), ("正文标题", 100), ("第 1 页", 780));
        var p2 = Page(2, ("某某局预算公开", 10), ("正文标题", 100), ("- 2 -", 780));
        furniture.Remove(p1);
        furniture.Remove(p2);
        Assert.Equal(new[] { "某某局预算公开", "正文标题" }, p1.Items.Cast<LineItem>().Select(l => l.Text));
        Assert.Equal(new[] { "正文标题" }, p2.Items.Cast<LineItem>().Select(l => l.Text));
    }

    [Fact]
    public void QuarterTurnsMapToUprightCoordinates()
    {
        var media = new UglyToad.PdfPig.Core.PdfRectangle(0, 0, 600, 800);
        var upright = new PageFrame(media, 0);
        Assert.Equal((10.0, 790.0), upright.Map(10, 10));
        var turned = new PageFrame(media, 90);   // text going up: its start (bottom) becomes the left
        Assert.Equal(800, turned.Width);
        Assert.Equal((10.0, 10.0), turned.Map(10, 10));
        Assert.Equal((790.0, 10.0), turned.Map(10, 790));
    }

    [Theory]
    [InlineData(">90%", "≥90%")]
    [InlineData("<2万元", "≤2万元")]
    [InlineData(">", ">")]
    [InlineData("a>1", "a>1")]
    public void OcrComparisonSignsAreRestored(string ocr, string expected) =>
        Assert.Equal(expected, Jixiao.Ingest.Ocr.TesseractTsv.FixComparison(ocr));
}
