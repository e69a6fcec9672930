using Jixiao.Ingest.Sheet;
using static Jixiao.Ingest.Tests.Sheet.SheetTestSupport;

namespace Jixiao.Ingest.Tests.Sheet;

public class SheetTableBuilderTests
{
    [Fact]
    public void UsedRangeStartsAtTheFirstTextAndKeepsExcelRowNumbers()
    {
        var grid = new SheetGrid("s", 2);
        grid.Set(3, 2, "a");
        grid.Set(5, 4, "b");
        grid.Set(6, 9, "   "); // blank text does not widen the table
        var doc = new SourceDocument("x", "xlsx");
        Assert.True(SheetTableBuilder.AppendTo(doc, grid, CancellationToken.None));
        var t = Assert.Single(doc.Tables);
        Assert.Equal(new[] { 3, 4, 5 }, t.Rows.Select(r => r.Position.Line));
        Assert.All(t.Rows, r => Assert.Equal(3, r.Cells.Count));
        Assert.Equal(new SourcePosition(2, 5), Cell(t, 5, 2).Position);
        Assert.Equal("b", Cell(t, 5, 2).Text);
    }

    [Fact]
    public void EmptySheetAddsNothing()
    {
        var grid = new SheetGrid("s", 1);
        grid.Set(1, 1, " ");
        var doc = new SourceDocument("x", "xlsx");
        Assert.False(SheetTableBuilder.AppendTo(doc, grid, CancellationToken.None));
        Assert.Empty(doc.Blocks);
    }

    [Fact]
    public void OverlappingMergesKeepTheFirst()
    {
        var grid = new SheetGrid("s", 1);
        for (int r = 1; r <= 3; r++)
            for (int c = 1; c <= 3; c++)
                grid.Set(r, c, $"{r}{c}");
        grid.Merges.Add(new CellRange(1, 1, 2, 2));
        grid.Merges.Add(new CellRange(2, 2, 3, 3)); // overlaps the first: ignored
        var doc = new SourceDocument("x", "xlsx");
        SheetTableBuilder.AppendTo(doc, grid, CancellationToken.None);
        var t = doc.Tables.Single();
        Assert.Equal(new[] { "11", "13" }, t.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(new[] { "23" }, t.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(new[] { "31", "32", "33" }, t.Rows[2].Cells.Select(c => c.Text));
        AssertRectangular(t);
    }

    [Fact]
    public void TitleNeedsOneWideMergeAlone()
    {
        var grid = new SheetGrid("s", 1);
        grid.Set(1, 1, "表一");
        grid.Set(1, 4, "单位：万元"); // a second text in the title row: not a title row
        grid.Set(2, 1, "a");
        grid.Set(2, 4, "d");
        grid.Merges.Add(new CellRange(1, 1, 1, 3));
        var doc = new SourceDocument("x", "xlsx");
        SheetTableBuilder.AppendTo(doc, grid, CancellationToken.None);
        Assert.Empty(doc.Paragraphs);

        var narrow = new SheetGrid("s", 1);
        narrow.Set(1, 1, "小标题");
        narrow.Set(2, 1, "a");
        narrow.Set(2, 5, "e");
        narrow.Merges.Add(new CellRange(1, 1, 1, 2)); // 2 of 5 columns: a label, not a title
        doc = new SourceDocument("x", "xlsx");
        SheetTableBuilder.AppendTo(doc, narrow, CancellationToken.None);
        Assert.Empty(doc.Paragraphs);
    }

    [Fact]
    public void StrayFarCellCannotExplodeTheTable()
    {
        var grid = new SheetGrid("s", 1);
        grid.Set(1, 1, "a");
        grid.Set(50, 10, "far");
        var doc = new SourceDocument("x", "xlsx");
        SheetTableBuilder.AppendTo(doc, grid, CancellationToken.None, maxCells: 100);
        Assert.Equal(10, doc.Tables.Single().Rows.Count);
        Assert.Contains(doc.Warnings, w => w.Contains("only the first 10 rows"));
    }
}
