using Jixiao.Ingest;

namespace Jixiao.Extract;

/// <summary>
/// The Extract stage's entry point: a <see cref="SourceDocument"/> in, the canonical forms out.
/// Knows 绩效表, nothing about file formats. The flow: <see cref="LineStream"/> (document → rows and
/// paragraphs) → <see cref="FormReader"/> (forms and their sections) → <see cref="FormFinisher"/>.
/// </summary>
public static class Extractor
{
    public static ExtractedDocument Extract(SourceDocument source)
    {
        var doc = new ExtractedDocument { File = source.File, Format = source.Format };
        var lines = LineStream.From(source);
        var drafts = new FormReader(lines).Read();
        foreach (var draft in drafts)
        {
            var form = FormFinisher.Finish(draft, source.NeedsReview);
            if (form.Indicators.Count == 0 && form.Budget.Count == 0 && form.Goals.Count == 0 && form.Fields.Count < 2 && form.Title is null) continue;
            doc.Forms.Add(form);
        }
        if (doc.Forms.Count == 0) (doc.Warnings ??= new()).Add("no 绩效表 form found");
        if (source.Warnings.Count > 0) (doc.Warnings ??= new()).AddRange(source.Warnings);
        return doc;
    }
}
