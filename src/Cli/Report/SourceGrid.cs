using System.Text;
using Jixiao.Ingest;

namespace Jixiao.Cli.Report;

/// <summary>
/// A source table drawn as an HTML table with the document's own merges (rowspan/colspan from the grid),
/// each drawn cell with its id and, when facts came from it, `data-facts` listing them.
/// </summary>
internal static class SourceGrid
{
    public static void Render(StringBuilder sb, int form, int block, Table table, TableGrid g, IReadOnlyDictionary<string, List<string>> links)
    {
        sb.Append($"<table class=\"grid\" data-block=\"{block}\"><caption>block {block}")
          .Append(table.Name is null ? "" : " · " + Html.Text(table.Name))
          .Append(table.Depth > 1 ? " · nested" : "")
          .Append($" · {g.RowCount}×{g.ColCount}</caption><tbody>");
        for (int r = 0; r < g.RowCount; r++)
        {
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
                var id = CellIds.Of(form, block, r, c);
                sb.Append($"<td id=\"{id}\"");
                if (rs > 1) sb.Append($" rowspan=\"{rs}\"");
                if (cs > 1) sb.Append($" colspan=\"{cs}\"");
                // Short values (numbers, 93.58%) stay on one line; long text wraps.
                bool shortText = cell.Text.Length <= 8 && !cell.Text.Contains('\n');
                bool linked = links.TryGetValue(id, out var facts);
                if (shortText || linked) sb.Append(" class=\"").Append(string.Join(' ', new[] { linked ? "src" : null, shortText ? "nw" : null }.Where(x => x is not null))).Append('"');
                if (linked) sb.Append($" data-facts=\"{string.Join(' ', facts!)}\"");
                sb.Append('>').Append(Html.Multiline(cell.Text)).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
    }
}
