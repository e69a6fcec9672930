using System.Text;
using Jixiao.Store;

namespace Jixiao.Cli.Report;

/// <summary>Writes the report folder: one page per document, index.html, and history.html when asked.</summary>
internal static class ReportWriter
{
    static readonly UTF8Encoding Utf8 = new(false);

    public static void WriteDocuments(string dir, IReadOnlyList<ReportDocument> docs, bool withHistory)
    {
        Directory.CreateDirectory(dir);
        foreach (var d in docs) File.WriteAllText(Path.Combine(dir, d.Page), DocumentPage.Render(d), Utf8);
        File.WriteAllText(Path.Combine(dir, "index.html"), IndexPage.Render(docs, withHistory), Utf8);
    }

    public static void WriteHistory(string dir, string name, IReadOnlyList<IndicatorHit> hits)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "history.html"), HistoryPage.Render(name, hits), Utf8);
    }
}
