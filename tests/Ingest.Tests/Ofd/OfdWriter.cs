using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;

namespace Jixiao.Tests.Ofd;

/// <summary>
/// Test-only OFD writer (GB/T 33190-2016 layout as producers write it): OFD.xml → Doc_0/Document.xml →
/// Pages/Page_N/Content.xml, fonts in PublicRes.xml, text as TextObjects with a Boundary and TextCode
/// X/Y/DeltaX (runs of equal advances written with the "g n v" shorthand), rules as PathObjects with
/// AbbreviatedData. Options put each page's rules on a TemplatePage, or turn every page a quarter turn
/// with CTMs (a table printed sideways). <see cref="FromPdf"/> takes the text and rules of a PDF, so a
/// corpus PDF form gets its OFD twin.
/// </summary>
internal sealed class OfdWriter
{
    internal sealed record Run(string Text, double X, double Y, double Size, double[] Advances);
    internal sealed record Line(double X0, double Y0, double X1, double Y1);
    internal sealed class Page
    {
        public required double Width { get; init; }
        public required double Height { get; init; }
        public List<Run> Runs { get; } = new();
        public List<Line> Lines { get; } = new();
    }

    public List<Page> Pages { get; } = new();
    public bool RulesInTemplate { get; init; }
    public bool Sideways { get; init; }
    /// <summary>Adds a seal signature entry, an annotation and an attachment that must not leak into the text.</summary>
    public bool WithSealAndAttachment { get; init; }

    static readonly XNamespace Ofd = "http://www.ofdspec.org/2016";
    static string N(double v) => Math.Round(v, 3).ToString(CultureInfo.InvariantCulture);

    int _id = 10;

    public byte[] Build()
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            var body = new XElement(Ofd + "DocBody",
                new XElement(Ofd + "DocInfo", new XElement(Ofd + "DocID", "0123456789abcdef"), new XElement(Ofd + "Creator", "jixiao tests")),
                new XElement(Ofd + "DocRoot", "Doc_0/Document.xml"));
            if (WithSealAndAttachment) body.Add(new XElement(Ofd + "Signatures", "Doc_0/Signs/Signatures.xml"));
            Put(zip, "OFD.xml", new XElement(Ofd + "OFD", new XAttribute(XNamespace.Xmlns + "ofd", Ofd), new XAttribute("Version", "1.0"), new XAttribute("DocType", "OFD"), body));
            Put(zip, "Doc_0/PublicRes.xml", new XElement(Ofd + "Res", new XAttribute(XNamespace.Xmlns + "ofd", Ofd), new XAttribute("BaseLoc", "Res"),
                new XElement(Ofd + "Fonts", new XElement(Ofd + "Font", new XAttribute("ID", "1"), new XAttribute("FontName", "宋体"), new XAttribute("FamilyName", "宋体")))));

            var common = new XElement(Ofd + "CommonData", new XElement(Ofd + "MaxUnitID", 1_000_000),
                new XElement(Ofd + "PageArea", new XElement(Ofd + "PhysicalBox", "0 0 210 297")),
                new XElement(Ofd + "PublicRes", "PublicRes.xml"));
            var pages = new XElement(Ofd + "Pages");
            for (int i = 0; i < Pages.Count; i++)
            {
                var p = Pages[i];
                double w = Sideways ? p.Height : p.Width, h = Sideways ? p.Width : p.Height;
                var pageXml = new XElement(Ofd + "Page", new XAttribute(XNamespace.Xmlns + "ofd", Ofd),
                    new XElement(Ofd + "Area", new XElement(Ofd + "PhysicalBox", $"0 0 {N(w)} {N(h)}")));
                var layer = new XElement(Ofd + "Layer", new XAttribute("ID", ++_id));
                var rules = new XElement(Ofd + "Layer", new XAttribute("ID", ++_id));
                foreach (var l in p.Lines) rules.Add(PathObject(l, p));
                if (RulesInTemplate)
                {
                    int tplId = ++_id;
                    common.Add(new XElement(Ofd + "TemplatePage", new XAttribute("ID", tplId), new XAttribute("BaseLoc", $"Tpls/Tpl_{i}/Content.xml")));
                    Put(zip, $"Doc_0/Tpls/Tpl_{i}/Content.xml", new XElement(Ofd + "Page", new XAttribute(XNamespace.Xmlns + "ofd", Ofd), new XElement(Ofd + "Content", rules)));
                    pageXml.Add(new XElement(Ofd + "Template", new XAttribute("TemplateID", tplId), new XAttribute("ZOrder", "Background")));
                }
                else layer.Add(rules.Elements());
                foreach (var r in p.Runs) layer.Add(TextObject(r, p));
                pageXml.Add(new XElement(Ofd + "Content", layer));
                Put(zip, $"Doc_0/Pages/Page_{i}/Content.xml", pageXml);
                pages.Add(new XElement(Ofd + "Page", new XAttribute("ID", ++_id), new XAttribute("BaseLoc", $"Pages/Page_{i}/Content.xml")));
            }
            var document = new XElement(Ofd + "Document", new XAttribute(XNamespace.Xmlns + "ofd", Ofd), common, pages);
            if (WithSealAndAttachment) AddExtras(zip, document);
            Put(zip, "Doc_0/Document.xml", document);
        }
        return ms.ToArray();
    }

    /// <summary>A point of the upright page as written: turned a quarter clockwise when sideways.</summary>
    (double X, double Y) At(double x, double y, Page p) => Sideways ? (p.Height - y, x) : (x, y);

    XElement TextObject(Run r, Page p)
    {
        double width = r.Advances.Sum();
        var deltas = Deltas(r.Advances.Take(Math.Max(0, r.Advances.Length - 1)).ToArray());
        var code = new XElement(Ofd + "TextCode", r.Text);
        var obj = new XElement(Ofd + "TextObject", new XAttribute("ID", ++_id), new XAttribute("Font", "1"), new XAttribute("Size", N(r.Size)));
        if (Sideways)
        {
            // Object space: baseline along x from (0, 0); the CTM turns it to run down the page.
            var (ox, oy) = At(r.X, r.Y, p);
            obj.Add(new XAttribute("Boundary", $"{N(ox)} {N(oy)} {N(r.Size)} {N(width)}"), new XAttribute("CTM", "0 1 -1 0 0 0"));
            code.Add(new XAttribute("X", "0"), new XAttribute("Y", "0"));
        }
        else
        {
            double top = r.Y - r.Size;
            obj.Add(new XAttribute("Boundary", $"{N(r.X)} {N(top)} {N(width)} {N(r.Size * 1.2)}"));
            code.Add(new XAttribute("X", "0"), new XAttribute("Y", N(r.Y - top)));
        }
        if (deltas.Length > 0) code.Add(new XAttribute("DeltaX", deltas));
        obj.Add(new XElement(Ofd + "FillColor", new XAttribute("Value", "0 0 0")), code);
        return obj;
    }

    XElement PathObject(Line l, Page p)
    {
        var (x0, y0) = At(l.X0, l.Y0, p);
        var (x1, y1) = At(l.X1, l.Y1, p);
        double left = Math.Min(x0, x1), top = Math.Min(y0, y1);
        return new XElement(Ofd + "PathObject", new XAttribute("ID", ++_id),
            new XAttribute("Boundary", $"{N(left)} {N(top)} {N(Math.Abs(x1 - x0))} {N(Math.Abs(y1 - y0))}"), new XAttribute("LineWidth", "0.25"),
            new XElement(Ofd + "StrokeColor", new XAttribute("Value", "0 0 0")),
            new XElement(Ofd + "AbbreviatedData", $"M {N(x0 - left)} {N(y0 - top)} L {N(x1 - left)} {N(y1 - top)}"));
    }

    /// <summary>DeltaX with runs of three or more equal values written "g n v".</summary>
    static string Deltas(double[] d)
    {
        var parts = new List<string>();
        for (int i = 0; i < d.Length;)
        {
            int j = i;
            while (j + 1 < d.Length && Math.Abs(d[j + 1] - d[i]) < 0.0005) j++;
            int n = j - i + 1;
            parts.Add(n >= 3 ? $"g {n} {N(d[i])}" : string.Join(' ', Enumerable.Repeat(N(d[i]), n)));
            i = j + 1;
        }
        return string.Join(' ', parts);
    }

    void AddExtras(ZipArchive zip, XElement document)
    {
        document.Add(new XElement(Ofd + "Annotations", "Annots/Annotations.xml"), new XElement(Ofd + "Attachments", "Attachs/Attachments.xml"));
        Put(zip, "Doc_0/Annots/Annotations.xml", new XElement(Ofd + "Annotations", new XAttribute(XNamespace.Xmlns + "ofd", Ofd),
            new XElement(Ofd + "Page", new XAttribute("PageID", "1"), new XElement(Ofd + "FileLoc", "Page_0/Annotation.xml"))));
        Put(zip, "Doc_0/Annots/Page_0/Annotation.xml", new XElement(Ofd + "PageAnnot", new XAttribute(XNamespace.Xmlns + "ofd", Ofd),
            new XElement(Ofd + "Annot", new XAttribute("ID", ++_id), new XAttribute("Type", "Stamp"),
                new XElement(Ofd + "Appearance", new XAttribute("Boundary", "150 20 40 40"),
                    new XElement(Ofd + "TextObject", new XAttribute("ID", ++_id), new XAttribute("Boundary", "0 0 40 10"), new XAttribute("Font", "1"), new XAttribute("Size", "5"),
                        new XElement(Ofd + "TextCode", new XAttribute("X", "0"), new XAttribute("Y", "5"), "印章文字不是正文"))))));
        Put(zip, "Doc_0/Attachs/Attachments.xml", new XElement(Ofd + "Attachments", new XAttribute(XNamespace.Xmlns + "ofd", Ofd),
            new XElement(Ofd + "Attachment", new XAttribute("ID", ++_id), new XAttribute("Name", "原始数据.xml"), new XAttribute("Format", "xml"),
                new XElement(Ofd + "FileLoc", "原始数据.xml"))));
        var attachment = zip.CreateEntry("Doc_0/Attachs/原始数据.xml");
        using (var s = attachment.Open()) s.Write(Encoding.UTF8.GetBytes("<data>附件文字不是正文</data>"));
        Put(zip, "Doc_0/Signs/Signatures.xml", new XElement(Ofd + "Signatures", new XAttribute(XNamespace.Xmlns + "ofd", Ofd),
            new XElement(Ofd + "Signature", new XAttribute("ID", "1"), new XAttribute("Type", "Seal"), new XAttribute("BaseLoc", "Sign_0/Signature.xml"))));
    }

    static void Put(ZipArchive zip, string name, XElement root)
    {
        var entry = zip.CreateEntry(name);
        using var s = entry.Open();
        new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Save(s);
    }

    const double MmPerPoint = 25.4 / 72;

    /// <summary>The text runs and straight rules of every page of a PDF, in millimetres with y down.</summary>
    public static OfdWriter FromPdf(string pdf, bool rulesInTemplate = false, bool sideways = false, bool withSealAndAttachment = false)
    {
        var writer = new OfdWriter { RulesInTemplate = rulesInTemplate, Sideways = sideways, WithSealAndAttachment = withSealAndAttachment };
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            double h = page.Height;
            var p = new Page { Width = page.Width * MmPerPoint, Height = h * MmPerPoint };
            var run = new List<UglyToad.PdfPig.Content.Letter>();
            void Flush()
            {
                if (run.Count == 0) return;
                var adv = new double[run.Count];
                for (int i = 0; i < run.Count; i++)
                    adv[i] = (i + 1 < run.Count ? run[i + 1].StartBaseLine.X - run[i].StartBaseLine.X : run[i].EndBaseLine.X - run[i].StartBaseLine.X) * MmPerPoint;
                p.Runs.Add(new Run(string.Concat(run.Select(l => l.Value)), run[0].StartBaseLine.X * MmPerPoint,
                    (h - run[0].StartBaseLine.Y) * MmPerPoint, run[0].PointSize * MmPerPoint, adv));
                run.Clear();
            }
            foreach (var l in page.Letters)
            {
                if (run.Count > 0)
                {
                    var last = run[^1];
                    bool sameLine = Math.Abs(l.StartBaseLine.Y - last.StartBaseLine.Y) < 0.1 && Math.Abs(l.PointSize - last.PointSize) < 0.01;
                    double gap = l.StartBaseLine.X - last.EndBaseLine.X;
                    if (!sameLine || gap < -0.5 || gap > last.PointSize * 0.6) Flush();
                }
                run.Add(l);
            }
            Flush();
            foreach (var path in page.Paths)
            {
                if (!path.IsStroked && !path.IsFilled) continue;
                foreach (var sub in path)
                {
                    var b = sub.GetBoundingRectangle();
                    if (b is not { } r) continue;
                    // Thin filled boxes and stroked lines both become one centre line, as producers draw rules.
                    if (r.Width < 2.5 && r.Height >= 2) p.Lines.Add(new Line((r.Left + r.Right) / 2 * MmPerPoint, (h - r.Top) * MmPerPoint, (r.Left + r.Right) / 2 * MmPerPoint, (h - r.Bottom) * MmPerPoint));
                    else if (r.Height < 2.5 && r.Width >= 2) p.Lines.Add(new Line(r.Left * MmPerPoint, (h - (r.Top + r.Bottom) / 2) * MmPerPoint, r.Right * MmPerPoint, (h - (r.Top + r.Bottom) / 2) * MmPerPoint));
                    else if (path.IsStroked)
                    {
                        var lines = sub.Commands.OfType<PdfSubpath.Line>().ToList();
                        foreach (var cmd in lines)
                            p.Lines.Add(new Line(cmd.From.X * MmPerPoint, (h - cmd.From.Y) * MmPerPoint, cmd.To.X * MmPerPoint, (h - cmd.To.Y) * MmPerPoint));
                        if (sub.IsClosed() && lines.Count > 0 && (lines[^1].To.X != lines[0].From.X || lines[^1].To.Y != lines[0].From.Y))
                            p.Lines.Add(new Line(lines[^1].To.X * MmPerPoint, (h - lines[^1].To.Y) * MmPerPoint, lines[0].From.X * MmPerPoint, (h - lines[0].From.Y) * MmPerPoint));
                    }
                }
            }
            writer.Pages.Add(p);
        }
        return writer;
    }
}
