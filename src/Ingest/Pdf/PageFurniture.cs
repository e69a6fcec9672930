using System.Text.RegularExpressions;

namespace Jixiao.Ingest.Pdf;

/// <summary>
/// Running headers, footers and page numbers: they would otherwise sit between the two halves of
/// a table split over a page break and stop the halves from being stitched.
/// </summary>
internal sealed partial class PageFurniture
{
    const double NumberZone = 0.12;  // page numbers sit in the outer 12% of the height
    const double RepeatZone = 0.06;  // running headers sit in the outer 6%
    readonly HashSet<string> _seenMargins = new();

    [GeneratedRegex(@"^\s*(第\s*[0-9一二三四五六七八九十百]+\s*页(\s*[,，/]?\s*共\s*[0-9]+\s*页)?|[-—–－]?\s*[0-9]{1,4}\s*[-—–－]?|[0-9]{1,4}\s*/\s*[0-9]{1,4}|共\s*[0-9]+\s*页\s*第\s*[0-9]+\s*页|page\s*[0-9]+(\s*of\s*[0-9]+)?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"[0-9]+")]
    private static partial Regex Digits();

    public void Remove(PageContent page)
    {
        var keep = new List<PageItem>(page.Items.Count);
        var marginsHere = new List<string>();
        foreach (var item in page.Items)
        {
            if (item is LineItem line && IsFurniture(line, page, marginsHere)) continue;
            keep.Add(item);
        }
        foreach (var m in marginsHere) _seenMargins.Add(m);
        page.Items.Clear();
        page.Items.AddRange(keep);
    }

    bool IsFurniture(LineItem line, PageContent page, List<string> marginsHere)
    {
        double h = page.Height;
        bool nearTop = line.Bottom < h * NumberZone, nearBottom = line.Top > h * (1 - NumberZone);
        if ((nearTop || nearBottom) && PageNumber().IsMatch(line.Text)) return true;
        bool inMargin = line.Bottom < h * RepeatZone || line.Top > h * (1 - RepeatZone);
        if (!inMargin) return false;
        var key = (line.Top < h / 2 ? "T:" : "B:") + Digits().Replace(line.Text, "#").Replace(" ", "");
        marginsHere.Add(key);
        return _seenMargins.Contains(key);
    }
}
