using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Jixiao.Ingest.Pdf;

/// <summary>
/// Reads PDF files page by page: ruled and borderless tables, text in reading order, tables
/// stitched across page breaks, page furniture dropped, scanned pages sent to OCR.
/// </summary>
public sealed class PdfParser : IDocumentParser
{
    readonly Func<string, string?>? _findTool;
    readonly Func<Ocr.IOcrEngine>? _engine;

    public PdfParser() { }

    /// <summary>For tests and the bench: how tools are found (one that finds nothing tests a machine without
    /// them) and which OCR engine reads scanned pages (PP-OCR when null).</summary>
    internal PdfParser(Func<string, string?>? findTool, Func<Ocr.IOcrEngine>? engine = null)
    {
        _findTool = findTool;
        _engine = engine;
    }

    public string Format => "pdf";

    /// <summary>When text pages are read on a second thread (<see cref="TextPagesAhead"/>): by default only while a
    /// core reads no other document; tests ask for always and never, to compare the two readings whatever else
    /// the test process reads at the time.</summary>
    internal PagesAhead PagesAhead { get; init; } = PagesAhead.WhenACoreIsFree;

    /// <summary>When every core already reads a document of its own (<see cref="DocumentReader.ReadsInFlight"/>, this
    /// one included), a second thread for this one adds no speed, only a second copy of its parse state in memory (#20).</summary>
    bool WantsPagesAhead() => PagesAhead switch
    {
        PagesAhead.Always => true,
        PagesAhead.Never => false,
        _ => DocumentReader.ReadsInFlight < Environment.ProcessorCount,
    };

    public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel)
    {
        var doc = new SourceDocument(fileName, Format);
        PdfDocument pdf;
        var options = new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = false };
        try
        {
            pdf = PdfDocument.Open(stream, options);
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
            var ocr = new Ocr.ScannedPageReader(stream, _findTool, _engine?.Invoke());
            // Pages are assembled in order, but scanned pages are OCRed ahead on worker threads
            // (this document stays on this thread): a scanned book takes its time once per core.
            var pending = new Queue<(int Number, Task<PageContent> Content)>();
            Ocr.OcrUnavailableException? ocrMissing = null;
            // Text pages are read two at a time once page 1 shows a text PDF (a scanned one spends its time in OCR).
            TextPagesAhead? ahead = null;
            try
            {
                for (int n = 1; n <= pages; n++)
                {
                    cancel.ThrowIfCancellationRequested();
                    Task<PageContent> content;
                    try
                    {
                        if (ahead is not null && ahead.Takes(n) && ahead.Take(n) is { } read)
                            content = Task.FromResult(read);
                        else
                        {
                            var page = pdf.GetPage(n);
                            content = ScanDetector.IsScanned(page)
                                ? ocr.Start(n, cancel)
                                : Task.FromResult(PageReader.Read(page));
                        }
                    }
                    catch (Ocr.OcrUnavailableException e)
                    {
                        // Without the OCR tools a mixed book keeps its text pages; an all-scanned one fails below.
                        ocrMissing ??= e;
                        doc.Warnings.Add($"page {n} skipped: {e.Message}");
                        continue;
                    }
                    catch (Exception e) when (e is not OperationCanceledException and not UnreadableDocumentException and not OutOfMemoryException)
                    {
                        content = Task.FromException<PageContent>(e);
                    }
                    if (n == 1 && WantsPagesAhead() && content.IsCompletedSuccessfully) ahead = TextPagesAhead.Start(stream, options, pages, cancel);
                    pending.Enqueue((n, content));
                    // Keep a few pages in flight; text pages queue behind an unfinished scan.
                    while (pending.Count > 0 && (pending.Peek().Content.IsCompleted || pending.Count > MaxPagesAhead))
                        Assemble(pending.Dequeue(), assembler, doc, pages);
                }
                while (pending.Count > 0) Assemble(pending.Dequeue(), assembler, doc, pages);
                if (ocrMissing is not null && doc.Blocks.Count == 0) throw new UnreadableDocumentException(ocrMissing.Message, ocrMissing);
            }
            finally
            {
                // A failed or cancelled parse must not delete the temporary files under running OCR.
                ahead?.Dispose();
                foreach (var (_, task) in pending)
                    try { task.Wait(); } catch (AggregateException) { }
                ocr.Dispose();
            }
            if (ocr.WordCount > 0)
            {
                doc.NeedsReview = true;
                doc.OcrConfidence = Math.Round(ocr.MeanConfidence, 1);
                doc.Warnings.Add($"{ocr.PageCount} page(s) read by OCR, mean line confidence {ocr.MeanConfidence:0.0}");
            }
        }
        return doc;
    }

    static readonly int MaxPagesAhead = Math.Max(2, Environment.ProcessorCount) + 2;

    static void Assemble((int Number, Task<PageContent> Content) page, DocumentAssembler assembler, SourceDocument doc, int pages)
    {
        PageContent content;
        try
        {
            content = page.Content.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OperationCanceledException and not UnreadableDocumentException and not OutOfMemoryException)
        {
            // One broken page (bad font, damaged content stream) should not cost the whole book.
            doc.Warnings.Add($"page {page.Number} skipped: {e.GetType().Name}: {DocumentReader.OneLine(e.Message)}");
            if (page.Number == 1 && pages == 1) throw;
            return;
        }
        assembler.Add(content);
        doc.Warnings.AddRange(content.Warnings);
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

internal enum PagesAhead { WhenACoreIsFree, Always, Never }
