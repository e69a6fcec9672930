using System.Diagnostics;
using Jixiao.Ingest;
using Jixiao.Store;
using Jixiao.Tests;
using Jixiao.Tools;
using Xunit.Abstractions;

namespace Jixiao.Robustness.Tests;

/// <summary>
/// The per-file memory limit (DocumentReader.Options.MaxMemoryBytes, `import --max-memory-mb`), with parsers
/// that hoard or churn memory on purpose. Limits are small (64 MB) so the tests stay fast; the time limit is
/// long (60 s) so that a memory stop cannot be mistaken for a time-out. The real-file case (a zip bomb whose
/// headers lie about its size) runs through `jixiao import` in BadInputTests.
/// </summary>
[Collection("memory")]
public sealed class MemoryLimitTests(ITestOutputHelper output)
{
    const long MB = 1024 * 1024;
    static readonly DocumentReader.Options Limits = new() { Timeout = TimeSpan.FromSeconds(60), MaxMemoryBytes = 64 * MB };

    /// <summary>Keeps 1 MB blocks until told to stop, or until <paramref name="upTo"/> MB; optionally deaf to the token.</summary>
    sealed class Hoarder(int upTo, bool honoursToken, ManualResetEventSlim? holdAtEnd = null, bool fast = false) : IDocumentParser
    {
        public string Format => "test";
        public int Held;
        public volatile bool Finished;
        public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel)
        {
            var kept = new List<byte[]>();
            for (int i = 0; i < upTo; i++)
            {
                if (honoursToken) cancel.ThrowIfCancellationRequested();
                var block = new byte[MB];
                block[i % block.Length] = 1;
                kept.Add(block);
                Held = kept.Count;
                // A parser at work (~400 MB/s), not a tight loop: gives the guard a look in. Fast: a bomb inflating.
                if (!fast || i % 4 == 0) Thread.Sleep(2);
            }
            holdAtEnd?.Wait(TimeSpan.FromSeconds(30));
            Finished = true;
            GC.KeepAlive(kept);
            return new SourceDocument(fileName, Format);
        }
    }

    /// <summary>Allocates <paramref name="total"/> MB in 1 MB blocks and keeps none: heavy, but not a leak.</summary>
    sealed class Churner(int total, int msPerMB = 2) : IDocumentParser
    {
        public string Format => "test";
        public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel)
        {
            long sum = 0;
            for (int i = 0; i < total; i++)
            {
                cancel.ThrowIfCancellationRequested();
                var block = new byte[MB];
                block[i % block.Length] = 1;
                sum += block[i % block.Length];
                Thread.Sleep(msPerMB);
            }
            var doc = new SourceDocument(fileName, Format);
            doc.Blocks.Add(new Paragraph($"churned {sum} MB"));
            return doc;
        }
    }

    static ReadResult Read(IDocumentParser parser, DocumentReader.Options? options = null) =>
        DocumentReader.Read(new MemoryStream([1, 2, 3]), "hog.bin", parser, options ?? Limits);

    [Fact]
    public void A_parse_that_keeps_allocating_is_stopped_with_a_one_line_error()
    {
        var hog = new Hoarder(upTo: 2000, honoursToken: true);
        var sw = Stopwatch.StartNew();
        var r = Read(hog);
        output.WriteLine($"stopped after {sw.Elapsed.TotalSeconds:0.0} s holding {hog.Held} MB: {r.Error}");
        Assert.False(r.Ok);
        Assert.Equal("stopped: took over 64 MB of memory (per-file memory limit)", r.Error!.Reason);
        Assert.Equal("hog.bin", r.Error.File);
        Assert.InRange(hog.Held, 64, 1500); // stopped past the limit, long before the 2 GB it wanted
        Assert.False(hog.Finished);
    }

    [Fact]
    public void A_parse_deaf_to_cancellation_is_abandoned_at_the_memory_limit()
    {
        // The hoarder ignores its token and then blocks: Read can only return in time by giving up on it.
        using var gate = new ManualResetEventSlim();
        var hog = new Hoarder(upTo: 400, honoursToken: false, holdAtEnd: gate);
        var r = Read(hog);
        bool finishedBeforeAnswer = hog.Finished;
        gate.Set();
        output.WriteLine($"answer while the parse held {hog.Held} MB: {r.Error}");
        Assert.False(finishedBeforeAnswer);
        Assert.Contains("per-file memory limit", r.Error!.Reason);
    }

    [Fact]
    public void A_parse_that_churns_through_garbage_is_not_stopped()
    {
        var r = Read(new Churner(total: 600));
        Assert.True(r.Ok, r.Error?.Reason);
        Assert.Equal("churned 600 MB", r.Document!.Paragraphs.Single().Text);
    }

    [Fact]
    public void Of_two_parallel_parses_only_the_hoarder_is_stopped()
    {
        // The churner runs longer and allocates more in all, but the hoarder is the one filling the heap now.
        // Rates differ as a bomb's and a parser's do (here ~10x), so that a loaded CI box cannot swap them.
        var churn = Task.Factory.StartNew(() => Read(new Churner(total: 250, msPerMB: 10)), TaskCreationOptions.LongRunning);
        Thread.Sleep(500);
        var hog = new Hoarder(upTo: 4000, honoursToken: true, fast: true);
        var stopped = Read(hog);
        var fine = churn.GetAwaiter().GetResult();
        Assert.False(stopped.Ok, $"the hoarder was not stopped (held {hog.Held} MB)");
        Assert.Contains("per-file memory limit", stopped.Error!.Reason);
        Assert.True(fine.Ok, fine.Error?.Reason);
    }

    [Fact]
    public void Import_stops_a_zip_bomb_that_lies_about_its_size_and_goes_on()
    {
        // 1.1 GB of text in one docx part, the zip headers claiming 1 KB: the size check is fooled and the
        // Open XML SDK inflates it into memory. The memory limit, not the 60 s time limit, must stop it.
        using var tmp = new TempDir();
        var dir = tmp.Sub("in");
        var bomb = BadCorpus.LyingDocxBomb(Path.Combine(dir, "bomb.docx"));
        var good = Path.Combine(dir, "good.docx");
        File.Copy(Corpus.File("synthetic", "proj_self_01.docx"), good);
        var sw = Stopwatch.StartNew();
        var r = JixiaoProcess.Run(TimeSpan.FromMinutes(2), "import", dir, "--db", tmp.Db, "--max-memory-mb", "256", "--timeout", "60", "--workers", "2");
        output.WriteLine($"{sw.Elapsed.TotalSeconds:0.0} s, exit {r.ExitCode}\n{r.Out}{r.Err}");
        Assert.Equal(1, r.ExitCode);
        using var archive = Archive.OpenExisting(tmp.Db)!;
        var docs = archive.AllDocuments().ToDictionary(d => d.Path);
        Assert.Equal("stopped: took over 256 MB of memory (per-file memory limit)", docs[bomb.Path].Error);
        Assert.Equal(DocumentStatus.Ok, docs[good].Status);
        Assert.True(docs[good].FormsCount > 0); // the bomb's reason above says the memory limit, not the time limit, ended it
    }

    [Fact]
    public void No_limit_when_it_is_zero()
    {
        var r = Read(new Hoarder(upTo: 160, honoursToken: true), new DocumentReader.Options { Timeout = TimeSpan.FromSeconds(60), MaxMemoryBytes = 0 });
        Assert.True(r.Ok, r.Error?.Reason);
    }
}

/// <summary>
/// The guard judges the growth of the one process heap: these tests must overlap neither each other nor the
/// test classes xunit runs in parallel (their parses are watched too, with the 1 GB default limit, and what
/// they hold grows the heap a 64 MB churner here is judged on). So this collection runs alone.
/// </summary>
[CollectionDefinition("memory", DisableParallelization = true)]
public sealed class MemoryCollection;
