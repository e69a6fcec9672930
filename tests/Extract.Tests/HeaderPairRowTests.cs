using Jixiao.Ingest;

namespace Jixiao.Extract.Tests;

/// <summary>
/// Issue 17 (open vocabulary): a header-area row of label → value pairs is read whatever its values look like. A
/// value that happens to end like a label (`乙单位`, `各区县卫生健康部门`) once made the row `项目实施单位 | 乙单位 |
/// 项目负责人 | 张三` look like the column names of a flat list, so both pairs were dropped — on a form shaped like a
/// real 项目支出绩效目标表 (title, header pairs, money block, goal, indicator table).
/// </summary>
public class HeaderPairRowTests
{
    static Form ProjectForm(string unit, string person, string unitLabel = "项目实施单位")
    {
        var doc = new SourceDocument("pairs.docx", "docx");
        doc.Blocks.Add(new Paragraph("2026年项目支出绩效目标表"));
        var t = new Table();
        void Row(params TableCell[] cells) { var r = new TableRow(); r.Cells.AddRange(cells); t.Rows.Add(r); }
        Row(new TableCell("项目名称"), new TableCell("甲项目", colSpan: 2), new TableCell("主管部门"), new TableCell("测试局"));
        Row(new TableCell(unitLabel), new TableCell(unit, colSpan: 2), new TableCell("项目负责人"), new TableCell(person));
        Row(new TableCell("项目资金（万元）", rowSpan: 3), new TableCell("年度资金总额"), new TableCell("100", colSpan: 3));
        Row(new TableCell("其中：财政拨款"), new TableCell("80", colSpan: 3));
        Row(new TableCell("其他资金"), new TableCell("20", colSpan: 3));
        Row(new TableCell("年度总体目标"), new TableCell("完成建设任务。", colSpan: 4));
        Row(new TableCell("一级指标"), new TableCell("二级指标"), new TableCell("三级指标"), new TableCell("指标值", colSpan: 2));
        Row(new TableCell("产出指标"), new TableCell("数量指标"), new TableCell("建设数"), new TableCell("10个", colSpan: 2));
        doc.Blocks.Add(t);
        return Assert.Single(Extractor.Extract(doc).Forms);
    }

    [Theory]
    [InlineData("测试中心", "张三")]
    [InlineData("乙单位", "张三")]            // the value ends like a label (单位)
    [InlineData("各区县卫生健康部门", "李四")]  // …and like another (部门)
    public void Every_pair_of_the_second_header_row_is_a_field(string unit, string person)
    {
        var f = ProjectForm(unit, person);
        Assert.Equal(("甲项目", "测试局"), (f.Project, f.Department));
        Assert.Equal(unit, f.Fields.GetValueOrDefault("项目实施单位"));
        Assert.Equal(person, f.Fields.GetValueOrDefault("项目负责人"));
        Assert.Equal(3, f.Budget.Count);
        Assert.Equal(("建设数", "10个"), (f.Indicators.Single().Level3, f.Indicators.Single().Target));
    }

    [Fact]
    public void A_pair_whose_label_is_unknown_and_whose_value_ends_like_a_label_is_a_field()
    {
        // 经费性质 is no label of the vocabulary and 事业单位 ends like one (单位): the row still reads label → value
        // beside the written label 项目负责人, not as the column names of a list.
        Assert.False(FieldReader.IsVocabularyLabel("经费性质"));
        var f = ProjectForm("事业单位", "张三", unitLabel: "经费性质");
        Assert.Equal("事业单位", f.Fields.GetValueOrDefault("经费性质"));
        Assert.Equal("张三", f.Fields.GetValueOrDefault("项目负责人"));
        Assert.Equal(("建设数", "10个"), (f.Indicators.Single().Level3, f.Indicators.Single().Target));
    }
}
