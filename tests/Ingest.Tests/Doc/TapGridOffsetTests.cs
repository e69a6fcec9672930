using Jixiao.Ingest.Doc;
using static Jixiao.Ingest.Tests.Doc.DocBinaryFragmentTests;

namespace Jixiao.Ingest.Tests.Doc;

/// <summary>
/// A row that starts a few twips right of (or ends a few twips short of) its neighbours: below MINLAY
/// (23 twips) the offset is absorbed, as LibreOffice's Word import does; from 23 twips on, the row keeps
/// its empty edge cell.
/// </summary>
public class TapGridOffsetTests
{
    static Table Build(short rowLeft, short rowRight)
    {
        var full = Tap.Read(TDefTable(new short[] { 0, 1000, 2000 }, new ushort[] { 0, 0 }), default);
        var shifted = Tap.Read(TDefTable(new short[] { rowLeft, 1000, rowRight }, new ushort[] { 0, 0 }), default);
        var table = new Table();
        TapGrid.Build(new List<RawRow> { Row(full, "项目名称", "值"), Row(shifted, "一级指标", "产出指标"), Row(full, "a", "b") }, table);
        return table;
    }

    [Theory]
    [InlineData(5, 2000)]
    [InlineData(22, 2000)]
    [InlineData(0, 1995)]
    [InlineData(5, 1990)]
    public void An_offset_under_23_twips_adds_no_cell(short left, short right)
    {
        var table = Build(left, right);
        Assert.All(table.Rows, r => Assert.Equal(2, r.Cells.Count));
        Assert.All(table.Rows.SelectMany(r => r.Cells), c => Assert.Equal(1, c.ColSpan));
        Assert.Equal(new[] { "一级指标", "产出指标" }, table.Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void An_offset_of_23_twips_or_more_keeps_the_empty_edge_cell()
    {
        var table = Build(23, 2000);
        Assert.Equal(new[] { "", "一级指标", "产出指标" }, table.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(2, table.Rows[0].Cells[0].ColSpan);
    }
}
