using System.Text.Json.Nodes;
using Jixiao.Training.Scoring;
using Jixiao.Ingest;
using Jixiao.Tests;
using Jixiao.Tests.Ofd;

namespace Jixiao.Extract.Tests;

/// <summary>
/// OFD 绩效表: the synthetic PDF forms written as OFD (test-only OfdWriter, from the PDF's own text runs
/// and rules; rules on the page or on template pages, upright or turned sideways) score F1 1.00 against the
/// PDFs' gold and give exactly the PDF's facts in every section.
/// </summary>
public class OfdTwinFactTests
{
    public static TheoryData<string, bool, bool> Twins() => new()
    {
        { "dept_target_03.pdf", false, false },
        { "proj_self_02.pdf", true, false },
        { "long_target_01.pdf", false, true },
    };

    [Theory]
    [MemberData(nameof(Twins))]
    public void The_OFD_twin_scores_1_00_and_gives_the_PDFs_facts(string pdf, bool rulesInTemplate, bool sideways)
    {
        var dir = Directory.CreateTempSubdirectory("jixiao-ofd-");
        try
        {
            var ofd = Path.Combine(dir.FullName, Path.ChangeExtension(pdf, ".ofd"));
            File.WriteAllBytes(ofd, OfdWriter.FromPdf(Corpus.File("synthetic", pdf), rulesInTemplate, sideways, withSealAndAttachment: true).Build());
            var misses = new List<string>();
            var f1 = GoldCheck.StrictF1(ofd, Corpus.File("synthetic", Path.ChangeExtension(pdf, ".gold.json")), misses);
            Assert.True(f1 == 1.0, $"F1 {f1:0.000}\n" + string.Join("\n", misses.Take(20)));

            var a = FactSet.Of(ExtractJson(Corpus.File("synthetic", pdf)));
            var b = FactSet.Of(ExtractJson(ofd));
            foreach (var section in FactSet.Sections)
                Assert.True(a[section].SetEquals(b[section]), $"{section}: only in PDF: {string.Join("; ", a[section].Except(b[section]).Take(5))} only in OFD: {string.Join("; ", b[section].Except(a[section]).Take(5))}");
            Assert.NotEmpty(b["indicators"]);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    static JsonNode ExtractJson(string path)
    {
        var read = DocumentReader.Read(path);
        Assert.True(read.Ok, read.Error?.ToString());
        return JsonNode.Parse(CanonicalJson.Serialize(Extractor.Extract(read.Document!)))!;
    }
}
