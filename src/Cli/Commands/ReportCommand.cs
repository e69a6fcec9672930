using System.CommandLine;
using Jixiao.Cli.ConsoleOutput;
using Jixiao.Cli.Report;
using Jixiao.Store;

namespace Jixiao.Cli.Commands;

/// <summary>
/// `jixiao report FILE…|--all --out DIR [--history NAME [--dept X]]`: a static HTML spot-check report. Each
/// form's source tables (merged cells as in the document) beside its facts, each fact linked to its cell.
/// </summary>
internal static class ReportCommand
{
    public static Command Build()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.ZeroOrMore, Description = "Files to read, extract and show (no archive needed)" };
        var all = new Option<bool>("--all") { Description = "Every document in the archive (files re-read from their stored paths)" };
        var output = new Option<string>("--out") { Description = "Folder to write index.html and the pages into", Required = true };
        var history = new Option<string?>("--history") { Description = "Also write history.html: this indicator's target/actual per year" };
        var dept = new Option<string?>("--dept") { Description = "With --history: part of the department or project name" };
        var cmd = new Command("report", "Write a static HTML report to spot-check extractions against their source tables") { files, all, output, history, dept };
        cmd.SetAction(pr =>
        {
            var paths = pr.GetValue(files) ?? Array.Empty<string>();
            bool everything = pr.GetValue(all);
            var name = pr.GetValue(history);
            var dir = Path.GetFullPath(pr.GetValue(output)!);
            if (paths.Length == 0 && !everything && name is null)
            {
                Console.Error.WriteLine("jixiao report: name FILE(s), --all or --history NAME");
                return 2;
            }
            if (paths.Length > 0 && everything)
            {
                Console.Error.WriteLine("jixiao report: FILE and --all exclude each other");
                return 2;
            }
            IArchive? archive = null;
            try
            {
                if (everything || name is not null)
                {
                    archive = ArchiveOpener.OpenForReading(pr);
                    if (archive is null) return 1;
                }
                // Each page is written as soon as its document is read, and only the facts stay for the index:
                // holding every re-read source at once took gigabytes on a real archive.
                var docs = new List<ReportDocument>();
                int n = 0;
                foreach (var p in paths)
                {
                    if (!SourceFile.Exists(p)) Console.Error.WriteLine($"jixiao report: {TerminalText.Safe(p)}: file not found");
                    docs.Add(ReportWriter.WritePage(dir, ReportLoader.FromFile(p, ++n)));
                }
                if (everything)
                {
                    var stored = archive!.AllDocuments();
                    using var progress = new ProgressLine(stored.Count) { Verb = "report" }.Start();
                    foreach (var d in stored)
                    {
                        progress.Reading(d.Path);
                        docs.Add(ReportWriter.WritePage(dir, ReportLoader.FromArchive(archive, d)));
                        progress.Update(docs.Count - paths.Length, 0);
                    }
                    progress.Finish();
                }
                if (name is not null)
                {
                    var hits = archive!.History(name, pr.GetValue(dept));
                    ReportWriter.WriteHistory(dir, name, hits);
                    Console.Error.WriteLine($"history of {TerminalText.Safe(name)}: {hits.Count} row(s) → {Path.Combine(dir, "history.html")}");
                }
                if (paths.Length > 0 || everything)
                {
                    ReportWriter.WriteIndex(dir, docs, name is not null);
                    Console.Error.WriteLine($"{docs.Count} document(s), {docs.Sum(d => d.Forms.Count)} form(s), " +
                                            $"{docs.Sum(d => d.FlaggedCount)} flagged → {Path.Combine(dir, "index.html")}");
                }
                // A named file that could not be read is the caller's problem (exit 1); failed documents of the
                // archive are what the report is for, and listed in it.
                return docs.Take(paths.Length).Any(d => d.Status == DocumentStatus.Failed) ? 1 : 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"jixiao report: cannot write {dir}: {e.Message}");
                return 1;
            }
            finally
            {
                archive?.Dispose();
            }
        });
        return cmd;
    }
}
