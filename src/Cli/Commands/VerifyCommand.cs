using System.CommandLine;
using Jixiao.Cli.ConsoleOutput;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao verify [--no-files]`: check the archive's consistency and the files behind it. Changes nothing.</summary>
internal static class VerifyCommand
{
    public static Command Build()
    {
        var noFiles = new Option<bool>("--no-files") { Description = "Skip re-hashing the imported files on disk" };
        var cmd = new Command("verify", "Check the archive: references, counts, files still present and unchanged") { noFiles };
        cmd.SetAction(pr =>
        {
            using var archive = ArchiveOpener.OpenForReading(pr);
            if (archive is null) return 1;
            // A damaged page can link back to itself and LiteDB would follow it forever: verify answers within
            // a bound that grows with the archive (a sound archive reads far faster than this).
            // (A PostgreSQL archive has no file here: its server bounds its own reads.)
            var size = File.Exists(archive.Location) ? new FileInfo(archive.Location).Length : 0;
            var limit = TimeSpan.FromSeconds(60 + size / (256 * 1024));
            var check = Task.Factory.StartNew(() => archive.Verify(checkFiles: !pr.GetValue(noFiles)), TaskCreationOptions.LongRunning);
            if (!check.Wait(pr.GetValue(noFiles) ? limit : limit * 10))
            {
                Console.Out.WriteLine($"problem: damaged archive: reading it did not end within {limit.TotalSeconds:0} s (a damaged page links back on itself?); `jixiao rebuild` re-creates it from its sources");
                Console.Out.Flush();
                Environment.Exit(1);
            }
            var r = check.Result;
            Console.Out.WriteLine($"{r.Documents} documents, {r.Forms} forms, {r.Indicators} indicators, {r.BudgetFacts} budget facts");
            if (!pr.GetValue(noFiles)) Console.Out.WriteLine($"files: {r.MissingFiles} missing, {r.ChangedFiles} changed since import");
            foreach (var p in r.Problems) Console.Out.WriteLine("problem: " + p);
            Console.Out.WriteLine(r.Ok ? "ok" : $"{r.Problems.Count} problem(s)");
            return r.Ok ? 0 : 1;
        });
        return cmd;
    }
}
