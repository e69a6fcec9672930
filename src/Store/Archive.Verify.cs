using LiteDB;

namespace Jixiao.Store;

public sealed partial class Archive
{
    /// <summary>
    /// Checks the archive without changing it: every indicator and budget fact belongs to a stored form of
    /// the same document, every form to a stored document whose status allows forms, stored counts agree,
    /// duplicates point at a stored original with the same hash, and (when <paramref name="checkFiles"/>)
    /// every file is still on disk with the stored hash.
    /// </summary>
    public VerifyReport Verify(bool checkFiles = true, int maxProblemsPerCheck = 50)
    {
        var report = new VerifyReport();
        // Every page first: a damaged page header would send the queries below into an exception or a loop.
        var pages = PageScan.Damage(Path);
        foreach (var p in pages) report.Problems.Add("damaged archive: " + p);
        if (pages.Count > 0) return report;
        try
        {
            return VerifyRecords(report, checkFiles, maxProblemsPerCheck);
        }
        catch (Exception e) when (e is LiteException || (e.StackTrace ?? "").Contains(" LiteDB.", StringComparison.Ordinal))
        {
            report.Problems.Add($"damaged archive: a record cannot be read ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")})");
            return report;
        }
    }

    VerifyReport VerifyRecords(VerifyReport report, bool checkFiles, int maxProblemsPerCheck)
    {
        var docs = Documents.FindAll().ToDictionary(d => d["_id"].AsInt32);
        var forms = Forms.FindAll().ToDictionary(f => f["_id"].AsInt32,
            f => (Doc: f["documentId"].AsInt32, Indicators: f["indicatorsCount"].AsInt32, Budget: f["budgetCount"].AsInt32));
        report.Documents = docs.Count;
        report.Forms = forms.Count;

        var formsPerDoc = new Dictionary<int, int>();
        var indicatorsPerDoc = new Dictionary<int, int>();
        var indicatorsPerForm = new Dictionary<int, int>();
        var budgetPerForm = new Dictionary<int, int>();
        var counts = new Dictionary<string, int>();
        var namesSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        void Problem(string check, string text)
        {
            counts[check] = counts.GetValueOrDefault(check) + 1;
            if (counts[check] <= maxProblemsPerCheck) report.Problems.Add(text);
            else if (counts[check] == maxProblemsPerCheck + 1) report.Problems.Add($"… more {check} problems not listed");
        }

        foreach (var (id, f) in forms)
        {
            formsPerDoc[f.Doc] = formsPerDoc.GetValueOrDefault(f.Doc) + 1;
            if (!docs.TryGetValue(f.Doc, out var d)) Problem("form", $"form {id} belongs to missing document {f.Doc}");
            else if (d["status"].AsString != DocumentStatus.Ok)
                Problem("form", $"form {id} belongs to document {f.Doc} whose status is {d["status"].AsString}");
        }

        void CheckRows(IEnumerable<BsonDocument> rows, string what, Dictionary<int, int> perForm)
        {
            int n = 0;
            foreach (var r in rows)
            {
                n++;
                if (what == "indicator") namesSeen[r["nameNorm"].AsString] = namesSeen.GetValueOrDefault(r["nameNorm"].AsString) + 1;
                int formId = r["formId"].AsInt32, docId = r["documentId"].AsInt32;
                perForm[formId] = perForm.GetValueOrDefault(formId) + 1;
                if (what == "indicator") indicatorsPerDoc[docId] = indicatorsPerDoc.GetValueOrDefault(docId) + 1;
                if (!forms.TryGetValue(formId, out var f)) Problem(what, $"{what} {RowName(r)} belongs to missing form {formId}");
                else if (f.Doc != docId) Problem(what, $"{what} {RowName(r)} says document {docId} but its form {formId} belongs to document {f.Doc}");
                if (!docs.ContainsKey(docId)) Problem(what, $"{what} {RowName(r)} belongs to missing document {docId}");
            }
            if (what == "indicator") report.Indicators = n; else report.BudgetFacts = n;
        }
        // Facts of both layouts: rows of the collections (older forms) and those packed in their forms.
        const string RowFields = "{ _id, formId, documentId, nameNorm }";
        CheckRows(AllRows(Indicators.Query().Select(RowFields).ToEnumerable(), FormMapper.PackedIndicators), "indicator", indicatorsPerForm);
        CheckRows(AllRows(Budget.Query().Select(RowFields).ToEnumerable(), FormMapper.PackedBudget), "budget fact", budgetPerForm);
        VerifyIndexes(Problem);
        VerifyDerived(Problem);

        var listed = Names.FindAll().ToDictionary(d => d["_id"].AsString, d => d["count"].AsInt32, StringComparer.Ordinal);
        // An archive written before the name list existed has none until it is next opened for writing.
        if (listed.Count > 0 || namesSeen.Count == 0)
            foreach (var name in listed.Keys.Union(namesSeen.Keys))
                if (listed.GetValueOrDefault(name) != namesSeen.GetValueOrDefault(name))
                    Problem("name", $"name list says {listed.GetValueOrDefault(name)} indicators named {name}, {namesSeen.GetValueOrDefault(name)} stored");

        if (HasCatalog)
        {
            // The search catalog must list every form once, under its document, with all of its indicators.
            var catalogForms = LoadCatalog(new HashSet<string>(StringComparer.Ordinal)).SelectMany(seg => seg.Forms).ToList();
            foreach (var cf in catalogForms)
                if (!forms.TryGetValue(cf.FormId, out var f) || f.Doc != cf.DocumentId || f.Indicators != cf.Rows.Count)
                    Problem("catalog", $"search catalog entry for form {cf.FormId} (document {cf.DocumentId}, {cf.Rows.Count} indicators) does not match the stored form");
            if (catalogForms.Count != forms.Count)
                Problem("catalog", $"search catalog lists {catalogForms.Count} forms, {forms.Count} stored");
        }

        foreach (var (id, f) in forms)
        {
            if (indicatorsPerForm.GetValueOrDefault(id) != f.Indicators)
                Problem("count", $"form {id}: {indicatorsPerForm.GetValueOrDefault(id)} indicators stored, {f.Indicators} recorded");
            if (budgetPerForm.GetValueOrDefault(id) != f.Budget)
                Problem("count", $"form {id}: {budgetPerForm.GetValueOrDefault(id)} budget facts stored, {f.Budget} recorded");
        }

        // Each document's facts against the checksum stored with them (archives written before it have none).
        foreach (var (id, d) in docs)
        {
            if (!d.TryGetValue(FactsField, out var facts) || !facts.IsString) continue;
            if (FactChecksum.Of(FormsOf(id).Select(f => f.Form)) != facts.AsString)
                Problem("facts", $"damaged archive: document {id} ({PathKey.FullPath(d)}): its stored facts differ from their checksum (`jixiao rebuild` re-creates the archive)");
        }

        foreach (var (id, d) in docs)
        {
            var path = PathKey.FullPath(d);
            if (formsPerDoc.GetValueOrDefault(id) != d["formsCount"].AsInt32)
                Problem("count", $"document {id} ({path}): {formsPerDoc.GetValueOrDefault(id)} forms stored, {d["formsCount"].AsInt32} recorded");
            if (indicatorsPerDoc.GetValueOrDefault(id) != d["indicatorsCount"].AsInt32)
                Problem("count", $"document {id} ({path}): {indicatorsPerDoc.GetValueOrDefault(id)} indicators stored, {d["indicatorsCount"].AsInt32} recorded");
            if (d["status"].AsString == DocumentStatus.Duplicate)
            {
                var of = d["duplicateOf"];
                if (of.IsNull || !docs.TryGetValue(of.AsInt32, out var orig)) Problem("duplicate", $"document {id} ({path}) duplicates a missing document");
                else if (orig["hash"].AsString != d["hash"].AsString || orig["status"].AsString != DocumentStatus.Ok)
                    Problem("duplicate", $"document {id} ({path}) duplicates document {of.AsInt32} whose content differs or was not stored");
            }
        }
        if (checkFiles) StoredFiles.Check(docs.Values.Select(d => (PathKey.FullPath(d), d["hash"].AsString)), Problem, report);
        return report;
    }
}
