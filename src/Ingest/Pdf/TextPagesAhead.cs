using UglyToad.PdfPig;

namespace Jixiao.Ingest.Pdf;

/// <summary>
/// Reads every other text page of a PDF on a second thread while the parser reads the rest, so a long text PDF
/// takes about half the wall time on two cores (#20: most of a text page's time is PdfPig parsing its content
/// stream, which one thread cannot share). PdfPig is not thread-safe: this thread opens its own
/// <see cref="PdfDocument"/> over a copy of the file's bytes. It reads pages 3, 5, 7, … (the parser reads 1, 2,
/// 4, 6, …, so neither waits for the other to start) and keeps at most <see cref="MaxAhead"/> finished pages
/// waiting. A page it does not read as text — a scanned page, or any page when its copy of the document cannot
/// be opened — comes back as null and the parser reads it itself, as it reads every page without this: the
/// dispatch of scanned pages to OCR stays on the parser's thread. Read failures of a page come back as that
/// page's exception. Allocations on this thread are not attributed to the parse by the per-file memory guard
/// (it still sees the heap grow).
/// </summary>
internal sealed class TextPagesAhead : IDisposable
{
    const int MaxAhead = 2;

    readonly byte[] _bytes;
    readonly ParsingOptions _options;
    readonly TaskCompletionSource<PageContent?>[] _pages;
    readonly SemaphoreSlim _room = new(MaxAhead);
    readonly CancellationTokenSource _stop;

    TextPagesAhead(byte[] bytes, ParsingOptions options, int pages, CancellationToken cancel)
    {
        _bytes = bytes;
        _options = options;
        _pages = new TaskCompletionSource<PageContent?>[pages + 1];
        for (int n = FirstPage; n <= pages; n += 2) _pages[n] = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
    }

    const int FirstPage = 3;

    /// <summary>Worth a second thread: a second core and at least two pages for it (whether the core is free is the
    /// caller's question: <see cref="PdfParser.PagesAhead"/>). Null otherwise.</summary>
    public static TextPagesAhead? Start(Stream stream, ParsingOptions options, int pages, CancellationToken cancel)
    {
        if (Environment.ProcessorCount < 2 || pages < FirstPage + 2) return null;
        var ahead = new TextPagesAhead(CopyOf(stream), options, pages, cancel);
        // A dedicated thread (not the pool, which OCR and parallel imports use); the stack as large as a parse's.
        new Thread(ahead.Run, 16 * 1024 * 1024) { IsBackground = true, Name = "jixiao-pdf-pages" }.Start();
        return ahead;
    }

    /// <summary>Whether page <paramref name="n"/> is this thread's to read.</summary>
    public bool Takes(int n) => n < _pages.Length && _pages[n] is not null;

    /// <summary>Page <paramref name="n"/> as read here (waits for it); null: the parser must read it itself.</summary>
    public PageContent? Take(int n)
    {
        try
        {
            return _pages[n].Task.GetAwaiter().GetResult();
        }
        finally
        {
            _room.Release();
        }
    }

    void Run()
    {
        PdfDocument? pdf = null;
        try
        {
            try { pdf = PdfDocument.Open(_bytes, _options); }
            catch (Exception) { pdf = null; } // the parser opened it: it reads these pages itself then
            for (int n = FirstPage; n < _pages.Length; n += 2)
            {
                _room.Wait(_stop.Token);
                if (pdf is null) { _pages[n].TrySetResult(null); continue; }
                try
                {
                    var page = pdf.GetPage(n);
                    _pages[n].TrySetResult(ScanDetector.IsScanned(page) ? null : PageReader.Read(page));
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    _pages[n].TrySetException(e); // one broken page is that page's failure, as on the parser's thread
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            // Whatever ended the loop (out of memory) ends every page not yet read; the parser sees it.
            foreach (var p in _pages) p?.TrySetException(e);
        }
        finally
        {
            foreach (var p in _pages) p?.TrySetCanceled();
            pdf?.Dispose();
        }
    }

    static byte[] CopyOf(Stream stream)
    {
        long at = stream.Position;
        stream.Position = 0;
        var copy = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length, int.MaxValue) : 0);
        stream.CopyTo(copy);
        stream.Position = at;
        return copy.Length == copy.Capacity ? copy.GetBuffer() : copy.ToArray();
    }

    /// <summary>Stops reading ahead; the thread ends after the page it is on and closes its document.</summary>
    public void Dispose()
    {
        _stop.Cancel();
    }
}
