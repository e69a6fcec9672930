using System.Diagnostics;
using System.Text;

namespace Jixiao.Tests;

/// <summary>Runs the built jixiao (jixiao.dll beside the tests) as a real process.</summary>
internal static class JixiaoProcess
{
    public sealed record Result(int ExitCode, string Out, string Err);

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "jixiao.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("JIXIAO_DB");
        return psi;
    }

    public static Result Run(params string[] args) => Run(TimeSpan.FromMinutes(3), args);

    public static Result Run(TimeSpan limit, params string[] args)
    {
        using var p = Process.Start(StartInfo(args))!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("jixiao " + string.Join(' ', args) + " did not finish in " + limit);
        }
        return new Result(p.ExitCode, output.Result, err.Result);
    }
}

/// <summary>A temp folder for one test, deleted afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("jixiao-test-").FullName;
    public string Db => System.IO.Path.Combine(Path, "archive.db");
    public string Sub(string name) => Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;
    public void Dispose()
    {
        try
        {
            foreach (var f in Directory.EnumerateFiles(Path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
                File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
