using System.Runtime.InteropServices;
using System.Text;
using Jixiao.Tests;
using Xunit.Abstractions;

namespace Jixiao.Robustness.Tests;

/// <summary>
/// Issue 21, case 14: files (and a folder) whose names are GBK bytes, not UTF-8, written here through libc. They
/// are imported (not "Could not find file"), stored under a printable path with the bad bytes as \xHH, and
/// `show`, `verify` and `report` find the file again by that path.
/// </summary>
public sealed class RawFileNameTests(ITestOutputHelper output)
{
    static RawFileNameTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Files_named_in_GBK_bytes_are_imported_shown_verified_and_reported()
    {
        using var tmp = new TempDir();
        var src = tmp.Sub("src");
        var content = File.ReadAllBytes(Corpus.File("synthetic", "dept_target_01.txt"));
        var gbk = Encoding.GetEncoding("GB18030");
        var dir = Encoding.UTF8.GetBytes(src + "/");
        var fileName = gbk.GetBytes("绩效目标表.txt");                 // not valid UTF-8
        var folderName = gbk.GetBytes("自评");
        Write(dir.Concat(fileName).ToArray(), content);
        Assert.Equal(0, mkdir(Z(dir.Concat(folderName).ToArray()), 0x1ED));
        Write(dir.Concat(folderName).Concat("/inner.txt"u8.ToArray()).ToArray(),
            Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content).Replace("信阳市市场监督管理局", "信阳市财政局")));
        Assert.Contains(Directory.GetFiles(src), f => f.Contains('\uFFFD')); // .NET sees the name only lossily

        var import = JixiaoProcess.Run("import", src, "--db", tmp.Db);
        output.WriteLine(import.Out + import.Err);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("imported 2,", import.Out);
        Assert.DoesNotContain("Could not find", import.Out + import.Err);

        var escapedFile = Path.Combine(src, @"\xBC\xA8\xD0\xA7\xC4\xBF\xB1\xEA\xB1\xED.txt");
        var escapedInner = Path.Combine(src, @"\xD7\xD4\xC6\xC0", "inner.txt");
        var show = JixiaoProcess.Run("show", escapedFile, "--db", tmp.Db);
        output.WriteLine(show.Out + show.Err);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains(escapedFile, show.Out); // the stored path, printable
        Assert.Contains("信阳市市场监督管理局", show.Out);
        var inner = JixiaoProcess.Run("show", escapedInner, "--db", tmp.Db);
        Assert.Equal(0, inner.ExitCode);
        Assert.Contains("信阳市财政局", inner.Out);

        var verify = JixiaoProcess.Run("verify", "--db", tmp.Db);
        output.WriteLine(verify.Out);
        Assert.Equal(0, verify.ExitCode); // found on disk by the stored path, same hash
        Assert.Contains("files: 0 missing, 0 changed since import", verify.Out);

        var again = JixiaoProcess.Run("import", src, "--db", tmp.Db);
        Assert.Contains("nothing new: 2 file(s) unchanged", again.Out); // the same stable path next time

        var report = JixiaoProcess.Run("report", "--all", "--out", Path.Combine(tmp.Path, "report"), "--db", tmp.Db);
        output.WriteLine(report.Out + report.Err);
        Assert.Equal(0, report.ExitCode);
        Assert.DoesNotContain("no longer at this path", File.ReadAllText(Path.Combine(tmp.Path, "report", "index.html")) +
            string.Concat(Directory.GetFiles(Path.Combine(tmp.Path, "report"), "*.html", SearchOption.AllDirectories).Select(File.ReadAllText)));
        RobustnessSummary.Record("file and folder names in GBK bytes", 2, "imported, shown, verified and reported by their \\xHH path");
    }

    static byte[] Z(byte[] path) => path.Concat(new byte[] { 0 }).ToArray();

    static void Write(byte[] path, byte[] content)
    {
        int fd = open(Z(path), 0x1 | 0x40 | 0x200, 0x1A4); // O_WRONLY|O_CREAT|O_TRUNC, 0644
        Assert.True(fd >= 0, $"open failed: errno {Marshal.GetLastPInvokeError()}");
        try { Assert.Equal(content.Length, (int)write(fd, content, content.Length)); }
        finally { close(fd); }
    }

    [DllImport("libc", SetLastError = true)] static extern int open(byte[] path, int flags, int mode);
    [DllImport("libc", SetLastError = true)] static extern nint write(int fd, byte[] buffer, nint count);
    [DllImport("libc")] static extern int close(int fd);
    [DllImport("libc", SetLastError = true)] static extern int mkdir(byte[] path, int mode);
}
