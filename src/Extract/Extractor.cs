using Jixiao.Ingest;

namespace Jixiao.Extract;

/// <summary>
/// The Extract stage's entry point: a <see cref="SourceDocument"/> in, the canonical forms out.
/// Knows 绩效表, nothing about file formats. The flow: <see cref="LineStream"/> (document → rows and
/// paragraphs) → <see cref="FormReader"/> (forms and their sections) → <see cref="FormFinisher"/>.
/// </summary>
public static class Extractor
{
    public static ExtractedDocument Extract(SourceDocument source) => Extract(source, RoleOracle.Default);

    /// <param name="cancel">Looked at between rows and forms: extraction given up on at the per-file time limit stops
    /// instead of running on, abandoned, on a core the next files need.</param>
    public static ExtractedDocument Extract(SourceDocument source, CancellationToken cancel) => Extract(source, RoleOracle.Default, cancel);

    /// <param name="oracle">What the readers ask where their rules are unsure (the trained models, or nothing).</param>
    internal static ExtractedDocument Extract(SourceDocument source, IRoleOracle oracle, CancellationToken cancel = default)
    {
        var doc = new ExtractedDocument { File = source.File, Format = source.Format };
        if (source.NeedsReview) OcrReview.Prepare(source);
        var lines = LineStream.From(source);
        var drafts = new FormReader(lines, oracle, fromOcr: source.NeedsReview).Read(cancel);
        var documentYear = DocumentYear(lines, source.File);
        var bookOwner = BookOwner(lines, source.File);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            cancel.ThrowIfCancellationRequested();
            var form = FormFinisher.Finish(draft, source.NeedsReview, documentYear, oracle, source.OcrConfidence);
            if (source.NeedsReview) OcrReview.Apply(form, source);
            DecodingReview.Apply(form, source);
            if (form.Department is null && bookOwner is not null) (form.Department, form.DeptCode) = NameCanonicalizer.SplitCode(bookOwner);
            // A title or a row of labels alone is not a form (tables of contents, budget tables that mention 部门名称).
            bool content = form.Indicators.Count > 0 || form.Budget.Count > 0 || form.Goals.Count > 0 || form.Projects.Count > 0;
            // Project fields alone make a form only under a 绩效 title: a project-library workbook repeats 项目名称
            // on every sheet (项目基本信息, 立项依据, 评审报告) and those sheets are not 绩效表.
            bool titled = TitleRules.KindFromTitle(form.Title) is not null;
            if (!content && !(form.Project is not null && form.Fields.Count >= 2 && titled)) continue;
            if (RepeatedForms.IsRepeat(form, written)) continue;
            doc.Forms.Add(form);
        }
        if (doc.Forms.Count == 0) (doc.Warnings ??= new()).Add("no 绩效表 form found");
        if (source.Warnings.Count > 0) (doc.Warnings ??= new()).AddRange(source.Warnings);
        return doc;
    }

    /// <summary>
    /// The last resort for a form's year: the budget book's own heading (`2026年度部门预算`), else the
    /// year in the file name, which is how offices file these documents.
    /// </summary>
    /// <summary>
    /// The department a budget book belongs to, from its heading (`北京市重大项目建设指挥部办公室2026年度部门预算`)
    /// or its file name: forms inside such books often omit it.
    /// </summary>
    static string? BookOwner(List<Line> lines, string fileName)
    {
        foreach (var line in lines.Take(20))
        {
            if (!line.IsParagraph || line.Paragraph!.Length > 60) continue;
            var m = BookHeading.Match(TextNorm.Label(line.Paragraph));
            if (m.Success) return m.Groups[1].Value;
        }
        var f = BookHeading.Match(TextNorm.Label(Path.GetFileNameWithoutExtension(fileName)));
        return f.Success ? f.Groups[1].Value : null;
    }

    /// <summary>A book heading (titles.json book words): an optional attachment number, the owner, an optional
    /// bracketed summary mark, the year, then owner and kind words. Built on first use.</summary>
    static System.Text.RegularExpressions.Regex BookHeading => _bookHeading ??= BuildBookHeading();

    static System.Text.RegularExpressions.Regex? _bookHeading;

    static System.Text.RegularExpressions.Regex BuildBookHeading()
    {
        var w = Vocab.Instance.Titles;
        return new(@"^(?:(?:" + Vocab.Alternation(w.BookAttachment) + @")\d*[:：]?)?(.{4,40}?)(?:[（(](?:" + Vocab.Alternation(w.BookSummary) +
                   @")[）)])?(?:19|20)\d{2}年度?(?:" + Vocab.Alternation(w.BookOwners) + ")(?:" + Vocab.Alternation(w.BookKinds) + ")");
    }

    static int? DocumentYear(List<Line> lines, string fileName)
    {
        foreach (var line in lines.Take(40))
        {
            // Headings only: a paragraph, or a table row holding nothing but one title cell.
            var filled = line.Filled.ToList();
            var text = line.IsParagraph ? line.Paragraph! : filled.Count == 1 ? filled[0].Raw : null;
            if (text is null || text.Length > 80) continue;
            if (TitleRules.OwnYearOf(text) is { } y) return y;
        }
        return TitleRules.YearOfFileName(fileName);
    }
}
