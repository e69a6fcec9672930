using Jixiao.Cli.Import;
using Jixiao.Extract;
using Jixiao.Store;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>
/// Archives written before indicators were packed into their forms hold them as rows of the indicators
/// collection. previous-layout.db was written by that version (main 153d9c9, `jixiao import` of the four files
/// below: corpus/seeds/001_91b75e353b5723c9.txt, corpus/synthetic/proj_self_old_01.txt and proj_self_01.docx, and
/// copy_of_001.txt, a byte copy of the seed, stored as its duplicate). Read now, it must give what a fresh import
/// of the same files gives (the packed layout), and it must take new imports and replacements (a mixed archive).
/// </summary>
public sealed class PreviousLayoutTests
{
    static readonly string[] Files =
    {
        Corpus.File("seeds", "001_91b75e353b5723c9.txt"), Corpus.File("synthetic", "proj_self_old_01.txt"),
        Corpus.File("synthetic", "proj_self_01.docx"),
    };

    static string Fixture(TempDir t)
    {
        var db = Path.Combine(t.Path, "previous.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Archive", "previous-layout.db"), db);
        return db;
    }

    /// <summary>A fresh archive of the same four files, written by this version.</summary>
    static string Fresh(TempDir t)
    {
        var src = t.Sub("fresh");
        foreach (var f in Files) File.Copy(f, Path.Combine(src, Path.GetFileName(f)));
        File.Copy(Files[0], Path.Combine(src, "copy_of_001.txt"));
        var db = Path.Combine(t.Path, "fresh.db");
        using var archive = Store.Archive.Open(db);
        var s = new Importer(archive, new Importer.Options { Workers = 1 }).Run(FileWalker.Expand(new[] { src }).Files);
        Assert.Equal((3, 1), (s.Imported, s.Duplicates));
        return db;
    }

    /// <summary>What a reader shows, without the ids and paths that differ between two archives of the same files.</summary>
    static List<string> Readout(Store.Archive a)
    {
        var lines = new List<string>();
        var docs = a.AllDocuments().ToDictionary(d => d.Id);
        foreach (var d in docs.Values.OrderBy(d => d.FileName, StringComparer.Ordinal))
        {
            lines.Add($"doc {d.FileName} {d.Status} forms {d.FormsCount} indicators {d.IndicatorsCount}");
            foreach (var f in a.FormsOf(d.Id)) lines.Add($"  form {f.Index}: {CanonicalJson.Serialize(new ExtractedDocument { File = d.FileName, Format = d.Format, Forms = { f.Form } })}");
        }
        foreach (var q in new[] { "满意度", "数量", "群众满意度指数" })
        {
            var r = a.Search(new SearchQuery { Text = q, Limit = 100 });
            lines.Add($"search {q}: {r.Total} fuzzy {r.Fuzzy}");
            lines.AddRange(r.Hits.Select(Hit));
        }
        lines.Add($"search 2020..2023: {a.Search(new SearchQuery { YearFrom = 2020, YearTo = 2023 }).Total}");
        foreach (var name in new[] { "参训人员满意度", "项目区农户满意度" })
            lines.AddRange(a.History(name).Select(h => "history " + Hit(h)));
        lines.AddRange(a.Facts().Select(f => $"fact {f.Fact} {f.File} {f.Year} {f.Kind} {f.Department} {f.Project} {f.Level1}/{f.Level2}/{f.Level3} " +
            $"{f.Target} {f.TargetOp}{f.TargetNumber}{f.TargetUnit} {f.Actual} {f.Weight} {f.Score} {f.Item} {f.Column} {f.Value} {f.Confidence} {f.Review}"));
        var c = a.Counts();
        lines.Add($"counts {c.Documents} {c.Forms} {c.Indicators} {c.BudgetFacts}");
        return lines;

        static string Hit(IndicatorHit h) =>
            $"{h.File} {h.Year} {h.Department} {h.Project} {h.Kind} {h.Scope} {h.Level1}/{h.Level2}/{h.Level3} {h.Name} {h.Target} {h.Actual} " +
            $"{h.Weight} {h.Score} {string.Join(",", h.History)} {h.Fuzzy} {h.Rank:0.000} {h.Confidence} {h.Review}";
    }

    [Fact]
    public void An_archive_of_the_previous_layout_reads_as_a_fresh_one_of_the_same_files()
    {
        using var t = new TempDir();
        List<string> old, fresh;
        using (var a = Store.Archive.OpenExisting(Fixture(t))!)
        {
            Assert.True(a.Verify(checkFiles: false).Ok, string.Join("\n", a.Verify(checkFiles: false).Problems));
            old = Readout(a);
        }
        using (var a = Store.Archive.OpenExisting(Fresh(t))!)
        {
            Assert.True(a.Verify(checkFiles: false).Ok, string.Join("\n", a.Verify(checkFiles: false).Problems));
            fresh = Readout(a);
        }
        Assert.Contains(old, l => l.StartsWith("search 满意度: 3 ", StringComparison.Ordinal));
        Assert.Contains(old, l => l.StartsWith("history ", StringComparison.Ordinal));
        Assert.Equal(fresh, old);
    }

    [Fact]
    public void An_archive_of_the_previous_layout_takes_new_and_replaced_documents()
    {
        using var t = new TempDir();
        var db = Fixture(t);
        var src = t.Sub("more");
        File.Copy(Corpus.File("seeds", "000_337716242a9e81d2.txt"), Path.Combine(src, "000.txt"));
        using var a = Store.Archive.Open(db);
        var before = a.Counts();
        var oldDocs = a.AllDocuments();
        var seed = oldDocs.Single(d => d.FileName == "001_91b75e353b5723c9.txt");
        var copy = oldDocs.Single(d => d.FileName == "copy_of_001.txt");
        Assert.Equal(seed.Id, copy.DuplicateOf);

        var added = new Importer(a, new Importer.Options { Workers = 1 }).Run(new[] { Path.Combine(src, "000.txt") });
        Assert.Equal(1, added.Imported);
        // The seed, stored as rows, is replaced by other content: its copy inherits the rows, the new content is packed.
        var item = new ImportItem
        {
            Path = seed.Path, Hash = "changed", Size = 1, Format = "text",
            Extracted = new ExtractedDocument
            {
                File = seed.FileName, Format = "text",
                Forms = { new Form { Kind = FormKind.ProjectSelfEval, Year = 2030, Department = "某局", Project = "某项目",
                    Indicators = { new Indicator { Level1 = "满意度指标", Level3 = "受益群众满意度", Target = "≥95%" } } } },
            },
        };
        Assert.Equal(WriteAction.Replaced, a.Write(new[] { item }).Single().Action);

        var report = a.Verify(checkFiles: false);
        Assert.True(report.Ok, string.Join("\n", report.Problems));
        var heir = a.GetDocument(copy.Id)!;
        Assert.Equal((DocumentStatus.Ok, (int?)null), (heir.Status, heir.DuplicateOf));
        Assert.Equal(seed.IndicatorsCount, a.FormsOf(copy.Id).Sum(f => f.Form.Indicators.Count));
        Assert.Equal("受益群众满意度", Assert.Single(a.FormsOf(seed.Id).Single().Form.Indicators).Level3);
        var c = a.Counts();
        Assert.Equal(before.Indicators + added.Indicators + 1, c.Indicators);
        Assert.Equal(c.Indicators, a.Facts(FactKinds.Indicators).Count());

        // Search and history find rows of both layouts: the heir's (rows), the new seed's and 000's (packed).
        var hits = a.Search(new SearchQuery { Text = "满意度", Limit = 500 }).Hits;
        Assert.Contains(hits, h => h.File == "copy_of_001.txt");
        Assert.Contains(hits, h => h.File == "000.txt");
        Assert.Contains(hits, h => h.File == "001_91b75e353b5723c9.txt" && h.Year == 2030);
        Assert.Single(a.History("受益群众满意度"));
    }
}
