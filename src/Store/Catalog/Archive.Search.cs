using Jixiao.Extract;
using LiteDB;

namespace Jixiao.Store;

public sealed partial class Archive
{
    /// <summary>
    /// Search over the catalog: every filter is applied to the packed form and indicator fields in memory
    /// (form-level filters once per form, string tests once per distinct string), the hits are counted,
    /// only the best <see cref="SearchQuery.Limit"/> are kept (a bounded heap, no sort of all hits), and only
    /// those rows are read from the indicators collection by id.
    /// </summary>
    SearchResult SearchCatalog(SearchQuery q)
    {
        var views = CatalogViews();
        var filter = new CatalogFilter(q);
        var text = TextNorm.Normalize(q.Text);
        bool fuzzy = false;
        var top = new TopHits(Math.Max(0, q.Limit));
        int total;
        if (text.Length == 0) total = Collect(null);
        else
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var v in views)
                for (int i = 0; i < v.NameCount; i++) names.Add(v.Strings[i]);
            var ranks = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var n in names)
                if (n.Contains(text, StringComparison.Ordinal)) ranks[n] = text.Length / (double)Math.Max(1, n.Length);
            total = ranks.Count == 0 ? 0 : Collect(ranks);
            if (total == 0)
            {
                fuzzy = true;
                ranks.Clear();
                foreach (var n in names)
                    if (Fuzzy.SearchScore(text, n) is var score and > 0) ranks[n] = score;
                total = ranks.Count == 0 ? 0 : Collect(ranks);
            }
        }

        int Collect(Dictionary<string, double>? ranks)
        {
            int count = 0;
            foreach (var v in views)
            {
                // Rank per name of this segment (NaN: not a match), looked up once per segment, not per row.
                double[]? rankOf = null;
                if (ranks is not null)
                {
                    rankOf = new double[v.NameCount];
                    bool any = false;
                    for (int i = 0; i < rankOf.Length; i++)
                    {
                        rankOf[i] = ranks.TryGetValue(v.Strings[i], out var r) ? Math.Round(r, 6) : double.NaN;
                        any |= !double.IsNaN(rankOf[i]);
                    }
                    if (!any) continue;
                }
                int p = 4, forms = v.I32(0);
                for (int k = 0; k < forms; k++)
                {
                    int form = p, rows = v.I32(p + 18);
                    p += CatalogSegment.FormBytes;
                    int rowsStart = p;
                    p += rows * CatalogSegment.RowBytes;
                    if (!filter.PassesForm(v, form)) continue;
                    for (int row = rowsStart; row < p; row += CatalogSegment.RowBytes)
                    {
                        double rank = 1;
                        if (rankOf is not null && double.IsNaN(rank = rankOf[v.U16(row + 16)])) continue;
                        if (!filter.PassesRow(v, row)) continue;
                        count++;
                        top.Offer(new TopHits.Hit(v, form, row, rank));
                    }
                }
            }
            return count;
        }

        var best = top.Best();
        // One query for all rows shown (per layout, see IndicatorRowsAt), not one query per row.
        var at = best.Select(h => h.Address).ToList();
        var rows = IndicatorRowsAt(at);
        var files = FileNames(rows.Values.Select(r => r["documentId"].AsInt32));
        var hits = new List<IndicatorHit>(best.Count);
        for (int i = 0; i < best.Count; i++)
            if (rows.TryGetValue(at[i], out var row)) hits.Add(ToHit(row, fuzzy, best[i].Rank, files));
        return new SearchResult(hits, total, fuzzy);
    }

    /// <summary>File names of the given documents, in one query.</summary>
    Dictionary<int, string> FileNames(IEnumerable<int> documentIds)
    {
        var ids = documentIds.Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<int, string>();
        return Documents.Find(BsonExpression.Create("$._id IN @0", new BsonArray(ids.Select(i => new BsonValue(i)))))
            .ToDictionary(d => d["_id"].AsInt32, d => d["fileName"].AsString);
    }
}

/// <summary>The search filters, with each distinct string tested once per query.</summary>
internal sealed class CatalogFilter
{
    readonly SearchQuery _q;
    readonly string _dept, _kind, _level1;
    readonly Dictionary<string, bool> _deptSeen = new(StringComparer.Ordinal), _kindSeen = new(StringComparer.Ordinal), _level1Seen = new(StringComparer.Ordinal);

    public CatalogFilter(SearchQuery q)
    {
        _q = q;
        _dept = TextNorm.Fold(q.Department);
        _kind = TextNorm.Fold(q.Kind);
        _level1 = TextNorm.Normalize(q.Level1);
    }

    /// <summary>Year, department/project and kind of the form whose header starts at <paramref name="at"/>.</summary>
    public bool PassesForm(CatalogView v, int at)
    {
        if (_q.YearFrom is not null || _q.YearTo is not null)
        {
            int year = v.I32(at + 8);
            if (year == int.MinValue || year < (_q.YearFrom ?? int.MinValue) || year > (_q.YearTo ?? int.MaxValue)) return false;
        }
        if (_dept.Length > 0 && !Contains(_deptSeen, v.S(at + 12), _dept, TextNorm.Fold) && !Contains(_deptSeen, v.S(at + 14), _dept, TextNorm.Fold))
            return false;
        if (_kind.Length > 0 && !Contains(_kindSeen, v.S(at + 16), _kind, TextNorm.Fold)) return false;
        return true;
    }

    /// <summary>Level-1 and target of the indicator row at <paramref name="at"/>.</summary>
    public bool PassesRow(CatalogView v, int at)
    {
        if (_level1.Length > 0 && !Contains(_level1Seen, v.S(at + 18), _level1, s => s ?? "")) return false;
        if (_q.Target is { Number: not null } t)
        {
            var n = v.F64(at + 20);
            if (double.IsNaN(n) || !t.Accepts(n, v.S(at + 28))) return false;
            if (!_q.IncludeReview && v.Review.Contains(at)) return false;
        }
        return true;
    }

    static bool Contains(Dictionary<string, bool> seen, string? value, string part, Func<string?, string> norm)
    {
        if (value is null) return false;
        if (!seen.TryGetValue(value, out var yes)) seen[value] = yes = norm(value).Contains(part, StringComparison.Ordinal);
        return yes;
    }
}

/// <summary>
/// The best N hits in search order (rank, then newest year, department, form, row) kept in a bounded heap
/// whose root is the worst hit kept: O(hits · log N), and no list of all hits.
/// </summary>
internal sealed class TopHits
{
    /// <summary>A hit: the segment, the offsets of its form header and row, and its rank.</summary>
    public readonly record struct Hit(CatalogView View, int Form, int Row, double Rank)
    {
        public int Year => View.I32(Form + 8) is var y && y == int.MinValue ? 0 : y;
        public string Department => View.S(Form + 12) ?? "";
        public int FormId => View.I32(Form);
        public int Ord => View.I32(Row + 12);
        public RowAddress Address => new(FormId, Ord, View.RowId(Row));
    }

    readonly int _limit;
    readonly PriorityQueue<Hit, Hit> _heap;
    static readonly Comparer<Hit> Order = Comparer<Hit>.Create(Compare);

    public TopHits(int limit)
    {
        _limit = limit;
        // The heap's minimum is the hit that sorts LAST: reverse the search order.
        _heap = new PriorityQueue<Hit, Hit>(Math.Min(limit, 4096) + 1, Comparer<Hit>.Create((a, b) => Compare(b, a)));
    }

    public void Offer(Hit h)
    {
        if (_limit == 0) return;
        if (_heap.Count < _limit) _heap.Enqueue(h, h);
        else if (Compare(h, _heap.Peek()) < 0) _heap.DequeueEnqueue(h, h);
    }

    public List<Hit> Best()
    {
        var list = _heap.UnorderedItems.Select(x => x.Element).ToList();
        list.Sort(Order);
        return list;
    }

    /// <summary>Search order: higher rank, newer year (none last), department (ordinal, none first), form id, row order.</summary>
    static int Compare(Hit a, Hit b)
    {
        int c = b.Rank.CompareTo(a.Rank);
        if (c != 0) return c;
        c = b.Year.CompareTo(a.Year);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Department, b.Department);
        if (c != 0) return c;
        c = a.FormId.CompareTo(b.FormId);
        return c != 0 ? c : a.Ord.CompareTo(b.Ord);
    }
}
