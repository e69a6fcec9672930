using System.Diagnostics;

namespace Jixiao.Ingest;

/// <summary>The outcome of reading one file: a document, or a one-line error. Never both, never neither.</summary>
public sealed class ReadResult
{
    public SourceDocument? Document { get; init; }
    public IngestError? Error { get; init; }
    public string Format { get; init; } = "";
    public TimeSpan Elapsed { get; init; }
    public bool Ok => Document is not null;
}

/// <summary>
/// The single entry point of the Ingest stage: sniff the format, run its parser, and turn every
/// failure (exception, time-out, unknown format) into an <see cref="IngestError"/>.
/// </summary>
public static class DocumentReader
{
    public sealed class Options
    {
        /// <summary>Files larger than this are refused before reading (bytes).</summary>
        public long MaxBytes { get; init; } = 512L * 1024 * 1024;

        /// <summary>Wall-clock limit for one file's parse. Generous because a scanned page needs 10–30 s of OCR on two cores.</summary>
        public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

        /// <summary>
        /// Memory one parse may take (bytes; 0: no limit): allocated by its thread AND held on the heap, see
        /// <see cref="ParseMemoryGuard"/>. Real 绩效表 files need tens of MB; a zip bomb or a corrupt length
        /// field can ask for gigabytes.
        /// </summary>
        public long MaxMemoryBytes { get; init; } = 1024L * 1024 * 1024;

        public static readonly Options Default = new();
    }

    public static ReadResult Read(string path, Options? options = null, CancellationToken cancel = default)
    {
        options ??= Options.Default;
        var name = Path.GetFileName(path);
        var sw = Stopwatch.StartNew();
        string format = "unknown";
        try
        {
            // RawName: a name that is not UTF-8 is known by its escaped bytes.
            if (RawName.Stat(path) is not { } info) return Fail(name, format, "file not found", sw);
            if (RegularFile.Refusal(path) is { } refusal) return Fail(name, format, refusal, sw);
            if (info.Length > options.MaxBytes)
                return Fail(name, format, $"file is {info.Length / (1024 * 1024)} MB, over the {options.MaxBytes / (1024 * 1024)} MB limit", sw);
            using var stream = RawName.OpenRead(path);
            return Read(stream, name, options, cancel);
        }
        catch (UnauthorizedAccessException)
        {
            return Fail(name, format, "permission denied", sw);
        }
        catch (IOException e)
        {
            return Fail(name, format, "cannot read file: " + OneLine(e.Message), sw);
        }
    }

    public static ReadResult Read(Stream stream, string name, Options? options = null, CancellationToken cancel = default)
    {
        options ??= Options.Default;
        var sw = Stopwatch.StartNew();
        string format = "unknown";
        try
        {
            Stream seekable = stream;
            if (!stream.CanSeek)
            {
                var ms = new MemoryStream();
                stream.CopyTo(ms);
                ms.Position = 0;
                seekable = ms;
            }
            var sniffed = FormatSniffer.Identify(seekable, Path.GetExtension(name));
            format = sniffed.Format;
            seekable.Position = 0;
            if (sniffed.Refusal is { } refusal) return Fail(name, format, refusal, sw);
            if (sniffed.Content is { } content) seekable = new MemoryStream(content, 0, content.Length, writable: false, publiclyVisible: true);
            var parser = ParserRegistry.For(format);
            if (parser is null) return Fail(name, format, $"no reader for format '{format}'", sw);
            var result = Parse(parser, seekable, name, format, options, sw, cancel);
            // A container shorter than its own tables say: say so rather than "damaged".
            if (!result.Ok && sniffed.Note == "truncated")
                return Fail(name, format, $"truncated {Doc.OleKind.KindOf(format)}: {result.Error!.Reason}", sw);
            return result;
        }
        catch (Exception e) when (!cancel.IsCancellationRequested || e is not OperationCanceledException)
        {
            return Failure(e, name, format, options, sw);
        }
    }

    /// <summary>
    /// Reads <paramref name="stream"/> with <paramref name="parser"/>, skipping the sniffer, under the same
    /// limits and error handling as <see cref="Read(Stream, string, Options?, CancellationToken)"/>.
    /// For tests of the limits themselves (a parser that hangs or hoards memory on purpose).
    /// </summary>
    public static ReadResult Read(Stream stream, string name, IDocumentParser parser, Options? options = null, CancellationToken cancel = default)
    {
        options ??= Options.Default;
        var sw = Stopwatch.StartNew();
        try
        {
            return Parse(parser, stream, name, parser.Format, options, sw, cancel);
        }
        catch (Exception e) when (!cancel.IsCancellationRequested || e is not OperationCanceledException)
        {
            return Failure(e, name, parser.Format, options, sw);
        }
    }

    /// <summary>Documents being read now, on any thread. A reader that can use a second core for one document
    /// (<see cref="Pdf.TextPagesAhead"/>) does so only while fewer documents than cores are read: when every core
    /// already reads a document of its own, a second thread per document adds no speed, only a second copy of the
    /// document's parse state in memory (#20).</summary>
    internal static int ReadsInFlight => Volatile.Read(ref _readsInFlight);

    static int _readsInFlight;

    static ReadResult Parse(IDocumentParser parser, Stream seekable, string name, string format, Options options, Stopwatch sw, CancellationToken cancel)
    {
        Interlocked.Increment(ref _readsInFlight);
        try
        {
            return ParseCounted(parser, seekable, name, format, options, sw, cancel);
        }
        finally
        {
            Interlocked.Decrement(ref _readsInFlight);
        }
    }

    static ReadResult ParseCounted(IDocumentParser parser, Stream seekable, string name, string format, Options options, Stopwatch sw, CancellationToken cancel)
    {
        // Parsers check the token between rows and pages, but a library call on a damaged file (one
        // ExcelDataReader Read on a corrupt BIFF record) can run on without looking at it: PerFileLimit gives
        // the answer at the limit even then.
        var run = PerFileLimit.Run(token => parser.Parse(seekable, name, token), options.Timeout, options.MaxMemoryBytes, "reader", cancel);
        if (run.Stopped is not null) return Fail(name, format, run.Stopped, sw);
        var doc = run.Result!;
        return new ReadResult { Document = doc, Format = doc.Format, Elapsed = sw.Elapsed };
    }

    static ReadResult Failure(Exception e, string name, string format, Options options, Stopwatch sw) => e switch
    {
        OperationCanceledException => Fail(name, format, $"gave up after {options.Timeout.TotalSeconds:0} s (per-file time limit)", sw),
        UnreadableDocumentException => Fail(name, format, OneLine(e.Message), sw),
        OutOfMemoryException => Fail(name, format, "out of memory while reading", sw),
        _ => Fail(name, format, $"damaged or unreadable {format} file ({e.GetType().Name}: {OneLine(e.Message)})", sw),
    };

    static ReadResult Fail(string file, string format, string reason, Stopwatch sw) =>
        new() { Error = new IngestError(file, format, reason), Format = format, Elapsed = sw.Elapsed };

    internal static string OneLine(string s)
    {
        s = s.Replace('\r', ' ').Replace('\n', ' ').Trim();
        return s.Length > 300 ? s[..300] + "…" : s;
    }
}
