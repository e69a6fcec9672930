namespace Jixiao.Ingest.Pdf;

/// <summary>What one page holds once tables are recognised: text lines and tables, top to bottom.</summary>
internal sealed class PageContent
{
    public PageContent(int number, double width, double height)
    {
        Number = number;
        Width = width;
        Height = height;
    }

    public int Number { get; }
    public double Width { get; }
    public double Height { get; }
    public List<PageItem> Items { get; } = new();

    /// <summary>Parts of the page that were skipped (an OCR region out of time, speckle), one line each.</summary>
    public List<string> Warnings { get; } = new();
}

internal abstract record PageItem(double Top, double Bottom);

internal sealed record LineItem(TextLine Line) : PageItem(Line.Top, Line.Bottom)
{
    public string Text { get; } = Line.Text;
}

/// <summary>A table with the column edges used to decide whether the next page continues it.</summary>
internal sealed record TableItem(Table Table, double[] ColumnEdges, double TopEdge, double BottomEdge, bool Ruled = true) : PageItem(TopEdge, BottomEdge);
