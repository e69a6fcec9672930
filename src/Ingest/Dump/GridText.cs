using System.Text;

namespace Jixiao.Ingest;

/// <summary>Draws a <see cref="TableGrid"/> as text: `|` between cells, `<` where a cell continues from the left, `^` from above.</summary>
public static class GridText
{
    public static string Render(TableGrid grid, int maxCellWidth = 24)
    {
        var sb = new StringBuilder();
        for (int r = 0; r < grid.RowCount; r++)
        {
            sb.Append("  |");
            for (int c = 0; c < grid.ColCount; c++)
            {
                var cell = grid.Slots[r, c];
                string text;
                if (cell is null) text = "·";
                else if (grid.IsOrigin(r, c)) text = Clip(cell.Text.Replace("\n", "⏎"), maxCellWidth);
                else text = grid.Origins[r, c].Row < r ? "^" : "<";
                sb.Append(' ').Append(text).Append(" |");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }

    static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
