using Jixiao.Cli.ConsoleOutput;

namespace Jixiao.Cli.Bench;

/// <summary>One table of the benchmark: a title, rows and the notes that say how to read them.</summary>
internal sealed class BenchSection
{
    public BenchSection(string title, string[] headers)
    {
        Title = title;
        Headers = headers;
    }

    public string Title { get; }
    public string[] Headers { get; }
    public List<string[]> Rows { get; } = new();
    public List<string> Notes { get; } = new();

    public BenchSection Row(params string[] cells)
    {
        Rows.Add(cells);
        return this;
    }

    public BenchSection Note(string note)
    {
        Notes.Add(note);
        return this;
    }
}

/// <summary>Everything a bench run measured, printable as aligned text (stdout) or Markdown (--out).</summary>
internal sealed class BenchReport
{
    public List<BenchSection> Sections { get; } = new();

    public BenchSection Add(string title, params string[] headers)
    {
        var s = new BenchSection(title, headers);
        Sections.Add(s);
        return s;
    }

    public BenchSection? Find(string title) => Sections.FirstOrDefault(s => s.Title == title);

    public void WriteText(TextWriter w)
    {
        foreach (var s in Sections)
        {
            w.WriteLine();
            w.WriteLine("== " + s.Title);
            if (s.Headers.Length > 0 && s.Rows.Count > 0)
            {
                var t = new TablePrinter(s.Headers) { MaxWidth = 60 };
                foreach (var r in s.Rows) t.Add(r);
                t.Write(w);
            }
            foreach (var n in s.Notes) w.WriteLine("  * " + n);
        }
    }

    public void WriteMarkdown(TextWriter w, string title)
    {
        w.WriteLine("# " + title);
        foreach (var s in Sections)
        {
            w.WriteLine();
            w.WriteLine("## " + s.Title);
            w.WriteLine();
            if (s.Headers.Length > 0 && s.Rows.Count > 0)
            {
                w.WriteLine("| " + string.Join(" | ", s.Headers.Select(Cell)) + " |");
                w.WriteLine("|" + string.Concat(s.Headers.Select(_ => "---|")));
                foreach (var r in s.Rows) w.WriteLine("| " + string.Join(" | ", r.Select(Cell)) + " |");
                w.WriteLine();
            }
            foreach (var n in s.Notes) w.WriteLine("- " + n);
        }
    }

    static string Cell(string c) => c.Replace("|", "\\|").ReplaceLineEndings(" ");
}
