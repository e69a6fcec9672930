using System.Text.Json.Nodes;
using Jixiao.Extract.Scoring;
using Jixiao.Ingest;
using Jixiao.Tests;

namespace Jixiao.Extract.Tests;

/// <summary>
/// The same document in two formats gives the same facts: each synthetic .doc against the .docx
/// LibreOffice made of it (corpus/pairs/, see PROVENANCE.tsv). Both readings also meet the .doc's gold.
/// </summary>
public class FormatPairTests
{
    [Theory]
    [InlineData("proj_target_01")]
    [InlineData("multi_self_old_01")]
    public void Doc_and_its_docx_twin_give_identical_facts(string stem)
    {
        var doc = Facts(Corpus.File("synthetic", stem + ".doc"), "doc");
        var docx = Facts(Corpus.File("pairs", stem + ".docx"), "docx");

        var docFacts = FactSet.Of(doc);
        var docxFacts = FactSet.Of(docx);
        Assert.NotEmpty(docFacts["indicators"]);
        foreach (var section in FactSet.Sections)
        {
            var onlyDoc = docFacts[section].Except(docxFacts[section]).Order(StringComparer.Ordinal).ToList();
            var onlyDocx = docxFacts[section].Except(docFacts[section]).Order(StringComparer.Ordinal).ToList();
            Assert.True(onlyDoc.Count == 0 && onlyDocx.Count == 0,
                $"{stem} {section}: only in .doc: {string.Join("; ", onlyDoc.Take(5))} | only in .docx: {string.Join("; ", onlyDocx.Take(5))}");
        }

        var gold = JsonNode.Parse(File.ReadAllText(Corpus.File("synthetic", stem + ".gold.json")))!;
        foreach (var (format, pred) in new[] { ("doc", doc), ("docx", docx) })
        {
            var misses = new List<string>();
            var f1 = Scorer.Strict(Scorer.Compare(gold, pred, misses, stem)).Prf().F1;
            Assert.True(f1 >= 0.97, $"{stem}.{format}: F1 {f1:0.000} < 0.97\n" + string.Join("\n", misses.Take(20)));
        }
    }

    static JsonNode Facts(string path, string format)
    {
        var read = DocumentReader.Read(path);
        Assert.True(read.Ok, read.Error?.ToString());
        Assert.Equal(format, read.Document!.Format);
        return JsonNode.Parse(CanonicalJson.Serialize(Extractor.Extract(read.Document)))!;
    }
}
