using Jixiao.Ingest;
using static Jixiao.Extract.Tests.Layout.LayoutDoc;

namespace Jixiao.Extract.Tests.Layout;

/// <summary>
/// A form ends where an unrelated table starts (issue 17): a table after the form with a column grid of its own and
/// nothing of a form in it (no known label, title, indicator, money, goal or list header) adds no fields to the form
/// and makes no form; a table on the form's own grid is a continuation and is still read. Expected facts written
/// before the run.
/// </summary>
public class FormBoundaryTests
{
    static TableRow[] FormTable() => new[]
    {
        R(C("项目名称"), C("乡村道路养护", 1, 3)),
        R(C("主管部门"), C("某县交通运输局", 1, 3)),
        R(C("一级指标"), C("二级指标"), C("三级指标"), C("指标值")),
        R(C("产出指标"), C("数量指标"), C("养护里程"), C("≥120公里")),
    };

    [Fact]
    public void A_following_procurement_list_adds_nothing_to_the_form()
    {
        // 采购项目名称 is shaped like a label (…名称) and stands beside a cell: without the boundary it became a field.
        var result = Extractor.Extract(Doc("2026年项目支出绩效目标表", FormTable(), new[]
        {
            R(C("采购项目名称"), C("采购品目"), C("采购数量"), C("采购金额"), C("采购方式")),
            R(C("沥青混合料"), C("A0201"), C("300吨"), C("45.00"), C("公开招标")),
        }), RulesOnlyOracle.Instance);
        var form = Assert.Single(result.Forms);
        Assert.Equal("乡村道路养护", form.Project);
        Assert.Equal(new[] { "主管部门" }, form.Fields.Keys);
        Assert.Empty(form.Budget);
        Assert.Equal("养护里程", Assert.Single(form.Indicators).Level3);
    }

    [Fact]
    public void A_label_pair_on_a_grid_of_its_own_is_not_the_forms_field()
    {
        var form = One(Doc("2026年项目支出绩效目标表", FormTable(), new[] { R(C("验收时间"), C("2026-12", 1, 2)) }));
        Assert.False(form.Fields.ContainsKey("验收时间"));
    }

    [Fact]
    public void A_table_on_the_forms_grid_continues_it()
    {
        // Same four grid columns as the form's table: a continuation (a page break), read as the form's rows.
        var form = One(Doc("2026年项目支出绩效目标表", FormTable(), new[] { R(C("验收时间"), C("2026-12", 1, 3)) }));
        Assert.Equal("2026-12", form.Fields["验收时间"]);
    }
}
