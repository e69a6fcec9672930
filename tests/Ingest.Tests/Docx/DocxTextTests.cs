using DocumentFormat.OpenXml.Packaging;
using Jixiao.Ingest;
using static Jixiao.Ingest.Tests.Docx.DocxBuilder;

namespace Jixiao.Ingest.Tests.Docx;

/// <summary>What counts as visible text: revisions, hidden runs, fields, symbols, checkboxes, text boxes.</summary>
public class DocxTextTests
{
    static string Text(string paragraphInnerXml) =>
        Assert.Single(Read($"<w:p>{paragraphInnerXml}</w:p>").Paragraphs).Text;

    [Fact]
    public void Hidden_and_deleted_text_is_left_out_inserted_text_kept()
    {
        var text = Text("<w:r><w:t>可</w:t></w:r>"
                        + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
                        + "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>删除</w:delText></w:r></w:del>"
                        + "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>见</w:t></w:r></w:ins>"
                        + "<w:r><w:rPr><w:vanish w:val=\"false\"/></w:rPr><w:t>文字</w:t></w:r>");
        Assert.Equal("可见文字", text);
    }

    [Fact]
    public void Field_keeps_its_result_and_drops_its_instruction()
    {
        var text = Text("<w:r><w:t>第</w:t></w:r>"
                        + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                        + "<w:r><w:instrText xml:space=\"preserve\"> PAGE \\* MERGEFORMAT </w:instrText></w:r>"
                        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                        + "<w:r><w:t>3</w:t></w:r>"
                        + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                        + "<w:r><w:t>页</w:t></w:r>"
                        + "<w:fldSimple w:instr=\"NUMPAGES\"><w:r><w:t>/9</w:t></w:r></w:fldSimple>");
        Assert.Equal("第3页/9", text);
    }

    [Theory]
    [InlineData("Wingdings", "F0A8", "□")]
    [InlineData("Wingdings", "F0FE", "☑")]
    [InlineData("Wingdings 2", "F052", "☑")]
    [InlineData("Wingdings 2", "F0A3", "□")]
    [InlineData("Wingdings", "F06F", "□")]
    [InlineData("Symbol", "F0D6", "√")]
    public void Symbol_font_checkboxes_become_unicode(string font, string code, string expected)
    {
        var text = Text($"<w:r><w:sym w:font=\"{font}\" w:char=\"{code}\"/><w:t>是</w:t></w:r>");
        Assert.Equal(expected + "是", text);
    }

    [Fact]
    public void Wingdings_run_text_is_translated_and_plain_glyphs_are_kept()
    {
        var text = Text("<w:r><w:rPr><w:rFonts w:ascii=\"Wingdings\" w:hAnsi=\"Wingdings\"/></w:rPr><w:t>\u00FE</w:t></w:r>"
                        + "<w:r><w:t>是 □否 ☒ ■ √ ✓ ☐</w:t></w:r>");
        Assert.Equal("☑是 □否 ☒ ■ √ ✓ ☐", text);
    }

    [Fact]
    public void Checkbox_content_controls_show_their_state()
    {
        static string Box(int on) =>
            $"<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"{on}\"/></w14:checkbox></w:sdtPr>"
            + "<w:sdtContent><w:r><w:t>\u2610</w:t></w:r></w:sdtContent></w:sdt>";
        var text = Text(Box(1) + "<w:r><w:t>是</w:t></w:r>" + Box(0) + "<w:r><w:t>否</w:t></w:r>"
                        + "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>(控件)</w:t></w:r></w:sdtContent></w:sdt>"
                        + "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt>");
        Assert.Equal("☑是□否(控件)", text);
    }

    [Fact]
    public void Text_box_title_becomes_a_paragraph_before_the_table_and_only_once()
    {
        // Word writes a text box twice: DrawingML in mc:Choice, VML in mc:Fallback.
        const string box = "<w:txbxContent><w:p><w:r><w:t>项目支出绩效目标表</w:t></w:r></w:p></w:txbxContent>";
        var anchor = "<w:p><w:r><mc:AlternateContent>"
            + "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>" + box
            + "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            + "<mc:Fallback><w:pict><v:shape><v:textbox>" + box + "</v:textbox></v:shape></w:pict></mc:Fallback>"
            + "</mc:AlternateContent></w:r></w:p>";
        var doc = Read(anchor + "<w:tbl>" + Grid(1) + "<w:tr>" + Tc("", "项目名称") + "</w:tr></w:tbl>");

        Assert.Collection(doc.Blocks,
            b => Assert.Equal("项目支出绩效目标表", Assert.IsType<Paragraph>(b).Text),
            b => Assert.IsType<Table>(b));
    }

    [Fact]
    public void Blank_paragraphs_are_not_blocks()
    {
        var doc = Read(P("a") + "<w:p/>" + P("  ") + P("b"));
        Assert.Equal(new[] { "a", "b" }, doc.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Damaged_document_xml_is_a_one_line_error()
    {
        var ms = new MemoryStream();
        ms.Write(Build(P("x")));
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            w.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>\n<w:r>");
        }
        var result = DocumentReader.Read(new MemoryStream(ms.ToArray()), "broken.docx");
        Assert.False(result.Ok);
        Assert.StartsWith("damaged docx", result.Error!.Reason);
        Assert.DoesNotContain('\n', result.Error.Reason);
    }

    [Fact]
    public void Hostile_nesting_is_refused_before_the_SDK_recurses_into_it()
    {
        // The SDK's DOM loader is recursive: 100 000 levels would overflow the stack and kill the process.
        var deep = string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", 100_000)) + P("x")
                   + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", 100_000));
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            using var w = new StreamWriter(doc.AddMainDocumentPart().GetStream(FileMode.Create));
            w.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + deep + "</w:body></w:document>");
        }
        var result = DocumentReader.Read(new MemoryStream(ms.ToArray()), "deep.docx");
        Assert.False(result.Ok);
        Assert.Contains("nested", result.Error!.Reason);
    }
}
