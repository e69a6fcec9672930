using System.Text.RegularExpressions;
using Jixiao.Ingest.Doc;
using Jixiao.Ingest.Docx;
using Jixiao.Tests;
using Xunit.Abstractions;

namespace Jixiao.Ingest.Tests.Doc;

/// <summary>
/// Every doc-wild NAME.doc against LibreOffice's reading of it (NAME.lo.docx, read by DocxParser):
/// same tables, rows, cell texts (whitespace collapsed) and spans. Every twin counts, Word 6/95
/// files included; a file the reader refuses counts as a disagreement.
/// </summary>
public class DocWildAgreementTests
{
    readonly ITestOutputHelper _out;
    public DocWildAgreementTests(ITestOutputHelper output) => _out = output;

    public static IEnumerable<object[]> Twins() =>
        Directory.GetFiles(Corpus.File("doc-wild"), "*.lo.docx").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => f[..^".lo.docx".Length] + ".doc")
            .Where(File.Exists)
            .Select(f => new object[] { Path.GetFileName(f) });

    [Fact]
    public void At_least_90_percent_of_twins_agree_with_LibreOffice()
    {
        int agree = 0, compared = 0;
        foreach (var file in Twins().Select(t => (string)t[0]))
        {
            compared++;
            List<string> diffs;
            try
            {
                diffs = Compare(file);
            }
            catch (UnreadableDocumentException e)
            {
                diffs = new List<string> { "refused: " + e.Message };
            }
            if (diffs.Count == 0) agree++;
            _out.WriteLine($"{(diffs.Count == 0 ? "OK  " : "DIFF")} {file}");
            foreach (var d in diffs.Take(5)) _out.WriteLine("     " + d);
        }
        _out.WriteLine($"agree {agree}/{compared}");
        Assert.True(compared >= 33, $"only {compared} twins found");
        Assert.True(agree * 10 >= compared * 9, $"only {agree} of {compared} twins agree");
    }

    [Theory]
    [InlineData("innertable.doc")]
    [InlineData("AIOOB-Tap.doc")]
    [InlineData("53379.doc")]
    [InlineData("HeaderFooterProblematic.doc")]
    [InlineData("Bug53380_1.doc")]
    [InlineData("53446.doc")]
    [InlineData("parentinvguid.doc")]
    [InlineData("Bug46817.doc")]
    [InlineData("au.edu.utas.www___data_assets_word_doc_0003_154335_International-Travel-Approval-Request-Form.doc")]
    public void Twin_agrees(string file)
    {
        var diffs = Compare(file);
        Assert.True(diffs.Count == 0, string.Join("\n", diffs.Take(5)));
    }

    /// <summary>
    /// Word 95 tables with merged cells: LibreOffice writes each merged-away cell as a zero-width
    /// vMerge continuation, so its spans mean nothing there; the cell texts, row by row, still must agree.
    /// </summary>
    [Theory]
    [InlineData("Bug49933.doc")]
    [InlineData("word95err.doc")]
    public void Word95_merged_tables_agree_in_text_row_by_row(string file)
    {
        var mine = CellTexts(new DocParser(), file);
        var theirs = CellTexts(new DocxParser(), file[..^".doc".Length] + ".lo.docx");
        Assert.Equal(48, mine.Count);
        Assert.Equal(theirs, mine);
    }

    /// <summary>Each table row as its non-empty cell texts, whitespace collapsed.</summary>
    static List<string> CellTexts(IDocumentParser parser, string file)
    {
        using var stream = File.OpenRead(Corpus.File("doc-wild", file));
        var doc = parser.Parse(stream, file, CancellationToken.None);
        return doc.Tables.SelectMany(t => t.Rows).Select(r => string.Join(" | ",
            r.Cells.Select(c => Normalize(c.Text)).Where(t => t.Length > 0))).ToList();
    }

    static List<string> Compare(string file)
    {
        var mine = Tables(new DocParser(), file);
        var theirs = Tables(new DocxParser(), file[..^".doc".Length] + ".lo.docx");
        var diffs = new List<string>();
        if (mine.Count != theirs.Count) diffs.Add($"tables: doc {mine.Count}, lo {theirs.Count}");
        for (int t = 0; t < Math.Min(mine.Count, theirs.Count); t++)
        {
            if (mine[t].Count != theirs[t].Count) diffs.Add($"table {t}: rows doc {mine[t].Count}, lo {theirs[t].Count}");
            for (int r = 0; r < Math.Min(mine[t].Count, theirs[t].Count); r++)
                if (mine[t][r] != theirs[t][r])
                    diffs.Add($"table {t} row {r}:\n       doc: {Cut(mine[t][r])}\n       lo : {Cut(theirs[t][r])}");
        }
        return diffs;
    }

    /// <summary>Each table as one line per row: cells with [rN]/[cN] span marks, whitespace collapsed.</summary>
    static List<List<string>> Tables(IDocumentParser parser, string file)
    {
        using var stream = File.OpenRead(Corpus.File("doc-wild", file));
        var doc = parser.Parse(stream, file, CancellationToken.None);
        return doc.Tables.Select(t => t.Rows.Select(row => string.Join(" | ", row.Cells.Select(c =>
            Normalize(c.Text) + (c.RowSpan > 1 ? $"[r{c.RowSpan}]" : "") + (c.ColSpan > 1 ? $"[c{c.ColSpan}]" : "")))).ToList()).ToList();
    }

    static string Normalize(string s) => Regex.Replace(s, @"\s+", " ").Trim();
    static string Cut(string s) => s.Length > 200 ? s[..200] + "…" : s;
}
