using System.Text.Json.Nodes;
using Jixiao.Training.Scoring;
using Jixiao.Ingest;
using Jixiao.Tests;

namespace Jixiao.Extract.Tests;

/// <summary>
/// The same document in another format (converted by LibreOffice, see corpus/pairs/PROVENANCE-formats.tsv)
/// must yield the same facts as the original: format differences belong to the parsers, not the extractor.
/// </summary>
public class FormatPairTests
{
    /// <summary>Original under corpus/synthetic, its conversion under corpus/pairs.</summary>
    public static TheoryData<string, string> Pairs() => new()
    {
        { "proj_self_01.docx", "proj_self_01.lo.html" },
        { "proj_self_01.docx", "proj_self_01.lo.doc" },
        { "proj_target_02.xlsx", "proj_target_02.lo.xls" },
        { "proj_target_02.xlsx", "proj_target_02.lo.html" },
        { "transfer_01.html", "transfer_01.lo.docx" },
        // The .doc reader against the .docx reader on the same document.
        { "proj_target_01.doc", "proj_target_01.lo.docx" },
        { "multi_self_old_01.doc", "multi_self_old_01.lo.docx" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Both_formats_give_the_same_facts_in_every_section(string original, string converted)
    {
        var a = FactSet.Of(ExtractJson(Corpus.File("synthetic", original)));
        var b = FactSet.Of(ExtractJson(Corpus.File("pairs", converted)));
        Assert.NotEmpty(a["indicators"]);
        foreach (var section in FactSet.Sections)
        {
            var onlyA = a[section].Except(b[section]).Order(StringComparer.Ordinal).ToList();
            var onlyB = b[section].Except(a[section]).Order(StringComparer.Ordinal).ToList();
            Assert.True(onlyA.Count == 0 && onlyB.Count == 0,
                $"{section}: only in {original}:\n  {string.Join("\n  ", onlyA)}\nonly in {converted}:\n  {string.Join("\n  ", onlyB)}");
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Both_formats_meet_the_originals_gold(string original, string converted)
    {
        var gold = JsonNode.Parse(File.ReadAllText(Corpus.File("synthetic", Path.GetFileNameWithoutExtension(original) + ".gold.json")))!;
        foreach (var path in new[] { Corpus.File("synthetic", original), Corpus.File("pairs", converted) })
        {
            var misses = new List<string>();
            var f1 = Scorer.Strict(Scorer.Compare(gold, ExtractJson(path), misses, Path.GetFileName(path))).Prf().F1;
            Assert.True(f1 >= 0.97, $"{Path.GetFileName(path)}: F1 {f1:0.000} < 0.97\n" + string.Join("\n", misses.Take(20)));
        }
    }

    static JsonNode ExtractJson(string path)
    {
        var read = DocumentReader.Read(path);
        Assert.True(read.Ok, read.Error?.ToString());
        return JsonNode.Parse(CanonicalJson.Serialize(Extractor.Extract(read.Document!)))!;
    }
}
