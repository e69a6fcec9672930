using Jixiao.Cli.Bench;
using Jixiao.Cli.Commands;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Bench;

/// <summary>
/// A small bench run on corpus/seeds: it must finish and report real figures. No timing assertions:
/// speed is what the benchmark measures, not what a test can promise on a shared machine.
/// </summary>
public class BenchRunnerTests
{
    [Fact]
    public void SeedsWithTwoCopies_ReportsTextSpeedImportAndSearchLatency()
    {
        var log = new List<string>();
        var report = BenchRunner.Run(new BenchSettings
        {
            Dir = Corpus.File("seeds"), Replicate = 2, Cores = new[] { 1, 2 }, SearchIndicators = 1000, SearchRuns = 3, ParseRounds = 2,
        }, log.Add);

        var speed = report.Sections.Single(s => s.Title.StartsWith("Speed per format"));
        var text = speed.Rows.Single(r => r[0] == "text");
        Assert.Equal(("2", "0"), (text[1], text[2]));
        foreach (var col in new[] { "parse docs/s", "+extract docs/s", "import docs/s" })
            Assert.True(Positive(text[Array.IndexOf(speed.Headers, col)]), $"{col} = {text[Array.IndexOf(speed.Headers, col)]}");

        // Two seeds x two copies: the text trailer makes every copy new content, so all four are imported in full.
        var scaling = report.Sections.Single(s => s.Title.StartsWith("Import scaling"));
        Assert.Equal(new[] { "1", "2" }, scaling.Rows.Select(r => r[0]));
        Assert.All(scaling.Rows, r => Assert.Equal(("4", "4", "0", "0"), (r[1], r[Col(scaling, "imported")], r[Col(scaling, "dup")], r[Col(scaling, "failed")])));

        var memory = report.Sections.Single(s => s.Title.StartsWith("Import memory"));
        Assert.Equal(2, memory.Rows.Count);
        Assert.Contains(memory.Notes, n => n.Contains("PeakWorkingSet64"));

        var search = report.Sections.Single(s => s.Title.StartsWith("Search latency"));
        Assert.Equal(7, search.Rows.Count);
        // The words users type most (满意度, and 满意 below a trigram) are among the timed queries.
        Assert.Contains(search.Rows, r => r[0] == "2 characters '满意'");
        Assert.All(search.Rows, r => Assert.True(double.Parse(r[Col(search, "median ms")], System.Globalization.CultureInfo.InvariantCulture) > 0));
        Assert.True(int.Parse(search.Rows[0][Col(search, "hits")]) > 0, "the substring query finds the seeds' commonest indicator");
        Assert.Contains(search.Notes, n => n.StartsWith("archive: ") && !n.StartsWith("archive: 0 "));

        var md = new StringWriter();
        report.WriteMarkdown(md, "t");
        Assert.Contains("| text | 2 | 0 |", md.ToString());
        Assert.Contains("## Search latency", md.ToString());
    }

    [Fact]
    public void PeerToolsAreSkippedWithAReasonWhenTheCorpusHasNoSuchFiles()
    {
        var report = BenchRunner.Run(new BenchSettings
        {
            Dir = Corpus.File("seeds"), Cores = Array.Empty<int>(), PerFormatImport = false, VsSoffice = true, VsPdftotext = true, SearchIndicators = 0,
        }, _ => { });

        Assert.DoesNotContain(report.Sections, s => s.Title.StartsWith("Import"));
        Assert.Contains(report.Sections.Single(s => s.Title.StartsWith("Legacy .doc")).Notes, n => n.Contains("skipped"));
        Assert.Contains(report.Sections.Single(s => s.Title.StartsWith("PDF:")).Notes, n => n.Contains("skipped"));
    }

    [Fact]
    public void ImportFormats_ReplicateOnlyThoseFormats()
    {
        var dir = Directory.CreateTempSubdirectory("jixiao-bench-formats-").FullName;
        try
        {
            File.Copy(Corpus.File("synthetic", "proj_self_01.docx"), Path.Combine(dir, "a.docx"));
            File.Copy(Corpus.File("synthetic", "dept_target_01.txt"), Path.Combine(dir, "b.txt"));
            var report = BenchRunner.Run(new BenchSettings
            {
                Dir = dir, MinDocs = 3, Cores = new[] { 2 }, PerFormatImport = false, SearchIndicators = 0, ParseRounds = 1,
                ImportFormats = new HashSet<string> { "docx" },
            }, _ => { });

            // Both files are parsed; only the .docx is copied, three times to reach --min-docs 3.
            Assert.Equal(new[] { "docx", "text", "all" }, report.Sections.Single(s => s.Title.StartsWith("Speed per format")).Rows.Select(r => r[0]));
            var run = report.Sections.Single(s => s.Title.StartsWith("Import scaling")).Rows.Single();
            Assert.Equal("3", run[1]);
            Assert.Contains(report.Sections.Single(s => s.Title == "Replication").Notes, n => n.StartsWith("1 corpus files x 3 copies"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData("1,2", new[] { 1, 2 })]
    [InlineData(" 2 , 1,2", new[] { 2, 1 })]
    public void CoresList_IsParsed(string s, int[] expected)
    {
        Assert.True(BenchCommand.TryCores(s, out var counts));
        Assert.Equal(expected, counts);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("a,2")]
    public void CoresList_RejectsNonPositive(string s) => Assert.False(BenchCommand.TryCores(s, out _));

    [Fact]
    public void Replicas_OfTextFilesHaveDistinctBytes_BinaryCopiesAreExact()
    {
        var dir = Directory.CreateTempSubdirectory("jixiao-repl-").FullName;
        try
        {
            var src = Path.Combine(dir, "src");
            Directory.CreateDirectory(src);
            File.WriteAllText(Path.Combine(src, "a.txt"), "部门整体绩效目标表\n");
            File.WriteAllText(Path.Combine(src, "b.html"), "<html><body>表</body></html>");
            File.WriteAllBytes(Path.Combine(src, "c.pdf"), new byte[] { 1, 2, 3 });
            var files = Directory.GetFiles(src).Order(StringComparer.Ordinal).ToList();
            var copies = Replicator.Run(files, src, 3, Path.Combine(dir, "out"));

            Assert.Equal(9, copies.Count);
            foreach (var g in copies.GroupBy(c => c.Original))
            {
                var hashes = g.Select(c => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(c.Path)))).Distinct().Count();
                Assert.Equal(g.Key.EndsWith(".pdf") ? 1 : 3, hashes);
            }
            Assert.EndsWith("表</body></html>\n<!-- jixiao bench replica 2 -->\n", File.ReadAllText(copies.Single(c => c.Path.Contains("r0002") && c.Path.EndsWith("b.html")).Path));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Replicas_OfADocxHaveDistinctBytes_AndReadTheSame()
    {
        var dir = Directory.CreateTempSubdirectory("jixiao-repl-").FullName;
        try
        {
            var src = Path.Combine(dir, "src");
            Directory.CreateDirectory(src);
            File.Copy(Corpus.File("synthetic", "proj_self_01.docx"), Path.Combine(src, "a.docx"));
            var copies = Replicator.Run(Directory.GetFiles(src), src, 3, Path.Combine(dir, "out"));

            Assert.All(copies, c => Assert.True(c.Distinct));
            Assert.Equal(3, copies.Select(c => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(c.Path)))).Distinct().Count());
            var dumps = copies.Select(c => Ingest.DocumentDump.ToJson(Ingest.DocumentReader.Read(c.Path).Document!)).Distinct().ToList();
            Assert.Single(dumps);
            Assert.Contains("动物疫病防控经费", dumps[0]);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    static int Col(BenchSection s, string header) => Array.IndexOf(s.Headers, header);

    static bool Positive(string cell) =>
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0;
}
