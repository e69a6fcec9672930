using System.CommandLine;
using System.Text.Json;
using Jixiao.Cli.ConsoleOutput;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao history NAME [--dept X] [--json]`: one indicator across the years.</summary>
internal static class HistoryCommand
{
    public static Command Build()
    {
        var name = new Argument<string>("indicator") { Description = "Indicator name (spacing and small spelling changes are matched)" };
        var dept = new Option<string?>("--dept") { Description = "Part of the department or project name" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var cmd = new Command("history", "Show one indicator's targets and actuals across years") { name, dept, json };
        cmd.SetAction(pr =>
        {
            using var archive = ArchiveOpener.OpenForReading(pr);
            if (archive is null) return 1;
            var hits = archive.History(pr.GetValue(name)!, pr.GetValue(dept));
            if (pr.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(hits, OutputFormats.Json));
                return 0;
            }
            if (hits.Count == 0)
            {
                Console.Error.WriteLine($"no indicator named {pr.GetValue(name)}");
                return 0;
            }
            var t = new TablePrinter("year", "department / project", "scope", "indicator", "target", "actual", "previous years");
            foreach (var h in hits)
                t.Add(h.Year?.ToString(), OutputFormats.Owner(h.Department, h.Project), h.Scope,
                      (h.Fuzzy ? "~" : "") + h.Name, h.Target, h.Actual,
                      string.Join(" ", h.History.Select(kv => $"{kv.Key}:{kv.Value}")));
            t.Write(Console.Out);
            if (hits.Any(h => h.Fuzzy)) Console.Error.WriteLine("~ a similar name (respelled or renamed)");
            return 0;
        });
        return cmd;
    }
}
