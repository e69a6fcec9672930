using System.Text.Json;
using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Pdf;

/// <summary>Reads corpus PDFs once per test class and looks cells up the way a reader would.</summary>
internal static class PdfTestSupport
{
    public static SourceDocument Read(params string[] parts)
    {
        var result = DocumentReader.Read(Corpus.File(parts), new DocumentReader.Options { Timeout = TimeSpan.FromMinutes(5) });
        Assert.True(result.Ok, result.Error?.ToString());
        Assert.Equal("pdf", result.Document!.Format);
        return result.Document!;
    }

    /// <summary>Cell text without the line breaks that wrapping put in.</summary>
    public static string Flat(string s) => s.Replace("\n", "").Replace(" ", "");

    public static IEnumerable<TableRow> Rows(SourceDocument doc) => doc.Tables.SelectMany(t => t.Rows);

    public static TableRow RowWith(SourceDocument doc, string cellText) =>
        Rows(doc).FirstOrDefault(r => r.Cells.Any(c => Flat(c.Text) == cellText))
        ?? throw new Xunit.Sdk.XunitException($"no row has a cell '{cellText}'");

    public static TableCell Cell(SourceDocument doc, string cellText) =>
        Rows(doc).SelectMany(r => r.Cells).FirstOrDefault(c => Flat(c.Text) == cellText)
        ?? throw new Xunit.Sdk.XunitException($"no cell '{cellText}'");

    /// <summary>(level3, target) pairs of the gold indicators.</summary>
    public static List<(string Level3, string Target)> GoldIndicators(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Corpus.File("synthetic", name)));
        var list = new List<(string, string)>();
        foreach (var form in json.RootElement.GetProperty("forms").EnumerateArray())
            foreach (var ind in form.GetProperty("indicators").EnumerateArray())
                list.Add((ind.GetProperty("level3").GetString()!, ind.GetProperty("target").GetString()!));
        return list;
    }

    /// <summary>Every gold indicator has a row holding both its name and its target value.</summary>
    public static void AssertIndicatorRows(SourceDocument doc, string gold)
    {
        var indicators = GoldIndicators(gold);
        Assert.NotEmpty(indicators);
        var rows = Rows(doc).Select(r => r.Cells.Select(c => Flat(c.Text)).ToList()).ToList();
        var missing = indicators.Where(i => !rows.Any(r => r.Contains(Flat(i.Level3)) && r.Contains(Flat(i.Target)))).ToList();
        Assert.True(missing.Count == 0, "indicator rows not found: " + string.Join("; ", missing.Take(5)));
    }
}
