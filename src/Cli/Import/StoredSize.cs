using Jixiao.Extract;

namespace Jixiao.Cli.Import;

/// <summary>
/// Makes an extraction fit the archive: LiteDB stores a form (its fields, goals and project lines) as one
/// record of at most 16 MB, and a table cell of 20 MB once crashed every import that met it. No real 绩效表
/// value is longer than a few thousand characters, so a longer text is cut at <see cref="MaxText"/> and the
/// value flagged for review (the form too) — stored, visibly incomplete, never silently dropped — and a
/// form's texts together stop at <see cref="MaxFormText"/>.
/// </summary>
internal static class StoredSize
{
    public const int MaxText = 16 * 1024;
    public const int MaxFormText = 2 * 1024 * 1024;
    public const int MaxName = 256;
    const string Marker = "…[truncated]";

    public static ExtractedDocument Fit(ExtractedDocument doc)
    {
        foreach (var form in doc.Forms) Fit(form);
        return doc;
    }

    static void Fit(Form form)
    {
        long used = 0;
        bool cut = false;
        string? Cap(string? s, int max = MaxText)
        {
            if (s is null) return null;
            int allowed = (int)Math.Max(0, Math.Min(max, MaxFormText - used));
            if (s.Length <= allowed) { used += s.Length; return s; }
            cut = true;
            used += allowed;
            if (allowed > 0 && char.IsHighSurrogate(s[allowed - 1])) allowed--;
            return s[..allowed] + Marker;
        }
        form.Title = Cap(form.Title);
        form.Unit = Cap(form.Unit);
        form.Department = Cap(form.Department);
        form.Project = Cap(form.Project);
        if (form.Fields.Any(kv => kv.Key.Length + kv.Value.Length > MaxText) || form.Fields.Sum(kv => (long)kv.Key.Length + kv.Value.Length) > MaxFormText / 2)
        {
            var fields = new Dictionary<string, string>();
            foreach (var (k, v) in form.Fields) fields.TryAdd(Cap(k, 256)!, Cap(v)!);
            form.Fields = fields;
        }
        foreach (var g in form.Goals) { g.Label = Cap(g.Label)!; g.Text = Cap(g.Text)!; }
        foreach (var p in form.Projects)
        {
            p.Name = Cap(p.Name)!; p.Category = Cap(p.Category); p.Total = Cap(p.Total); p.Annual = Cap(p.Annual); p.Purpose = Cap(p.Purpose);
        }
        // Indicators and budget facts are records of their own: each value is capped, not the form's total.
        foreach (var i in form.Indicators)
        {
            bool before = cut;
            cut = false;
            long saved = used;
            used = 0;
            // The name is an index key (LiteDB: at most 1023 bytes), so it is held to MaxName characters.
            i.Scope = Cap(i.Scope); i.Level1 = Cap(i.Level1, MaxName); i.Level2 = Cap(i.Level2, MaxName); i.Level3 = Cap(i.Level3, MaxName);
            i.Target = Cap(i.Target); i.Actual = Cap(i.Actual); i.Weight = Cap(i.Weight); i.Score = Cap(i.Score);
            i.Basis = Cap(i.Basis); i.Category = Cap(i.Category); i.Deviation = Cap(i.Deviation);
            if (i.History.Values.Any(v => v.Length > MaxText))
                i.History = new SortedDictionary<string, string>(i.History.ToDictionary(kv => kv.Key, kv => Cap(kv.Value)!), StringComparer.Ordinal);
            if (cut) i.FlagForReview("text cut to fit the archive (a name over 256 characters or a value over 16,384)");
            cut |= before;
            used = saved;
        }
        foreach (var b in form.Budget)
        {
            bool before = cut;
            cut = false;
            long saved = used;
            used = 0;
            b.Item = Cap(b.Item)!; b.Column = Cap(b.Column); b.Value = Cap(b.Value)!;
            if (cut) b.FlagForReview($"text over {MaxText} characters cut to fit the archive");
            cut |= before;
            used = saved;
        }
        if (cut) form.NeedsReview = true;
    }
}
