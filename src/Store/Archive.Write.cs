using LiteDB;

namespace Jixiao.Store;

public sealed partial class Archive
{
    /// <summary>
    /// Writes a batch of import outcomes in ONE transaction, so an interrupted import never leaves half a
    /// document. Rules: same path + same hash → unchanged, nothing written; same path, new hash → the old
    /// forms, indicators and budget facts are replaced; same content already stored under another path →
    /// stored as a <see cref="DocumentStatus.Duplicate"/> pointing at it (forms are stored once, so search
    /// does not count copies twice). If the batch cannot be written, each item is retried alone so one bad
    /// item cannot sink the others.
    /// </summary>
    /// <param name="policy">Which unchanged files are rewritten anyway.</param>
    public IReadOnlyList<WriteOutcome> Write(IReadOnlyList<ImportItem> batch, ReimportPolicy policy = ReimportPolicy.ChangedOnly)
    {
        if (batch.Count == 0) return Array.Empty<WriteOutcome>();
        try
        {
            return InTransaction(() => batch.Select(i => WriteOne(i, policy)).ToList());
        }
        catch (Exception) when (batch.Count > 1)
        {
            return batch.Select(item =>
            {
                try { return InTransaction(() => WriteOne(item, policy)); }
                catch (Exception e) when (e is LiteException or InvalidOperationException or InvalidCastException or ArgumentException)
                {
                    return new WriteOutcome(item.Path, WriteAction.Failed, "could not store: " + e.Message.ReplaceLineEndings(" "), 0, 0);
                }
            }).ToList();
        }
    }

    T InTransaction<T>(Func<T> work)
    {
        _db.BeginTrans();
        _pendingNames = null;
        DropPendingCatalog();
        try
        {
            var r = work();
            FlushNames();
            FlushCatalog();
            _db.Commit();
            return r;
        }
        catch
        {
            _pendingNames = null;
            DropPendingCatalog();
            _db.Rollback();
            throw;
        }
    }

    WriteOutcome WriteOne(ImportItem item, ReimportPolicy policy)
    {
        var path = System.IO.Path.GetFullPath(item.Path);
        var key = PathKey.Of(path);
        var existing = Documents.FindOne(Where.Eq("path", key));
        if (existing is not null && new KnownFile(existing["hash"].AsString, existing["status"].AsString).Skips(item.Hash, policy))
            return new WriteOutcome(path, WriteAction.Unchanged, null, 0, 0);

        var (status, reason) = Classify(item);
        reason = reason?.ReplaceLineEndings(" ").Trim(); // the import log keeps one line per file
        BsonDocument? original = null;
        if (status == DocumentStatus.Ok)
        {
            original = Documents.Find(Where.All(new (string, string, BsonValue)[] { ("hash", "=", item.Hash), ("status", "=", DocumentStatus.Ok) }))
                .FirstOrDefault(d => d["path"].AsString != key);
            if (original is not null)
            {
                status = DocumentStatus.Duplicate;
                reason = "same content as " + original["path"].AsString;
            }
        }

        int id;
        if (existing is not null)
        {
            id = existing["_id"].AsInt32;
            ReleaseContent(existing);
        }
        else
        {
            id = Documents.Insert(new BsonDocument { ["path"] = key, ["hash"] = "" }).AsInt32;
        }

        int forms = 0, indicators = 0;
        BsonValue seg = BsonValue.Null, facts = BsonValue.Null;
        if (status == DocumentStatus.Ok)
            (forms, indicators, seg, facts) = InsertForms(item, id);

        var doc = new BsonDocument
        {
            ["_id"] = id,
            ["path"] = key,
            [PathKey.FullPathField] = key == path ? BsonValue.Null : path,
            ["fileName"] = item.FileName,
            ["hash"] = item.Hash,
            ["size"] = item.Size,
            ["format"] = item.Format,
            ["status"] = status,
            ["error"] = reason is null ? BsonValue.Null : reason,
            ["formsCount"] = forms,
            ["indicatorsCount"] = indicators,
            ["importedAt"] = DateTime.UtcNow,
            ["pageCount"] = item.PageCount,
            ["needsReview"] = item.NeedsReview || (item.Extracted?.Forms.Any(f => f.NeedsReview) ?? false),
            ["duplicateOf"] = original is null ? BsonValue.Null : original["_id"],
            ["seg"] = seg,
            [FactsField] = facts,
        };
        Documents.Update(doc);
        Log.Insert(new BsonDocument
        {
            ["time"] = DateTime.UtcNow, ["path"] = path, ["format"] = item.Format, ["status"] = status,
            ["reason"] = reason is null ? BsonValue.Null : reason,
        });

        var action = status switch
        {
            DocumentStatus.Failed => WriteAction.Failed,
            DocumentStatus.Empty => WriteAction.Empty,
            DocumentStatus.NoForms => WriteAction.NoForms,
            DocumentStatus.Duplicate => WriteAction.Duplicate,
            _ => existing is null ? WriteAction.Imported : WriteAction.Replaced,
        };
        return new WriteOutcome(path, action, reason, forms, indicators);
    }

    internal static (string Status, string? Reason) Classify(ImportItem item)
    {
        if (item.Error is not null)
            return (item.Format == "empty" ? DocumentStatus.Empty : DocumentStatus.Failed, item.Error);
        if (item.Extracted is null) return (DocumentStatus.Failed, "not extracted");
        if (item.Extracted.Forms.Count == 0)
        {
            var why = item.Extracted.Warnings is { Count: > 0 } w ? string.Join("; ", w) : "no 绩效表 form found";
            return (DocumentStatus.NoForms, why);
        }
        return (DocumentStatus.Ok, null);
    }

    /// <summary>The document's <see cref="FactChecksum"/>, which verify recomputes from the stored forms.</summary>
    internal const string FactsField = "facts";

    (int Forms, int Indicators, BsonValue Segment, BsonValue Facts) InsertForms(ImportItem item, int documentId)
    {
        var stored = new List<Extract.Form>();
        int indicators = 0, index = 0;
        // One segment per document, so `seg` on the document finds all of its forms.
        int seg = OpenSegment();
        var forms = item.Extracted!.Forms;
        foreach (var f in forms)
        {
            var form = FormMapper.ToForm(f, documentId, index++);
            // The indicators and budget facts go inside their form (one document, no index entries per fact).
            form[FormMapper.PackedIndicators] = new BsonArray(f.Indicators.Select(FormMapper.PackIndicator));
            form[FormMapper.PackedBudget] = new BsonArray(f.Budget.Select(FormMapper.PackBudget));
            int formId = Forms.Insert(form).AsInt32;
            form["_id"] = formId;
            var rows = FormMapper.Unpack(form, FormMapper.PackedIndicators).ToList();
            var budget = FormMapper.Unpack(form, FormMapper.PackedBudget).ToList();
            AdjustNames(rows.Select(r => r["nameNorm"].AsString), +1);
            stored.Add(FormMapper.FromForm(form, rows, budget)); // the forms as they will be read back
            indicators += f.Indicators.Count;
            CatalogAdd(seg, form, formId, documentId, rows);
        }
        return (forms.Count, indicators, forms.Count > 0 ? seg : BsonValue.Null, FactChecksum.Of(stored));
    }

    /// <summary>
    /// Frees a document's stored content before it is rewritten. When other documents are duplicates of it,
    /// the first of them inherits the forms (they are still its content) instead of losing them.
    /// </summary>
    void ReleaseContent(BsonDocument doc)
    {
        int id = doc["_id"].AsInt32;
        var copies = Documents.Find(Where.Eq("duplicateOf", id)).OrderBy(d => d["_id"].AsInt32).ToList();
        if (copies.Count == 0)
        {
            CatalogRemove(doc["seg"], id);
            AdjustNames(IndicatorRowsOf(id).Select(r => r["nameNorm"].AsString).ToList(), -1);
            Indicators.DeleteMany(Where.Eq("documentId", id));
            Budget.DeleteMany(Where.Eq("documentId", id));
            Forms.DeleteMany(Where.Eq("documentId", id));
            return;
        }
        var heir = copies[0];
        int heirId = heir["_id"].AsInt32;
        CatalogMove(doc["seg"], id, heirId);
        heir["seg"] = doc["seg"];
        // Packed facts move with their forms; rows of older forms carry their document themselves.
        foreach (var col in new[] { Forms, Indicators, Budget })
            foreach (var row in col.Find(Where.Eq("documentId", id)).ToList())
            {
                row["documentId"] = heirId;
                col.Update(row);
            }
        heir["status"] = DocumentStatus.Ok;
        heir["error"] = BsonValue.Null;
        heir["duplicateOf"] = BsonValue.Null;
        heir["formsCount"] = doc["formsCount"];
        heir[FactsField] = doc.TryGetValue(FactsField, out var facts) ? facts : BsonValue.Null;
        heir["indicatorsCount"] = doc["indicatorsCount"];
        Documents.Update(heir);
        foreach (var other in copies.Skip(1))
        {
            other["duplicateOf"] = heirId;
            other["error"] = "same content as " + heir["path"].AsString;
            Documents.Update(other);
        }
    }
}
