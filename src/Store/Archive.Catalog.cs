using LiteDB;

namespace Jixiao.Store;

public sealed partial class Archive
{
    internal const string CatalogName = "catalog";

    /// <summary>A segment takes new forms until it holds this many indicators; then a new one is started.</summary>
    const int SegmentRows = 2000;

    /// <summary>
    /// The search catalog (<see cref="CatalogSegment"/>): every indicator's filter and sort fields, packed into
    /// a few dozen documents. Kept in step with the indicators collection in the same transaction; each
    /// document records its segment (`seg`) so a replaced document's forms can be taken out again.
    /// </summary>
    internal ILiteCollection<BsonDocument> Catalog => _db.GetCollection(CatalogName, BsonAutoId.Int32);

    /// <summary>Segments changed by the open transaction, written once at its end.</summary>
    Dictionary<int, CatalogSegment>? _dirtySegments;
    int? _openSegment;

    CatalogSegment Segment(int id)
    {
        var dirty = _dirtySegments ??= new Dictionary<int, CatalogSegment>();
        if (dirty.TryGetValue(id, out var s)) return s;
        var stored = Catalog.FindById(id);
        return dirty[id] = stored is null ? new CatalogSegment(id) : CatalogSegment.Decode(stored);
    }

    /// <summary>The segment new forms go to: the last one while it has room, else a new one.</summary>
    int OpenSegment()
    {
        if (_openSegment is int open && Segment(open).RowCount < SegmentRows) return open;
        int last = Catalog.Query().OrderByDescending("_id").Limit(1).ToEnumerable().FirstOrDefault()?["_id"].AsInt32 ?? 0;
        if (_dirtySegments is not null && _dirtySegments.Count > 0) last = Math.Max(last, _dirtySegments.Keys.Max());
        int id = last > 0 && Segment(last).RowCount < SegmentRows ? last : last + 1;
        _openSegment = id;
        return id;
    }

    /// <summary>Adds a stored form and its indicator rows (with their ids) to segment <paramref name="seg"/>.</summary>
    void CatalogAdd(int seg, BsonDocument form, int formId, int documentId, IEnumerable<BsonDocument> rows)
    {
        var entry = new CatalogForm
        {
            FormId = formId, DocumentId = documentId, Year = form["year"].IsNull ? null : form["year"].AsInt32,
            Department = FormMapper.S(form["department"]), Project = FormMapper.S(form["project"]), Kind = form["kind"].AsString,
        };
        foreach (var r in rows) entry.Rows.Add(ToCatalogRow(r));
        Segment(seg).Forms.Add(entry);
    }

    /// <summary>A packed indicator has no row id (<see cref="ObjectId.Empty"/>): its form and order find it.</summary>
    static CatalogRow ToCatalogRow(BsonDocument r) => new(r.TryGetValue("_id", out var id) && id.IsObjectId ? id.AsObjectId : ObjectId.Empty, r["ord"].AsInt32, r["nameNorm"].AsString,
        r["level1Norm"].AsString, r["targetNumber"].IsNull ? null : r["targetNumber"].AsDouble, FormMapper.S(r["targetUnit"]), FormMapper.Review(r));

    /// <summary>Takes a document's forms out of its segment.</summary>
    void CatalogRemove(BsonValue seg, int documentId)
    {
        if (seg.IsNull) return;
        Segment(seg.AsInt32).Forms.RemoveAll(f => f.DocumentId == documentId);
    }

    /// <summary>A duplicate inherits a released document's forms: they stay where they are, under the heir's id.</summary>
    void CatalogMove(BsonValue seg, int from, int to)
    {
        if (seg.IsNull) return;
        foreach (var f in Segment(seg.AsInt32).Forms.Where(f => f.DocumentId == from)) f.DocumentId = to;
    }

    /// <summary>Writes the changed segments; called inside the transaction, before commit.</summary>
    void FlushCatalog()
    {
        if (_dirtySegments is null) return;
        foreach (var (id, s) in _dirtySegments)
        {
            if (s.Forms.Count == 0) Catalog.Delete(id);
            else Catalog.Upsert(s.Encode());
        }
        _dirtySegments = null;
    }

    void DropPendingCatalog()
    {
        _dirtySegments = null;
        _openSegment = null;
    }

    /// <summary>True when the catalog can answer searches (an archive written before it existed has none until opened for writing).</summary>
    internal bool HasCatalog => Catalog.Count() > 0 || Forms.Count() == 0;

    /// <summary>Every catalog segment as stored, for a search.</summary>
    internal List<CatalogView> CatalogViews() => Catalog.FindAll().Select(CatalogView.From).ToList();

    /// <summary>Every catalog segment; <paramref name="names"/> collects the distinct indicator names.</summary>
    internal List<CatalogSegment> LoadCatalog(HashSet<string> names) =>
        Catalog.FindAll().Select(d => CatalogSegment.Decode(d, names)).ToList();

    /// <summary>Builds the catalog of an archive written before it existed, from the stored forms and indicators.</summary>
    void EnsureCatalog()
    {
        if (HasCatalog) return;
        InTransaction(() =>
        {
            var rows = AllIndicatorRows().GroupBy(r => r["formId"].AsInt32).ToDictionary(g => g.Key, g => g.OrderBy(r => r["ord"].AsInt32).ToList());
            var segOf = new Dictionary<int, int>();
            foreach (var f in Forms.FindAll().OrderBy(f => f["documentId"].AsInt32).ThenBy(f => f["index"].AsInt32).ToList())
            {
                int formId = f["_id"].AsInt32, docId = f["documentId"].AsInt32;
                if (!segOf.TryGetValue(docId, out var seg)) segOf[docId] = seg = OpenSegment();
                CatalogAdd(seg, f, formId, docId, rows.GetValueOrDefault(formId) ?? new List<BsonDocument>());
            }
            foreach (var d in Documents.FindAll().ToList())
            {
                d["seg"] = segOf.TryGetValue(d["_id"].AsInt32, out var s) ? s : BsonValue.Null;
                Documents.Update(d);
            }
            return 0;
        });
    }
}
