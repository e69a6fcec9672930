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
        var includeReview = new Option<bool>("--include-review") { Description = "With --target: also match values flagged for review (OCR doubts, implausible values)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var csv = new Option<bool>("--csv") { Description = "Print CSV" };
        var limit = new Option<int>("--limit") { Description = "Most rows to print", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0) r.AddError("--limit must be 0 or more");
        });
        var cmd = new Command("search", "Find indicators in the archive") { text, year, dept, kind, level1, target, includeReview, json, csv, limit };
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
                Kind = pr.GetValue(kind), Level1 = pr.GetValue(level1), Target = t, IncludeReview = pr.GetValue(includeReview),
                Limit = Math.Max(0, pr.GetValue(limit)),
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
        // Scope (长期/年度) exists only on forms with both tables: the column is shown when some row has one.
        bool scope = r.Hits.Any(h => !string.IsNullOrEmpty(h.Scope));
        bool review = r.Hits.Any(h => h.Review);
        var heads = new List<string> { "year", "department / project" };
        if (scope) heads.Add("scope");
        heads.AddRange(new[] { "indicator", "target", "actual", "conf" });
        if (review) heads.Add("review");
        var t = new TablePrinter(heads.ToArray()) { MaxWidth = 50 };
        foreach (var h in r.Hits)
        {
            var cells = new List<string?> { h.Year?.ToString(), OutputFormats.Owner(h.Department, h.Project) };
            if (scope) cells.Add(h.Scope);
            cells.AddRange(new[] { OutputFormats.Hierarchy(h.Level1, h.Level2, h.Level3, maxWidth: 50), h.Target, h.Actual, h.Confidence?.ToString("0.00") });
            if (review) cells.Add(h.Review ? "review: " + string.Join("; ", h.ReviewReasons ?? new List<string>()) : null);
            t.Add(cells.ToArray());
        }
        t.Write(Console.Out);
        var note = r.Fuzzy ? " (no name contains the text; showing similar names)" : "";
        var more = r.Hits.Count < r.Total ? " (--limit N shows more)" : "";
        var of = r.TotalAtLeast ? $"more than {r.Total:N0}" : $"{r.Total:N0}";
        Console.Error.WriteLine($"showing {r.Hits.Count:N0} of {of} indicators{note}{more}");
    }

    static void WriteCsv(IEnumerable<IndicatorHit> hits)
    {
        var rows = new List<string?[]> { new[] { "year", "department", "project", "kind", "scope", "level1", "level2", "level3", "target", "actual", "weight", "score",
            "confidence", "review", "review_reasons", "file", "document" } };
        rows.AddRange(hits.Select(h => new[] { h.Year?.ToString(), h.Department, h.Project, h.Kind, h.Scope, h.Level1, h.Level2, h.Level3,
            h.Target, h.Actual, h.Weight, h.Score, h.Confidence?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            h.Review ? "yes" : "", h.ReviewReasons is { Count: > 0 } rr ? string.Join("; ", rr) : null, h.File, h.DocumentId.ToString() }));
        OutputFormats.WriteCsv(Console.Out, rows);
    }
}
