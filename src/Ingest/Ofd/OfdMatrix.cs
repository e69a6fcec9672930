namespace Jixiao.Ingest.Ofd;

/// <summary>
/// An OFD CTM "a b c d e f": x' = a·x + c·y + e, y' = b·x + d·y + f, in millimetres with y down.
/// A graphic unit's own coordinates go through its CTM and are then offset by its Boundary's origin.
/// </summary>
internal readonly record struct OfdMatrix(double A, double B, double C, double D, double E, double F)
{
    public static readonly OfdMatrix Identity = new(1, 0, 0, 1, 0, 0);

    public static OfdMatrix Parse(string? ctm)
    {
        var n = OfdXml.Numbers(ctm);
        return n.Length == 6 ? new OfdMatrix(n[0], n[1], n[2], n[3], n[4], n[5]) : Identity;
    }

    public static OfdMatrix Translate(double x, double y) => new(1, 0, 0, 1, x, y);

    public (double X, double Y) Apply(double x, double y) => (A * x + C * y + E, B * x + D * y + F);

    /// <summary>This transform followed by <paramref name="then"/>.</summary>
    public OfdMatrix Then(OfdMatrix then) => new(
        A * then.A + B * then.C, A * then.B + B * then.D,
        C * then.A + D * then.C, C * then.B + D * then.D,
        E * then.A + F * then.C + then.E, E * then.B + F * then.D + then.F);

    /// <summary>How much a length grows (the square root of the determinant's size).</summary>
    public double Scale => Math.Sqrt(Math.Abs(A * D - B * C));
}
