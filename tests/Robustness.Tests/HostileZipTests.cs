using Jixiao.Store;
using Jixiao.Tests;
using Jixiao.Tools;
using Xunit.Abstractions;

namespace Jixiao.Robustness.Tests;

/// <summary>Issue 21's zip cases: each bad archive or entry is one line, every entry is kept under a distinct stable name.</summary>
public sealed class HostileZipTests(ITestOutputHelper output)
{
    static Dictionary<string, ZipSource.Item> Walk(TempDir tmp, string name, byte[] zip)
    {
        var path = Path.Combine(tmp.Path, name);
        File.WriteAllBytes(path, zip);
        return ZipSource.Walk(path).ToDictionary(i => i.Path == path ? "" : i.Path[(path.Length + 2)..]);
    }

    [Fact]
    public void Damaged_directory_is_one_error_for_the_archive_not_an_exception()
    {
        using var tmp = new TempDir();
        var item = Assert.Single(Walk(tmp, "damaged.zip", HostileZips.DamagedDirectory()));
        Assert.Equal("", item.Key);
        Assert.StartsWith("damaged zip archive", item.Value.Error);
        Assert.Equal(64, item.Value.Hash.Length); // the archive's own hash: recorded once, not retried
    }

    [Fact]
    public void Colliding_names_each_get_a_distinct_stable_path_and_read_back()
    {
        using var tmp = new TempDir();
        var items = Walk(tmp, "c.zip", HostileZips.Colliding());
        output.WriteLine(string.Join("\n", items.Select(i => $"{i.Key}: {i.Value.Error ?? "ok"}")));
        Assert.Equal(new[] { "#entry7", "#entry8", "a/b", "a/b#2", "dup.txt", "dup.txt#2", "x.zip!/y.txt", "x.zip%21/y.txt" },
            items.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("first dup", System.Text.Encoding.UTF8.GetString(items["dup.txt"].Content!));
        Assert.Equal("second dup", System.Text.Encoding.UTF8.GetString(items["dup.txt#2"].Content!));
        Assert.Equal("literal y", System.Text.Encoding.UTF8.GetString(items["x.zip%21/y.txt"].Content!));
        Assert.Equal("nested y", System.Text.Encoding.UTF8.GetString(items["x.zip!/y.txt"].Content!));
        Assert.Equal("zip entry named '..' has no file name; not read", items["#entry7"].Error);
        // The same names again (stable), and each stored path reads back its own entry (verify, report).
        Assert.Equal(items.Keys.Order(), Walk(tmp, "c.zip", HostileZips.Colliding()).Keys.Order());
        var zip = Path.Combine(tmp.Path, "c.zip");
        foreach (var (name, item) in items.Where(i => i.Value.Error is null))
            Assert.Equal(item.Content, ZipSource.ReadBytes(zip + "!/" + name));
    }

    [Fact]
    public void Nul_bad_crc_lying_size_and_long_names_are_handled_per_entry()
    {
        using var tmp = new TempDir();
        var nul = Walk(tmp, "nul.zip", HostileZips.NulInName());
        Assert.Contains("a\uFFFDb.txt", nul.Keys);
        Assert.Null(nul["a\uFFFDb.txt"].Error);

        var crc = Assert.Single(Walk(tmp, "crc.zip", HostileZips.BadCrc()));
        Assert.StartsWith("zip entry is damaged", crc.Value.Error);

        // .NET stops inflating at the header's size: the CRC of what was read then differs, and the entry is an
        // error naming the cause instead of a silently truncated document.
        var under = Assert.Single(Walk(tmp, "under.zip", HostileZips.UnderstatedSize(out _)));
        Assert.Matches("damaged|size", under.Value.Error);
        Assert.Null(under.Value.Content);

        var deep = Assert.Single(Walk(tmp, "deep.zip", HostileZips.LongName()));
        Assert.True(deep.Key.Length > 1100);
        Assert.NotEqual(PathKey.Of(deep.Key), deep.Key);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(PathKey.Of(deep.Key)) < 1000);
    }

    [Fact]
    public void Import_of_hostile_zips_and_special_files_logs_each_once_and_reimports_unchanged()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("in");
        File.WriteAllBytes(Path.Combine(dir, "damaged.zip"), HostileZips.DamagedDirectory());
        File.WriteAllBytes(Path.Combine(dir, "colliding.zip"), HostileZips.Colliding());
        File.WriteAllBytes(Path.Combine(dir, "nul.zip"), HostileZips.NulInName());
        File.WriteAllBytes(Path.Combine(dir, "crc.zip"), HostileZips.BadCrc());
        File.WriteAllBytes(Path.Combine(dir, "deep.zip"), HostileZips.LongName());
        // A folder "w.zip!" beside an archive w.zip holding the same name: two sources, two records.
        File.WriteAllBytes(Path.Combine(dir, "w.zip"), HostileZips.Zip(new[] { ("a.txt", HostileZips.Text("in the zip")) }));
        Directory.CreateDirectory(Path.Combine(dir, "w.zip!"));
        File.WriteAllText(Path.Combine(dir, "w.zip!", "a.txt"), "on disk");
        // Files that are not regular: a FIFO, a link to /dev/zero, a link to /dev (folder of devices).
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(dir, "pipe.txt"))!) mkfifo.WaitForExit();
        File.CreateSymbolicLink(Path.Combine(dir, "zero.docx"), "/dev/zero");
        File.Copy(Corpus.File("synthetic", "proj_self_01.docx"), Path.Combine(dir, "good.docx"));

        var sw = System.Diagnostics.Stopwatch.StartNew();
        var first = JixiaoProcess.Run(TimeSpan.FromMinutes(10), "import", dir, "/dev/zero", "--db", tmp.Db, "--timeout", "300", "--workers", "2");
        output.WriteLine(first.Out + first.Err);
        // No clock: the FIFO and the devices below are refused by type (one line each), which is what keeps the
        // import from blocking on them; the wall time of a loaded box says nothing more.
        Assert.Equal(1, first.ExitCode);
        Assert.DoesNotContain("xception", first.Err);
        Assert.Contains("pipe.txt: failed: not a regular file (FIFO / named pipe)", first.Out);
        Assert.Contains("zero.docx: failed: not a regular file (character device)", first.Out);
        Assert.Contains("/dev/zero: failed: not a regular file (character device)", first.Out);
        Assert.Contains("damaged.zip: failed: damaged zip archive", first.Out);

        using (var archive = Archive.OpenExisting(tmp.Db)!)
        {
            var docs = archive.AllDocuments().ToDictionary(d => d.Path);
            Assert.Equal("on disk", File.ReadAllText(Path.Combine(dir, "w.zip!", "a.txt")));
            Assert.Contains(Path.Combine(dir, "w.zip!", "a.txt"), docs.Keys);
            Assert.Contains(Path.Combine(dir, "w.zip") + "!/a.txt#2", docs.Keys);
            Assert.Contains(docs.Keys, p => p.EndsWith("colliding.zip!/dup.txt#2"));
            Assert.Contains(docs.Keys, p => p.EndsWith("deep.txt") && p.Length > 1100);
            Assert.True(docs[Path.Combine(dir, "good.docx")].FormsCount > 0);
            Assert.Equal(docs.Count, archive.ImportLog().Count); // one line per source, nothing lost
        }
        var verify = JixiaoProcess.Run(TimeSpan.FromMinutes(1), "verify", "--db", tmp.Db);
        output.WriteLine(verify.Out);
        Assert.DoesNotContain("changed on disk", verify.Out);
        Assert.DoesNotContain("missing on disk", verify.Out);

        var again = JixiaoProcess.Run(TimeSpan.FromMinutes(2), "import", dir, "/dev/zero", "--db", tmp.Db, "--timeout", "10");
        output.WriteLine(again.Out);
        Assert.StartsWith("nothing new: 19 file(s) unchanged;", again.Out); // failures recorded once, not retried or flipped
        RobustnessSummary.Record("hostile zips and special files (jixiao import)", 9, $"one line each; re-import changes nothing; {sw.Elapsed.TotalSeconds:0} s");
    }
}
