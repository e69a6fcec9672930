using Jixiao.Extract;
using Jixiao.Ingest;

namespace Jixiao.Cli.Report;

/// <summary>One document as the report shows it: its status, its forms, and (when it could be re-read) its source.</summary>
internal sealed class ReportDocument
{
    public required string Path { get; init; }
    public string FileName => System.IO.Path.GetFileName(Path);
    public string Format { get; init; } = "";
    /// <summary>ok, failed, empty or duplicate (the archive's statuses).</summary>
    public required string Status { get; init; }
    /// <summary>Why the document failed or is empty; for a duplicate, what it duplicates.</summary>
    public string? Error { get; init; }
    public IReadOnlyList<Form> Forms { get; init; } = Array.Empty<Form>();
    /// <summary>The re-read source whose cells the facts point at; null when it could not be read again.</summary>
    public SourceDocument? Source { get; init; }
    /// <summary>Why the source grid is missing or may not line up (file gone, changed since import).</summary>
    public string? SourceNote { get; init; }
    /// <summary>The page's file name inside the report folder.</summary>
    public required string Page { get; init; }

    public int IndicatorCount => Forms.Sum(f => f.Indicators.Count);

    /// <summary>This document without its source (what the index needs): `report --all` keeps only these, so
    /// memory holds one document's source at a time, not the whole archive's.</summary>
    public ReportDocument WithoutSource() => new()
    {
        Path = Path, Format = Format, Status = Status, Error = Error, Forms = Forms, SourceNote = SourceNote, Page = Page,
    };
    public int FlaggedCount => Forms.Count(ReportFlags.IsFlagged);
}

/// <summary>Which forms a person should check first.</summary>
internal static class ReportFlags
{
    /// <summary>Below this the extractor found little of what a 绩效表 normally has (see FormFinisher.Confidence).</summary>
    public const double LowConfidence = 0.7;

    public static bool IsLowConfidence(Form f) => f.Confidence is double c && c < LowConfidence;
    public static bool IsFlagged(Form f) => f.NeedsReview || IsLowConfidence(f);

    public static string Reason(Form f) => string.Join(", ", new[]
    {
        f.NeedsReview ? "needs review" : null,
        IsLowConfidence(f) ? $"low confidence {f.Confidence:0.00}" : null,
    }.Where(s => s is not null));
}
