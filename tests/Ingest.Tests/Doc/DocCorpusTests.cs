using System.Diagnostics;
using Jixiao.Ingest.Doc;
using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Doc;

/// <summary>Whole .doc files: synthetic ones against their gold JSON, real Word files from doc-wild.</summary>
public class DocCorpusTests
{
    internal static SourceDocument Parse(params string[] path)
    {
        using var stream = File.OpenRead(Corpus.File(path));
        return new DocParser().Parse(stream, Path.GetFileName(path[^1]), CancellationToken.None);
    }

    [Fact]
    public void Proj_target_01_cells_match_the_gold()
    {
        var doc = Parse("synthetic", "proj_target_01.doc");

        Assert.Equal("doc", doc.Format);
        var before = doc.Blocks.TakeWhile(b => b is not Table).OfType<Paragraph>().Select(p => p.Text);
        Assert.Equal(new[] { "项目支出绩效目标表", "（2025年度）" }, before);
        var table = Assert.Single(doc.Tables);
        Assert.Equal(22, table.Rows.Count);
        Assert.Equal(("校园安全保障经费", 5), (table.Rows[0].Cells[1].Text, table.Rows[0].Cells[1].ColSpan));
        Assert.Equal(new[] { "主管部门", "大冶市教育局", "实施单位", "大冶市教育考试院" }, table.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal("0714-6936617", table.Rows[2].Cells[3].Text);
        var funds = table.Rows[5].Cells[0];
        Assert.Equal(("资金情况\n（万元）", 3), (funds.Text, funds.RowSpan));
        Assert.Equal("244.21", table.Rows[5].Cells[2].Text);
        Assert.Equal(new[] { "其中：财政拨款", "187.8" }, table.Rows[6].Cells.Select(c => c.Text));
        Assert.Equal(("绩\n效\n指\n标", 13), (table.Rows[9].Cells[0].Text, table.Rows[9].Cells[0].RowSpan));
        Assert.Equal(new[] { "产出\n指标", "数量指标", "开展校园安全检查次数", "≥12次", "历史标准" }, table.Rows[10].Cells.Select(c => c.Text));
        Assert.Equal(5, table.Rows[10].Cells[0].RowSpan);
        Assert.Equal(new[] { "生态环境成本指标", "对生态环境造成的负面影响", "无明显影响", "计划标准" }, table.Rows[21].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Multi_self_old_01_row_ends_in_huge_papx_keep_each_form_one_table()
    {
        // LibreOffice stored the TAP of wide rows through sprmPHugePapx in the Data stream; without
        // it those row ends look like body paragraphs and every form falls apart into one-row tables.
        var doc = Parse("synthetic", "multi_self_old_01.doc");

        var tables = doc.Tables.ToList();
        Assert.Equal(3, tables.Count);
        Assert.Equal(12, tables[0].Rows.Count);
        Assert.Equal("2021年度文化旅游宣传推广经费项目自评表", doc.Paragraphs.First().Text.Trim());
        Assert.Equal(new[] { "主管部门", "洛阳市文化和旅游局", "项目实施单位", "洛阳市文化馆" }, tables[0].Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(("年度绩效目标", 5), (tables[0].Rows[7].Cells[0].Text, tables[0].Rows[7].Cells[0].RowSpan));
        Assert.Equal(new[] { "数量指标", "举办群众文化活动场次", "≥20场", "18场", "23.3" }, tables[0].Rows[9].Cells.Take(5).Select(c => c.Text));
    }

    [Fact]
    public void Biosketch_column_spans_come_from_cell_boundaries()
    {
        var doc = Parse("doc-wild", "cap.stanford.edu_profiles_viewbiosketch_facultyid=4009&name=m_maciver.doc");

        var table = doc.Tables.First();
        Assert.Equal((2, 3), (table.Rows[0].Cells[0].ColSpan, table.Rows[0].Cells[1].ColSpan));
        Assert.StartsWith("BIOGRAPHICAL SKETCH\n", table.Rows[2].Cells[0].Text);
        Assert.Equal(5, table.Rows[2].Cells[0].ColSpan);
        Assert.Equal(("NAME\nMacIver, M., Bruce", 2), (table.Rows[4].Cells[0].Text, table.Rows[4].Cells[0].ColSpan));
        var position = table.Rows[4].Cells[1];
        Assert.Equal((2, 3), (position.RowSpan, position.ColSpan));
    }

    [Fact]
    public void Bug46817_tables_in_text_boxes_nest_in_the_cell_that_anchors_them()
    {
        var doc = Parse("doc-wild", "Bug46817.doc");

        var tables = doc.Tables.ToList();
        Assert.Equal(new[] { 1, 2, 2 }, tables.Select(t => t.Depth));
        Assert.Equal(new[] { "Nazwa", "Nazwisko osoby upoważnionej do kontaktów" }, tables[1].Rows[0].Cells.Select(c => c.Text));
        Assert.Equal("ekomel@ekomel.com.pl", tables[2].Rows[9].Cells[0].Text);
        // The box text is not repeated in the anchoring cell.
        Assert.DoesNotContain("Gmina Cekcyn", tables[0].Rows[0].Cells[0].Text);
    }

    [Fact]
    public void Form_check_boxes_become_box_characters()
    {
        var doc = Parse("doc-wild", "au.edu.utas.www___data_assets_word_doc_0003_154335_International-Travel-Approval-Request-Form.doc");

        var insurance = doc.Tables.First().Rows.First(r => r.Cells[0].Text == "Insurance:").Cells[1].Text;
        Assert.Contains("□  Yes  □ No", insurance);
    }

    [Fact]
    public void Empty_doc_has_no_blocks()
    {
        var doc = Parse("doc-wild", "empty.doc");
        Assert.Empty(doc.Blocks);
    }

    [Fact]
    public void Clusterfuzz_file_is_a_damaged_doc_error_not_a_time_out()
    {
        // The reader finds the damage itself: "damaged .doc", not the time limit's "gave up after …" (the limit is
        // generous so that a loaded box cannot turn one into the other; no clock is asserted).
        var file = Corpus.File("doc-wild", "clusterfuzz-testcase-minimized-POIHWPFFuzzer-5418937293340672.doc");
        var result = DocumentReader.Read(file, new DocumentReader.Options { Timeout = TimeSpan.FromSeconds(60) });
        Assert.False(result.Ok);
        Assert.StartsWith("damaged .doc", result.Error!.Reason);
    }

    [Fact]
    public void Wps_extension_reads_as_wps()
    {
        var tmp = Path.Combine(Path.GetTempPath(), $"doc-{Guid.NewGuid():N}.wps");
        File.Copy(Corpus.File("doc-wild", "innertable.doc"), tmp);
        try
        {
            var result = DocumentReader.Read(tmp);
            Assert.True(result.Ok, result.Error?.ToString());
            Assert.Equal("wps", result.Document!.Format);
            Assert.Equal(2, result.Document.Tables.Count());
        }
        finally { File.Delete(tmp); }
    }
}
