using Jixiao.Tests;
using Jixiao.Cli.Import;
using Jixiao.Extract;
using Jixiao.Ingest;
using Jixiao.Store;

namespace Jixiao.Cli.Tests;

/// <summary>
/// The import pipeline in-process, with the real reader and LiteDB but a small stand-in extraction step
/// (one form per document) so the pipeline's own behaviour is tested apart from the extractor's.
/// </summary>
public class ImporterTests
{
    static ExtractedDocument OneForm(SourceDocument s) => new()
    {
        File = s.File, Format = s.Format,
        Forms = { new Form { Kind = FormKind.Other, Title = s.File, Year = 2024, Indicators = { new Indicator { Level3 = "指标" + s.File, Target = "1" } } } },
    };

    static Importer.Options Opts(int batch = 50) => new() { Workers = 2, BatchSize = batch, Extract = (s, _) => OneForm(s) };

    [Fact]
    public void ManyFiles_AreAllStoredInBatches_AndARerunSkipsThem()
    {
        using var t = new TempDir();
        var folder = t.Sub("in");
        for (int i = 0; i < 120; i++) File.WriteAllText(Path.Combine(folder, $"f{i:000}.txt"), $"第{i}号\n");
        File.WriteAllText(Path.Combine(folder, "copy.txt"), "第7号\n"); // same bytes as f007.txt
        var files = FileWalker.Expand(new[] { folder }).Files;
        Assert.Equal(121, files.Count);

        using var archive = Archive.Open(t.Db);
        var seen = new List<int>();
        var s = new Importer(archive, Opts(batch: 50)).Run(files, x => seen.Add(x.Seen));

        Assert.Equal((120, 1, 0), (s.Imported, s.Duplicates, s.Failed.Count));
        Assert.Equal((120, 120), (s.Forms, s.Indicators));
        Assert.Equal(121, seen.Last());
        Assert.Equal(new ArchiveCounts(121, 120, 120, 0, 121), archive.Counts());
        Assert.True(archive.Verify().Ok);

        var again = new Importer(archive, Opts()).Run(files);
        Assert.Equal((0, 121), (again.Imported, again.Unchanged));
        Assert.Equal(new ArchiveCounts(121, 120, 120, 0, 121), archive.Counts());
    }

    [Fact]
    public void BadFiles_GetAOneLineRecordAndTheRunContinues()
    {
        using var t = new TempDir();
        var folder = t.Sub("in");
        File.WriteAllBytes(Path.Combine(folder, "a_empty.docx"), Array.Empty<byte>());
        var junk = new byte[3000];
        new Random(7).NextBytes(junk);
        File.WriteAllBytes(Path.Combine(folder, "b_random.docx"), junk);
        File.WriteAllText(Path.Combine(folder, "c_good.txt"), "部门整体绩效目标表\n");
        File.WriteAllText(Path.Combine(folder, "c_good.gold.json"), "{}");

        using var archive = Archive.Open(t.Db);
        var s = new Importer(archive, Opts()).Run(FileWalker.Expand(new[] { folder }).Files);

        Assert.Equal(1, s.Imported);
        // A 0-byte file is listed apart (nothing to read is not damage); only the random bytes failed.
        Assert.Equal(new[] { ("b_random.docx", "failed") }, s.Failed.Select(f => (Path.GetFileName(f.Path), f.Status)));
        Assert.Equal(new[] { ("a_empty.docx", "empty") }, s.NoForms.Select(f => (Path.GetFileName(f.Path), f.Status)));
        Assert.All(s.Failed, f => Assert.DoesNotContain('\n', f.Reason));
        var log = archive.ImportLog();
        Assert.Equal(3, log.Count);
        Assert.Equal("file is empty", log.Single(l => l.Path.EndsWith("a_empty.docx")).Reason);
        Assert.Equal(DocumentStatus.Ok, archive.FindDocument(Path.Combine(folder, "c_good.txt"))!.Status);
    }

    [Fact]
    public void ExtractorException_BecomesAFailedDocument()
    {
        using var t = new TempDir();
        var path = Path.Combine(t.Path, "x.txt");
        File.WriteAllText(path, "x\n");
        using var archive = Archive.Open(t.Db);
        var opts = new Importer.Options { Workers = 1, Extract = (_, _) => throw new InvalidOperationException("boom\nsecond line") };
        var s = new Importer(archive, opts).Run(new[] { path });
        var f = Assert.Single(s.Failed);
        Assert.Equal("extraction failed (InvalidOperationException: boom second line)", f.Reason);
        Assert.Equal(DocumentStatus.Failed, archive.AllDocuments().Single().Status);
    }
}
