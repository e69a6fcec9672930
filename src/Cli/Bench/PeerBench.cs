using System.Diagnostics;

namespace Jixiao.Cli.Bench;

/// <summary>
/// Times a peer tool (LibreOffice for .doc, pdftotext for PDF) on the same files jixiao parsed, in the same
/// run, so the ratio is taken under the same machine load. A missing tool is reported and skipped.
/// </summary>
internal static class PeerBench
{
    public static void Soffice(BenchReport report, IReadOnlyList<ParsedFile> parsed, string scratch, Action<string> log)
    {
        var s = report.Add("Legacy .doc: jixiao vs LibreOffice (soffice --headless --convert-to docx)", "tool", "mode", "files", "wall", "docs/s", "peer/jixiao wall", "cpu", "peer/jixiao cpu");
        var docs = parsed.Where(p => p.Format == "doc").ToList();
        var exe = Find("soffice") ?? Find("libreoffice");
        if (exe is null) { s.Note("soffice not found on PATH: skipped (apt-get install libreoffice-writer-nogui)"); return; }
        if (docs.Count == 0) { s.Note("no .doc files in the corpus: skipped"); return; }
        var ours = ParseBench.Sum(docs.Select(d => d.Parse));
        var oursCpu = ParseBench.Sum(docs.Select(d => d.ParseCpu));
        // A private profile: a shared one is locked by any other soffice running on the machine.
        var profile = Path.Combine(scratch, "lo-profile");
        var outDir = Path.Combine(scratch, "lo-out");
        Directory.CreateDirectory(outDir);
        var common = new List<string> { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "docx", "--outdir", outDir };
        log("soffice: warm-up (creates its profile)");
        RunTool(exe, common.Append(docs[0].Path), TimeSpan.FromMinutes(3));
        log($"soffice: batch of {docs.Count} files");
        var batch = RunTool(exe, common.Concat(docs.Select(d => d.Path)), TimeSpan.FromMinutes(15));
        log($"soffice: {docs.Count} files one by one");
        var eachRuns = docs.Select(d => RunTool(exe, common.Append(d.Path), TimeSpan.FromMinutes(3))).ToList();
        var each = ParseBench.Sum(eachRuns.Select(r => r.Elapsed));
        var eachCpu = eachRuns.All(r => r.Cpu is not null) ? ParseBench.Sum(eachRuns.Select(r => r.Cpu!.Value)) : (TimeSpan?)null;
        log($"jixiao extract --json: {docs.Count} files in one call (whole process)");
        var whole = WholeProcess(docs.Select(d => d.Path));
        int converted = Directory.EnumerateFiles(outDir, "*.docx").Count();
        s.Row("jixiao", "parse, 1 thread", docs.Count.ToString(), Figures.Sec(ours), Figures.Rate(docs.Count, ours), "-", Figures.Sec(oursCpu), "-");
        s.Row("jixiao", "extract --json, one call", docs.Count.ToString(), Figures.Sec(whole.Elapsed), Figures.Rate(docs.Count, whole.Elapsed), "-", Cpu(whole.Cpu), "-");
        s.Row("soffice", "one call, all files", docs.Count.ToString(), Figures.Sec(batch.Elapsed), Figures.Rate(docs.Count, batch.Elapsed), Ratio(batch.Elapsed, ours),
            Cpu(batch.Cpu), Ratio(batch.Cpu, oursCpu));
        s.Row("soffice / jixiao", "one call each, whole process", docs.Count.ToString(), "-", "-", Ratio(batch.Elapsed, whole.Elapsed), "-",
            whole.Cpu is { } wc ? Ratio(batch.Cpu, wc) : "-");
        s.Note($"#20 targets: whole process, soffice's one batched call takes {Ratio(batch.Elapsed, whole.Elapsed)} jixiao's wall time (target: at least 20x); " +
               $"in-process parse {Ratio(batch.Elapsed, ours)} (target: at least 100x).");
        s.Row("soffice", "one call per file", docs.Count.ToString(), Figures.Sec(each), Figures.Rate(docs.Count, each), Ratio(each, ours),
            Cpu(eachCpu), Ratio(eachCpu, oursCpu));
        s.Note($"jixiao read {docs.Count(d => d.Ok)} of {docs.Count} .doc files; soffice wrote {converted} distinct .docx files (batch exit code {batch.ExitCode}).");
        s.Note("ratios are peer time / jixiao time: above 1 means jixiao is faster. CPU time (user+system) is the fairer figure on a loaded machine.");
        s.Note($"whole process: `jixiao extract FILES --json` (start-up, parse, extract, JSON; exit {whole.ExitCode}: 1 when some files are unreadable) against one batched soffice call.");
        s.Note("soffice also lays out and writes a .docx, jixiao only reads: the ratio is 'time to usable content', not identical work.");
    }

    public static void Pdftotext(BenchReport report, IReadOnlyList<ParsedFile> parsed, string scratch, Action<string> log)
    {
        var s = report.Add("PDF: jixiao vs pdftotext -layout (text PDFs)", "tool", "files", "pages", "wall", "docs/s", "pages/s", "peer/jixiao wall", "cpu", "peer/jixiao cpu", "peak memory");
        // Scanned PDFs go through OCR, which pdftotext does not do: they have their own comparison (--vs-tesseract).
        var pdfs = parsed.Where(p => p.Format == "pdf" && p.Ok && !p.Ocr).ToList();
        int leftOut = parsed.Count(p => p.Format == "pdf") - pdfs.Count;
        var exe = Find("pdftotext");
        if (exe is null) { s.Note("pdftotext not found on PATH: skipped (apt-get install poppler-utils)"); return; }
        if (pdfs.Count == 0) { s.Note("no PDF files in the corpus: skipped"); return; }
        log($"pdftotext: {pdfs.Count} files");
        var outFile = Path.Combine(scratch, "pdftotext.txt");
        RunTool(exe, new[] { "-layout", pdfs[0].Path, outFile }, TimeSpan.FromMinutes(2));
        var peerRuns = pdfs.Select(p => RunTool(exe, new[] { "-layout", p.Path, outFile }, TimeSpan.FromMinutes(2))).ToList();
        var peer = ParseBench.Sum(peerRuns.Select(r => r.Elapsed));
        var peerCpu = peerRuns.All(r => r.Cpu is not null) ? ParseBench.Sum(peerRuns.Select(r => r.Cpu!.Value)) : (TimeSpan?)null;
        var ours = ParseBench.Sum(pdfs.Select(p => p.Parse));
        var oursCpu = ParseBench.Sum(pdfs.Select(p => p.ParseCpu));
        int pages = pdfs.Sum(p => p.Pages);
        log($"jixiao extract --json: {pdfs.Count} files in one call (whole process)");
        var whole = WholeProcess(pdfs.Select(p => p.Path));
        s.Row("jixiao", pdfs.Count.ToString(), pages.ToString(), Figures.Sec(ours), Figures.Rate(pdfs.Count, ours), Figures.Rate(pages, ours), "-", Figures.Sec(oursCpu), "-", "-");
        s.Row("jixiao extract --json, one call", pdfs.Count.ToString(), pages.ToString(), Figures.Sec(whole.Elapsed), Figures.Rate(pdfs.Count, whole.Elapsed),
            Figures.Rate(pages, whole.Elapsed), Ratio(peer, whole.Elapsed), Cpu(whole.Cpu), whole.Cpu is { } wc ? Ratio(peerCpu, wc) : "-", Figures.Mb(whole.PeakBytes));
        s.Row("pdftotext -layout", pdfs.Count.ToString(), pages.ToString(), Figures.Sec(peer), Figures.Rate(pdfs.Count, peer), Figures.Rate(pages, peer), Ratio(peer, ours),
            Cpu(peerCpu), Ratio(peerCpu, oursCpu), "-");
        s.Note($"#20 target (whole process): jixiao takes {Times(whole.Elapsed, peer)} pdftotext's wall time and {(whole.Cpu is { } c2 && peerCpu is { } pc ? Times(c2, pc) : "n/a")} its CPU time (target: at most 2x); " +
               $"peak working set of that process {Figures.Mb(whole.PeakBytes)} (target: at most 200 MB).");
        if (leftOut > 0) s.Note($"{leftOut} scanned or unreadable PDF(s) left out (OCR has its own comparison, --vs-tesseract).");
        s.Note("ratios are peer time / jixiao time: above 1 means jixiao is faster. CPU time (user+system) is the fairer figure on a loaded machine.");
        s.Note("the whole-process row is `jixiao extract FILES --json` in one call (start-up, parse, extract, JSON) against pdftotext per file: its peer/jixiao below 1 means jixiao takes longer (0.50x = twice pdftotext's time).");
        s.Note("pdftotext is timed per file including process start; the first jixiao row is in-process after warm-up. jixiao builds tables (and OCRs scanned pages); pdftotext only lays out text.");
        var scanned = pdfs.OrderByDescending(p => p.Parse).First();
        s.Note($"slowest jixiao PDF: {Path.GetFileName(scanned.Path)} {scanned.Parse.TotalMilliseconds:0} ms");
    }

    /// <summary>Peer time / jixiao time: "2.50x" means jixiao is 2.5 times faster, "0.40x" that it is slower.</summary>
    static string Ratio(TimeSpan? peer, TimeSpan ours) =>
        peer is null || ours <= TimeSpan.Zero ? "-" : (peer.Value / ours).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "x";

    static string Cpu(TimeSpan? t) => t is null ? "n/a" : Figures.Sec(t.Value);

    /// <summary>`jixiao extract FILES --json` as one child process: start-up included, as a user runs it.</summary>
    static ToolRun WholeProcess(IEnumerable<string> files)
    {
        var psi = SelfCommand.Start(new[] { "extract" }.Concat(files).Append("--json").ToArray());
        return RunTool(psi.FileName, psi.ArgumentList, TimeSpan.FromMinutes(30));
    }

    sealed record ToolRun(TimeSpan Elapsed, int ExitCode, TimeSpan? Cpu)
    {
        /// <summary>The child's peak working set (VmHWM, read while it runs; 0 when it ended before the first look).</summary>
        public long PeakBytes { get; init; }
    }

    /// <summary>"2.35x": how many times <paramref name="ours"/> the peer's time is.</summary>
    internal static string Times(TimeSpan ours, TimeSpan peer) =>
        peer <= TimeSpan.Zero ? "-" : (ours / peer).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "x";

    static ToolRun RunTool(string exe, IEnumerable<string> args, TimeSpan limit)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        var cpu0 = CpuTime.Children();
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + exe);
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!p.WaitForExit(TimeSpan.FromMilliseconds(50)))
        {
            peak = Math.Max(peak, PeakOf(p));
            if (sw.Elapsed < limit) continue;
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            p.WaitForExit();
            return new ToolRun(sw.Elapsed, -1, CpuTime.Children() - cpu0) { PeakBytes = peak };
        }
        p.WaitForExit();
        return new ToolRun(sw.Elapsed, p.ExitCode, CpuTime.Children() - cpu0) { PeakBytes = peak };
    }

    static long PeakOf(Process p)
    {
        try
        {
            p.Refresh();
            return p.PeakWorkingSet64;
        }
        catch (InvalidOperationException) { return 0; } // ended meanwhile
    }

    internal static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var full = Path.Combine(dir, name);
            if (File.Exists(full)) return full;
        }
        return null;
    }
}
