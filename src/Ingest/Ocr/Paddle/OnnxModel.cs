using Microsoft.ML.OnnxRuntime;

namespace Jixiao.Ingest.Ocr.Paddle;

/// <summary>
/// One ONNX model loaded from the assembly's embedded resources, run with a time box per call. The
/// session is shared by all threads (ONNX Runtime's Run is thread-safe); each run uses one thread
/// because pages are read in parallel, one per core.
/// </summary>
internal sealed class OnnxModel : IDisposable
{
    /// <summary>Inputs from this many floats up (4 MB: detection over an area of the page) give their arena back.</summary>
    const int ShrinkAfter = 1 << 20;

    readonly InferenceSession _session;
    readonly string _input;

    public OnnxModel(string resource)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // The arena keeps runs fast (no page faults per tensor); each run shrinks it afterwards (see Run).
        options.EnableCpuMemArena = true;
        _session = new InferenceSession(ModelResources.Bytes(resource), options);
        _input = _session.InputMetadata.Keys.First();
    }

    /// <summary>The first output of a run and its shape, valid only while the run's outputs are alive.</summary>
    public delegate T OutputReader<T>(ReadOnlySpan<float> data, int[] shape);

    /// <summary>Runs the model on one float tensor; returns a copy of the first output and its shape.</summary>
    /// <exception cref="TimeoutException">The run took longer than <paramref name="limit"/> and was stopped.</exception>
    public (float[] Data, int[] Shape) Run(float[] input, long[] shape, TimeSpan limit, CancellationToken cancel) =>
        Run(input, shape, limit, cancel, (data, dims) => (data.ToArray(), dims));

    /// <summary>
    /// Runs the model on one float tensor and lets <paramref name="read"/> take what it needs from the first output in
    /// place (recognition's output is steps × 6625 classes: decoding it there spares a copy of megabytes per line).
    /// </summary>
    /// <exception cref="TimeoutException">The run took longer than <paramref name="limit"/> and was stopped.</exception>
    public T Run<T>(float[] input, long[] shape, TimeSpan limit, CancellationToken cancel, OutputReader<T> read)
    {
        cancel.ThrowIfCancellationRequested();
        using var options = new RunOptions();
        // Every region has its own tensor sizes: an arena that never shrinks keeps the largest of each page and grows
        // with the page count (an 8-page scan peaked at 1 GB). A large run shrinks it afterwards; the many small runs
        // (recognition of one line) keep reusing it, as re-allocating their tensors every time costs CPU.
        if (input.Length >= ShrinkAfter) options.AddRunConfigEntry("memory.enable_memory_arena_shrinkage", "cpu:0");
        bool timedOut = false, finished = false;
        var gate = new object();
        // The timer and the token may fire while the run ends: they touch the options only under the gate and
        // only while the run is going, so a late callback never reaches disposed native options.
        void Stop(bool byTimer)
        {
            lock (gate)
            {
                if (finished) return;
                if (byTimer) timedOut = true;
                options.Terminate = true;
            }
        }
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        // A budget already spent stops the run before its first node; otherwise a timer stops it mid-run. (A timer of
        // 1 ms alone is a race: a busy thread pool may fire it only after a short run has ended.)
        if (limit <= TimeSpan.Zero) Stop(true);
        var timer = new Timer(_ => Stop(true), null, limit > TimeSpan.Zero ? limit : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var registration = cancel.Register(() => Stop(false));
        try
        {
            using var outputs = _session.Run(options, new[] { _input }, new[] { value }, _session.OutputNames);
            var output = outputs[0];
            var dims = output.GetTensorTypeAndShape().Shape.Select(d => (int)d).ToArray();
            return read(output.GetTensorDataAsSpan<float>(), dims);
        }
        catch (OnnxRuntimeException) when (cancel.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancel);
        }
        catch (OnnxRuntimeException e) when (timedOut)
        {
            throw new TimeoutException($"OCR model run took longer than {limit.TotalSeconds:0.###} s", e);
        }
        finally
        {
            lock (gate) finished = true;
            timer.Dispose();
            registration.Dispose();
        }
    }

    public void Dispose() => _session.Dispose();
}

/// <summary>The PP-OCR files embedded in Jixiao.Ingest (see Ocr/Models/PROVENANCE.md).</summary>
internal static class ModelResources
{
    public const string Detection = "ch_PP-OCRv4_det_infer.onnx";
    public const string Recognition = "ch_PP-OCRv4_rec_infer.onnx";
    public const string Direction = "ch_ppocr_mobile_v2.0_cls_infer.onnx";
    public const string Keys = "ppocr_keys_v1.txt";

    /// <summary>Throws <see cref="OcrUnavailableException"/> when a model file is missing, without loading any.</summary>
    public static void EnsurePresent()
    {
        foreach (var name in new[] { Detection, Recognition, Direction, Keys })
            if (typeof(ModelResources).Assembly.GetManifestResourceInfo("Jixiao.Ocr." + name) is null) throw Missing(name);
    }

    static OcrUnavailableException Missing(string name) => new($"OCR model {name} is missing from Jixiao.Ingest (rebuild from a full clone)");

    public static Stream Open(string name) =>
        typeof(ModelResources).Assembly.GetManifestResourceStream("Jixiao.Ocr." + name)
        ?? throw Missing(name);

    public static byte[] Bytes(string name)
    {
        using var s = Open(name);
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }
}
