using System.Diagnostics;
using System.Text;

namespace Jixiao.Tests;

/// <summary>
/// Runs the built jixiao under a pseudo-terminal, as a person typing in a terminal does: util-linux `script`
/// gives the child a pty for stdin, stdout and stderr, so Console.IsErrorRedirected is false and the
/// terminal-only code paths (progress redraws) run. What the pty showed comes back as one string.
/// </summary>
internal static class PtyProcess
{
    public sealed record Result(int ExitCode, string Screen);

    public static bool Available => File.Exists("/usr/bin/script");

    public static Result Run(TimeSpan limit, params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var command = string.Join(' ', new[] { dotnet, Path.Combine(AppContext.BaseDirectory, "jixiao.dll") }.Concat(args).Select(Quote));
        var psi = new ProcessStartInfo("/usr/bin/script")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        // -q quiet, -e return the child's exit code, -c the command; the typescript itself goes nowhere.
        foreach (var a in new[] { "-qec", command, "/dev/null" }) psi.ArgumentList.Add(a);
        psi.Environment.Remove("JIXIAO_DB");
        using var p = Process.Start(psi)!;
        var screen = p.StandardOutput.ReadToEndAsync();
        var err = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("jixiao under a pty did not finish in " + limit + ": " + command);
        }
        return new Result(p.ExitCode, screen.Result + err.Result);
    }

    static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}

/// <summary>
/// An interactive jixiao under a pseudo-terminal: the screen is read as it is drawn, and keys are typed into
/// the pty (Ctrl-C is byte 0x03: the terminal's line discipline turns it into SIGINT for the foreground
/// process group, exactly as when a person presses it).
/// </summary>
internal sealed class PtySession : IDisposable
{
    readonly Process _p;
    readonly StringBuilder _screen = new();
    readonly Task _reader;

    public PtySession(string workingDirectory, string command)
    {
        var psi = new ProcessStartInfo("/usr/bin/script")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in new[] { "-qec", command, "/dev/null" }) psi.ArgumentList.Add(a);
        psi.Environment.Remove("JIXIAO_DB");
        _p = Process.Start(psi)!;
        _reader = Task.Run(async () =>
        {
            var buffer = new char[4096];
            var reader = new StreamReader(_p.StandardOutput.BaseStream, Encoding.UTF8);
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0)
                lock (_screen) _screen.Append(buffer, 0, n);
        });
    }

    /// <summary>The jixiao command line (dotnet + the built jixiao.dll + args), quoted for the shell.</summary>
    public static string Jixiao(params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return string.Join(' ', new[] { dotnet, Path.Combine(AppContext.BaseDirectory, "jixiao.dll") }.Concat(args).Select(Quote));
    }

    public static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    public string Screen
    {
        get { lock (_screen) return _screen.ToString(); }
    }

    /// <summary>Waits until the screen satisfies <paramref name="seen"/>; false at the limit or when the process ended first.</summary>
    public bool WaitFor(Func<string, bool> seen, TimeSpan limit)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < limit)
        {
            if (seen(Screen)) return true;
            if (_p.HasExited) return seen(Screen);
            Thread.Sleep(20);
        }
        return false;
    }

    public void PressCtrlC()
    {
        _p.StandardInput.BaseStream.WriteByte(0x03);
        _p.StandardInput.BaseStream.Flush();
    }

    public int WaitForExit(TimeSpan limit)
    {
        if (!_p.WaitForExit(limit))
        {
            _p.Kill(entireProcessTree: true);
            throw new TimeoutException("jixiao under a pty did not end in " + limit + "; screen:\n" + Screen);
        }
        _reader.Wait(TimeSpan.FromSeconds(10));
        return _p.ExitCode;
    }

    public void Dispose()
    {
        if (!_p.HasExited) _p.Kill(entireProcessTree: true);
        _p.Dispose();
    }
}
