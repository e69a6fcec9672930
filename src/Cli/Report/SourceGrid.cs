using System.Text;
using Jixiao.Ingest;

namespace Jixiao.Cli.Report;

/// <summary>
/// A source table drawn as an HTML table with the document's own merges (rowspan/colspan from the grid),
/// each drawn cell with its id and, when facts came from it, `data-facts` listing them.
/// </summary>
internal static class SourceGrid
{
    public static void Render(StringBuilder sb, int block, Table table, TableGrid g, IReadOnlyDictionary<string, List<string>> links)
    {
        sb.Append($"<div class=\"chunk\"><table class=\"grid\" id=\"{Id(block)}\" data-block=\"{block}\"><caption>block {block}")
          .Append(table.Name is null ? "" : " · " + Html.Text(table.Name))
          .Append(table.Depth > 1 ? " · nested" : "")
          .Append($" · {g.RowCount}×{g.ColCount}</caption><tbody>");
        for (int r = 0; r < g.RowCount; r++)
        {
            // A long table is cut into chunks the browser may skip laying out while they are off screen
            // (content-visibility): 3,000 rows of wrapped text otherwise cost seconds of layout on opening.
            if (r > 0 && r % ChunkRows == 0 && g.RowCount > ChunkRows && NoMergeCrosses(g, r))
                sb.Append($"</tbody></table></div><div class=\"chunk\"><table class=\"grid cont\" data-block=\"{block}\"><tbody>");
            sb.Append($"<tr><th class=\"rn\">{r}</th>");
            for (int c = 0; c < g.ColCount; c++)
            {
                var cell = g.Slots[r, c];
                if (cell is null)
                {
                    sb.Append("<td class=\"hole\"></td>");
                    continue;
                }
                if (!g.IsOrigin(r, c)) continue; // covered by a merged cell drawn at its origin
                int rs = 1, cs = 1;
                while (r + rs < g.RowCount && g.Slots[r + rs, c] == cell && g.Origins[r + rs, c] == (r, c)) rs++;
                while (c + cs < g.ColCount && g.Slots[r, c + cs] == cell && g.Origins[r, c + cs] == (r, c)) cs++;
                var id = CellIds.Of(block, r, c);
                sb.Append($"<td id=\"{id}\"");
                if (rs > 1) sb.Append($" rowspan=\"{rs}\"");
                if (cs > 1) sb.Append($" colspan=\"{cs}\"");
                // A long text repeating the cell above (a flat export repeats a project's 政策依据 on each of
                // its indicator rows) is drawn as a ditto mark: the cell keeps its id and links, the page stays small.
                bool ditto = cell.Text.Length >= DittoFrom && r > 0 && g.Slots[r - 1, c] is { } above && above != cell && above.Text == cell.Text;
                // Short values (numbers, 93.58%) stay on one line; long text wraps.
                bool shortText = cell.Text.Length <= 8 && !cell.Text.Contains('\n');
                bool linked = links.TryGetValue(id, out var facts);
                var classes = new[] { linked ? "src" : null, shortText ? "nw" : null, ditto ? "dt" : null }.Where(x => x is not null).ToList();
                if (classes.Count > 0) sb.Append(" class=\"").Append(string.Join(' ', classes)).Append('"');
                if (linked) sb.Append($" data-facts=\"{string.Join(' ', facts!)}\"");
                sb.Append('>').Append(ditto ? "〃" : Html.Multiline(cell.Text)).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></div>");
    }

    const int ChunkRows = 100;

    /// <summary>True when no merged cell spans from above row <paramref name="r"/> into it (a chunk may end there).</summary>
    static bool NoMergeCrosses(TableGrid g, int r)
    {
        for (int c = 0; c < g.ColCount; c++)
            if (g.Slots[r, c] is not null && g.Origins[r, c].Item1 < r) return false;
        return true;
    }

    public static string Id(int block) => $"b-{block}";

    /// <summary>Texts at least this long are drawn as 〃 when they repeat the cell above.</summary>
    const int DittoFrom = 16;
}
