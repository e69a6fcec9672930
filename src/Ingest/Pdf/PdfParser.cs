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
        catch (UglyToad.PdfPig.Core.PdfDocumentFormatException e)
        {
            throw new UnreadableDocumentException("damaged PDF: " + DocumentReader.OneLine(e.Message), e);
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
                    try
                    {
                        var page = pdf.GetPage(n);
                        content = ScanDetector.IsScanned(page)
                            ? ocr.Read(n, page.Width, page.Height, cancel)
                            : PageReader.Read(page);
                    }
                    catch (Exception e) when (e is not OperationCanceledException and not UnreadableDocumentException and not OutOfMemoryException)
                    {
                        // One broken page (bad font, damaged content stream) should not cost the whole book.
                        doc.Warnings.Add($"page {n} skipped: {e.GetType().Name}: {DocumentReader.OneLine(e.Message)}");
                        if (n == 1 && pages == 1) throw;
                        continue;
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
