using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Jixiao.Ingest.Pdf;

/// <summary>
/// Reads PDF files page by page: ruled and borderless tables, text in reading order, tables
/// stitched across page breaks, page furniture dropped, scanned pages sent to OCR.
/// </summary>
public sealed class PdfParser : IDocumentParser
{
    public string Format => "pdf";

    public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel)
    {
        var doc = new SourceDocument(fileName, Format);
        PdfDocument pdf;
        try
        {
            pdf = PdfDocument.Open(stream, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = false });
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new UnreadableDocumentException("encrypted PDF (needs a password)", e);
        }
        using (pdf)
        {
            if (pdf.IsEncrypted) doc.Warnings.Add("PDF is encrypted with an empty user password; read anyway");
            int pages = pdf.NumberOfPages;
            doc.PageCount = pages;
            var assembler = new DocumentAssembler(doc);
            var ocr = new Ocr.ScannedPageReader(stream, fileName);
            try
            {
                for (int n = 1; n <= pages; n++)
                {
                    cancel.ThrowIfCancellationRequested();
                    PageContent content;
                    var page = pdf.GetPage(n);
                    if (ScanDetector.IsScanned(page))
                    {
                        content = ocr.Read(n, page.Width, page.Height, cancel);
                    }
                    else
                    {
                        content = PageReader.Read(page);
                    }
                    assembler.Add(content);
                }
            }
            finally
            {
                ocr.Dispose();
            }
            if (ocr.WordCount > 0)
            {
                doc.NeedsReview = true;
                doc.OcrConfidence = Math.Round(ocr.MeanConfidence, 1);
                doc.Warnings.Add($"{ocr.PageCount} page(s) read by OCR, mean word confidence {ocr.MeanConfidence:0.0}");
            }
        }
        return doc;
    }
}

/// <summary>A page is scanned when it has (almost) no text but an image covering most of it.</summary>
internal static class ScanDetector
{
    public static bool IsScanned(UglyToad.PdfPig.Content.Page page)
    {
        int letters = 0;
        foreach (var l in page.Letters)
            if (!string.IsNullOrWhiteSpace(l.Value) && ++letters >= 10) return false;
        double area = page.Width * page.Height, covered = 0;
        foreach (var image in page.GetImages())
            covered += Math.Abs(image.BoundingBox.Width * image.BoundingBox.Height);
        return area > 0 && covered >= area * 0.3;
    }
}
