using System.Diagnostics;

namespace Jixiao.Ingest.Ocr;

/// <summary>Runs a command-line tool with a time limit and cancellation, capturing stdout.</summary>
internal static class ExternalTool
{
    public static string? Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var full = Path.Combine(dir, name);
            if (File.Exists(full)) return full;
        }
        return null;
    }

    public static string Run(string exe, IEnumerable<string> args, TimeSpan limit, CancellationToken cancel)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // Tesseract's OpenMP threads fight the rest of the machine for cores; one is enough.
        psi.Environment["OMP_THREAD_LIMIT"] = "1";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + exe);
        var stdout = p.StandardOutput.ReadToEndAsync(cancel);
        var stderr = p.StandardError.ReadToEndAsync(cancel);
        var deadline = DateTime.UtcNow + limit;
        while (!p.WaitForExit(200))
        {
            if (cancel.IsCancellationRequested || DateTime.UtcNow > deadline)
            {
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                cancel.ThrowIfCancellationRequested();
                throw new TimeoutException($"{Path.GetFileName(exe)} took longer than {limit.TotalSeconds:0} s");
            }
        }
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(exe)} failed ({p.ExitCode}): {DocumentReader.OneLine(stderr.Result)}");
        return stdout.Result;
    }
}
