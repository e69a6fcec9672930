using Jixiao.Extract;
using Jixiao.Ingest;

namespace Jixiao.Store.Tests;

/// <summary>
/// The archive indexes the target the extractor parsed (one value parser for extract, store and search): a target
/// written in words (`大于等于95%`) has its number in the archive and `search --target` finds it.
/// </summary>
public sealed class WordedTargetTests : IDisposable
{
    readonly TempArchive _t = new();

    public void Dispose() => _t.Dispose();

    [Fact]
    public void Worded_comparator_is_found_by_a_target_filter()
    {
        var src = new SourceDocument("worded.txt", "text");
        src.Blocks.Add(new Paragraph("2024年度项目支出绩效目标表"));
        var table = new Table();
        var name = new TableRow();
        name.Cells.Add(new TableCell("项目名称"));
        name.Cells.Add(new TableCell("窗口服务", colSpan: 3));
        table.Rows.Add(name);
        table.Rows.Add(Row("一级指标", "二级指标", "三级指标", "指标值"));
        table.Rows.Add(Row("满意度指标", "服务对象满意度指标", "群众满意率", "大于等于95%"));
        table.Rows.Add(Row("产出指标", "数量指标", "接待人次", "不少于300人次"));
        src.Blocks.Add(table);
        var doc = Extractor.Extract(src);
        var satisfaction = doc.Forms.Single().Indicators.Single(i => i.Level3 == "群众满意率");
        Assert.Equal(("大于等于95%", "≥", 95.0), (satisfaction.Target, satisfaction.TargetParsed?.Comparator, satisfaction.TargetParsed?.Number));

        _t.Archive.Write(new[] { _t.File("worded.txt", "w1", doc) });
        var hits = _t.Archive.Search(new SearchQuery { Target = TargetValue.Parse(">=95%") }).Hits;
        Assert.Equal(new[] { "大于等于95%" }, hits.Select(h => h.Target));
        Assert.Equal(new[] { "不少于300人次" }, _t.Archive.Search(new SearchQuery { Target = TargetValue.Parse(">=300人次") }).Hits.Select(h => h.Target));
    }

    static TableRow Row(params string[] cells)
    {
        var row = new TableRow();
        foreach (var c in cells) row.Cells.Add(new TableCell(c));
        return row;
    }
}
