using AngleSharp.Dom;

namespace Jixiao.Ingest.Html;

/// <summary>What the walkers need to know about an element: is it shown, does it break the line.</summary>
internal static class HtmlElements
{
    static readonly HashSet<string> NotRendered = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math",
        "select", "textarea", "xml", "title", "meta", "link",
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

    public static bool IsLineBreak(IElement e) => e.LocalName.Equals("br", StringComparison.OrdinalIgnoreCase);

    /// <summary>Form checkboxes and radio buttons show as the glyphs a printed form would have.</summary>
    public static string? InputGlyph(IElement e)
    {
        if (!e.LocalName.Equals("input", StringComparison.OrdinalIgnoreCase)) return null;
        var type = e.GetAttribute("type")?.ToLowerInvariant();
        bool on = e.HasAttribute("checked");
        return type switch
        {
            "checkbox" => on ? "☑" : "□",
            "radio" => on ? "●" : "○",
            _ => e.GetAttribute("value") is { Length: > 0 } v && type is "text" or null ? v : null,
        };
    }
}
