using System.Text;
using Jixiao.Store;

namespace Jixiao.Cli.Report;

/// <summary>Writes the report folder: one page per document, index.html, and history.html when asked.</summary>
internal static class ReportWriter
{
    static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Writes one document's page and returns what the index keeps of it.</summary>
    public static ReportDocument WritePage(string dir, ReportDocument d)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, d.Page), DocumentPage.Render(d), Utf8);
        return d.WithoutSource();
    }

    public static void WriteIndex(string dir, IReadOnlyList<ReportDocument> docs, bool withHistory)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "index.html"), IndexPage.Render(docs, withHistory), Utf8);
    }

    public static void WriteHistory(string dir, string name, IReadOnlyList<IndicatorHit> hits)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "history.html"), HistoryPage.Render(name, hits), Utf8);
    }
}
