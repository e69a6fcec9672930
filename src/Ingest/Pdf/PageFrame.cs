using UglyToad.PdfPig.Core;

namespace Jixiao.Ingest.Pdf;

/// <summary>
/// Maps PDF user space (y up, unrotated) to the upright page a reader sees (y down). Two rotations
/// compose: the page's /Rotate and, for landscape tables printed sideways, the dominant text direction.
/// Quarter turns only; everything else is read as horizontal.
/// </summary>
internal sealed class PageFrame
{
    readonly double _left, _bottom, _width, _height;
    readonly int _turns; // clockwise quarter turns applied to the unrotated page

    public PageFrame(PdfRectangle mediaBox, int clockwiseDegrees)
    {
        _left = mediaBox.Left;
        _bottom = mediaBox.Bottom;
        _width = mediaBox.Width;
        _height = mediaBox.Height;
        _turns = ((clockwiseDegrees / 90) % 4 + 4) % 4;
    }

    public int Turns => _turns;
    public double Width => _turns % 2 == 0 ? _width : _height;
    public double Height => _turns % 2 == 0 ? _height : _width;

    /// <summary>The unrotated page point (x, y up) as an upright (X, Y down) point.</summary>
    public (double X, double Y) Map(double x, double y)
    {
        x -= _left;
        y -= _bottom;
        return _turns switch
        {
            1 => (y, x),
            2 => (_width - x, y),
            3 => (_height - y, _width - x),
            _ => (x, _height - y),
        };
    }

    public Box Map(PdfRectangle r)
    {
        var (x1, y1) = Map(r.Left, r.Bottom);
        var (x2, y2) = Map(r.Right, r.Top);
        return new Box(Math.Min(x1, x2), Math.Min(y1, y2), Math.Max(x1, x2), Math.Max(y1, y2));
    }
}
