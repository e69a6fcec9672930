using System.Text;

namespace Jixiao.Extract;

/// <summary>
/// A workbook may write the same form twice: its project and indicator sheets (joined by <see cref="KeyedSheets"/>)
/// and a flat export of the same rows on another sheet. A form whose every written fact equals an earlier form's
/// is that form again, not a second one; a form that differs in anything (a longer 政策依据, one more indicator)
/// stays, since neither copy can be preferred without reading both.
/// </summary>
internal static class RepeatedForms
{
    public static bool IsRepeat(Form form, HashSet<string> seen) => !seen.Add(Facts(form));

    /// <summary>The form's written facts in order (sources, confidences and review flags left out).</summary>
    static string Facts(Form f)
    {
        var s = new StringBuilder();
        void Put(params object?[] parts) { foreach (var p in parts) s.Append(p).Append('\u001f'); s.Append('\u001e'); }
        Put(f.Kind, f.Title, f.Year, f.Unit, f.Department, f.Project);
        foreach (var (k, v) in f.Fields.OrderBy(p => p.Key, StringComparer.Ordinal)) Put(k, v);
        foreach (var b in f.Budget) Put(b.Item, b.Column, b.Value);
        foreach (var p in f.Projects) Put(p.Name, p.Category, p.Total, p.Annual, p.Purpose);
        foreach (var g in f.Goals) Put(g.Label, g.Text);
        foreach (var i in f.Indicators)
            Put(i.Scope, i.Level1, i.Level2, i.Level3, i.Target, string.Join(",", i.History), i.Actual, i.Weight, i.Score, i.Basis, i.Category, i.Deviation);
        return s.ToString();
    }
}
