using Jixiao.Ingest;
using Jixiao.Tests;

namespace Jixiao.Extract.Tests.Layout;

/// <summary>
/// A title wrapped over two centred lines keeps its first half (WrappedTitle); a contents list whose lines are
/// whole items is not joined into one title.
/// </summary>
public class WrappedTitleTests
{
    [Fact]
    public void A_title_wrapped_over_two_lines_is_one_title_on_a_real_page_pair()
    {
        var read = DocumentReader.Read(Path.Combine(Corpus.File("real-gold"), "xian_self_p89_90.pdf"));
        Assert.True(read.Ok, read.Error?.ToString());
        var titles = Extractor.Extract(read.Document!).Forms.Select(f => f.Title).ToList();
        Assert.Equal(new[]
        {
            "西安市级2022年疾控新址实验设备采购项目绩效自评表",
            "西安市级2022年西安市公共卫生中心（西安市疾病预防控制中心新址）项目建设项目绩效自评表",
        }, titles);
    }

    [Fact]
    public void Contents_lines_that_are_whole_items_are_not_joined()
    {
        var src = new SourceDocument("contents.pdf", "pdf");
        src.Blocks.Add(new Paragraph("7、一般公共预算“三公”经费支出表8、政府性基金预算支出表"));
        src.Blocks.Add(new Paragraph("9、项目支出绩效目标表"));
        var table = new Table();
        table.Rows.Add(LayoutDoc.R(LayoutDoc.C("项目名称"), LayoutDoc.C("信访业务")));
        table.Rows.Add(LayoutDoc.R(LayoutDoc.C("年度目标"), LayoutDoc.C("按时完成")));
        src.Blocks.Add(table);
        var form = LayoutDoc.One(src);
        Assert.Equal("9、项目支出绩效目标表", form.Title);
    }
}
