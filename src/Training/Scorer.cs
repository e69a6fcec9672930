using System.Text.Json.Nodes;

namespace Jixiao.Training.Scoring;

/// <summary>True positives, predicted and gold counts of one section.</summary>
public sealed class Counts
{
    public int TruePositives, Predicted, Gold;

    public void Add(Counts o)
    {
        TruePositives += o.TruePositives;
        Predicted += o.Predicted;
        Gold += o.Gold;
    }

    /// <summary>score.py's prf(): empty prediction of an empty gold is perfect.</summary>
    public (double P, double R, double F1) Prf()
    {
        double p = Predicted > 0 ? (double)TruePositives / Predicted : Gold == 0 ? 1.0 : 0.0;
        double r = Gold > 0 ? (double)TruePositives / Gold : 1.0;
        double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
        return (p, r, f);
    }
}

/// <summary>Compares a prediction with its gold the way tools/score.py does.</summary>
public static class Scorer
{
    public static Dictionary<string, Counts> Compare(JsonNode gold, JsonNode pred, List<string>? misses = null, string name = "")
    {
        var g = FactSet.Of(gold);
        var p = FactSet.Of(pred);
        var result = new Dictionary<string, Counts>();
        foreach (var s in FactSet.Sections)
        {
            var tp = g[s].Intersect(p[s]).Count();
            result[s] = new Counts { TruePositives = tp, Predicted = p[s].Count, Gold = g[s].Count };
            if (misses is null) continue;
            foreach (var f in g[s].Except(p[s]).Order(StringComparer.Ordinal)) misses.Add($"{name}\tMISSING\t{s}\t{f}");
            foreach (var f in p[s].Except(g[s]).Order(StringComparer.Ordinal)) misses.Add($"{name}\tEXTRA\t{s}\t{f}");
        }
        return result;
    }

    /// <summary>Strict overall counts: every section but "relaxed".</summary>
    public static Counts Strict(Dictionary<string, Counts> sections)
    {
        var total = new Counts();
        foreach (var (s, c) in sections)
            if (s != "relaxed") total.Add(c);
        return total;
    }
}
