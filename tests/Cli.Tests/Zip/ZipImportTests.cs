using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Jixiao.Store;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Zip;

/// <summary>`jixiao import DIR` with zip archives in it: GBK entry names, nested archives, zip bombs.</summary>
public class ZipImportTests
{
    static byte[] Seed => File.ReadAllBytes(Corpus.File("seeds", "000_337716242a9e81d2.txt"));
    static byte[] Docx => File.ReadAllBytes(Corpus.File("synthetic", "proj_self_01.docx"));
    static byte[] Xls => File.ReadAllBytes(Corpus.File("synthetic", "transfer_02.xls"));
    static readonly byte[] Readme = Encoding.UTF8.GetBytes("# 说明\n本压缩包收录2024年绩效材料。\n");

    /// <summary>A GBK-named archive with a docx, a text seed, a README and a nested (UTF-8 named) archive holding an .xls.</summary>
    static string WriteArchive(string folder)
    {
        var inner = TestZips.Utf8(new[] { ("2023年/转移支付目标表.xls", Xls) });
        var outer = TestZips.Gbk(new[]
        {
            ("2024年/项目自评表.docx", Docx),
            ("2024年/督查考评办公室.txt", Seed),
            ("说明.md", Readme),
            ("2024年/sidecar.gold.json", "{}"u8.ToArray()),
            ("往年材料.zip", inner),
        });
        var path = Path.Combine(folder, "绩效材料.zip");
        File.WriteAllBytes(path, outer);
        return path;
    }

    [Fact]
    public void TheTestArchive_HasGbkNamesWithoutTheUtf8Flag()
    {
        using var t = new TempDir();
        var bytes = File.ReadAllBytes(WriteArchive(t.Path));
        var names = TestZips.CentralDirectory(bytes);
        var docx = names.Single(n => n.Name.AsSpan().SequenceEqual(TestZips.Gb18030.GetBytes("2024年/项目自评表.docx")));
        Assert.Equal(0, docx.Flags & 0x800);
        Assert.False(System.Text.Unicode.Utf8.IsValid(docx.Name)); // read as UTF-8 it would be mojibake
    }

    [Fact]
    public void ZipWithGbkNames_IsImportedEntryByEntry_NamesReadable_ReimportUnchanged_VerifyShowReport()
    {
        using var t = new TempDir();
        var folder = t.Sub("in");
        var zip = WriteArchive(folder);
        File.Copy(Corpus.File("seeds", "001_91b75e353b5723c9.txt"), Path.Combine(folder, "plain.txt"));

        var r = JixiaoProcess.Run("--db", t.Db, "import", folder);

        Assert.True(r.ExitCode == 0, r.Out + r.Err);
        Assert.StartsWith("imported 4, replaced 0, unchanged 0, duplicates 0, no forms 1, failed 0", r.Out);
        var docxPath = zip + "!/2024年/项目自评表.docx";
        var seedPath = zip + "!/2024年/督查考评办公室.txt";
        var xlsPath = zip + "!/往年材料.zip!/2023年/转移支付目标表.xls";
        using (var archive = Archive.OpenExisting(t.Db)!)
        {
            var docs = archive.AllDocuments().ToDictionary(d => d.Path);
            Assert.Equal(new[] { Path.Combine(folder, "plain.txt"), docxPath, seedPath, zip + "!/往年材料.zip!/2023年/转移支付目标表.xls", zip + "!/说明.md" }.Order(StringComparer.Ordinal),
                docs.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(("项目自评表.docx", "docx", DocumentStatus.Ok), (docs[docxPath].FileName, docs[docxPath].Format, docs[docxPath].Status));
            Assert.True(docs[docxPath].FormsCount > 0);
            Assert.Equal(DocumentStatus.Ok, docs[xlsPath].Status);
            Assert.True(docs[xlsPath].IndicatorsCount > 0);
            Assert.Equal(DocumentStatus.NoForms, docs[zip + "!/说明.md"].Status);
            // Same bytes in and out: the entry's hash is the hash of the corpus file.
            Assert.Equal(ContentHash.Of(Corpus.File("synthetic", "proj_self_01.docx")), docs[docxPath].Hash);
        }

        var search = JixiaoProcess.Run("--db", t.Db, "search", "公用经费控制率", "--year", "2024", "--dept", "鄂州市督查考评办公室", "--json");
        Assert.Equal(0, search.ExitCode);
        using (var json = JsonDocument.Parse(search.Out))
            Assert.Contains(json.RootElement.EnumerateArray(), h => h.GetProperty("file").GetString() == "督查考评办公室.txt");

        var again = JixiaoProcess.Run("--db", t.Db, "import", folder);
        Assert.True(again.ExitCode == 0, again.Out + again.Err);
        Assert.StartsWith("nothing new: 5 file(s) unchanged;", again.Out);

        var show = JixiaoProcess.Run("--db", t.Db, "show", docxPath);
        Assert.True(show.ExitCode == 0, show.Err);
        Assert.Contains($"document ", show.Out);
        Assert.Contains(docxPath, show.Out);
        Assert.Contains("status ok", show.Out);

        var verify = JixiaoProcess.Run("--db", t.Db, "verify");
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Err);

        var report = JixiaoProcess.Run("--db", t.Db, "report", "--all", "--out", Path.Combine(t.Path, "report"));
        Assert.True(report.ExitCode == 0, report.Out + report.Err);
        var pages = Directory.GetFiles(Path.Combine(t.Path, "report"), "doc-*.html").Select(File.ReadAllText).ToList();
        var docxPage = Assert.Single(pages, p => p.Contains("项目自评表.docx"));
        Assert.DoesNotContain("no longer at this path", docxPage);
        Assert.DoesNotContain("could not be read again", docxPage);

        // The archive changes on disk: verify names the entry that is gone and the one that changed.
        File.WriteAllBytes(zip, TestZips.Gbk(new[] { ("2024年/项目自评表.docx", Docx.Concat(new byte[] { 0 }).ToArray()), ("说明.md", Readme) }));
        var changed = JixiaoProcess.Run("--db", t.Db, "verify");
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains($"changed on disk since import: {docxPath}", changed.Out);
        Assert.Contains($"missing on disk: {seedPath} (no longer in {zip})", changed.Out);
    }

    [Fact]
    public void ZipBomb_GivesOneErrorLine_AndTheBatchContinues()
    {
        using var t = new TempDir();
        var folder = t.Sub("in");
        // 64 MB of zeros deflate to ~64 KB: a 1000:1 ratio, far past any real document.
        var zeros = new byte[64 * 1024 * 1024];
        File.WriteAllBytes(Path.Combine(folder, "bomb.zip"), TestZips.Gbk(new[] { ("炸弹.txt", zeros), ("2024年/督查考评办公室.txt", Seed) }));
        Assert.True(new FileInfo(Path.Combine(folder, "bomb.zip")).Length < 1024 * 1024);
        File.Copy(Corpus.File("seeds", "001_91b75e353b5723c9.txt"), Path.Combine(folder, "plain.txt"));

        var r = JixiaoProcess.Run("--db", t.Db, "import", folder);

        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("imported 2, replaced 0, unchanged 0, duplicates 0, no forms 0, failed 1", r.Out);
        var line = Assert.Single(r.Out.Split('\n'), l => l.Contains("zip bomb"));
        Assert.Contains("bomb.zip!/炸弹.txt: failed: zip entry inflates", line);
        Assert.Contains("over the 200:1 limit", line);

        // Unchanged on a re-run, the refused entry included (it keeps a stable hash).
        var again = JixiaoProcess.Run("--db", t.Db, "import", folder);
        Assert.StartsWith("nothing new: 3 file(s) unchanged;", again.Out);
        var verify = JixiaoProcess.Run("--db", t.Db, "verify");
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Err);
    }

    [Fact]
    public void DamagedArchive_IsOneFailedLine()
    {
        using var t = new TempDir();
        var folder = t.Sub("in");
        var good = TestZips.Gbk(new[] { ("a.txt", Seed) });
        File.WriteAllBytes(Path.Combine(folder, "cut.zip"), good[..(good.Length / 2)]);
        File.Copy(Corpus.File("seeds", "001_91b75e353b5723c9.txt"), Path.Combine(folder, "plain.txt"));
        var r = JixiaoProcess.Run("--db", t.Db, "import", folder);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("cut.zip: failed: damaged zip archive", r.Out);
        Assert.StartsWith("imported 1,", r.Out);
    }

    [Fact]
    public void DryRun_ListsArchiveEntries()
    {
        using var t = new TempDir();
        var zip = WriteArchive(t.Path);
        var r = JixiaoProcess.Run("--db", t.Db, "import", "--dry-run", zip);
        Assert.True(r.ExitCode == 0, r.Out + r.Err);
        Assert.Contains($"new        {zip}!/2024年/项目自评表.docx", r.Out);
        Assert.Contains($"new        {zip}!/往年材料.zip!/2023年/转移支付目标表.xls", r.Out);
        Assert.DoesNotContain("gold.json", r.Out);
        Assert.Contains("would import 4 (4 new, 0 changed)", r.Out);
        Assert.False(File.Exists(t.Db));
    }
}
