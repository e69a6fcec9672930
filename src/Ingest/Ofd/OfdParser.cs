using System.IO.Compression;
using System.Xml.Linq;
using Jixiao.Ingest.Pdf;

namespace Jixiao.Ingest.Ofd;

/// <summary>
/// Reads OFD (GB/T 33190-2016, China's fixed-layout format) like a text PDF: OFD.xml → DocBody →
/// DocRoot (Document.xml) → Pages → each page's Content.xml, with the template pages it names
/// drawn underneath. Text and rules go through the PDF reader's layout, so ruled tables come out
/// of the same grid builder. Seals and signatures (Signs/), annotations, attachments and actions
/// are listed in the warnings and never run, read into the text, or verified.
/// </summary>
internal sealed class OfdParser : IDocumentParser
{
    /// <summary>Pages read at most; an OFD with more is a book, not a form, and the rest is skipped with a warning.</summary>
    const int MaxPages = 5000;

    public string Format => "ofd";

    public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableDocumentException($"damaged OFD (zip container unreadable: {e.Message})", e);
        }
        using (zip)
        {
            var package = new OfdPackage(zip);
            var ofd = package.Load("OFD.xml") ?? throw new UnreadableDocumentException("not an OFD file: no OFD.xml entry");
            var doc = new SourceDocument(fileName, Format) { PageCount = 0 };
            var assembler = new DocumentAssembler(doc);
            var bodies = ofd.Children("DocBody").ToList();
            if (bodies.Count == 0) throw new UnreadableDocumentException("damaged OFD: OFD.xml has no DocBody");
            foreach (var body in bodies)
            {
                var rootLoc = body.Child("DocRoot")?.Value;
                if (string.IsNullOrWhiteSpace(rootLoc)) throw new UnreadableDocumentException("damaged OFD: DocBody has no DocRoot");
                var rootPath = OfdPackage.Resolve("", rootLoc);
                var document = package.Load(rootPath) ?? throw new UnreadableDocumentException($"damaged OFD: DocRoot {rootLoc} is missing from the package");
                if (body.Child("Signatures") is { } signs) NoteSignatures(package, OfdPackage.Resolve("", signs.Value), doc);
                ReadDocument(package, rootPath, document, doc, assembler, cancel);
            }
            return doc;
        }
    }

    static void ReadDocument(OfdPackage package, string rootPath, XElement document, SourceDocument doc, DocumentAssembler assembler, CancellationToken cancel)
    {
        var common = document.Child("CommonData");
        var defaultBox = Box(common.Child("PageArea")) ?? (210, 297);
        var templates = common.Children("TemplatePage")
            .Where(t => t.Attr("ID") is not null && t.Attr("BaseLoc") is not null)
            .GroupBy(t => t.Attr("ID")!).ToDictionary(g => g.Key, g => OfdPackage.Resolve(rootPath, g.First().Attr("BaseLoc")!));
        NoteExtras(package, rootPath, document, doc);

        var pages = document.Child("Pages").Children("Page").ToList();
        if (pages.Count > MaxPages) doc.Warnings.Add($"OFD has {pages.Count} pages: only the first {MaxPages} read");
        foreach (var entry in pages.Take(MaxPages))
        {
            cancel.ThrowIfCancellationRequested();
            int number = doc.PageCount + 1;
            var loc = entry.Attr("BaseLoc");
            var pagePath = loc is null ? null : OfdPackage.Resolve(rootPath, loc);
            var page = pagePath is null ? null : package.Load(pagePath);
            doc.PageCount++;
            if (page is null)
            {
                doc.Warnings.Add($"page {number}: content {loc ?? "(no BaseLoc)"} is missing: skipped");
                continue;
            }
            var (w, h) = Box(page.Child("Area")) ?? defaultBox;
            var walker = new OfdPageWalker(cancel);
            var own = page.Children("Template").ToList();
            // Templates drawn under the page (ZOrder Background, the default) and over it read the same way:
            // a form's rules and labels often live in a template shared by every page.
            foreach (var t in own)
                if (t.Attr("TemplateID") is { } id && templates.TryGetValue(id, out var tplPath) && package.Load(tplPath) is { } tpl)
                    walker.Walk(tpl);
                else
                    doc.Warnings.Add($"page {number}: template {t.Attr("TemplateID")} is missing");
            walker.Walk(page);
            if (walker.Glyphs.Count == 0 && walker.Images > 0)
                doc.Warnings.Add($"page {number}: images only, no text (a scan; OCR of OFD images is not done)");
            assembler.Add(OfdPageLayout.Layout(number, w, h, walker));
        }
    }

    /// <summary>Width and height from an Area/PageArea's PhysicalBox "x y w h".</summary>
    static (double W, double H)? Box(XElement? area)
    {
        var b = OfdXml.Numbers(area.Child("PhysicalBox")?.Value);
        return b.Length == 4 && b[2] > 1 && b[3] > 1 && b[2] < 10_000 && b[3] < 10_000 ? (b[2], b[3]) : null;
    }

    static void NoteSignatures(OfdPackage package, string path, SourceDocument doc)
    {
        var signs = package.Load(path);
        int n = signs.Children("Signature").Count();
        if (n > 0) doc.Warnings.Add($"OFD carries {n} electronic seal/signature(s) ({path}): noted, not verified, not read as text");
    }

    static void NoteExtras(OfdPackage package, string rootPath, XElement document, SourceDocument doc)
    {
        if (document.Child("Annotations")?.Value is { Length: > 0 } annots)
        {
            var list = package.Load(OfdPackage.Resolve(rootPath, annots));
            int pages = list.Children("Page").Count();
            doc.Warnings.Add($"OFD annotations on {pages} page(s) (stamps, watermarks): noted, not read as page text");
        }
        if (document.Child("Attachments")?.Value is { Length: > 0 } attachs)
        {
            var list = package.Load(OfdPackage.Resolve(rootPath, attachs));
            var names = list.Children("Attachment").Select(a => a.Attr("Name") ?? a.Child("FileLoc")?.Value ?? "?").ToList();
            doc.Warnings.Add($"OFD attachment(s) {string.Join(", ", names)}: noted, not opened");
        }
        if (document.Child("Actions") is { } actions && actions.Elements().Any())
            doc.Warnings.Add("OFD document actions: ignored (never executed)");
    }
}
