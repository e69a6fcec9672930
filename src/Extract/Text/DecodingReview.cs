using Jixiao.Ingest;

namespace Jixiao.Extract;

/// <summary>
/// A text file whose decoding is doubtful (mixed encodings, invalid sequences, characters such text is not made
/// of) may have any name or value garbled: every value read from it is flagged for review with the doubt as its
/// reason, and the form too, so the archive keeps them but does not treat them as fact.
/// </summary>
internal static class DecodingReview
{
    public static void Apply(Form form, SourceDocument source)
    {
        if (source.EncodingDoubt is not { } doubt) return;
        foreach (var ind in form.Indicators) ind.FlagForReview(doubt);
        foreach (var b in form.Budget) b.FlagForReview(doubt);
        form.NeedsReview = true;
    }
}
