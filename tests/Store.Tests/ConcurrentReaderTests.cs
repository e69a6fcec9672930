using Jixiao.Extract;

namespace Jixiao.Store.Tests;

/// <summary>
/// Issue 21, case 6, made deterministic in one process: a reader opened while the writer has uncommitted-to-data
/// pages (its log) keeps reading while the writer closes (the moment it used to fold the log into the data file
/// under the reader), then while a new writer opens and writes and closes again. Every read is complete.
/// </summary>
public sealed class ConcurrentReaderTests
{
    const int Documents = 60, IndicatorsEach = 40;

    static ImportItem Item(TempArchive tmp, int n)
    {
        var indicators = Enumerable.Range(0, IndicatorsEach)
            .Select(i => Sample.Ind(null, "产出指标", "数量指标", $"第{n}号文件指标{i}" + new string('项', 40), $"≥{i}%")).ToArray();
        var doc = new ExtractedDocument { File = $"d{n}.txt", Format = "text", Forms = { Sample.DepartmentForm(2024, $"单位{n}", indicators) } };
        return tmp.File($"d{n}.txt", $"document {n}", doc);
    }

    static int CountAll(Archive reader) =>
        reader.AllDocuments().Sum(d => reader.FormsOf(d.Id).Sum(f => f.Form.Indicators.Count));

    [Fact]
    public void A_reader_open_across_the_writers_close_and_next_run_reads_a_complete_snapshot()
    {
        using var tmp = new TempArchive();
        tmp.Archive.Write(Enumerable.Range(0, Documents).Select(n => Item(tmp, n)).ToList());
        tmp.Reopen(); // no reader: the close folds the log into the data file
        var log = Path.Combine(tmp.Dir, "test-log.db");
        Assert.Equal(0, File.Exists(log) ? new FileInfo(log).Length : 0);
        tmp.Archive.Write(Enumerable.Range(Documents, 20).Select(n => Item(tmp, n)).ToList()); // into the log

        using var reader = Archive.OpenExisting(tmp.DbPath)!;
        var docs = reader.AllDocuments(); // the first run, and of the second what the writer has flushed so far
        Assert.InRange(docs.Count, Documents, Documents + 20);
        // Half read, then the writer closes: before, its checkpoint rewrote the data file and emptied the log here.
        int read = docs.Take(docs.Count / 2).Sum(d => reader.FormsOf(d.Id).Sum(f => f.Form.Indicators.Count));
        tmp.Reopen();
        Assert.True(new FileInfo(log).Length > 0, "with a reader open the writer must leave its log unfolded");
        tmp.Archive.Write(Enumerable.Range(Documents + 20, 20).Select(n => Item(tmp, n)).ToList());
        read += docs.Skip(docs.Count / 2).Sum(d => reader.FormsOf(d.Id).Sum(f => f.Form.Indicators.Count));
        Assert.Equal(docs.Count * IndicatorsEach, read);
        Assert.Equal(docs.Count * IndicatorsEach, CountAll(reader)); // the snapshot does not move
        Assert.Empty(reader.Verify(checkFiles: false).Problems);

        reader.Dispose();
        tmp.Reopen(); // no reader left: the log is folded
        Assert.Equal(0, File.Exists(log) ? new FileInfo(log).Length : 0);
        using var after = Archive.OpenExisting(tmp.DbPath)!;
        Assert.Equal((Documents + 40) * IndicatorsEach, CountAll(after));
        Assert.Empty(after.Verify(checkFiles: false).Problems);
    }
}
