using Jixiao.Extract;
using Jixiao.Ingest;
using Jixiao.Store.Postgres;
using Jixiao.Tests;
using Npgsql;

namespace Jixiao.Store.Tests;

/// <summary>
/// Values flagged for review, on every backend: a real seed read and extracted with two impossible long-term
/// targets (公用经费控制率 ≥90% read as 290%, 在职人员控制率 read as 150%, which Plausibility flags) is stored with
/// each value's flag and reasons; search shows them, and a target filter skips them unless asked.
/// </summary>
public abstract class ReviewSearchTests : IDisposable
{
    readonly BackendArchive _t;
    protected IArchive A => _t.Archive;
    protected string Target => _t.Target;

    protected ReviewSearchTests(StoreBackend backend)
    {
        _t = new BackendArchive(backend);
        A.Write(new[] { ImportedScanLikeSeed(_t.Dir) });
        _t.Reopen();
    }

    public void Dispose() => _t.Dispose();

    /// <summary>The seed's 2024 department form with the two misread targets, read and extracted as an import does.</summary>
    protected static ImportItem ImportedScanLikeSeed(string dir)
    {
        var path = ScanLikeSeed.Write(dir);
        var read = DocumentReader.Read(path);
        Assert.True(read.Ok, read.Error?.ToString());
        var doc = Extractor.Extract(read.Document!);
        return new ImportItem
        {
            Path = path, Hash = ContentHash.Of(path), Size = new FileInfo(path).Length, Format = doc.Format,
            PageCount = 1, Extracted = doc,
        };
    }

    static readonly TargetValue AtLeast95 = TargetValue.Parse(">=95%")!;

    /// <summary>(target, review, first reason) of each hit, in result order: what the assertions compare.</summary>
    static List<(string?, bool, string?)> Seen(SearchResult r) =>
        r.Hits.Select(h => (h.Target, h.Review, h.ReviewReasons?.FirstOrDefault())).ToList();

    [Fact]
    public void Search_ShowsEachFlaggedValueWithItsReasons()
    {
        var r = A.Search(new SearchQuery { Text = "控制率", Limit = 1000 });
        var flagged = r.Hits.Where(h => h.Review).Select(h => (h.Name, h.Target, h.ReviewReasons!.Single())).OrderBy(x => x.Target).ToList();
        Assert.Equal(new[]
        {
            ("在职人员控制率", (string?)"150%", "share over 100%: target 150%"),
            ("公用经费控制率", "290%", "comparator misread as digit? target 290%"),
        }, flagged);
        Assert.All(r.Hits.Where(h => !h.Review), h => Assert.Null(h.ReviewReasons));
        // Each value's own confidence travels with it (a text layer: 1 unless a column role was guessed).
        Assert.All(r.Hits, h => Assert.InRange(h.Confidence ?? -1, 0.01, 1.0));
    }

    [Fact]
    public void TargetFilter_SkipsFlaggedValuesUnlessAsked()
    {
        var skipping = A.Search(new SearchQuery { Text = "控制率", Target = AtLeast95, Limit = 1000 });
        var including = A.Search(new SearchQuery { Text = "控制率", Target = AtLeast95, IncludeReview = true, Limit = 1000 });
        Assert.DoesNotContain(skipping.Hits, h => h.Review);
        Assert.True(skipping.Total > 0);
        Assert.Equal(skipping.Total + 2, including.Total);
        Assert.Equal(new[] { "150%", "290%" }, including.Hits.Where(h => h.Review).Select(h => h.Target!).Order());
        // Without a text (the other search path), the same two are skipped and counted the same way.
        var all = A.Search(new SearchQuery { Target = AtLeast95, Limit = 1000 });
        var allIncluding = A.Search(new SearchQuery { Target = AtLeast95, IncludeReview = true, Limit = 1000 });
        Assert.DoesNotContain(all.Hits, h => h.Review);
        Assert.Equal(all.Total + 2, allIncluding.Total);
        Assert.Equal(allIncluding.Total, allIncluding.Hits.Count);
    }

    [Fact]
    public void TheFlagFiltersOnlyATargetSearch_AsOnEveryBackend()
    {
        // A text search without a target filter lists flagged values (marked), with or without the option.
        var plain = A.Search(new SearchQuery { Text = "公用经费控制率" });
        var withOption = A.Search(new SearchQuery { Text = "公用经费控制率", IncludeReview = true });
        Assert.Equal(Seen(plain), Seen(withOption));
        Assert.Contains(("290%", true, "comparator misread as digit? target 290%"), Seen(plain));
    }

    /// <summary>The hits of both backends, compared directly: each subclass records its own.</summary>
    protected static List<(string?, bool, string?)> Fingerprint(IArchive a) =>
        new[] { false, true }.SelectMany(include => Seen(a.Search(new SearchQuery { Text = "控制率", Target = AtLeast95, IncludeReview = include, Limit = 1000 })))
            .ToList();
}

public sealed class LiteDbReviewSearchTests() : ReviewSearchTests(new StoreBackend.LiteDb());

[Collection(PgCollection.Name)]
public sealed class PostgresReviewSearchTests(PgCluster cluster) : ReviewSearchTests(new StoreBackend.Postgres(cluster))
{
    [Fact]
    public void SameHitsAsLiteDb_ForTheSameDocument()
    {
        using var lite = new BackendArchive(new StoreBackend.LiteDb());
        lite.Archive.Write(new[] { ImportedScanLikeSeed(lite.Dir) });
        Assert.Equal(Fingerprint(lite.Archive), Fingerprint(A));
    }

    /// <summary>
    /// An archive written by schema version 2 (flags only in the form bodies) is upgraded by migration 3: the
    /// review columns are filled from the bodies, so search skips the same values as on a new archive.
    /// </summary>
    [Fact]
    public void Migration3_BackfillsTheFlagsOfAnOlderArchive()
    {
        var before = Fingerprint(A);
        using (var c = new NpgsqlConnection(Target))
        {
            c.Open();
            using var cmd = new NpgsqlCommand("ALTER TABLE indicators DROP COLUMN review, DROP COLUMN review_reasons; DELETE FROM jixiao_schema WHERE version = 3", c);
            cmd.ExecuteNonQuery();
        }
        Assert.Throws<PgArchiveException>(() => PgArchive.OpenExisting(Target).Dispose());
        using var upgraded = PgArchive.Open(Target);
        Assert.Equal(before, Fingerprint(upgraded));
        Assert.Equal(2, upgraded.Search(new SearchQuery { Text = "控制率", Limit = 1000 }).Hits.Count(h => h.Review));
    }
}
