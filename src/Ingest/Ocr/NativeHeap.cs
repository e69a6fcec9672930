using System.Runtime.InteropServices;

namespace Jixiao.Ingest.Ocr;

/// <summary>
/// Hands the C heap's free pages back to the system after a scanned page. ONNX Runtime allocates each model run's
/// tensors (tens of megabytes, a different size for every region) with malloc; glibc keeps what is freed in
/// per-thread arenas, so without this a process reading many pages on several threads grows with the page count
/// although only the pages in flight hold memory.
/// </summary>
internal static class NativeHeap
{
    static bool _unavailable = !OperatingSystem.IsLinux();

    public static void Trim()
    {
        if (_unavailable) return;
        try { malloc_trim(UIntPtr.Zero); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { _unavailable = true; }
    }

    // glibc only (musl has no malloc_trim: the entry point is missing and Trim turns itself off).
    [DllImport("libc", EntryPoint = "malloc_trim")]
    static extern int malloc_trim(UIntPtr pad);
}
