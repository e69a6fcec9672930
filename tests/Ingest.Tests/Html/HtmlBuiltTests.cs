using System.Text;
using Jixiao.Ingest;
using Jixiao.Ingest.Html;

namespace Jixiao.Ingest.Tests.Html;

/// <summary>HTML and MHT built inside the test: spans, text rules, encodings.</summary>
public class HtmlBuiltTests
{
    static HtmlBuiltTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    static SourceDocument Parse(byte[] bytes, string name = "t.html") =>
        new HtmlParser().Parse(new MemoryStream(bytes), name, CancellationToken.None);

    static SourceDocument Parse(string html, string name = "t.html") => Parse(Encoding.UTF8.GetBytes(html), name);

    [Fact]
    public void Rowspan_and_colspan_are_kept_as_written()
    {
        var doc = Parse("""
            <html><body><p>项目支出绩效目标表</p>
            <table>
              <tr><td rowspan="3">绩效指标</td><td colspan="2">数量指标</td></tr>
              <tr><td>A</td><td rowspan=2>B</td></tr>
              <tr><td>C</td></tr>
              <tr><td colspan=0>D</td><td rowspan="9">E</td></tr>
            </table></body></html>
            """);
        Assert.Equal("项目支出绩效目标表", Assert.IsType<Paragraph>(doc.Blocks[0]).Text);
        var t = Assert.IsType<Table>(doc.Blocks[1]);
        Assert.Equal(new[] { 2, 2, 1, 2 }, t.Rows.Select(r => r.Cells.Count));
        Assert.Equal((3, 1), (t.Rows[0].Cells[0].RowSpan, t.Rows[0].Cells[0].ColSpan));
        Assert.Equal((1, 2), (t.Rows[0].Cells[1].RowSpan, t.Rows[0].Cells[1].ColSpan));
        Assert.Equal(2, t.Rows[1].Cells[1].RowSpan);
        Assert.Equal("C", t.Rows[2].Cells[0].Text);
        Assert.Equal(1, t.Rows[3].Cells[0].ColSpan);  // colspan=0 is 1 in HTML
        Assert.Equal(1, t.Rows[3].Cells[1].RowSpan);  // clamped to the rows that exist
    }

    [Fact]
    public void Cell_text_rules_br_p_nbsp_o_p_hidden_and_cjk_line_wraps()
    {
        var doc = Parse("<table><tr>"
                        + "<td><p class=MsoNormal><span style='mso-bidi-font-size:9pt'>绩<br>效</span><o:p>&nbsp;</o:p></p><p>指标</p></td>"
                        + "<td>&nbsp;</td>"
                        + "<td>年度<span style='display: none'>隐藏</span>指标\n值 2024\nyear</td>"
                        + "<td><script>x()</script><style>p{}</style>  a  </td>"
                        + "</tr></table>");
        var cells = doc.Tables.Single().Rows[0].Cells.Select(c => c.Text).ToArray();
        Assert.Equal("绩\n效\n指标", cells[0]);
        Assert.Equal("\u00A0", cells[1]);
        Assert.Equal("年度指标值 2024 year", cells[2]);
        Assert.Equal("a", cells[3]);
    }

    [Fact]
    public void Nested_table_follows_the_outer_one()
    {
        var doc = Parse("<table><tr><td>项目</td><td>外<table><tr><td>内1</td><td>内2</td></tr></table></td></tr></table><p>后</p>");
        Assert.Collection(doc.Blocks,
            b => Assert.Equal(("外", 1), (((Table)b).Rows[0].Cells[1].Text, ((Table)b).Depth)),
            b =>
            {
                Assert.Equal(2, ((Table)b).Depth);
                Assert.Equal(new[] { "内1", "内2" }, ((Table)b).Rows[0].Cells.Select(c => c.Text));
            },
            b => Assert.Equal("后", ((Paragraph)b).Text));
    }

    [Fact]
    public void Layout_table_around_the_article_is_read_as_flow()
    {
        var doc = Parse("<table width=100%><tr><td><div>首页 &gt; 正文</div></td></tr><tr><td>"
                        + "<p>项目支出绩效目标表</p><table><tr><td>项目名称</td><td>X</td></tr></table></td></tr></table>");
        Assert.Collection(doc.Blocks,
            b => Assert.Equal("首页 > 正文", ((Paragraph)b).Text),
            b => Assert.Equal("项目支出绩效目标表", ((Paragraph)b).Text),
            b =>
            {
                Assert.Equal(1, ((Table)b).Depth);
                Assert.Equal(new[] { "项目名称", "X" }, ((Table)b).Rows[0].Cells.Select(c => c.Text));
            });
    }

    [Fact]
    public void Blocks_become_paragraphs_and_br_a_newline()
    {
        var doc = Parse("<body><div>第一行<br>第二行</div><h1>标题</h1><ul><li>一</li><li>二</li></ul><span>单位：万元</span></body>");
        Assert.Equal(new[] { "第一行\n第二行", "标题", "一", "二", "单位：万元" }, doc.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Word_export_quirks_text_box_title_and_misaligned_columns_row()
    {
        var doc = Parse("""
            <body><!--[if gte vml 1]><v:shape id="_x0000_s1026"><v:textbox>项目支出绩效目标表</v:textbox></v:shape><![endif]--><![if !vml]><span
            style='position:absolute'><table cellpadding=0 cellspacing=0><tr><td><div v:shape="_x0000_s1026"><p
            class=MsoNormal>项目支出绩效目标表<o:p></o:p></p></div></td></tr></table></span><![endif]>
            <table><tr><td>项目名称</td><td>X<select><option>甲</option><option selected>乙</option></select></td></tr>
            <![if !supportMisalignedColumns]><tr height=0><td width=98 style='border:none'></td><td width=20 style='border:none'></td></tr><![endif]>
            </table><p><input type=checkbox checked>是 <input type="checkbox">否</p></body>
            """);
        Assert.Collection(doc.Blocks,
            b => Assert.Equal("项目支出绩效目标表", Assert.IsType<Paragraph>(b).Text),
            b =>
            {
                var row = Assert.Single(Assert.IsType<Table>(b).Rows);
                Assert.Equal(new[] { "项目名称", "X乙" }, row.Cells.Select(c => c.Text));
            },
            b => Assert.Equal("☑是 □否", Assert.IsType<Paragraph>(b).Text));
    }

    [Theory]
    [InlineData("<meta charset=\"gbk\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">")]
    [InlineData("<meta http-equiv=Content-Type content=\"text/html; charset=GB18030\">")]
    [InlineData("")] // not valid UTF-8: GB18030 fallback
    public void Chinese_code_pages_are_decoded(string meta)
    {
        var html = $"<html><head>{meta}</head><body><p>绩效目标表</p></body></html>";
        var doc = Parse(Encoding.GetEncoding("GB18030").GetBytes(html));
        Assert.Equal("绩效目标表", doc.Paragraphs.Single().Text);
    }

    [Fact]
    public void Utf8_page_with_a_stale_gb2312_meta_is_utf8()
    {
        var html = "<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"></head><body><p>绩效目标表</p></body></html>";
        Assert.Equal("绩效目标表", Parse(Encoding.UTF8.GetBytes(html)).Paragraphs.Single().Text);
    }

    [Fact]
    public void Utf8_bom_wins_over_meta()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<meta charset=gbk><p>目标</p>")).ToArray();
        Assert.Equal("目标", Parse(bytes).Paragraphs.Single().Text);
    }

    [Fact]
    public void Markdown_lines_outside_tables_are_paragraphs()
    {
        var md = "# 绩效评价报告\n\n表1：资金明细\n<table><tr><td>项目</td><td>金额</td></tr></table>\n\n说明一\n说明二\n";
        var doc = Parse(md, "r.md");
        Assert.Equal("html", doc.Format);
        Assert.Collection(doc.Blocks,
            b => Assert.Equal("绩效评价报告", ((Paragraph)b).Text),
            b => Assert.Equal("表1：资金明细", ((Paragraph)b).Text),
            b => Assert.Equal(new[] { "项目", "金额" }, ((Table)b).Rows[0].Cells.Select(c => c.Text)),
            b => Assert.Equal("说明一", ((Paragraph)b).Text),
            b => Assert.Equal("说明二", ((Paragraph)b).Text));
    }

    [Fact]
    public void Mht_quoted_printable_gb2312_part_is_read()
    {
        var gb = Encoding.GetEncoding("GB18030");
        var html = "<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"></head><body>"
                   + "<p class=MsoNormal>项目支出绩效自评表<o:p></o:p></p>"
                   + "<table><tr><td rowspan=2>绩效指标</td><td>产出指标</td></tr><tr><td>效益指标</td></tr></table></body></html>";
        var qp = QuotedPrintable(gb.GetBytes(html));
        var mht = "MIME-Version: 1.0\r\n"
                  + "Content-Type: multipart/related; boundary=\"----=_NextPart_X\"\r\n\r\n"
                  + "This is a multi-part message.\r\n\r\n"
                  + "------=_NextPart_X\r\n"
                  + "Content-Location: file:///C:/x.htm\r\n"
                  + "Content-Transfer-Encoding: quoted-printable\r\n"
                  + "Content-Type: text/html; charset=\"gb2312\"\r\n\r\n"
                  + qp + "\r\n\r\n"
                  + "------=_NextPart_X\r\n"
                  + "Content-Location: file:///C:/x.files/filelist.xml\r\n"
                  + "Content-Type: text/xml; charset=\"utf-8\"\r\n\r\n<xml/>\r\n"
                  + "------=_NextPart_X--\r\n";
        var result = DocumentReader.Read(new MemoryStream(Encoding.ASCII.GetBytes(mht)), "x.mht");

        Assert.True(result.Ok, result.Error?.ToString());
        var doc = result.Document!;
        Assert.Equal("mht", doc.Format);
        Assert.Equal("项目支出绩效自评表", Assert.IsType<Paragraph>(doc.Blocks[0]).Text);
        var t = Assert.IsType<Table>(doc.Blocks[1]);
        Assert.Equal(("绩效指标", 2), (t.Rows[0].Cells[0].Text, t.Rows[0].Cells[0].RowSpan));
        Assert.Equal("效益指标", t.Rows[1].Cells.Single().Text);
    }

    [Fact]
    public void Excel_mht_reads_every_sheet_page()
    {
        static string Page(string name, string html) =>
            "--b\r\nContent-Location: file:///C:/x.files/" + name + "\r\nContent-Transfer-Encoding: base64\r\n"
            + "Content-Type: text/html; charset=\"utf-8\"\r\n\r\n" + Convert.ToBase64String(Encoding.UTF8.GetBytes(html), Base64FormattingOptions.InsertLineBreaks) + "\r\n";
        var mht = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n"
                  + Page("x.htm", "<frameset><frame src=\"sheet001.htm\"></frameset>")
                  + Page("sheet001.htm", "<table><tr><td>项目名称</td><td>甲</td></tr></table>")
                  + Page("sheet002.htm", "<table><tr><td>项目名称</td><td>乙</td></tr></table>")
                  + "--b--\r\n";
        var result = DocumentReader.Read(new MemoryStream(Encoding.ASCII.GetBytes(mht)), "book.mht");
        Assert.True(result.Ok, result.Error?.ToString());
        Assert.Equal(new[] { "甲", "乙" }, result.Document!.Tables.Select(t => t.Rows[0].Cells[1].Text));
    }

    [Fact]
    public void Mht_without_html_part_is_a_clear_error()
    {
        var mht = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n";
        var result = DocumentReader.Read(new MemoryStream(Encoding.ASCII.GetBytes(mht)), "x.mht");
        Assert.False(result.Ok);
        Assert.Contains("text/html", result.Error!.Reason);
    }

    /// <summary>Quoted-printable as Word writes it: "=XX" for non-ASCII and '=', soft breaks every 76 columns.</summary>
    static string QuotedPrintable(byte[] data)
    {
        var sb = new StringBuilder();
        int col = 0;
        foreach (var b in data)
        {
            var piece = b is >= 33 and <= 126 and not (byte)'=' || b == ' ' ? ((char)b).ToString() : $"={b:X2}";
            if (col + piece.Length > 75) { sb.Append("=\r\n"); col = 0; }
            sb.Append(piece);
            col += piece.Length;
        }
        return sb.ToString();
    }
}
