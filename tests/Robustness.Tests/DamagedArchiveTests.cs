using System.Text;
using Jixiao.Tests;
using Xunit.Abstractions;

namespace Jixiao.Robustness.Tests;

/// <summary>Issue 21: a damaged archive gives one line naming the damage, verify finds it, rebuild re-creates the archive.</summary>
public sealed class DamagedArchiveTests(ITestOutputHelper output)
{
    static void NoStackTrace(JixiaoProcess.Result r)
    {
        Assert.DoesNotContain("   at ", r.Err);
        Assert.DoesNotContain("Unhandled", r.Err);
    }

    [Fact]
    public void Cut_zeroed_and_flipped_archives_are_reported_in_one_line_and_rebuilt()
    {
        using var tmp = new TempDir();
        var src = tmp.Sub("src");
        File.Copy(Corpus.File("synthetic", "proj_self_01.docx"), Path.Combine(src, "proj_self_01.docx"));
        Assert.Equal(0, JixiaoProcess.Run("import", src, "--db", tmp.Db).ExitCode);
        var good = File.ReadAllBytes(tmp.Db);
        Assert.Equal(0, good.Length % 8192);

        string Damaged(string name, Action<byte[]> damage, int cut = 0)
        {
            var b = (byte[])good.Clone();
            damage(b);
            var path = Path.Combine(tmp.Path, name);
            File.WriteAllBytes(path, b[..^cut]);
            return path;
        }
        var cutDb = Damaged("cut.db", _ => { }, cut: 1);
        var zeroDb = Damaged("zero.db", b => Array.Clear(b, b.Length - 2 * 8192, 8192));
        var fact = Encoding.UTF8.GetBytes("全年执行数");
        int at = good.AsSpan().IndexOf(fact);
        Assert.True(at > 0, "the archive holds no 全年执行数");
        var flipDb = Damaged("flip.db", b => b[at] ^= 0x01);

        var cutVerify = JixiaoProcess.Run("verify", "--db", cutDb);
        output.WriteLine(cutVerify.Out + cutVerify.Err);
        Assert.Equal(1, cutVerify.ExitCode); // an archive cut by one byte does not verify ok
        Assert.Contains("not a whole number of 8 KB pages", cutVerify.Err);
        NoStackTrace(cutVerify);
        var cutImport = JixiaoProcess.Run("import", src, "--db", cutDb);
        Assert.Equal(1, cutImport.ExitCode); // import does not crop it or start a new archive over it
        Assert.Contains("damaged", cutImport.Err);
        Assert.Equal(good.Length - 1, new FileInfo(cutDb).Length);

        var zeroVerify = JixiaoProcess.Run("verify", "--no-files", "--db", zeroDb);
        output.WriteLine(zeroVerify.Out + zeroVerify.Err);
        Assert.Equal(1, zeroVerify.ExitCode);
        Assert.Contains("is all zeros", zeroVerify.Out);
        foreach (var args in new[] { new[] { "search", "满意度" }, new[] { "export", "--format", "jsonl", "--out", Path.Combine(tmp.Path, "x.jsonl") } })
            foreach (var db in new[] { zeroDb, flipDb })
            {
                var r = JixiaoProcess.Run(args.Concat(new[] { "--db", db }).ToArray());
                output.WriteLine($"{string.Join(' ', args)} on {Path.GetFileName(db)}: exit {r.ExitCode} {r.Err}");
                NoStackTrace(r);
                if (r.ExitCode != 0) Assert.Single(r.Err.Trim().Split('\n'));
            }

        var flipVerify = JixiaoProcess.Run("verify", "--no-files", "--db", flipDb);
        output.WriteLine(flipVerify.Out + flipVerify.Err);
        Assert.Equal(1, flipVerify.ExitCode); // one flipped bit in a fact is found
        Assert.Matches("checksum|damaged archive", flipVerify.Out);

        var rebuild = JixiaoProcess.Run("rebuild", "--db", flipDb);
        output.WriteLine(rebuild.Out + rebuild.Err);
        Assert.Equal(0, rebuild.ExitCode);
        Assert.Contains("1 imported", rebuild.Out);
        Assert.Equal(0, JixiaoProcess.Run("verify", "--db", flipDb).ExitCode);
        Assert.Single(Directory.GetFiles(tmp.Path, "flip.db.damaged-*"));
        RobustnessSummary.Record("damaged archives (cut by 1 byte, zeroed page, one flipped bit in a fact)", 3, "verify reports each; no stack trace; rebuild verifies ok");
    }

    [Fact]
    public void An_archive_cut_below_its_first_pages_is_rebuilt_from_the_import_roots_listed_beside_it()
    {
        using var tmp = new TempDir();
        var src = tmp.Sub("src");
        File.Copy(Corpus.File("synthetic", "proj_self_01.docx"), Path.Combine(src, "proj_self_01.docx"));
        Assert.Equal(0, JixiaoProcess.Run("import", src, "--db", tmp.Db).ExitCode);
        Assert.Equal(new[] { Path.GetFullPath(src) }, File.ReadAllLines(tmp.Db + ".sources"));
        var before = JixiaoProcess.Run("search", "满意度", "--db", tmp.Db, "--json").Out;

        // Half a page left: the header, the import log and the document list are all gone.
        using (var f = new FileStream(tmp.Db, FileMode.Open)) f.SetLength(4096);
        var search = JixiaoProcess.Run("search", "满意度", "--db", tmp.Db);
        NoStackTrace(search);
        Assert.NotEqual(0, search.ExitCode);
        Assert.Contains("damaged", search.Err);

        var rebuild = JixiaoProcess.Run("rebuild", "--db", tmp.Db);
        output.WriteLine(rebuild.Out + rebuild.Err);
        NoStackTrace(rebuild);
        Assert.Equal(0, rebuild.ExitCode);
        Assert.Contains("import root(s) listed in", rebuild.Out);
        Assert.Contains("1 imported", rebuild.Out);
        Assert.Equal(0, JixiaoProcess.Run("verify", "--db", tmp.Db).ExitCode);
        Assert.Equal(before, JixiaoProcess.Run("search", "满意度", "--db", tmp.Db, "--json").Out);
    }
}
