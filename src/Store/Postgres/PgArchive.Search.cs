using Jixiao.Extract;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Jixiao.Store.Postgres;

public sealed partial class PgArchive
{
    /// <summary>
    /// The LiteDB archive's search (same matches, ranks and order) in SQL: the text is matched against the
    /// distinct indicator names first (indicator_names, GIN on their character grams: a Chinese word of any
    /// length finds its names without reading every row), then the rows of the matching names are read per
    /// name in result order (<see cref="RankedRows"/>). When no name contains the text, the names sharing a
    /// gram with it are scored by <see cref="Fuzzy.SearchScore"/>, as LiteDB scores every name.
    /// </summary>
    public SearchResult Search(SearchQuery q)
    {
        SearchResult? result = null;
        Guard(Target, () =>
        {
            using var c = Connection();
            var text = TextNorm.Normalize(q.Text);
            if (text.Length == 0)
            {
                result = Rows(c, q);
                return;
            }
            var contained = Query(c, "SELECT name_norm FROM indicator_names WHERE grams @> @g AND strpos(name_norm, @p) > 0", r => r.GetString(0),
                    ("g", NameGrams.Contained(text)), ("p", text))
                .Where(n => n.Contains(text, StringComparison.Ordinal)).ToList();
            var ranks = contained.ToDictionary(n => n, n => text.Length / (double)Math.Max(1, n.Length), StringComparer.Ordinal);
            result = ranks.Count == 0 ? new SearchResult(Array.Empty<IndicatorHit>(), 0, false) : RankedRows(c, q, ranks);
            if (result.Total > 0) return;
            var similar = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var n in Query(c, "SELECT name_norm FROM indicator_names WHERE grams && @g", r => r.GetString(0), ("g", NameGrams.Candidates(text))))
                if (Fuzzy.SearchScore(text, n) is var score and > 0) similar[n] = score;
            result = similar.Count == 0 ? new SearchResult(Array.Empty<IndicatorHit>(), 0, true) : RankedRows(c, q, similar) with { Fuzzy = true };
        });
        return result!;
    }

    /// <summary>
    /// Hits without a text. Year, department and kind belong to the form: they are tested on the forms (a
    /// twentieth of the rows), and without a row filter the total is the sum of the matching forms' indicator
    /// counts, and the first rows come from walking the forms in result order (forms_order index) and their
    /// rows in order (no sort of all hits).
    /// </summary>
    SearchResult Rows(NpgsqlConnection c, SearchQuery q)
    {
        var (terms, args) = Filters(q, "f");
        var where = terms.Count == 0 ? "" : "WHERE " + string.Join(" AND ", terms);
        bool rowFilters = TextNorm.Normalize(q.Level1).Length > 0 || q.Target is { Number: not null };
        var count = !rowFilters
            ? $"SELECT coalesce(sum(f.indicators_count), 0) FROM forms f {where}"
            : $"SELECT count(*) FROM indicators i JOIN forms f ON f.id = i.form_id {where}";
        var total = (int)Query(c, count, r => r.GetInt64(0), args.ToArray()).Single();
        if (total == 0 || q.Limit <= 0) return new SearchResult(Array.Empty<IndicatorHit>(), total, false);
        args.Add(("limit", q.Limit));
        // First the keys of the best rows (from the indexes alone where possible), then only those rows in full.
        var sql = $"""
            WITH best AS (
                SELECT i.form_id, i.ord, f.year, f.department FROM indicators i JOIN forms f ON f.id = i.form_id {where}
                ORDER BY {string.Format(Order, "f.", "f.id", "i.")} LIMIT @limit)
            SELECT {HitColumns}, 1.0::float8 FROM best JOIN indicators i ON i.form_id = best.form_id AND i.ord = best.ord
                JOIN documents d ON d.id = i.document_id
            ORDER BY {string.Format(Order, "best.", "best.form_id", "best.")}
            """;
        var hits = Query(c, sql, r => ReadHit(r, false, r.GetDouble(HitColumnCount)), args.ToArray());
        return new SearchResult(hits, total, false);
    }

    /// <summary>The result order after the rank (LiteDB's): year, department, form, row.</summary>
    const string Order = "{0}year DESC NULLS LAST, {0}department COLLATE \"C\" NULLS FIRST, {1}, {2}ord";

    /// <summary>
    /// Hits among the rows of the ranked names. The filters are tested on the row's copy of its form's fields,
    /// so the index on (name, result order) with the filter columns included answers both the count (an
    /// index-only count of the names' entries) and the first rows: for each name its first
    /// <see cref="SearchQuery.Limit"/> rows in result order (an ordered index walk that stops there), of which the
    /// best <see cref="SearchQuery.Limit"/> by rank and order are read in full. No sort of all hits, however many.
    /// </summary>
    SearchResult RankedRows(NpgsqlConnection c, SearchQuery q, Dictionary<string, double> ranks)
    {
        var (terms, args) = Filters(q, "i");
        var filter = string.Concat(terms.Select(t => " AND " + t));
        args.Add(("names", ranks.Keys.ToArray()));
        // Counted exactly up to CountCap (an index-only walk of that many entries takes ~15 ms); a word found in
        // more rows than that is reported as "more than" the cap rather than counted for longer.
        args.Add(("cap", CountCap + 1));
        var counted = (int)Query(c, $"SELECT count(*) FROM (SELECT 1 FROM indicators i WHERE i.name_norm = ANY(@names){filter} LIMIT @cap) s",
            r => r.GetInt64(0), args.ToArray()).Single();
        args.RemoveAt(args.Count - 1);
        bool atLeast = counted > CountCap;
        int total = Math.Min(counted, CountCap);
        if (total == 0 || q.Limit <= 0) return new SearchResult(Array.Empty<IndicatorHit>(), total, false) { TotalAtLeast = atLeast };
        args.Add(("ranks", ranks.Values.Select(v => Math.Round(v, 6)).ToArray()));
        args.Add(("limit", q.Limit));
        var sql = $"""
            WITH best AS (
                SELECT b.id, n.rank, b.year, b.department, b.form_id, b.ord
                FROM unnest(@names::text[], @ranks::float8[]) AS n(name, rank)
                CROSS JOIN LATERAL (
                    SELECT i.id, i.year, i.department, i.form_id, i.ord FROM indicators i WHERE i.name_norm = n.name{filter}
                    ORDER BY {string.Format(Order, "i.", "i.form_id", "i.")} LIMIT @limit) b
                ORDER BY n.rank DESC, {string.Format(Order, "b.", "b.form_id", "b.")} LIMIT @limit)
            SELECT {HitColumns}, best.rank FROM best JOIN indicators i ON i.id = best.id JOIN documents d ON d.id = i.document_id
            ORDER BY best.rank DESC, {string.Format(Order, "best.", "best.form_id", "best.")}
            """;
        var hits = Query(c, sql, r => ReadHit(r, false, r.GetDouble(HitColumnCount)), args.ToArray());
        return new SearchResult(hits, total, false) { TotalAtLeast = atLeast };
    }

    /// <summary>Where a text search stops counting its hits (see <see cref="SearchResult.TotalAtLeast"/>).</summary>
    internal const int CountCap = 100_000;

    /// <summary>The filters as SQL terms; the form-level ones (year, department/project, kind) on table alias <paramref name="form"/>.</summary>
    static (List<string> Terms, List<(string, object?)> Args) Filters(SearchQuery q, string form)
    {
        var terms = new List<string>();
        var args = new List<(string, object?)>();
        if (q.YearFrom is int from) { terms.Add($"{form}.year >= @yf"); args.Add(("yf", from)); }
        if (q.YearTo is int to) { terms.Add($"{form}.year <= @yt"); args.Add(("yt", to)); }
        if (TextNorm.Fold(q.Department) is { Length: > 0 } dept)
        {
            terms.Add($"({form}.department_fold LIKE @dept OR {form}.project_fold LIKE @dept)");
            args.Add(("dept", "%" + LikeEscape(dept) + "%"));
        }
        if (TextNorm.Fold(q.Kind) is { Length: > 0 } kind) { terms.Add($"{form}.kind_fold LIKE @kind"); args.Add(("kind", "%" + LikeEscape(kind) + "%")); }
        if (TextNorm.Normalize(q.Level1) is { Length: > 0 } l1) { terms.Add("i.level1_norm LIKE @l1"); args.Add(("l1", "%" + LikeEscape(l1) + "%")); }
        if (q.Target is { Number: double n } t)
        {
            // TargetValue.Accepts in SQL: the same comparator, tolerance and unit rule.
            const double eps = 1e-9;
            terms.Add((t.Comparator ?? "=") switch
            {
                "≥" => "i.target_number >= @tn - @eps",
                "≤" => "i.target_number <= @tn + @eps",
                ">" => "i.target_number > @tn + @eps",
                "<" => "i.target_number < @tn - @eps",
                _ => "abs(i.target_number - @tn) <= @eps",
            });
            args.Add(("tn", n));
            args.Add(("eps", eps));
            if (t.Unit is not null) { terms.Add("i.target_unit = @tu"); args.Add(("tu", t.Unit)); }
            // A value flagged for review may not be what the source says: not a target match unless asked.
            if (!q.IncludeReview) terms.Add("NOT i.review");
        }
        return (terms, args);
    }

    /// <summary>LIKE treats % _ and \ specially; the user's text is matched literally.</summary>
    static string LikeEscape(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    const string HitColumns = "i.document_id, i.form_id, d.file_name, i.year, i.department, i.project, i.kind, i.scope, i.level1, i.level2, i.level3, " +
                              "i.name, i.target, i.actual, i.weight, i.score, i.history::text, i.confidence, i.review, i.review_reasons::text";
    const int HitColumnCount = 20;

    static IndicatorHit ReadHit(NpgsqlDataReader r, bool fuzzy, double rank)
    {
        string? S(int k) => r.IsDBNull(k) ? null : r.GetString(k);
        return new IndicatorHit(r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3), S(4), S(5), r.GetString(6),
            S(7), S(8), S(9), S(10), r.GetString(11), S(12), S(13), S(14), S(15), History(S(16)), fuzzy, rank,
            r.IsDBNull(17) ? null : r.GetDouble(17), r.GetBoolean(18), S(19) is string rr ? JsonSerializer.Deserialize<List<string>>(rr) : null);
    }

    internal static IReadOnlyDictionary<string, string> History(string? json)
    {
        var d = new Dictionary<string, string>();
        if (json is null) return d;
        foreach (var pair in JsonSerializer.Deserialize<string[][]>(json)!) d[pair[0]] = pair[1];
        return d;
    }

    /// <summary>The LiteDB archive's history: rows whose name is the same indicator (<see cref="Fuzzy.SameIndicator"/>).</summary>
    public IReadOnlyList<IndicatorHit> History(string name, string? department = null)
    {
        var target = TextNorm.Normalize(name);
        if (target.Length == 0) return Array.Empty<IndicatorHit>();
        List<IndicatorHit> hits = new();
        Guard(Target, () =>
        {
            using var c = Connection();
            var same = Query(c, "SELECT name_norm FROM indicator_names", r => r.GetString(0)).Where(n => Fuzzy.SameIndicator(target, n)).ToArray();
            if (same.Length == 0) return;
            var (terms, args) = Filters(new SearchQuery { Department = department }, "i");
            args.Add(("names", same));
            terms.Add("i.name_norm = ANY(@names)");
            var sql = new StringBuilder($"SELECT {HitColumns}, i.name_norm FROM indicators i JOIN documents d ON d.id = i.document_id ");
            sql.Append("WHERE ").Append(string.Join(" AND ", terms)).Append(" ORDER BY i.name_norm COLLATE \"C\", i.id");
            hits = Query(c, sql.ToString(), r =>
            {
                bool exact = r.GetString(HitColumnCount) == target;
                return ReadHit(r, !exact, exact ? 1 : 0.5);
            }, args.ToArray());
        });
        return IndicatorHit.InHistoryOrder(hits);
    }
}
