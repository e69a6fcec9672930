namespace Jixiao.Ingest.Ocr.Paddle;

/// <summary>
/// The ONNX sessions of PP-OCR, each created once and shared by every page and thread (ONNX Runtime's Run is
/// thread-safe). Creating them costs about half a second of CPU: <see cref="StartLoading"/> creates detection and
/// recognition on a background thread while the first page is rendered and cleaned, and a read takes each session
/// when it first needs it, waiting for the load only if it is not done yet (and meeting its error, if any). The
/// direction classifier is created on first use: only a page whose sample reads as noise asks for it.
/// </summary>
internal sealed class PaddleModels
{
    /// <summary>The process's models: every engine shares them unless a test gives it its own.</summary>
    public static readonly PaddleModels Shared = new();

    readonly Lazy<TextDetector> _detector;
    readonly Lazy<TextRecognizer> _recognizer;
    readonly Lazy<DirectionClassifier> _direction;
    int _started, _sessions;

    public PaddleModels()
    {
        // ExecutionAndPublication: a page that asks while the background load is creating a session waits for that
        // session instead of creating a second one.
        const LazyThreadSafetyMode once = LazyThreadSafetyMode.ExecutionAndPublication;
        _detector = new(() => new TextDetector(Session(ModelResources.Detection)), once);
        _recognizer = new(() => new TextRecognizer(Session(ModelResources.Recognition), TextRecognizer.LoadKeys()), once);
        _direction = new(() => new DirectionClassifier(Session(ModelResources.Direction)), once);
    }

    public TextDetector Detector => _detector.Value;
    public TextRecognizer Recognizer => _recognizer.Value;
    public DirectionClassifier Direction => _direction.Value;

    /// <summary>ONNX sessions created so far (tests check that racing readers create each one once).</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>Starts creating detection then recognition in the background (once; later calls return at once).</summary>
    public void StartLoading()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) return;
        _ = Task.Run(() =>
        {
            // Detection first: a page needs it (outside its tables) before it recognises anything.
            try { _ = _detector.Value; _ = _recognizer.Value; OcrTimings.Mark("models loaded"); }
            catch (Exception e) when (e is not OutOfMemoryException) { /* Lazy keeps the error: the page's read reports it. */ }
        });
    }

    OnnxModel Session(string resource)
    {
        var model = new OnnxModel(resource);
        Interlocked.Increment(ref _sessions);
        return model;
    }
}
