using System.Diagnostics;

namespace Jixiao.Cli.Bench;

/// <summary>How to start this same `jixiao` as a child process: its apphost, or `dotnet jixiao.dll` when run that way.</summary>
internal static class SelfCommand
{
    public static ProcessStartInfo Start(params string[] args)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var psi = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }
}
