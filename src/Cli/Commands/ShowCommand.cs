using System.CommandLine;
using Jixiao.Cli.ConsoleOutput;
using Jixiao.Extract;
using Jixiao.Store;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao show FILE|ID [--json]`: one stored document's forms as readable tables.</summary>
internal static class ShowCommand
{
    public static Command Build()
    {
        var which = new Argument<string>("document") { Description = "Document id (from search --csv/--json) or file path/name" };
        var json = new Option<bool>("--json") { Description = "Print the stored forms as the spec's canonical JSON" };
        var cmd = new Command("show", "Show one imported document: header, budget, goals, indicators") { which, json };
        cmd.SetAction(pr =>
        {
            using var archive = ArchiveOpener.OpenForReading(pr);
            if (archive is null) return 1;
            var key = pr.GetValue(which)!;
            var doc = (int.TryParse(key, out var id) ? archive.GetDocument(id) : null) ?? archive.FindDocument(key);
            if (doc is null)
            {
                Console.Error.WriteLine($"jixiao show: no document {TerminalText.Safe(key)} in the archive");
                return 1;
            }
            var forms = archive.FormsOf(doc.Id);
            if (pr.GetValue(json))
            {
                var ex = new ExtractedDocument { File = doc.FileName, Format = doc.Format, Forms = forms.Select(f => f.Form).ToList() };
                Console.Out.WriteLine(CanonicalJson.Serialize(ex));
                return 0;
            }
            Write(Console.Out, doc, forms);
            return 0;
        });
        return cmd;
    }

    internal static void Write(TextWriter o, StoredDocument doc, IReadOnlyList<StoredForm> forms)
    {
        o.WriteLine($"document {doc.Id}: {TerminalText.Safe(doc.Path)}");
        o.WriteLine($"format {doc.Format}, {doc.PageCount} page(s), {doc.Size} bytes, status {doc.Status}, {doc.FormsCount} form(s), " +
                    $"{doc.IndicatorsCount} indicator(s), imported {doc.ImportedAt:yyyy-MM-dd HH:mm} UTC{(doc.NeedsReview ? ", NEEDS REVIEW" : "")}");
        o.WriteLine($"sha256 {doc.Hash}");
        if (doc.Error is not null) o.WriteLine($"{(doc.Status == DocumentStatus.Duplicate ? "note" : "error")}: {TerminalText.Safe(doc.Error)}");
        int n = 0;
        foreach (var sf in forms) WriteForm(o, sf.Form, ++n, forms.Count);
    }

    static void WriteForm(TextWriter o, Form f, int n, int of)
    {
        o.WriteLine();
        o.WriteLine($"== form {n}/{of}: {TerminalText.OneLine(f.Kind)}{(f.Title is null || f.Title == f.Kind ? "" : " — " + TerminalText.OneLine(f.Title))} ==");
        var head = new TablePrinter("field", "value") { MaxWidth = 60 };
        head.Add("year", f.Year?.ToString());
        head.Add("unit", f.Unit);
        head.Add("department", f.Department);
        head.Add("dept_code", f.DeptCode);
        head.Add("project", f.Project);
        foreach (var (k, v) in f.Fields) head.Add(k, v);
        if (f.Confidence is double c) head.Add("confidence", c.ToString("0.00"));
        if (f.NeedsReview) head.Add("needs review", "yes");
        head.Write(o);

        if (f.Budget.Count > 0)
        {
            o.WriteLine();
            var b = new TablePrinter("budget item", "column", "value") { MaxWidth = 50 };
            foreach (var x in f.Budget) b.Add(x.Item, x.Column, x.Value);
            b.Write(o);
        }
        if (f.Projects.Count > 0)
        {
            o.WriteLine();
            var p = new TablePrinter("project", "category", "total", "annual", "purpose");
            foreach (var x in f.Projects) p.Add(x.Name, x.Category, x.Total, x.Annual, x.Purpose);
            p.Write(o);
        }
        foreach (var g in f.Goals)
        {
            o.WriteLine();
            o.WriteLine($"{TerminalText.Safe(g.Label)}: {TerminalText.Safe(g.Text)}");
        }
        if (f.Indicators.Count > 0)
        {
            o.WriteLine();
            WriteIndicators(o, f.Indicators);
        }
    }

    /// <summary>The indicator table, with only the columns this form fills (a target form has no score).</summary>
    static void WriteIndicators(TextWriter o, List<Indicator> rows)
    {
        var used = IndicatorColumns.Used(rows);
        var t = new TablePrinter(used.Select(c => c.Head).ToArray())
        {
            MaxWidth = 30,
            ColumnMax = new Dictionary<string, int> { ["level3"] = 60, ["deviation"] = 40 },
        };
        foreach (var r in rows) t.Add(used.Select(c => c.Get(r)).ToArray());
        t.Write(o);
    }
}
