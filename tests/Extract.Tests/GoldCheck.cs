using System.Text.Json.Nodes;
using Jixiao.Training.Scoring;
using Jixiao.Ingest;

namespace Jixiao.Extract.Tests;

/// <summary>Reads, extracts and scores one document against its gold file, as `jixiao eval` does.</summary>
internal static class GoldCheck
{
    public static double StrictF1(string docPath, string goldPath, List<string> misses)
    {
        var read = DocumentReader.Read(docPath);
        Assert.True(read.Ok, read.Error?.ToString());
        var pred = JsonNode.Parse(CanonicalJson.Serialize(Extractor.Extract(read.Document!)))!;
        var gold = JsonNode.Parse(File.ReadAllText(goldPath))!;
        return Scorer.Strict(Scorer.Compare(gold, pred, misses, Path.GetFileName(goldPath))).Prf().F1;
    }
}
