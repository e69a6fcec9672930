using Jixiao.Ingest.Pdf;
using Jixiao.Tests;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Jixiao.Ingest.Tests.Pdf;

public class StreamTableRealTests
{
    readonly ITestOutputHelper _out;
    public StreamTableRealTests(ITestOutputHelper output) => _out = output;

    internal static PageContent Page(string file, int number, Func<Rule, bool> keep)
    {
        using var pdf = PdfDocument.Open(Corpus.File("real", file));
        var (glyphs, rules, frame) = PageReader.Parts(pdf.GetPage(number));
        return PageReader.Layout(number, frame.Width, frame.Height, glyphs, rules.Where(keep).ToList());
    }

    const string XianHealth = "西安市卫生健康委员会（汇总）2022年度部门决算.pdf";

    /// <summary>
    /// No PDF in corpus/real has a borderless table (every page checked: rule counts from PdfPig and
    /// column gaps in pdftotext -layout), so the stream reader is run on a real ruled page with its
    /// vertical rules, or all rules, taken away, and must rebuild the grid the lattice reader finds.
    /// p155: 支出决算表, code | name | 小计 | 基本支出 | 项目支出, headers centred over right-aligned numbers.
    /// </summary>
    [Theory]
    [InlineData("horizontal rules only")]
    [InlineData("no rules")]
    public void XianHealthExpenditureTable_StreamGridMatchesTheLattice(string rules)
    {
        var lattice = Assert.Single(Page(XianHealth, 155, _ => true).Items.OfType<TableItem>());
        Assert.True(lattice.Ruled);
        Func<Rule, bool> keep = rules == "no rules" ? _ => false : r => r.Horizontal;
        var stream = Assert.Single(Page(XianHealth, 155, keep).Items.OfType<TableItem>());
        Assert.False(stream.Ruled);
        Print(stream.Table);
        Assert.Equal(lattice.Table.Rows.Count, stream.Table.Rows.Count);
        Assert.All(stream.Table.Rows, r => Assert.Equal(5, r.Cells.Count));
        // Every row below the two-row heading holds the same five cells in both readings.
        for (int r = 1; r < lattice.Table.Rows.Count; r++)
            Assert.Equal(lattice.Table.Rows[r].Cells.Select(c => c.Text), stream.Table.Rows[r].Cells.Select(c => c.Text));
        Assert.Equal(new[] { "2100407", "其他专业公共卫生机构", "33.26", "33.26", "" }, stream.Table.Rows.First(r => r.Cells[0].Text == "2100407").Cells.Select(c => c.Text));
        Assert.Equal(new[] { "", "项目", "", "本年支出", "" }, stream.Table.Rows[0].Cells.Select(c => c.Text));
    }

    [Fact]
    public void RulesBetweenRowsKeepAWrappedCellInOneRow()
    {
        // Three rows, each between two horizontal rules; the middle row's name wraps onto two lines.
        static Glyph G(string s, double x, double y) => new(s, x, y, x + 10, y + 10, 10);
        static IEnumerable<Glyph> Word(string s, double x, double y) => s.Select((ch, i) => G(ch.ToString(), x + i * 10, y));
        var glyphs = new List<Glyph>();
        glyphs.AddRange(Word("项目", 0, 5)); glyphs.AddRange(Word("金额", 200, 5));
        glyphs.AddRange(Word("一般行政", 0, 25)); glyphs.AddRange(Word("1.5", 200, 25));
        glyphs.AddRange(Word("管理事务", 0, 37));
        glyphs.AddRange(Word("合计", 0, 57)); glyphs.AddRange(Word("2.5", 200, 57));
        var rules = new List<Rule> { new(true, 0, 0, 300), new(true, 20, 0, 300), new(true, 52, 0, 300), new(true, 72, 0, 300) };
        var page = PageReader.Layout(1, 400, 100, glyphs, rules);
        var table = Assert.Single(page.Items.OfType<TableItem>()).Table;
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(new[] { "一般行政\n管理事务", "1.5" }, table.Rows[1].Cells.Select(c => c.Text));
        // Without the rules the wrapped line stands alone and breaks the run: no table at all.
        var loose = PageReader.Layout(1, 400, 100, glyphs, new List<Rule>());
        Assert.Empty(loose.Items.OfType<TableItem>());
    }

    void Print(Table t)
    {
        foreach (var r in t.Rows) _out.WriteLine("| " + string.Join(" | ", r.Cells.Select(c => c.Text.Replace("\n", "⏎"))));
    }
}
