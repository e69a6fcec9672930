using Jixiao.Extract;
using LiteDB;

namespace Jixiao.Store;

/// <summary>The result of a search: the first <see cref="SearchQuery.Limit"/> hits of <see cref="Total"/>.</summary>
public sealed record SearchResult(IReadOnlyList<IndicatorHit> Hits, int Total, bool Fuzzy)
{
    /// <summary>True when <see cref="Total"/> is a floor: a backend stopped counting there (the hits are still the best ones).</summary>
    public bool TotalAtLeast { get; init; }
}

public sealed partial class Archive
{
    /// <summary>
    /// Finds indicators. Year range and target number go through the indexes; department, kind and level1
    /// are normalized substring filters; the text matches normalized indicator names by substring and, when
    /// no name contains it, by fuzzy score (a typo or a missing character still finds the indicator).
    /// </summary>
    public SearchResult Search(SearchQuery q) => HasCatalog ? SearchCatalog(q) : SearchByScan(q);

    /// <summary>The search of an archive written before the catalog existed (opened read-only): reads the rows
    /// (both layouts, so tests can hold the catalog search against it on any archive).</summary>
    internal SearchResult SearchByScan(SearchQuery q)
    {
        var text = TextNorm.Normalize(q.Text);
        var hits = new List<(BsonDocument Row, double Rank)>();
        bool fuzzy = false;
        if (text.Length == 0)
        {
            foreach (var r in Candidates(q, null))
                if (PassesFilters(r, q)) hits.Add((r, 1.0));
        }
        else
        {
            // Names first (a short list), then only their rows. Similar names are tried when no name that
            // contains the text has a row passing the filters.
            var names = NameList();
            var ranks = names.Where(n => n.Contains(text, StringComparison.Ordinal))
                             .ToDictionary(n => n, n => text.Length / (double)Math.Max(1, n.Length), StringComparer.Ordinal);
            Collect(ranks);
            if (hits.Count == 0)
            {
                fuzzy = true;
                Collect(names.Select(n => (Name: n, Score: Fuzzy.SearchScore(text, n))).Where(x => x.Score > 0)
                             .ToDictionary(x => x.Name, x => x.Score, StringComparer.Ordinal));
            }

            void Collect(Dictionary<string, double> nameRanks)
            {
                if (nameRanks.Count == 0) return;
                foreach (var r in Candidates(q, nameRanks.Keys))
                    if (nameRanks.TryGetValue(r["nameNorm"].AsString, out var rank) && PassesFilters(r, q)) hits.Add((r, rank));
            }
        }
        var files = new Dictionary<int, string>();
        var ordered = hits
            .OrderByDescending(h => Math.Round(h.Rank, 6))
            .ThenByDescending(h => h.Row["year"].IsNull ? 0 : h.Row["year"].AsInt32)
            .ThenBy(h => h.Row["department"].IsNull ? "" : h.Row["department"].AsString, StringComparer.Ordinal)
            .ThenBy(h => h.Row["formId"].AsInt32)
            .ThenBy(h => h.Row["ord"].AsInt32)
            .Take(Math.Max(0, q.Limit))
            .Select(h => ToHit(h.Row, fuzzy, h.Rank, files))
            .ToList();
        return new SearchResult(ordered, hits.Count, fuzzy);
    }

    /// <summary>Rows passing the indexed filters; restricted to <paramref name="names"/> when that list is short
    /// enough for an index lookup (a long list is checked by the caller during the scan).</summary>
    IEnumerable<BsonDocument> Candidates(SearchQuery q, IReadOnlyCollection<string>? names)
    {
        var terms = new List<(string, string, BsonValue)>();
        if (names is { Count: > 0 and <= 1000 })
            terms.Add(("nameNorm", "IN", new BsonArray(names.Select(n => new BsonValue(n)))));
        if (q.YearFrom is int from) terms.Add(("year", ">=", from));
        if (q.YearTo is int to) terms.Add(("year", "<=", to));
        if (q.Target is { Number: double n } t)
        {
            var op = t.Comparator switch { "≥" => ">=", ">" => ">", "≤" => "<=", "<" => "<", _ => "=" };
            terms.Add(("targetNumber", op, n));
        }
        var rows = terms.Count == 0 ? Indicators.FindAll() : Indicators.Find(Where.All(terms));
        // Packed indicators have no index: the same name and year terms in memory (PassesFilters checks the target).
        var nameSet = names is { Count: > 0 and <= 1000 } ? names.ToHashSet(StringComparer.Ordinal) : null;
        return rows.Concat(PackedForms()
            .Where(f => f["year"].IsNull ? q.YearFrom is null && q.YearTo is null
                : f["year"].AsInt32 >= (q.YearFrom ?? int.MinValue) && f["year"].AsInt32 <= (q.YearTo ?? int.MaxValue))
            .SelectMany(f => FormMapper.Unpack(f, FormMapper.PackedIndicators))
            .Where(r => nameSet is null || nameSet.Contains(r["nameNorm"].AsString)));
    }

    static bool PassesFilters(BsonDocument r, SearchQuery q)
    {
        if (q.Department is { Length: > 0 } dept &&
            !(r["departmentNorm"].AsString.Contains(TextNorm.Fold(dept), StringComparison.Ordinal)
              || TextNorm.Fold(FormMapper.S(r["project"])).Contains(TextNorm.Fold(dept), StringComparison.Ordinal)))
            return false;
        if (q.Kind is { Length: > 0 } kind && !TextNorm.Fold(r["kind"].AsString).Contains(TextNorm.Fold(kind), StringComparison.Ordinal))
            return false;
        if (q.Level1 is { Length: > 0 } l1 && !r["level1Norm"].AsString.Contains(TextNorm.Normalize(l1), StringComparison.Ordinal))
            return false;
        if (q.Target is { Number: not null } t)
        {
            // The index range checked the number; the unit (when the filter names one) must agree too.
            if (r["targetNumber"].IsNull || !t.Accepts(r["targetNumber"].AsDouble, FormMapper.S(r["targetUnit"]))) return false;
            if (!q.IncludeReview && FormMapper.Review(r)) return false;
        }
        return true;
    }

    /// <summary>
    /// The same indicator across years: rows whose normalized name equals the normalized
    /// <paramref name="name"/>, plus rows whose name differs by a small edit (renamed between years; marked
    /// <see cref="IndicatorHit.Fuzzy"/>). Ordered by year, then department/project and scope.
    /// </summary>
    public IReadOnlyList<IndicatorHit> History(string name, string? department = null)
    {
        var target = TextNorm.Normalize(name);
        if (target.Length == 0) return Array.Empty<IndicatorHit>();
        var same = NameList().Where(n => Fuzzy.SameIndicator(target, n)).ToHashSet(StringComparer.Ordinal);
        var files = new Dictionary<int, string>();
        var query = new SearchQuery { Department = department };
        var hits = new List<IndicatorHit>();
        if (same.Count == 0) return hits;
        foreach (var r in HasCatalog ? RowsNamed(same) : Candidates(query, same))
        {
            var n = r["nameNorm"].AsString;
            if (same.Contains(n) && PassesFilters(r, query)) hits.Add(ToHit(r, n != target, n == target ? 1 : 0.5, files));
        }
        return IndicatorHit.InHistoryOrder(hits);
    }

    /// <summary>The indicator rows whose normalized name is one of <paramref name="names"/>, found through the
    /// search catalog (which lists every indicator's name, whichever layout holds the indicator).</summary>
    IEnumerable<BsonDocument> RowsNamed(IReadOnlySet<string> names)
    {
        var at = new List<RowAddress>();
        foreach (var seg in LoadCatalog(new HashSet<string>(StringComparer.Ordinal)))
            foreach (var f in seg.Forms)
                foreach (var r in f.Rows)
                    if (names.Contains(r.NameNorm)) at.Add(new RowAddress(f.FormId, r.Ord, r.Id));
        var rows = IndicatorRowsAt(at);
        return at.Where(rows.ContainsKey).Select(a => rows[a]);
    }

    IndicatorHit ToHit(BsonDocument r, bool fuzzy, double rank, Dictionary<int, string> files)
    {
        int docId = r["documentId"].AsInt32;
        if (!files.TryGetValue(docId, out var file))
            files[docId] = file = Documents.FindById(docId)?["fileName"].AsString ?? "?";
        var history = r["history"].AsArray.ToDictionary(h => h["year"].AsString, h => h["value"].AsString);
        return new IndicatorHit(docId, r["formId"].AsInt32, file, r["year"].IsNull ? null : r["year"].AsInt32,
            FormMapper.S(r["department"]), FormMapper.S(r["project"]), r["kind"].AsString, FormMapper.S(r["scope"]),
            FormMapper.S(r["level1"]), FormMapper.S(r["level2"]), FormMapper.S(r["level3"]), r["name"].AsString,
            FormMapper.S(r["target"]), FormMapper.S(r["actual"]), FormMapper.S(r["weight"]), FormMapper.S(r["score"]),
            history, fuzzy, rank, FormMapper.ConfidenceOf(r), FormMapper.Review(r), FormMapper.ReviewReasons(r));
    }
}
