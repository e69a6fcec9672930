using Jixiao.Extract;

namespace Jixiao.Store;

/// <summary>The status a stored document has (documents collection, field `status`).</summary>
public static class DocumentStatus
{
    public const string Ok = "ok";
    public const string Failed = "failed";
    /// <summary>The file is empty (0 bytes): nothing to read, but nothing broken either.</summary>
    public const string Empty = "empty";
    /// <summary>Read and extracted, but it holds no 绩效表 form (a README, an unrelated budget document). Not a failure.
    /// Archives written before this status existed store such files as <see cref="Empty"/>.</summary>
    public const string NoForms = "no-forms";
    /// <summary>Same content as another stored document (<see cref="StoredDocument.DuplicateOf"/>); its forms are stored once.</summary>
    public const string Duplicate = "duplicate";
}

/// <summary>One imported file as the archive knows it.</summary>
public sealed record StoredDocument(
    int Id, string Path, string FileName, string Hash, long Size, string Format, string Status, string? Error,
    int FormsCount, int IndicatorsCount, DateTime ImportedAt, int PageCount, bool NeedsReview, int? DuplicateOf);

/// <summary>Which already-stored files an import reads again.</summary>
public enum ReimportPolicy
{
    /// <summary>Only new and changed files (same path + same hash is skipped, whatever its status).</summary>
    ChangedOnly,
    /// <summary>Also unchanged files stored as failed or empty (a newer reader may succeed).</summary>
    RetryFailed,
    /// <summary>Every file (after an extractor upgrade).</summary>
    All,
}

/// <summary>What the archive holds for a path.</summary>
public sealed record KnownFile(string Hash, string Status)
{
    /// <summary>Stored with its forms (or as a copy of a stored document).</summary>
    public bool Complete => Status is DocumentStatus.Ok or DocumentStatus.Duplicate;

    /// <summary>True when an import under <paramref name="policy"/> leaves this file as it is.</summary>
    public bool Skips(string hash, ReimportPolicy policy = ReimportPolicy.ChangedOnly) => policy switch
    {
        ReimportPolicy.All => false,
        ReimportPolicy.RetryFailed => Complete && Hash == hash,
        _ => Hash == hash && Hash.Length > 0,
    };
}

/// <summary>What the importer hands the archive for one file: the read and extraction outcome.</summary>
public sealed class ImportItem
{
    public required string Path { get; init; }
    public required string Hash { get; init; }
    public long Size { get; init; }
    public string Format { get; init; } = "";
    public int PageCount { get; init; }
    public bool NeedsReview { get; init; }
    /// <summary>The one-line read error; null when the file was read.</summary>
    public string? Error { get; init; }
    public ExtractedDocument? Extracted { get; init; }
    public string FileName => System.IO.Path.GetFileName(Path);
}

/// <summary>What writing one <see cref="ImportItem"/> did.</summary>
public enum WriteAction { Imported, Replaced, Unchanged, Duplicate, Failed, Empty, NoForms }

public sealed record WriteOutcome(string Path, WriteAction Action, string? Reason, int Forms, int Indicators);

/// <summary>A line of the import log: one per file written (unchanged files leave no line).</summary>
public sealed record ImportLogEntry(DateTime Time, string Path, string Format, string Status, string? Reason);

/// <summary>Filters of `jixiao search`. Text, department and kind match as normalized substrings.</summary>
public sealed class SearchQuery
{
    public string? Text { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public string? Department { get; init; }
    public string? Kind { get; init; }
    public string? Level1 { get; init; }
    public TargetValue? Target { get; init; }
    /// <summary>With a <see cref="Target"/> filter: also match values flagged for review (skipped by default:
    /// a flagged value may not be what the source says).</summary>
    public bool IncludeReview { get; init; }
    public int Limit { get; init; } = 100;
}

/// <summary>One indicator found by search or history, with its form's context.</summary>
public sealed record IndicatorHit(
    int DocumentId, int FormId, string File, int? Year, string? Department, string? Project, string Kind,
    string? Scope, string? Level1, string? Level2, string? Level3, string Name,
    string? Target, string? Actual, string? Weight, string? Score, IReadOnlyDictionary<string, string> History,
    bool Fuzzy, double Rank, double? Confidence = null, bool Review = false, IReadOnlyList<string>? ReviewReasons = null)
{
    /// <summary>`history`'s order, the same on every backend: year, department, project, scope, exact before fuzzy.</summary>
    public static List<IndicatorHit> InHistoryOrder(IEnumerable<IndicatorHit> hits) =>
        hits.OrderBy(h => h.Year ?? 0)
            .ThenBy(h => h.Department ?? "", StringComparer.Ordinal)
            .ThenBy(h => h.Project ?? "", StringComparer.Ordinal)
            .ThenBy(h => h.Scope ?? "", StringComparer.Ordinal)
            .ThenBy(h => h.Fuzzy)
            .ToList();
}

/// <summary>A stored form read back, with the document it came from.</summary>
public sealed record StoredForm(int Id, int DocumentId, int Index, Form Form);

/// <summary>What `verify` found. No problems means the archive is consistent with itself and the disk.</summary>
public sealed class VerifyReport
{
    public List<string> Problems { get; } = new();
    public int Documents { get; set; }
    public int Forms { get; set; }
    public int Indicators { get; set; }
    public int BudgetFacts { get; set; }
    public int MissingFiles { get; set; }
    public int ChangedFiles { get; set; }
    public bool Ok => Problems.Count == 0;
}

/// <summary>Row counts of the archive's collections.</summary>
public sealed record ArchiveCounts(int Documents, int Forms, int Indicators, int BudgetFacts, int LogLines);
