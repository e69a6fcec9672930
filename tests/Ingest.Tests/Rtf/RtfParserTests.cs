using System.Text;
using Jixiao.Ingest;

namespace Jixiao.Ingest.Tests.Rtf;

/// <summary>RTF built inside the test: GBK bytes, \uN, merges, hidden text, fields, symbol fonts.</summary>
public class RtfParserTests
{
    static RtfParserTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Chinese text as \'hh escapes in GBK, the way Word writes it with \ansicpg936.</summary>
    static string Gb(string s) => string.Concat(Encoding.GetEncoding("GB18030").GetBytes(s).Select(b => $"\\'{b:x2}"));

    static SourceDocument Read(string rtf)
    {
        var result = DocumentReader.Read(new MemoryStream(Encoding.ASCII.GetBytes(rtf)), "t.rtf");
        Assert.True(result.Ok, result.Error?.ToString());
        Assert.Equal("rtf", result.Format);
        return result.Document!;
    }

    const string Head = @"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 SimSun;}{\f1\fnil\fcharset2 Wingdings;}{\f2\froman\fcharset0{\*\panose 02020603050405020304}Times New Roman;}}" + "\r\n"
                        + @"{\colortbl;\red0\green0\blue0;}{\*\generator Test;}{\stylesheet{\s0 Normal;}}" + "\r\n";

    [Fact]
    public void Title_paragraphs_then_table_with_vertical_and_horizontal_merges()
    {
        var rtf = Head
            + $@"\pard\qc {Gb("项目支出绩效目标表")}\par" + "\r\n"
            + $@"\pard {Gb("单位：")}\uc1\u19975?\u20803?\par" + "\r\n"
            + $@"\trowd\trleft0\clvmgf\cellx2000\clmgf\cellx4000\clmrg\cellx6000\pard\intbl {Gb("绩效指标")}\cell {Gb("产出")}\line x\cell\cell\row" + "\r\n"
            + $@"\trowd\trleft0\clvmrg\cellx2000\cellx4000\cellx6000\pard\intbl\cell A\par B\cell {{\f1\'fe}}{Gb("是")}{{\v hidden}}\cell\row" + "\r\n"
            + $@"\pard {Gb("备注")}{{\field{{\*\fldinst PAGE}}{{\fldrslt 1}}}}\par}}";
        var doc = Read(rtf);

        Assert.Collection(doc.Blocks,
            b => Assert.Equal("项目支出绩效目标表", ((Paragraph)b).Text),
            b => Assert.Equal("单位：万元", ((Paragraph)b).Text),
            b =>
            {
                var t = (Table)b;
                Assert.Equal(2, t.Rows.Count);
                Assert.Equal(("绩效指标", 2, 1), (t.Rows[0].Cells[0].Text, t.Rows[0].Cells[0].RowSpan, t.Rows[0].Cells[0].ColSpan));
                Assert.Equal(("产出\nx", 1, 2), (t.Rows[0].Cells[1].Text, t.Rows[0].Cells[1].RowSpan, t.Rows[0].Cells[1].ColSpan));
                Assert.Equal(new[] { "A\nB", "☑是" }, t.Rows[1].Cells.Select(c => c.Text));
            },
            b => Assert.Equal("备注1", ((Paragraph)b).Text));
    }

    [Fact]
    public void Word_style_row_definition_repeated_at_row_end_and_uneven_edges()
    {
        // Word repeats \trowd…\cellx inside the group that holds \row; later rows may differ by a few twips.
        static string Row(string a, string b, int mid) =>
            $@"\trowd\irow0\trgaph108\trleft-108\cellx{mid}\cellx6000\pard\plain\intbl{{\f0 {a}}}{{\cell}}{{\f0 {b}}}{{\cell}}"
            + $@"\pard\plain\intbl{{\trowd\irow0\trgaph108\trleft-108\cellx{mid}\cellx6000\row}}" + "\r\n";
        var doc = Read(Head + Row(Gb("项目名称"), Gb("测试"), 2000) + Row("1", "2", 2004)
                       + $@"\trowd\trleft-108\cellx6000\pard\intbl {Gb("合计")}\cell\row\pard\par}}");
        var t = Assert.Single(doc.Tables);
        Assert.Equal(new[] { 2, 2, 1 }, t.Rows.Select(r => r.Cells.Count));
        Assert.Equal("测试", t.Rows[0].Cells[1].Text);
        Assert.Equal(("合计", 2), (t.Rows[2].Cells[0].Text, t.Rows[2].Cells[0].ColSpan));
    }

    [Fact]
    public void Binary_and_picture_data_are_skipped_without_reading_past_the_end()
    {
        var doc = Read(Head + @"{\pict\pngblip 89504e47}{\*\shppict {\pict \bin999999 xx}}" + @"\pard ok\par}");
        Assert.Empty(doc.Blocks); // \bin length runs to the end of the input: nothing after it is text
        var ok = Read(Head + @"{\pict\pngblip 89504e47}\pard ok\par}");
        Assert.Equal("ok", ok.Paragraphs.Single().Text);
    }

    [Fact]
    public void Upr_text_is_read_once_from_its_unicode_version()
    {
        var doc = Read(Head + @"\pard {\upr{\f0 ANSI}{\*\ud{\f0 \u32489?\u25928?}}}\par}");
        Assert.Equal("绩效", doc.Paragraphs.Single().Text);
    }

    [Fact]
    public void Table_without_intbl_and_cellx_between_cells()
    {
        var doc = Read(@"{\rtf1\trowd\clvmgf\cellx1000 Top\cell\cellx2000 A\cell\row\trowd\clvmrg\cellx1000\cell\cellx2000 B\cell\row}");
        var t = Assert.Single(doc.Tables);
        Assert.Equal(("Top", 2), (t.Rows[0].Cells[0].Text, t.Rows[0].Cells[0].RowSpan));
        Assert.Equal(new[] { "B" }, t.Rows[1].Cells.Select(c => c.Text));
    }
}
