using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Sheet;

internal static class SheetTestSupport
{
    public static SourceDocument Read(IDocumentParser parser, params string[] corpusPath)
    {
        using var fs = File.OpenRead(Corpus.File(corpusPath));
        return parser.Parse(fs, Path.GetFileName(corpusPath[^1]), CancellationToken.None);
    }

    /// <summary>The cell that starts at Excel row <paramref name="row"/> and is the <paramref name="index"/>-th emitted in it.</summary>
    public static TableCell Cell(Table t, int row, int index) => t.Rows.Single(r => r.Position.Line == row).Cells[index];

    public static IEnumerable<string> Texts(SourceDocument d) => d.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => c.Text);

    /// <summary>HTML-style rows must tile a rectangle: every grid slot covered exactly once.</summary>
    public static void AssertRectangular(Table t)
    {
        int width = t.Rows[0].Cells.Sum(c => c.ColSpan);
        var occupied = new HashSet<(int, int)>();
        for (int r = 0; r < t.Rows.Count; r++)
        {
            int c = 0;
            foreach (var cell in t.Rows[r].Cells)
            {
                while (occupied.Contains((r, c))) c++;
                for (int dr = 0; dr < cell.RowSpan; dr++)
                    for (int dc = 0; dc < cell.ColSpan; dc++)
                        Assert.True(occupied.Add((r + dr, c + dc)), $"{t.Name}: slot ({r},{c + dc}) covered twice");
                c += cell.ColSpan;
            }
        }
        Assert.Equal(t.Rows.Count * width, occupied.Count(p => p.Item1 < t.Rows.Count));
    }
}
