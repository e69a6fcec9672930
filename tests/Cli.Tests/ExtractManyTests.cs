using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>`jixiao extract` of many files reads them on every core and prints them as one file after another would.</summary>
public sealed class ExtractManyTests
{
    static readonly string[] Files =
    {
        Corpus.File("doc-wild", "Bug50955.doc"),
        Corpus.File("doc-wild", "clusterfuzz-testcase-minimized-POIHWPFFuzzer-5418937293340672.doc"), // damaged: an error line, exit 1
        Corpus.File("synthetic", "proj_target_01.doc"),
        Corpus.File("synthetic", "proj_self_01.docx"),
        Corpus.File("seeds", "001_91b75e353b5723c9.txt"),
        Corpus.File("doc-wild", "53379.doc"),
        Corpus.File("synthetic", "multi_self_old_01.doc"),
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Many_files_in_one_call_print_what_one_call_per_file_prints_in_the_order_given(bool json)
    {
        string[] Args(params string[] files) => json ? ["extract", .. files, "--json"] : ["extract", .. files];
        var each = Files.Select(f => JixiaoProcess.Run(Args(f))).ToList();
        var all = JixiaoProcess.Run(Args(Files));

        Assert.Equal(string.Concat(each.Select(r => r.Out)), all.Out);
        Assert.Equal(string.Concat(each.Select(r => r.Err)), all.Err);
        Assert.Equal(1, all.ExitCode);
        Assert.Equal(1, each.Count(r => r.ExitCode != 0));
        Assert.Contains("damaged .doc", each[1].Err);
        Assert.Equal(Files.Length - 1, each.Count(r => r.Out.Length > 0)); // every readable file printed its forms
    }
}
