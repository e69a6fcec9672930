namespace Jixiao.Ingest;

/// <summary>
/// The format-neutral reading of one file: paragraphs and tables in document order.
/// Every parser produces it; the extractor sees nothing else.
/// </summary>
public sealed class SourceDocument
{
    public SourceDocument(string file, string format)
    {
        File = file;
        Format = format;
    }

    /// <summary>File name (no directory) the document was read from.</summary>
    public string File { get; }

    /// <summary>Format name as the spec spells it: text, docx, doc, wps, html, mht, xlsx, xls, pdf.</summary>
    public string Format { get; }

    /// <summary>Paragraphs and tables in reading order. Nested tables follow the table that holds them.</summary>
    public List<Block> Blocks { get; } = new();

    /// <summary>Pages (PDF) or sheets (spreadsheets); 1 for flowing formats.</summary>
    public int PageCount { get; set; } = 1;

    /// <summary>Things the parser noticed but could read past (skipped parts, OCR confidence, …).</summary>
    public List<string> Warnings { get; } = new();

    /// <summary>True when the text came from OCR and a person should check it.</summary>
    public bool NeedsReview { get; set; }

    /// <summary>Mean OCR word confidence (0..100) when <see cref="NeedsReview"/> comes from OCR.</summary>
    public double? OcrConfidence { get; set; }

    /// <summary>The encoding a text file was read in (null for formats that carry their own), and how sure that is (0..1).</summary>
    public string? TextEncoding { get; set; }
    public double? EncodingConfidence { get; set; }

    /// <summary>Why the decoding is doubtful (mixed encodings, invalid sequences, unlikely characters); every value read from the file is then flagged for review.</summary>
    public string? EncodingDoubt { get; set; }

    public IEnumerable<Table> Tables => Blocks.OfType<Table>();
    public IEnumerable<Paragraph> Paragraphs => Blocks.OfType<Paragraph>();
}

/// <summary>Where a block or cell came from: page (1-based; sheet index for spreadsheets) and line/row (1-based).</summary>
public readonly record struct SourcePosition(int Page, int Line)
{
    public static readonly SourcePosition None = new(0, 0);
    public override string ToString() => Page > 0 ? $"p{Page}:{Line}" : $"l{Line}";
}

public abstract class Block
{
    public SourcePosition Position { get; set; }
}

/// <summary>A paragraph outside any table. Soft line breaks are kept as '\n'.</summary>
public sealed class Paragraph : Block
{
    public Paragraph(string text) => Text = text;
    public string Text { get; set; }
    public override string ToString() => Text;
}

/// <summary>
/// A table as HTML sees it: each row lists the cells that start in it, left to right; a cell covered
/// by a span from above is not repeated. Formats without merge information (flattened text)
/// write covered cells as empty cells of span 1.
/// </summary>
public sealed class Table : Block
{
    public List<TableRow> Rows { get; } = new();

    /// <summary>Nesting depth: 1 for a top-level table, 2 for a table inside a cell, …</summary>
    public int Depth { get; set; } = 1;

    /// <summary>Sheet name for spreadsheets, null elsewhere.</summary>
    public string? Name { get; set; }

    /// <summary>Where a table read by OCR sits on its scanned page (null for tables read from text).</summary>
    public ScanRegion? Scan { get; set; }

    public override string ToString() => $"Table {Rows.Count} rows";
}

public sealed class TableRow
{
    public List<TableCell> Cells { get; } = new();
    public SourcePosition Position { get; set; }
}

public sealed class TableCell
{
    public TableCell(string text, int rowSpan = 1, int colSpan = 1)
    {
        Text = text;
        RowSpan = rowSpan;
        ColSpan = colSpan;
    }

    /// <summary>Cell text: paragraphs and soft breaks as '\n'.</summary>
    public string Text { get; set; }
    public int RowSpan { get; set; }
    public int ColSpan { get; set; }
    public SourcePosition Position { get; set; }

    /// <summary>How sure the OCR engine was of this cell's text (0..1, its weakest line); null for text read from a file's text.</summary>
    public double? Confidence { get; set; }

    public override string ToString() => Text;
}

/// <summary>
/// A table's place on a scanned page: the PDF page, the clockwise turn (0/90/180/270) that made the
/// page upright, and the table's box as fractions (0..1) of the upright page, so it can be cut from a
/// render of any resolution.
/// </summary>
public sealed record ScanRegion(int Page, int Turn, double Left, double Top, double Right, double Bottom);
