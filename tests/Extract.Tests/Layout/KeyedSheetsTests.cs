using Jixiao.Ingest;
using static Jixiao.Extract.Tests.Layout.LayoutDoc;

namespace Jixiao.Extract.Tests.Layout;

/// <summary>
/// A workbook with a project sheet and an indicator sheet sharing a key column (issue 17: all indicators came out as
/// one keyless 部门整体 form). Expected facts written from the sheets before the extractor was run on them.
/// </summary>
public class KeyedSheetsTests
{
    static Table Sheet(string name, params TableRow[] rows)
    {
        var t = new Table { Name = name };
        t.Rows.AddRange(rows);
        return t;
    }

    static readonly Table Projects = Sheet("项目信息",
        R(C("项目编码"), C("项目名称"), C("一级预算单位"), C("测算依据"), C("年度目标")),
        R(C("P001"), C("社区慰问经费"), C("某街道办事处"), C("2023年度申报预算包括1个支出事项"), C("按时发放慰问金")),
        R(C("P002"), C("社区治理经费"), C("某街道办事处"), C("根据招标价测算"), C("保障工作站运转")),
        R(C("P003"), C("档案整理经费"), C("某街道办事处"), C("按件计价"), C("完成档案整理")));

    static readonly Table Indicators = Sheet("指标信息",
        R(C("项目编码"), C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
        R(C("P002"), C("产出"), C("数量"), C("服务社区个数"), C("1个")),
        R(C("P001"), C("产出"), C("数量"), C("慰问户数"), C("≤7户")),
        R(C("P002"), C("满意度"), C("服务对象满意度"), C("居民满意度"), C("≥90%")),
        R(C("P001"), C("效益"), C("社会效益"), C("困难群众幸福感"), C("得到提高")));

    static SourceDocument Workbook(params Table[] sheets)
    {
        var src = new SourceDocument("keyed.xlsx", "xlsx");
        src.Blocks.AddRange(sheets);
        return src;
    }

    [Fact]
    public void Indicator_rows_land_in_the_form_of_the_project_their_key_names()
    {
        var forms = Extractor.Extract(Workbook(Projects, Indicators), RulesOnlyOracle.Instance).Forms;
        Assert.Equal(new[] { "社区慰问经费", "社区治理经费", "档案整理经费" }, forms.Select(f => f.Project));
        Assert.Equal(new[] { "慰问户数", "困难群众幸福感" }, forms[0].Indicators.Select(i => i.Level3));
        Assert.Equal(new[] { "服务社区个数", "居民满意度" }, forms[1].Indicators.Select(i => i.Level3));
        Assert.Empty(forms[2].Indicators);
        Assert.Equal("P002", forms[1].Fields["项目编码"]);
        Assert.Equal("保障工作站运转", forms[1].Goals.Single().Text);
    }

    [Fact]
    public void A_year_in_one_projects_text_is_not_the_next_projects_year()
    {
        var forms = Extractor.Extract(Workbook(Projects, Indicators), RulesOnlyOracle.Instance).Forms;
        Assert.Equal(new int?[] { 2023, null, null }, forms.Select(f => f.Year));
    }

    [Fact]
    public void The_sheets_in_either_order_join_the_same_way()
    {
        var forms = Extractor.Extract(Workbook(Indicators, Projects), RulesOnlyOracle.Instance).Forms;
        Assert.Equal(new[] { 2, 2, 0 }, forms.Select(f => f.Indicators.Count));
    }

    [Fact]
    public void An_indicator_row_whose_key_names_no_project_leaves_the_sheets_unjoined()
    {
        var stray = Sheet("指标信息", Indicators.Rows.Append(R(C("P999"), C("产出"), C("数量"), C("无主指标"), C("1个"))).ToArray());
        var forms = Extractor.Extract(Workbook(Projects, stray), RulesOnlyOracle.Instance).Forms;
        Assert.DoesNotContain(forms, f => f.Project == "社区慰问经费" && f.Indicators.Count > 0);
    }

    [Fact]
    public void The_same_project_written_again_by_a_flat_export_sheet_is_one_form()
    {
        var flat = Sheet("data",
            R(C("项目编码"), C("项目名称"), C("一级预算单位"), C("测算依据"), C("年度目标"), C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
            R(C("P001"), C("社区慰问经费"), C("某街道办事处"), C("2023年度申报预算包括1个支出事项"), C("按时发放慰问金"), C("产出"), C("数量"), C("慰问户数"), C("≤7户")),
            R(C("P001"), C("社区慰问经费"), C("某街道办事处"), C("2023年度申报预算包括1个支出事项"), C("按时发放慰问金"), C("效益"), C("社会效益"), C("困难群众幸福感"), C("得到提高")));
        var forms = Extractor.Extract(Workbook(Projects, Indicators, flat), RulesOnlyOracle.Instance).Forms;
        Assert.Single(forms, f => f.Project == "社区慰问经费");
    }
}
