using Jixiao.Extract;
using Jixiao.Ingest;

namespace Jixiao.Extract.Tests;

/// <summary>Layouts of project-library exports: flat one-row-per-indicator sheets and multi-sheet project workbooks.</summary>
public class ProjectLibraryTests
{
    static Table NewTable(out Action<string?[]> row)
    {
        var t = new Table();
        row = cells =>
        {
            var r = new TableRow();
            r.Cells.AddRange(cells.Select(c => new TableCell(c ?? "")));
            t.Rows.Add(r);
        };
        return t;
    }

    [Fact]
    public void Flat_export_gives_one_form_per_project_code()
    {
        var doc = new SourceDocument("export.xlsx", "xlsx");
        var t = NewTable(out var row);
        row(new[] { "项目编码", "项目名称", "一级预算单位", "项目总金额", "本年金额", "测算依据", "年度目标", "一级指标", "二级指标", "三级指标", "指标值", "指标解释" });
        row(new[] { "001", "社区经费", "某街道办", "900", "300", "按人数测算", "保障运转", "产出", "数量", "服务次数", "≥12次", "解释" });
        row(new[] { "001", "社区经费", "某街道办", "900", "300", "按人数测算", "保障运转", "效益", "社会效益", "居民满意", "明显", "解释" });
        // The same name for another 社区's project: its own 项目编码, so its own form.
        row(new[] { "002", "社区经费", "某街道办", "0", "0", null, "另一目标", "产出", "质量", "合格率", "100%", null });
        doc.Blocks.Add(t);

        var forms = Extractor.Extract(doc).Forms;
        Assert.Equal(new[] { "001", "002" }, forms.Select(f => f.Fields["项目编码"]));
        var first = forms[0];
        Assert.Equal(("社区经费", "某街道办", FormKind.ProjectTarget), (first.Project, first.Department, first.Kind));
        Assert.Equal("按人数测算", first.Fields["测算依据"]);
        Assert.Equal(new[] { ("项目总金额", "900"), ("本年金额", "300") }, first.Budget.Select(b => (b.Item, b.Value)));
        Assert.All(first.Budget, b => Assert.Null(b.Column));
        Assert.Equal(("年度目标", "保障运转"), (first.Goals.Single().Label, first.Goals.Single().Text));
        Assert.Equal(new[] { ("产出指标", "数量指标", "服务次数", "≥12次"), ("效益指标", "社会效益指标", "居民满意", "明显") },
            first.Indicators.Select(i => (i.Level1!, i.Level2!, i.Level3!, i.Target!)));
        Assert.Equal("合格率", forms[1].Indicators.Single().Level3);
        Assert.Equal("另一目标", forms[1].Goals.Single().Text);
    }

    [Fact]
    public void Side_by_side_money_pairs_keep_their_block_as_group()
    {
        var doc = new SourceDocument("target.xls", "xls");
        doc.Blocks.Add(new Paragraph("某项目绩效目标表"));
        var t = NewTable(out var row);
        row(new[] { "项目名称", "某项目", null, null });
        row(new[] { "项目资金（万元）", "中期资金总额：", "30.00", "年度资金总额：", "10.00" });
        row(new[] { null, "    其中：财政拨款", "20.0", "    其中：财政拨款", "8.0" });
        row(new[] { null, "   其他资金", "10.00", "   其他资金", "2.00" });
        doc.Blocks.Add(t);

        var form = Extractor.Extract(doc).Forms.Single();
        Assert.Equal("万元", form.Unit);
        Assert.Equal(new[]
        {
            ("中期资金总额", "30.00"), ("年度资金总额", "10.00"), ("中期资金总额/财政拨款", "20.0"),
            ("年度资金总额/财政拨款", "8.0"), ("中期资金总额/其他资金", "10.00"), ("年度资金总额/其他资金", "2.00"),
        }, form.Budget.Select(b => (b.Item, b.Value)));
    }

    [Fact]
    public void Monitoring_table_is_other_and_its_mid_year_value_is_the_actual()
    {
        var doc = new SourceDocument("monitor.xls", "xls");
        doc.Blocks.Add(new Paragraph("项目支出绩效目标执行监控表"));
        var t = NewTable(out var row);
        row(new[] { "项目名称", "某项目" });
        row(new[] { "一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行数", "全年预计执行数" });
        row(new[] { "产出指标", "数量指标", "完成集数", "20集", "5集", "100%" });
        doc.Blocks.Add(t);

        var form = Extractor.Extract(doc).Forms.Single();
        Assert.Equal(FormKind.Other, form.Kind);
        var ind = form.Indicators.Single();
        Assert.Equal(("20集", "5集"), (ind.Target, ind.Actual));
    }

    [Fact]
    public void Untitled_sheet_of_project_fields_is_not_a_form()
    {
        var doc = new SourceDocument("library.xls", "xls");
        doc.Blocks.Add(new Paragraph("项目基本信息"));
        var t = NewTable(out var row);
        row(new[] { "项目单位", "某大学", "项目代码", "105210" });
        row(new[] { "项目名称", "某项目", null, null });
        row(new[] { "项目类别", "其他项目", "项目周期", "1年" });
        doc.Blocks.Add(t);

        Assert.Empty(Extractor.Extract(doc).Forms);
    }
}
