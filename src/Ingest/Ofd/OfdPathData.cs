namespace Jixiao.Ingest.Ofd;

/// <summary>
/// OFD AbbreviatedData (GB/T 33190 §9.3.2): S/M x y start a subpath, L x y draws a line, Q (2 points),
/// B (3 points) and A (7 numbers) draw curves to their last point, C closes the subpath. Only the
/// corner points and which segments are straight matter here: curves are never table rules.
/// </summary>
internal static class OfdPathData
{
    internal sealed class Subpath
    {
        public List<(double X, double Y)> Points { get; } = new();
        /// <summary>Straight[i]: the segment from Points[i] to Points[i+1] is a line.</summary>
        public List<bool> Straight { get; } = new();
        public bool Closed { get; set; }
    }

    /// <summary>A path with more points than this is artwork (glyph outlines, seals), not rules.</summary>
    const int MaxPoints = 20_000;

    public static List<Subpath> Subpaths(string? data)
    {
        var result = new List<Subpath>();
        if (string.IsNullOrWhiteSpace(data)) return result;
        var tokens = data.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        Subpath? current = null;
        int points = 0;
        int i = 0;
        double[] Take(int n)
        {
            var v = new double[n];
            for (int k = 0; k < n; k++)
            {
                var num = i < tokens.Length ? OfdXml.Numbers(tokens[i]) : Array.Empty<double>();
                if (num.Length != 1) return Array.Empty<double>();
                v[k] = num[0];
                i++;
            }
            return v;
        }
        while (i < tokens.Length && points < MaxPoints)
        {
            var op = tokens[i++];
            switch (op)
            {
                case "S" or "M":
                {
                    var p = Take(2);
                    if (p.Length == 0) return result;
                    current = new Subpath();
                    current.Points.Add((p[0], p[1]));
                    result.Add(current);
                    break;
                }
                case "L" or "Q" or "B" or "A":
                {
                    int n = op switch { "L" => 2, "Q" => 4, "B" => 6, _ => 7 };
                    var p = Take(n);
                    if (p.Length == 0) return result;
                    if (current is null) { current = new Subpath(); current.Points.Add((0, 0)); result.Add(current); }
                    current.Points.Add((p[n - 2], p[n - 1]));
                    current.Straight.Add(op == "L");
                    points++;
                    break;
                }
                case "C":
                    if (current is not null) current.Closed = true;
                    current = null;
                    break;
                default:
                    return result; // unknown operator: the rest cannot be aligned
            }
        }
        return result;
    }
}
