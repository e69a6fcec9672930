using AngleSharp.Dom;

namespace Jixiao.Ingest.Html;

/// <summary>What the walkers need to know about an element: is it shown, does it break the line.</summary>
internal static class HtmlElements
{
    static readonly HashSet<string> NotRendered = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math",
        "xml", "title", "meta", "link",
        // Word's "<o:p>" holds the paragraph mark (often a &nbsp; for an empty paragraph), never text.
        "o:p",
    };

    static readonly HashSet<string> BlockLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
        "pre", "section", "article", "header", "footer", "nav", "aside", "main", "address", "figure",
        "figcaption", "form", "fieldset", "legend", "hr", "center", "body", "html", "caption", "details",
        "summary", "tr", "td", "th", "thead", "tbody", "tfoot", "table", "listing", "plaintext", "menu",
    };

    public static bool IsSkipped(IElement e)
    {
        if (NotRendered.Contains(e.LocalName)) return true;
        if (e.HasAttribute("hidden")) return true;
        var style = e.GetAttribute("style");
        if (style is null) return false;
        var compact = style.Replace(" ", "").Replace("\t", "").Replace("\n", "").Replace("\r", "").ToLowerInvariant();
        return compact.Contains("display:none") || compact.Contains("visibility:hidden");
    }

    public static bool IsBlock(IElement e) => BlockLevel.Contains(e.LocalName);

    public static bool IsTable(IElement e) => e.LocalName.Equals("table", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Word's HTML export draws a text box (often the form's title) for non-VML browsers as a one-cell
    /// layout table around a &lt;div v:shape=…&gt;. That is a paragraph, not a data table.
    /// </summary>
    public static bool IsTextBoxLayoutTable(IElement table) =>
        table.QuerySelectorAll("td").Length <= 2 && table.Descendants<IElement>().Any(d => d.HasAttribute("v:shape"));

    /// <summary>
    /// A table used for page layout, not data: role="presentation", or one cell per row with a table
    /// inside (old government sites frame the whole article so). Its content is read as flowing
    /// blocks, so a title inside it stays a paragraph right before the data table it names.
    /// </summary>
    public static bool IsLayoutTable(IElement table)
    {
        if (table.GetAttribute("role") is "presentation" or "none") return true;
        bool nested = false;
        foreach (var row in OwnRows(table))
        {
            var cells = row.Children.Where(c => c.LocalName is "td" or "th").ToList();
            if (cells.Count > 1) return false;
            if (cells.Count == 1 && cells[0].QuerySelector("table") is not null) nested = true;
        }
        return nested;
    }

    /// <summary>Rows of this table only: direct &lt;tr&gt; and those in thead/tbody/tfoot.</summary>
    public static IEnumerable<IElement> OwnRows(IElement table)
    {
        foreach (var c in table.Children)
        {
            if (c.LocalName == "tr") yield return c;
            else if (c.LocalName is "thead" or "tbody" or "tfoot")
                foreach (var tr in c.Children)
                    if (tr.LocalName == "tr") yield return tr;
        }
    }

    /// <summary>
    /// Word adds a row of empty cells after each table inside &lt;![if !supportMisalignedColumns]&gt;, a
    /// conditional only Word reads; HTML parsers see a bogus comment and would keep the row.
    /// </summary>
    public static bool IsMisalignedColumnsRow(IElement tr)
    {
        for (var n = tr.PreviousSibling; n is not null; n = n.PreviousSibling)
        {
            if (n is IText t && string.IsNullOrWhiteSpace(t.Data)) continue;
            return n is IComment c && c.Data.Contains("supportMisalignedColumns", StringComparison.Ordinal);
        }
        return false;
    }

    public static bool IsLineBreak(IElement e) => e.LocalName.Equals("br", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What a form control shows: checkboxes and radio buttons as the glyphs a printed form would have,
    /// a text box its value, a drop-down its selected option. Null for anything else.
    /// </summary>
    public static string? FormControlText(IElement e)
    {
        if (e.LocalName.Equals("select", StringComparison.OrdinalIgnoreCase))
        {
            var options = e.QuerySelectorAll("option");
            var chosen = options.FirstOrDefault(o => o.HasAttribute("selected")) ?? options.FirstOrDefault();
            return chosen?.TextContent.Trim() ?? "";
        }
        if (!e.LocalName.Equals("input", StringComparison.OrdinalIgnoreCase)) return null;
        var type = e.GetAttribute("type")?.ToLowerInvariant();
        bool on = e.HasAttribute("checked");
        return type switch
        {
            "checkbox" => on ? "☑" : "□",
            "radio" => on ? "●" : "○",
            "text" or null => e.GetAttribute("value") ?? "",
            _ => "",
        };
    }
}
