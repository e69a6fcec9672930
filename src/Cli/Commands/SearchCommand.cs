using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.Cli.ConsoleOutput;
using Jixiao.Store;

namespace Jixiao.Cli.Commands;

/// <summary>
/// `jixiao search [TEXT] [--year 2019..2024] [--dept X] [--kind X] [--level1 X] [--target '>=95%'] [--json|--csv] [--limit N]`.
/// </summary>
internal static class SearchCommand
{
    public static Command Build()
    {
        var text = new Argument<string?>("text") { Arity = ArgumentArity.ZeroOrOne, Description = "Part of an indicator name (typos tolerated)" };
        var year = new Option<string?>("--year") { Description = "A year (2024) or a range (2019..2024, 2022.., ..2023)" };
        var dept = new Option<string?>("--dept") { Description = "Part of the department or project name" };
        var kind = new Option<string?>("--kind") { Description = "Part of the form kind (自评, 项目支出绩效目标表, …)" };
        var level1 = new Option<string?>("--level1") { Description = "Part of the level-1 indicator (产出, 效益, 满意度, …)" };
        var target = new Option<string?>("--target") { Description = "Target comparison, e.g. '>=95%', '<10', '=100%'" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var csv = new Option<bool>("--csv") { Description = "Print CSV" };
        var limit = new Option<int>("--limit") { Description = "Most rows to print", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0) r.AddError("--limit must be 0 or more");
        });
        var cmd = new Command("search", "Find indicators in the archive") { text, year, dept, kind, level1, target, json, csv, limit };
        cmd.SetAction(pr =>
        {
            if (!TryYears(pr.GetValue(year), out var from, out var to))
                return Usage($"--year: expected 2024 or 2019..2024, got '{pr.GetValue(year)}'");
            TargetValue? t = null;
            if (pr.GetValue(target) is { Length: > 0 } ts)
            {
                t = TargetValue.Parse(ts);
                if (t?.Number is null) return Usage($"--target: expected a comparison such as '>=95%', got '{ts}'");
            }
            if (pr.GetValue(json) && pr.GetValue(csv)) return Usage("--json and --csv exclude each other");
            var query = new SearchQuery
            {
                Text = pr.GetValue(text), YearFrom = from, YearTo = to, Department = pr.GetValue(dept),
                Kind = pr.GetValue(kind), Level1 = pr.GetValue(level1), Target = t, Limit = Math.Max(0, pr.GetValue(limit)),
            };
            SearchResult result;
            for (int attempt = 1; ; attempt++)
            {
                using var archive = ArchiveOpener.OpenForReading(pr);
                if (archive is null) return 1;
                try
                {
                    result = archive.Search(query);
                    break;
                }
                // An import in another process folds its log into the file when it closes; a read that
                // overlaps that moment sees pages being moved. Reading again after it settles is safe.
                catch (LiteDB.LiteException) when (attempt < 6)
                {
                    Thread.Sleep(150 * attempt);
                }
            }
            if (pr.GetValue(json)) Console.Out.WriteLine(JsonSerializer.Serialize(result.Hits, OutputFormats.Json));
            else if (pr.GetValue(csv)) WriteCsv(result.Hits);
            else WriteTable(result);
            return 0;
        });
        return cmd;
    }

    static int Usage(string message)
    {
        Console.Error.WriteLine("jixiao search: " + message);
        return 2;
    }

    internal static bool TryYears(string? s, out int? from, out int? to)
    {
        from = to = null;
        if (string.IsNullOrWhiteSpace(s)) return true;
        var m = Regex.Match(s.Trim(), @"^(?<a>\d{4})?\s*(?:(?<sep>\.\.|-|~|–|:)\s*(?<b>\d{4})?)?$");
        if (!m.Success || (!m.Groups["a"].Success && !m.Groups["b"].Success)) return false;
        if (m.Groups["a"].Success) from = int.Parse(m.Groups["a"].Value);
        if (m.Groups["b"].Success) to = int.Parse(m.Groups["b"].Value);
        else if (!m.Groups["sep"].Success) to = from;
        if (from > to) (from, to) = (to, from);
        return true;
    }

    static void WriteTable(SearchResult r)
    {
        if (r.Total == 0)
        {
            Console.Error.WriteLine("no matching indicators");
            return;
        }
        var t = new TablePrinter("year", "department / project", "scope", "indicator", "target", "actual") { MaxWidth = 50 };
        foreach (var h in r.Hits)
            t.Add(h.Year?.ToString(), OutputFormats.Owner(h.Department, h.Project), h.Scope,
                  OutputFormats.Hierarchy(h.Level1, h.Level2, h.Level3, maxWidth: 50), h.Target, h.Actual);
        t.Write(Console.Out);
        var note = r.Fuzzy ? " (no name contains the text; showing similar names)" : "";
        var more = r.Hits.Count < r.Total ? " (--limit N shows more)" : "";
        Console.Error.WriteLine($"showing {r.Hits.Count:N0} of {r.Total:N0} indicators{note}{more}");
    }

    static void WriteCsv(IEnumerable<IndicatorHit> hits)
    {
        var rows = new List<string?[]> { new[] { "year", "department", "project", "kind", "scope", "level1", "level2", "level3", "target", "actual", "weight", "score", "file", "document" } };
        rows.AddRange(hits.Select(h => new[] { h.Year?.ToString(), h.Department, h.Project, h.Kind, h.Scope, h.Level1, h.Level2, h.Level3,
            h.Target, h.Actual, h.Weight, h.Score, h.File, h.DocumentId.ToString() }));
        OutputFormats.WriteCsv(Console.Out, rows);
    }
}
