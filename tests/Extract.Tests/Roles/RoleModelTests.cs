using Jixiao.Training;
using System.Text.Json.Nodes;
using Jixiao.Training.Scoring;

namespace Jixiao.Extract.Tests.Roles;

public class RoleModelTests : IClassFixture<RoleFixture>
{
    readonly RoleFixture _fx;
    public RoleModelTests(RoleFixture fx) => _fx = fx;

    static readonly CellRole[] IndicatorRoles =
    {
        CellRole.Level1Label, CellRole.Level2Label, CellRole.Level3Label, CellRole.TargetValue, CellRole.ActualValue,
        CellRole.WeightValue, CellRole.ScoreValue, CellRole.DeviationText,
    };

    [Fact]
    public void Predicts_the_roles_of_a_held_out_template_above_a_floor()
    {
        var held = RoleFixture.Prepare(RoleFixture.HeldOut);
        int right = 0, total = 0, indicatorRight = 0, indicatorTotal = 0;
        for (int i = 0; i < held.CellFeatures.Count; i++)
        {
            var p = _fx.Models.Roles.Predict(held.CellFeatures[i]);
            var predicted = (CellRole)Array.IndexOf(p, p.Max());
            var truth = (CellRole)held.CellLabels[i];
            total++;
            if (predicted == truth) right++;
            if (!IndicatorRoles.Contains(truth)) continue;
            indicatorTotal++;
            if (predicted == truth) indicatorRight++;
        }
        Assert.True(indicatorTotal > 50);
        // The section rebuild had lowered these to 0.73 / 0.65 (108/160 indicator cells, 14 targets read as weights):
        // the cell features asked the rules' near-miss header match about value cells. Features match column roles
        // by exact spelling again (VocabHits): 189/213 and 147/160 measured.
        Assert.True((double)right / total >= 0.75, $"all cells {right}/{total}");
        Assert.True((double)indicatorRight / indicatorTotal >= 0.85, $"indicator cells {indicatorRight}/{indicatorTotal}");
    }

    [Fact]
    public void Training_twice_gives_identical_predictions()
    {
        var again = RoleTrainer.Train(_fx.Training);
        var held = RoleFixture.Prepare(RoleFixture.HeldOut);
        foreach (var f in held.CellFeatures.Take(200)) Assert.Equal(_fx.Models.Roles.Predict(f), again.Roles.Predict(f));
        var (_, gold) = RoleFixture.Load(RoleFixture.HeldOut);
        var form = FormSignals.Of(gold["forms"]![0]!, withTitle: false).Features();
        Assert.Equal(_fx.Models.Kinds.Predict(form), again.Kinds.Predict(form));
    }

    [Fact]
    public void Predictions_from_parallel_threads_equal_sequential_ones()
    {
        var held = RoleFixture.Prepare(RoleFixture.HeldOut);
        var sequential = held.CellFeatures.Select(f => _fx.Models.Roles.Predict(f)).ToList();
        var parallel = new float[held.CellFeatures.Count][];
        Parallel.For(0, held.CellFeatures.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = _fx.Models.Roles.Predict(held.CellFeatures[i]));
        for (int i = 0; i < sequential.Count; i++) Assert.Equal(sequential[i], parallel[i]);
    }

    [Fact]
    public void The_committed_models_load_and_fit_the_features()
    {
        var shipped = RoleModels.LoadShipped();
        Assert.NotNull(shipped);
        // A feature or role change without `jixiao train` would make the shipped model read the wrong slots.
        Assert.Equal(CellFeatures.Length, shipped!.Roles.Features);
        Assert.Equal(CellRoles.Count, shipped.Roles.Classes);
        Assert.Equal(FormSignals.Length, shipped.Kinds.Features);
        Assert.Equal(FormKind.All.Count, shipped.Kinds.Classes);
        Assert.IsNotType<RulesOnlyOracle>(RoleOracle.Default);
    }

    [Fact]
    public void Unseen_value_headers_are_recovered_by_the_model()
    {
        // proj_self_01 with 年度指标值/实际完成值/分值/得分 renamed to spellings no vocabulary has; the model never saw proj_self.
        var (doc, gold) = RoleFixture.Load(RoleFixture.HeldOut);
        var (renamed, count) = UnseenHeaders.Rewrite(doc);
        Assert.Equal(4, count);
        double rules = F1(gold, Extractor.Extract(renamed, RulesOnlyOracle.Instance));
        double ml = F1(gold, Extractor.Extract(renamed, new ModelOracle(_fx.Models)));
        double shipped = F1(gold, Extractor.Extract(renamed));
        Assert.True(rules < 0.8, $"rules-only {rules}");
        // Lowered to +0.05 after the section rebuild, for the same cause as the held-out floor above (features asked
        // the near-miss header match about values); with exact-spelling features the margin is +0.38 again.
        Assert.True(ml > rules + 0.1, $"rules+ML {ml} vs rules-only {rules}");
        Assert.True(shipped >= 0.95, $"shipped model {shipped}");
        // Values read through guessed columns carry the model's doubt; values under known headers are certain. Asked
        // of the held-out model: the shipped one was trained on this very document and may be sure to two decimals.
        var guessedRows = Extractor.Extract(renamed, new ModelOracle(_fx.Models)).Forms.SelectMany(f => f.Indicators).Where(i => i.Level3 is not null && i.Target is not null).ToList();
        var knownRows = Extractor.Extract(doc).Forms.SelectMany(f => f.Indicators).Where(i => i.Level3 is not null && i.Target is not null).ToList();
        Assert.NotEmpty(guessedRows);
        Assert.All(guessedRows, i => Assert.InRange(i.Confidence!.Value, 0.01, 0.99));
        Assert.All(knownRows, i => Assert.Equal(1.0, i.Confidence));
        // Known headers are the rules' business: the model changes nothing on the original document.
        Assert.Equal(F1(gold, Extractor.Extract(doc, RulesOnlyOracle.Instance)), F1(gold, Extractor.Extract(doc, new ModelOracle(_fx.Models))));
    }

    [Fact]
    public void A_form_without_a_title_gets_its_kind_from_the_model()
    {
        var oracle = new ModelOracle(RoleModels.LoadShipped()!);
        foreach (var (file, kind) in new[] { ("synthetic/proj_self_01.docx", FormKind.ProjectSelfEval), ("synthetic/dept_target_01.txt", FormKind.DepartmentTarget), ("synthetic/proj_target_01.doc", FormKind.ProjectTarget) })
        {
            var (_, gold) = RoleFixture.Load(file);
            var guess = oracle.FormKind(FormSignals.Of(gold["forms"]![0]!, withTitle: false));
            Assert.NotNull(guess);
            Assert.Equal(kind, guess!.Value);
        }
    }

    static double F1(JsonNode gold, ExtractedDocument doc) =>
        Scorer.Strict(Scorer.Compare(gold, JsonNode.Parse(CanonicalJson.Serialize(doc))!)).Prf().F1;
}
