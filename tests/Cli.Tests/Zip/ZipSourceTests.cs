using System.Text;
using Jixiao.Store;

namespace Jixiao.Cli.Tests.Zip;

/// <summary>The zip walker's limits and name decoding, in-process with small limits.</summary>
public class ZipSourceTests
{
    static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    static List<ZipSource.Item> Walk(byte[] zip, ZipLimits limits)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-zip-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, zip);
        try { return ZipSource.Walk(path, limits).ToList().Select(i => i with { Path = i.Path.Length > path.Length ? i.Path[(path.Length + 2)..] : "" }).ToList(); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void NameEncoding_ReadsGb18030AndUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes("目录/绩效目标表.docx");
        Assert.Equal("目录/绩效目标表.docx", ZipNameEncoding.Instance.GetString(gbk));
        Assert.Equal("目录/绩效目标表.docx", ZipNameEncoding.Instance.GetString(Encoding.UTF8.GetBytes("目录/绩效目标表.docx")));
        Assert.Equal("plain/a.txt", ZipNameEncoding.Instance.GetString(Encoding.ASCII.GetBytes("plain/a.txt")));
    }

    [Fact]
    public void Items_CarryBytesAndTheirHash_NamesCleaned()
    {
        var items = Walk(TestZips.Gbk(new[] { ("目录\\表.txt", Text("一")), ("../../etc/二.txt", Text("二")), ("空目录/", Array.Empty<byte>()) }), ZipLimits.Default);
        Assert.Equal(new[] { "目录/表.txt", "etc/二.txt" }, items.Select(i => i.Path));
        Assert.Equal("一", Encoding.UTF8.GetString(items[0].Content!));
        Assert.Equal(ContentHash.Of(new MemoryStream(Text("一"))), items[0].Hash);
        Assert.All(items, i => Assert.Null(i.Error));
    }

    [Fact]
    public void EntryCountLimit_RefusesTheWholeArchiveInOneItem()
    {
        var zip = TestZips.Gbk(Enumerable.Range(0, 12).Select(i => ($"f{i}.txt", Text("x" + i))));
        var item = Assert.Single(Walk(zip, new ZipLimits { MaxEntries = 10 }));
        Assert.Equal("", item.Path);
        Assert.Equal("zip archive holds 12 entries, over the 10 limit (zip bomb?); not read", item.Error);
        Assert.Equal(64, item.Hash.Length); // the archive file's own hash: an unchanged archive stays unchanged
    }

    [Fact]
    public void SizeRatioTotalAndDepthLimits_RefuseOnlyTheEntryConcerned()
    {
        var big = new byte[3 * 1024 * 1024];
        new Random(1).NextBytes(big); // incompressible: passes the ratio check, trips the size check
        var level3 = TestZips.Utf8(new[] { ("deep.txt", Text("deep")) });
        var level2 = TestZips.Utf8(new[] { ("l3.zip", level3), ("ok2.txt", Text("two")) });
        var zip = TestZips.Gbk(new[]
        {
            ("big.bin", big), ("zeros.txt", new byte[2 * 1024 * 1024]), ("ok.txt", Text("one")), ("l2.zip", level2),
        });
        var items = Walk(zip, new ZipLimits { MaxEntryBytes = 2 * 1024 * 1024 + 10, MaxDepth = 1 }).ToDictionary(i => i.Path);
        Assert.StartsWith("zip entry inflates to 3 MB, over the 2 MB limit", items["big.bin"].Error);
        Assert.Contains("over the 200:1 limit (zip bomb?)", items["zeros.txt"].Error);
        Assert.Null(items["ok.txt"].Error);
        Assert.Null(items["l2.zip!/ok2.txt"].Error);
        Assert.Equal("archive nested 2 levels deep, over the 1 limit; not opened", items["l2.zip!/l3.zip"].Error);
        Assert.StartsWith("zip-crc32:", items["big.bin"].Hash);

        var total = Walk(zip, new ZipLimits { MaxTotalBytes = 1024, MaxEntryBytes = 16L << 20 }).ToDictionary(i => i.Path);
        Assert.Contains("in total (zip bomb?)", total["big.bin"].Error);
        Assert.Null(total["ok.txt"].Error);
    }
}
