using System.Text.Json.Nodes;
using Jixiao.Training.Scoring;

namespace Jixiao.Extract.Tests;

/// <summary>The project's scorer must give tools/score.py's numbers.</summary>
public class ScorerTests
{
    [Fact]
    public void Known_case_matches_score_py()
    {
        // tools/score.py on these two documents prints overall P=0.625 R=0.556 F1=0.588.
        var gold = JsonNode.Parse("""
        {"forms":[{"kind":"项目支出绩效目标表","title":"T","year":2024,"unit":"万元","department":null,"project":"P",
          "fields":{"填报人":"张三"},"budget":[{"item":"资金总额","column":null,"value":"406.950"}],
          "indicators":[{"scope":null,"level1":"产出指标","level2":"数量指标","level3":"份数","target":"≧300份","history":{"2023":"1"}}]}]}
        """)!;
        var pred = JsonNode.Parse("""
        {"forms":[{"kind":"项目支出绩效目标表","title":"T","year":2024,"unit":null,"department":null,"project":"P",
          "fields":{"填报人":"张 三"},"budget":[{"item":"资金总额","column":null,"value":"406.95"}],
          "indicators":[{"scope":null,"level1":"效益指标","level2":"数量指标","level3":"份数","target":"≥300份","history":{"2023":"1"}}]}]}
        """)!;
        var c = Scorer.Compare(gold, pred);
        // form: kind, year, unit(gold only), project → tp 3 of pred 3, gold 4
        Assert.Equal((3, 3, 4), (c["form"].TruePositives, c["form"].Predicted, c["form"].Gold));
        Assert.Equal(1, c["fields"].TruePositives); // whitespace removed
        Assert.Equal(1, c["budget"].TruePositives); // 406.950 = 406.95
        Assert.Equal(0, c["indicators"].TruePositives); // level1 differs: strict misses all three facts
        Assert.Equal(2, c["relaxed"].TruePositives); // relaxed ignores the hierarchy; ≧ reads as ≥
        var (p, r, f) = Scorer.Strict(c).Prf();
        // strict: tp 5, predicted 3+1+1+3 = 8, gold 4+1+1+3 = 9
        Assert.Equal(5 / 8.0, p, 6);
        Assert.Equal(5 / 9.0, r, 6);
        Assert.Equal(0.588, Math.Round(f, 3));
    }

    [Theory]
    [InlineData("406.950", "406.95")]
    [InlineData("100.0%", "100%")]
    [InlineData("1,000", "1000")]
    [InlineData("合  计", "合计")]
    [InlineData("１００％", "100%")]
    public void Norm_agrees_with_score_py(string input, string expected) => Assert.Equal(expected, FactSet.Norm(input));
}
