using Jixiao.Ingest;
using Jixiao.Store;
using Jixiao.Tests;
using Jixiao.Tools;
using Xunit.Abstractions;

namespace Jixiao.Robustness.Tests;

/// <summary>Issue 21: limits bind to every stage of a file, and what does not fit the archive is stored cut and flagged.</summary>
public sealed class LimitTests(ITestOutputHelper output)
{
    [Fact]
    public void Work_that_ignores_its_token_is_abandoned_at_the_limit()
    {
        // Deaf to its token, but released when the test ends: an endless spin would take one of the machine's cores
        // from every test that runs after it in this process (the memory-limit tests, run last, then failed at random).
        var done = new ManualResetEventSlim();
        try
        {
            // The work only ends once Run has returned (done is set below), so an answer at all is the proof that it was
            // given up on; no clock needed.
            var run = PerFileLimit.Run<int>(_ => { while (!done.IsSet) Thread.SpinWait(1000); return 0; }, TimeSpan.FromSeconds(1), 0, "extraction");
            Assert.Equal("gave up after 1 s (per-file time limit; the extraction did not stop)", run.Stopped);
        }
        finally { done.Set(); }
    }

    [ThreadStatic] static int _runsOnThisThread;

    [Fact]
    public void File_threads_are_kept_between_files_and_one_given_up_on_does_not_hold_up_the_next()
    {
        // Runs one after the other get a thread back that ran an earlier one (a thread per file would count 1 each
        // time). Not every time: the caller can be answered before the thread is back among the idle ones.
        var runsOnThread = Enumerable.Range(0, 20)
            .Select(_ => PerFileLimit.Run(_ => ++_runsOnThisThread, TimeSpan.FromSeconds(30), 0, "reader").Result).ToList();
        Assert.Contains(runsOnThread, n => n > 1);
        Assert.Equal(0, _runsOnThisThread); // never on the caller's thread

        // A run that outlives its limit keeps its thread busy; the next run gets another and answers.
        using var release = new ManualResetEventSlim();
        var stuck = PerFileLimit.Run(_ => { release.Wait(); return 0; }, TimeSpan.FromMilliseconds(200), 0, "reader");
        Assert.Equal("gave up after 0 s (per-file time limit; the reader did not stop)", stuck.Stopped);
        var next = PerFileLimit.Run(_ => "read", TimeSpan.FromSeconds(30), 0, "reader");
        Assert.Equal(("read", (string?)null), (next.Result, next.Stopped));
        release.Set();

        // An exception of the work comes back as itself, and its thread is kept too.
        var e = Assert.Throws<InvalidDataException>(() => PerFileLimit.Run<int>(_ => throw new InvalidDataException("bad table"), TimeSpan.FromSeconds(30), 0, "reader"));
        Assert.Equal("bad table", e.Message);
    }

    [Fact]
    public void A_huge_shared_string_and_a_20_MB_cell_import_within_the_limits_stored_cut_and_flagged()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("in");
        File.WriteAllBytes(Path.Combine(dir, "shared.xlsx"), HostileDocs.SharedStringXlsx(1024 * 1024, 1000));
        File.WriteAllBytes(Path.Combine(dir, "huge-cell.docx"), HostileDocs.HugeCellDocx(20));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var r = JixiaoProcess.Run(TimeSpan.FromMinutes(2), "import", dir, "--db", tmp.Db, "--timeout", "60", "--max-memory-mb", "1024", "--workers", "2");
        var took = sw.Elapsed;
        output.WriteLine($"{took.TotalSeconds:0.0} s\n{r.Out}{r.Err}");
        Assert.DoesNotContain("xception", r.Err);
        using (var archive = Archive.OpenExisting(tmp.Db)!)
        {
            var docs = archive.AllDocuments().ToDictionary(d => Path.GetFileName(d.Path));
            Assert.Equal(2, docs.Count);
            // The shared-string workbook is stored read, or given up on at the limit in one line (a loaded box may not
            // get through its 1,000 MB of cells in 60 s): never a crash, never the 93 s of old past the limit.
            var shared = docs["shared.xlsx"];
            // Read whole, its filler cells hold no form (NoForms); anything else is the time limit's one line.
            if (shared.Status != DocumentStatus.NoForms) Assert.Matches(@"^(extraction )?gave up.*\(per-file time limit", shared.Error!);
            var huge = docs["huge-cell.docx"];
            Assert.True(huge.Status == DocumentStatus.Ok, $"{huge.Status}: {huge.Error}");
            Assert.True(huge.NeedsReview);
            var indicators = archive.FormsOf(huge.Id).SelectMany(f => f.Form.Indicators).ToList();
            var cut = Assert.Single(indicators, i => i.Level3 == "合格率");
            Assert.True(cut.Review);
            Assert.True(cut.Target!.Length < 20_000);
            Assert.EndsWith("…[truncated]", cut.Target);
            Assert.Contains(indicators, i => i.Level3 == "满意度" && i.Target == "≥90%"); // the rest of the form is kept
        }
        var again = JixiaoProcess.Run(TimeSpan.FromMinutes(2), "import", dir, "--db", tmp.Db, "--timeout", "10");
        Assert.StartsWith("nothing new: 2 file(s) unchanged;", again.Out);
        RobustnessSummary.Record("1 MB shared string ×1000 cells + 20 MB cell", 2, $"imported in {took.TotalSeconds:0} s under --timeout 60 --max-memory-mb 1024 (was 93 s / 7.3 GB and a crash)");
    }
}

/// <summary>Issue 21: a .doc whose WordDocument FAT chain loops is an error, never "ok" with most indicators silently missing.</summary>
public sealed class FatCycleTests
{
    [Fact]
    public void A_FAT_cycle_inside_WordDocument_is_a_one_line_error()
    {
        var bytes = HostileDocs.FatCycleDoc(File.ReadAllBytes(Corpus.File("synthetic", "proj_target_01.doc")));
        var r = DocumentReader.Read(new MemoryStream(bytes), "cycle.doc");
        Assert.False(r.Ok, "a looping FAT chain was read as a document");
        Assert.Contains("FAT chain loops", r.Error!.Reason);
    }
}
