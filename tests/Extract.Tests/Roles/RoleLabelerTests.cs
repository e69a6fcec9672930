using Jixiao.Training;
using Jixiao.Tests;

namespace Jixiao.Extract.Tests.Roles;

public class RoleLabelerTests
{
    static List<LabeledCell> Labels(string file)
    {
        var (doc, gold) = RoleFixture.Load(file);
        return RoleLabeler.Label(LineStream.From(doc), gold);
    }

    static CellRole RoleOf(List<LabeledCell> cells, string text) =>
        cells.First(c => TextNorm.Label(c.Cell.Raw) == TextNorm.Label(text)).Role;

    [Fact]
    public void Labels_the_cells_of_a_self_evaluation_by_their_gold_meaning()
    {
        var cells = Labels(RoleFixture.HeldOut);
        Assert.Equal(CellRole.FieldLabel, RoleOf(cells, "主管部门"));
        Assert.Equal(CellRole.FieldValue, RoleOf(cells, "动物疫病防控经费"));
        Assert.Equal(CellRole.BudgetColumn, RoleOf(cells, "年初预算数"));
        Assert.Equal(CellRole.BudgetItem, RoleOf(cells, "年度资金总额"));
        Assert.Equal(CellRole.BudgetValue, RoleOf(cells, "149.53"));
        Assert.Equal(CellRole.GoalLabel, RoleOf(cells, "实际完成情况"));
        Assert.Equal(CellRole.ColumnHeader, RoleOf(cells, "年度指标值"));
        Assert.Equal(CellRole.ColumnHeader, RoleOf(cells, "实际完成值"));
        Assert.Equal(CellRole.Level1Label, RoleOf(cells, "产出指标"));
        Assert.Equal(CellRole.Level2Label, RoleOf(cells, "数量指标"));
        Assert.Equal(CellRole.Level3Label, RoleOf(cells, "强制免疫动物数量"));
        Assert.Equal(CellRole.TargetValue, RoleOf(cells, "≥50万头（只）"));
        Assert.Equal(CellRole.ActualValue, RoleOf(cells, "49万头（只）"));
        Assert.Equal(CellRole.ScoreValue, RoleOf(cells, "5.9"));

        // Row 10 of the table: 产出指标 | 数量指标 | 强制免疫动物数量 | ≥50万头（只） | 49万头（只） | 8 | 5.9 | 偏差原因
        var row = cells.Where(c => c.Row == cells.First(x => TextNorm.Label(x.Cell.Raw) == "强制免疫动物数量").Row).Select(c => c.Role).ToList();
        Assert.Equal(new[] { CellRole.Level1Label, CellRole.Level2Label, CellRole.Level3Label, CellRole.TargetValue, CellRole.ActualValue, CellRole.WeightValue, CellRole.ScoreValue, CellRole.DeviationText }, row);
    }

    [Fact]
    public void A_target_equal_to_the_actual_takes_its_columns_role()
    {
        // 100% stands in both the 年度指标值 and 实际完成值 columns of some rows; each keeps its column's role.
        var cells = Labels(RoleFixture.HeldOut);
        var hundred = cells.Where(c => TextNorm.Label(c.Cell.Raw) == "100%").ToList();
        Assert.NotEmpty(hundred);
        var byColumn = hundred.GroupBy(c => c.Cell.Col).ToDictionary(g => g.Key, g => g.Select(c => c.Role).Distinct().Single());
        Assert.Contains(CellRole.TargetValue, byColumn.Values);
        Assert.Contains(CellRole.ActualValue, byColumn.Values);
    }

    [Fact]
    public void Seed_001_level2_names_in_the_first_column_are_level2_labels()
    {
        // The seed writes 数量指标 … in its 一级指标 column and the indicators in 二级指标 (spec: shifted down).
        var cells = Labels("seeds/001_91b75e353b5723c9.txt");
        Assert.Contains(cells, c => c.Role == CellRole.Level2Label && TextNorm.Label(c.Cell.Raw).EndsWith("指标"));
        Assert.True(cells.Count(c => c.Role == CellRole.Level3Label) >= 8);
        // Target and actual both read 100% in every row: the 年初目标值 / 实际完成值 headers decide.
        Assert.True(cells.Count(c => c.Role == CellRole.TargetValue) >= 8);
        Assert.True(cells.Count(c => c.Role == CellRole.ActualValue) >= 8);
    }

    [Fact]
    public void Labelling_is_deterministic()
    {
        var a = Labels("synthetic/transfer_01.html").Select(c => (c.Row, c.Cell.Col, c.Role)).ToList();
        var b = Labels("synthetic/transfer_01.html").Select(c => (c.Row, c.Cell.Col, c.Role)).ToList();
        Assert.Equal(a, b);
        Assert.Contains(a, x => x.Role == CellRole.TargetValue);
    }
}
