using System.Text;
using Jixiao.Tests;
using Xunit.Abstractions;

namespace Jixiao.Robustness.Tests;

/// <summary>
/// Issue 21, case 13 end to end: a text form in UTF-32 (byte-order mark) is read like its UTF-8 original; a form
/// whose lines mix GBK and UTF-8 keeps its indicators (each line decoded in its own encoding) but every value is
/// stored flagged for review with the doubt as its reason, and `show` says so.
/// </summary>
public sealed class EncodingImportTests(ITestOutputHelper output)
{
    static EncodingImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Utf32_is_read_and_mixed_GBK_UTF8_is_stored_flagged_for_review()
    {
        using var tmp = new TempDir();
        var src = tmp.Sub("src");
        var text = File.ReadAllText(Corpus.File("synthetic", "dept_target_01.txt"));
        File.WriteAllText(Path.Combine(src, "utf8.txt"), text);
        var utf32 = new UTF32Encoding(bigEndian: true, byteOrderMark: true);
        File.WriteAllBytes(Path.Combine(src, "utf32.txt"), utf32.GetPreamble().Concat(utf32.GetBytes(text)).ToArray());
        var lines = text.Split('\n');
        int half = lines.Length / 2;
        File.WriteAllBytes(Path.Combine(src, "mixed.txt"),
            Encoding.GetEncoding("GB18030").GetBytes(string.Join('\n', lines[..half]) + "\n")
                .Concat(Encoding.UTF8.GetBytes(string.Join('\n', lines[half..]))).ToArray());

        var import = JixiaoProcess.Run(TimeSpan.FromMinutes(2), "import", src, "--db", tmp.Db);
        output.WriteLine(import.Out + import.Err);
        Assert.Equal(0, import.ExitCode);

        string Show(string name, params string[] more)
        {
            var r = JixiaoProcess.Run(new[] { "show", Path.Combine(src, name), "--db", tmp.Db }.Concat(more).ToArray());
            Assert.Equal(0, r.ExitCode);
            return r.Out;
        }
        var utf8Json = Show("utf8.txt", "--json");
        var utf32Json = Show("utf32.txt", "--json");
        Assert.Contains("信阳市市场监督管理局", utf32Json);
        Assert.Equal(utf8Json.Replace("utf8.txt", "utf32.txt"), utf32Json); // the same facts as the UTF-8 original

        var mixedJson = Show("mixed.txt", "--json");
        output.WriteLine(mixedJson);
        Assert.Contains("信阳市市场监督管理局", mixedJson); // the GBK half decoded, not mojibake
        int utf8Indicators = Count(utf8Json, "\"level3\"");
        Assert.True(utf8Indicators > 0);
        Assert.Equal(utf8Indicators, Count(mixedJson, "\"level3\"")); // no indicator lost
        int budgetFacts = Count(mixedJson, "\"item\"");
        Assert.True(budgetFacts > 0);
        // Each indicator and budget fact flagged, with its reason.
        Assert.Equal(utf8Indicators + budgetFacts, Count(mixedJson, "\"encoding doubtful: mixed"));
        Assert.DoesNotContain("encoding doubtful", utf8Json);

        var shown = Show("mixed.txt");
        output.WriteLine(shown);
        Assert.Contains("NEEDS REVIEW", shown);
        Assert.Contains("encoding doubtful", shown);
        RobustnessSummary.Record("text encodings (UTF-32 BOM, mixed GBK/UTF-8 lines)", 2, "UTF-32 reads as UTF-8; mixed keeps every indicator, each flagged for review");
    }

    static int Count(string s, string what)
    {
        int n = 0;
        for (int i = s.IndexOf(what, StringComparison.Ordinal); i >= 0; i = s.IndexOf(what, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
