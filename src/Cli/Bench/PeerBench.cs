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
        var s = report.Add("Legacy .doc: jixiao vs LibreOffice (soffice --headless --convert-to docx)", "tool", "mode", "files", "time", "docs/s", "jixiao faster by");
        var docs = parsed.Where(p => p.Format == "doc").ToList();
        var exe = Find("soffice") ?? Find("libreoffice");
        if (exe is null) { s.Note("soffice not found on PATH: skipped (apt-get install libreoffice-writer-nogui)"); return; }
        if (docs.Count == 0) { s.Note("no .doc files in the corpus: skipped"); return; }
        var ours = ParseBench.Sum(docs.Select(d => d.Parse));
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
        var each = ParseBench.Sum(docs.Select(d => RunTool(exe, common.Append(d.Path), TimeSpan.FromMinutes(3)).Elapsed));
        int converted = Directory.EnumerateFiles(outDir, "*.docx").Count();
        s.Row("jixiao", "parse, 1 thread", docs.Count.ToString(), Figures.Sec(ours), Figures.Rate(docs.Count, ours), "-");
        s.Row("soffice", "one call, all files", docs.Count.ToString(), Figures.Sec(batch.Elapsed), Figures.Rate(docs.Count, batch.Elapsed), Ratio(batch.Elapsed, ours));
        s.Row("soffice", "one call per file", docs.Count.ToString(), Figures.Sec(each), Figures.Rate(docs.Count, each), Ratio(each, ours));
        s.Note($"jixiao read {docs.Count(d => d.Ok)} of {docs.Count} .doc files; soffice wrote {converted} distinct .docx files (batch exit code {batch.ExitCode}).");
        s.Note("soffice also lays out and writes a .docx, jixiao only reads: the ratio is 'time to usable content', not identical work.");
    }

    public static void Pdftotext(BenchReport report, IReadOnlyList<ParsedFile> parsed, string scratch, Action<string> log)
    {
        var s = report.Add("PDF: jixiao vs pdftotext -layout", "tool", "files", "pages", "time", "docs/s", "pages/s", "jixiao faster by");
        var pdfs = parsed.Where(p => p.Format == "pdf").ToList();
        var exe = Find("pdftotext");
        if (exe is null) { s.Note("pdftotext not found on PATH: skipped (apt-get install poppler-utils)"); return; }
        if (pdfs.Count == 0) { s.Note("no PDF files in the corpus: skipped"); return; }
        log($"pdftotext: {pdfs.Count} files");
        var outFile = Path.Combine(scratch, "pdftotext.txt");
        RunTool(exe, new[] { "-layout", pdfs[0].Path, outFile }, TimeSpan.FromMinutes(2));
        var peer = ParseBench.Sum(pdfs.Select(p => RunTool(exe, new[] { "-layout", p.Path, outFile }, TimeSpan.FromMinutes(2)).Elapsed));
        var ours = ParseBench.Sum(pdfs.Select(p => p.Parse));
        int pages = pdfs.Sum(p => p.Pages);
        s.Row("jixiao", pdfs.Count.ToString(), pages.ToString(), Figures.Sec(ours), Figures.Rate(pdfs.Count, ours), Figures.Rate(pages, ours), "-");
        s.Row("pdftotext -layout", pdfs.Count.ToString(), pages.ToString(), Figures.Sec(peer), Figures.Rate(pdfs.Count, peer), Figures.Rate(pages, peer), Ratio(peer, ours));
        s.Note("pdftotext is timed per file including process start; jixiao in-process after warm-up. jixiao builds tables (and OCRs scanned pages); pdftotext only lays out text.");
        var scanned = pdfs.OrderByDescending(p => p.Parse).First();
        s.Note($"slowest jixiao PDF: {Path.GetFileName(scanned.Path)} {scanned.Parse.TotalMilliseconds:0} ms");
    }

    /// <summary>"2.5x" when jixiao is faster, "0.40x" when slower (peer time / jixiao time).</summary>
    static string Ratio(TimeSpan peer, TimeSpan ours) => ours <= TimeSpan.Zero ? "-" : (peer / ours).ToString("0.00") + "x";

    sealed record ToolRun(TimeSpan Elapsed, int ExitCode);

    static ToolRun RunTool(string exe, IEnumerable<string> args, TimeSpan limit)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + exe);
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            return new ToolRun(sw.Elapsed, -1);
        }
        p.WaitForExit();
        return new ToolRun(sw.Elapsed, p.ExitCode);
    }

    static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var full = Path.Combine(dir, name);
            if (File.Exists(full)) return full;
        }
        return null;
    }
}
