using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jixiao.Ingest;

/// <summary>
/// What a parser read, for people and for comparisons: the `jixiao dump` shape
/// `{"file","format","blocks":[{"type":"paragraph","text"}|{"type":"table","rows":[[{"text","rowSpan","colSpan"}]]}]}`.
/// </summary>
public static class DocumentDump
{
    static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static JsonObject ToJsonNode(SourceDocument doc)
    {
        var blocks = new JsonArray();
        foreach (var block in doc.Blocks)
        {
            if (block is Paragraph p)
                blocks.Add(new JsonObject { ["type"] = "paragraph", ["text"] = p.Text });
            else if (block is Table t)
            {
                var rows = new JsonArray();
                foreach (var row in t.Rows)
                {
                    var cells = new JsonArray();
                    foreach (var c in row.Cells)
                        cells.Add(new JsonObject { ["text"] = c.Text, ["rowSpan"] = c.RowSpan, ["colSpan"] = c.ColSpan });
                    rows.Add(cells);
                }
                blocks.Add(new JsonObject { ["type"] = "table", ["rows"] = rows });
            }
        }
        return new JsonObject { ["file"] = doc.File, ["format"] = doc.Format, ["blocks"] = blocks };
    }

    public static string ToJson(SourceDocument doc) => ToJsonNode(doc).ToJsonString(JsonOptions);

    /// <summary>Readable text: paragraphs as lines, tables as grids with merged cells drawn across.</summary>
    public static string ToText(SourceDocument doc)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# {doc.File} ({doc.Format}, {doc.PageCount} page(s), {doc.Tables.Count()} table(s))");
        int index = 0;
        foreach (var block in doc.Blocks)
        {
            if (block is Paragraph p) sb.AppendLine($"[{index}] ¶ {p.Text.Replace("\n", "⏎")}");
            else if (block is Table t)
            {
                sb.AppendLine($"[{index}] table {t.Rows.Count} rows{(t.Depth > 1 ? $" (nested, depth {t.Depth})" : "")}{(t.Name is null ? "" : " sheet " + t.Name)}");
                sb.Append(GridText.Render(TableGrid.Build(t)));
            }
            index++;
        }
        return sb.ToString();
    }
}
