using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Jixiao.Cli.Tests.Report;

/// <summary>
/// Debian's chromium driven over the DevTools protocol (CDP) with a small WebSocket client: no browser
/// download, no Playwright. One page; navigate, evaluate JS, click with real mouse events, screenshot.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    /// <summary>The apt line CI needs (fonts so that Chinese is not drawn as boxes).</summary>
    public const string AptLine = "apt-get install -y chromium fonts-noto-cjk";

    readonly Process _process;
    readonly string _profile;
    readonly ClientWebSocket _socket = new();
    int _nextId;

    HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("JIXIAO_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    /// <summary>Starts chromium; fails the test with the install line when it is not there.</summary>
    public static HeadlessChromium Launch(int width = 1600, int height = 1000)
    {
        var exe = ExecutablePath;
        if (!File.Exists(exe))
            Assert.Fail($"chromium not found at {exe}: the browser test needs Debian's chromium (`{AptLine}`), or set JIXIAO_CHROMIUM");
        var profile = Directory.CreateTempSubdirectory("jixiao-chromium-").FullName;
        var psi = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                     $"--window-size={width},{height}", "--hide-scrollbars", "about:blank",
                 })
            psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        var browser = new HeadlessChromium(p, profile);
        try
        {
            browser.Connect();
        }
        catch
        {
            browser.Dispose();
            throw;
        }
        return browser;
    }

    /// <summary>Chromium prints its DevTools address on stderr; the page's socket is listed at /json/list.</summary>
    void Connect()
    {
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new StringBuilder();
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) { port.TrySetException(new InvalidOperationException("chromium exited: " + stderr)); return; }
            lock (stderr) stderr.AppendLine(e.Data);
            var m = Regex.Match(e.Data, @"DevTools listening on ws://[^:]+:(\d+)/");
            if (m.Success) port.TrySetResult(int.Parse(m.Groups[1].Value));
        };
        _process.BeginErrorReadLine();
        // A bound for a broken browser only: on a loaded 2-core box chromium's start-up alone can take tens of seconds.
        if (!port.Task.Wait(TimeSpan.FromMinutes(2))) throw new TimeoutException("chromium did not open its DevTools port in 2 min: " + stderr);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        string? ws = null;
        for (int i = 0; i < 50 && ws is null; i++)
        {
            var list = JsonNode.Parse(http.GetStringAsync($"http://127.0.0.1:{port.Task.Result}/json/list").Result)!.AsArray();
            ws = list.FirstOrDefault(t => (string?)t!["type"] == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
            if (ws is null) Thread.Sleep(100);
        }
        if (ws is null) throw new InvalidOperationException("chromium has no page target");
        _socket.ConnectAsync(new Uri(ws), Timeout(10)).Wait();
    }

    /// <summary>
    /// CPU time (user + system) used so far by chromium and all its child processes (renderer, GPU, network),
    /// from /proc: what opening a page costs, independent of how busy the machine is.
    /// </summary>
    public TimeSpan CpuTime
    {
        get
        {
            var stats = new List<(int Pid, int Parent, long Ticks)>();
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    // Fields after the command name, which is in parentheses and may hold spaces.
                    var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    stats.Add((pid, int.Parse(f[1]), long.Parse(f[11]) + long.Parse(f[12])));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
            }
            var tree = new HashSet<int> { _process.Id };
            for (bool grew = true; grew;)
            {
                grew = false;
                foreach (var (pid, parent, _) in stats)
                    if (tree.Contains(parent) && tree.Add(pid)) grew = true;
            }
            // Linux reports in clock ticks of 1/100 s (USER_HZ).
            return TimeSpan.FromSeconds(stats.Where(x => tree.Contains(x.Pid)).Sum(x => x.Ticks) / 100.0);
        }
    }

    static CancellationToken Timeout(int seconds) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    /// <summary>Sends one command and waits for its answer (events in between are skipped).</summary>
    public JsonNode Send(string method, object? parameters = null)
    {
        int id = ++_nextId;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        _socket.SendAsync(message, WebSocketMessageType.Text, true, Timeout(10)).Wait();
        var buffer = new byte[1 << 16];
        var deadline = Timeout(30);
        while (true)
        {
            using var ms = new MemoryStream();
            WebSocketReceiveResult r;
            do
            {
                r = _socket.ReceiveAsync(buffer, deadline).Result;
                ms.Write(buffer, 0, r.Count);
            } while (!r.EndOfMessage);
            var node = JsonNode.Parse(ms.ToArray())!;
            if ((int?)node["id"] != id) continue;
            if (node["error"] is JsonNode err) throw new InvalidOperationException($"{method}: {err.ToJsonString()}");
            return node["result"]!;
        }
    }

    public void Navigate(string url, int timeoutSeconds = 20)
    {
        Send("Page.enable");
        Send("Page.navigate", new { url });
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        // about:blank is "complete" too: wait for the new document, not just any loaded one.
        var expected = JsonSerializer.Serialize(url);
        while (Evaluate($"location.href === {expected} && document.readyState === 'complete'")?.GetValue<bool>() != true)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("page did not load: " + url);
            Thread.Sleep(50);
        }
    }

    /// <summary>The value of a JS expression (JSON-serializable results only).</summary>
    public JsonNode? Evaluate(string expression)
    {
        var r = Send("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (r["exceptionDetails"] is JsonNode ex) throw new InvalidOperationException("JS error: " + ex.ToJsonString());
        return r["result"]?["value"];
    }

    /// <summary>Scrolls the element into view and clicks its middle with real mouse events (as a person would).</summary>
    public void Click(string cssSelector)
    {
        var sel = JsonSerializer.Serialize(cssSelector);
        var box = Evaluate($"(function(){{var e=document.querySelector({sel});if(!e)return null;e.scrollIntoView({{block:'center'}});" +
                           "var r=e.getBoundingClientRect();return {x:r.left+r.width/2,y:r.top+r.height/2};})()")
                  ?? throw new InvalidOperationException("no element " + cssSelector);
        double x = box["x"]!.GetValue<double>(), y = box["y"]!.GetValue<double>();
        Send("Input.dispatchMouseEvent", new { type = "mouseMoved", x, y });
        Send("Input.dispatchMouseEvent", new { type = "mousePressed", x, y, button = "left", clickCount = 1 });
        Send("Input.dispatchMouseEvent", new { type = "mouseReleased", x, y, button = "left", clickCount = 1 });
    }

    public void Screenshot(string path)
    {
        var r = Send("Page.captureScreenshot", new { format = "png" });
        File.WriteAllBytes(path, Convert.FromBase64String(r["data"]!.GetValue<string>()));
    }

    public void Dispose()
    {
        try { _socket.Dispose(); } catch (Exception) { }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
