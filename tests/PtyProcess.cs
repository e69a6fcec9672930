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
