using Jixiao.Training;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Jixiao.Extract;
using Jixiao.Training.Scoring;

namespace Jixiao.Cli.Commands;

/// <summary>
/// `jixiao eval --cv DIR…`: leave-one-template-out. For every template family (corpus/templates.tsv),
/// the models are trained without it and its documents extracted with rules + those models; the rules-only
/// baseline and the in-sample score (models trained on everything) are printed in the same run, so the
/// model's gain and its generalization are both visible. Scores are the same <see cref="Scorer"/> as eval.
/// </summary>
internal static class EvalCrossValidation
{
    public sealed record Result(Counts RulesOnly, Counts InSample, Counts Loto, Dictionary<string, (Counts Rules, Counts Loto, Counts InSample)> Families,
        double RulesDocsPerSecond, double ModelDocsPerSecond, Counts UnseenRules, Counts UnseenLoto, int UnseenRenamed, double UnseenModelDocsPerSecond,
        Dictionary<string, (Counts Rules, Counts Loto)> UnseenFamilies);

    public static int Run(string[] dirs, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        // Checked before any document is read: a document without its family would be scored by models
        // trained on its own template, so the run stops instead of printing a flattering LOTO.
        var problems = TemplateFamilies.Load(dirs).Problems(TrainCorpus.GoldFiles(dirs).Select(TrainCorpus.Stem));
        if (problems.Count > 0)
        {
            Console.Error.WriteLine($"jixiao eval --cv: {problems.Count} gold documents without exactly one template family (list each in corpus/templates.tsv with the documents of its book, template or publisher layout):");
            foreach (var p in problems) Console.Error.WriteLine("  " + p);
            return 2;
        }
        var corpus = TrainCorpus.Load(dirs);
        if (corpus.Entries.Count == 0) { Console.Error.WriteLine("jixiao eval --cv: no readable gold documents"); return 1; }
        output.WriteLine($"{corpus.Entries.Count} gold documents in {corpus.Entries.Select(e => e.Family).Distinct().Count()} template families (read in {clock.Elapsed.TotalSeconds:0.0} s)");
        foreach (var s in corpus.Skipped) output.WriteLine($"skipped {s}: source not readable");
        var result = Evaluate(corpus, output);
        output.WriteLine();
        output.WriteLine($"{"family",-28} {"docs",4}  {"rules",6}  {"LOTO",6}  {"in-sample",9}  {"unseen headers: rules",21}  {"LOTO",6}");
        foreach (var (family, (rules, loto, inSample)) in result.Families.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var (ur, ul) = result.UnseenFamilies[family];
            output.WriteLine($"{family,-28} {corpus.Entries.Count(e => e.Family == family),4}  {F(rules),6}  {F(loto),6}  {F(inSample),9}  {F(ur),21}  {F(ul),6}");
        }
        output.WriteLine();
        Line(output, "rules-only baseline", result.RulesOnly);
        Line(output, "in-sample rules+ML", result.InSample);
        Line(output, "LOTO rules+ML", result.Loto);
        output.WriteLine($"unseen value headers ({result.UnseenRenamed} header cells renamed: {string.Join(", ", UnseenHeaders.Synonyms.Values)}):");
        Line(output, "  rules-only", result.UnseenRules);
        Line(output, "  LOTO rules+ML", result.UnseenLoto);
        output.WriteLine($"extract speed (cached sources, 1 thread): rules-only {result.RulesDocsPerSecond:0.0} docs/s, rules+ML {result.ModelDocsPerSecond:0.0} docs/s, rules+ML on renamed headers (model asked) {result.UnseenModelDocsPerSecond:0.0} docs/s");
        output.WriteLine($"time {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    public static Result Evaluate(TrainCorpus corpus, TextWriter? log = null)
    {
        var entries = corpus.Entries;
        var families = entries.Select(e => e.Family).Distinct().Order(StringComparer.Ordinal).ToList();
        var all = RoleTrainer.Train(entries.Select(e => e.Training).ToList());
        var inSampleOracle = new ModelOracle(all);
        var rules = entries.Select(e => Score(e, RulesOnlyOracle.Instance)).ToArray();
        var inSample = entries.Select(e => Score(e, inSampleOracle)).ToArray();
        var loto = new Counts[entries.Count];
        // The same documents with their value headers renamed to spellings no vocabulary has (UnseenHeaders).
        var unseen = entries.Select(e => UnseenHeaders.Rewrite(e.Source)).ToArray();
        var unseenRules = entries.Select((e, i) => Score(e with { Source = unseen[i].Doc }, RulesOnlyOracle.Instance)).ToArray();
        var unseenLoto = new Counts[entries.Count];
        // Folds are independent and each trains on one thread: two at a time on a 2-core box, same models as one at a time.
        Parallel.ForEach(families, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, family =>
        {
            var train = entries.Where(e => e.Family != family).Select(e => e.Training).ToList();
            IRoleOracle oracle = train.Count == 0 ? RulesOnlyOracle.Instance : new ModelOracle(RoleTrainer.Train(train));
            for (int i = 0; i < entries.Count; i++)
                if (entries[i].Family == family)
                {
                    loto[i] = Score(entries[i], oracle);
                    unseenLoto[i] = Score(entries[i] with { Source = unseen[i].Doc }, oracle);
                }
            log?.WriteLine($"fold {family}: trained on {train.Count} documents");
        });
        var perFamily = families.ToDictionary(f => f, f =>
        {
            Counts Sum(Counts[] c) { var s = new Counts(); for (int i = 0; i < entries.Count; i++) if (entries[i].Family == f) s.Add(c[i]); return s; }
            return (Sum(rules), Sum(loto), Sum(inSample));
        });
        // Alternating rounds, best of each: a shared machine's noise hits both alike.
        double rulesSpeed = 0, modelSpeed = 0, unseenSpeed = 0;
        var renamed = entries.Select((e, i) => e with { Source = unseen[i].Doc }).ToList();
        for (int round = 0; round < 3; round++)
        {
            rulesSpeed = Math.Max(rulesSpeed, Speed(entries, RulesOnlyOracle.Instance));
            modelSpeed = Math.Max(modelSpeed, Speed(entries, inSampleOracle));
            unseenSpeed = Math.Max(unseenSpeed, Speed(renamed, inSampleOracle));
        }
        var unseenFamilies = families.ToDictionary(f => f, f =>
        {
            Counts Sum(Counts[] c) { var s = new Counts(); for (int i = 0; i < entries.Count; i++) if (entries[i].Family == f) s.Add(c[i]); return s; }
            return (Sum(unseenRules), Sum(unseenLoto));
        });
        return new Result(Total(rules), Total(inSample), Total(loto), perFamily,
            rulesSpeed, modelSpeed, Total(unseenRules), Total(unseenLoto), unseen.Sum(u => u.Renamed), unseenSpeed, unseenFamilies);
    }

    static Counts Score(TrainCorpus.Entry e, IRoleOracle oracle)
    {
        var pred = JsonNode.Parse(CanonicalJson.Serialize(Extractor.Extract(e.Source, oracle)))!;
        return Scorer.Strict(Scorer.Compare(e.Gold, pred, null, e.Stem));
    }

    /// <summary>Documents per second extracting every cached source a few times on one thread (no parsing).</summary>
    static double Speed(List<TrainCorpus.Entry> entries, IRoleOracle oracle)
    {
        foreach (var e in entries) Extractor.Extract(e.Source, oracle);
        var clock = Stopwatch.StartNew();
        int docs = 0;
        do
        {
            foreach (var e in entries) { Extractor.Extract(e.Source, oracle); docs++; }
        } while (clock.Elapsed.TotalSeconds < 1);
        return docs / clock.Elapsed.TotalSeconds;
    }

    static Counts Total(Counts[] counts)
    {
        var t = new Counts();
        foreach (var c in counts) t.Add(c);
        return t;
    }

    static string F(Counts c) => $"{Math.Round(c.Prf().F1, 4, MidpointRounding.ToEven):0.000}";

    static void Line(TextWriter o, string name, Counts c)
    {
        var (p, r, f) = c.Prf();
        o.WriteLine($"{name,-22} P={R4(p):0.000} R={R4(r):0.000} F1={R4(f):0.000}");
    }

    static double R4(double x) => Math.Round(x, 4, MidpointRounding.ToEven);
}
