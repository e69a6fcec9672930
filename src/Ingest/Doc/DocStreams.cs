namespace Jixiao.Ingest.Doc;

/// <summary>Everything read once from the streams that the text readers share.</summary>
internal sealed class DocStreams
{
    public required PieceTable Pieces { get; init; }
    public required FormattedDiskPages Papx { get; init; }
    public required FormattedDiskPages Chpx { get; init; }
    /// <summary>The Data stream (huge PAPXs, form field data); empty when absent.</summary>
    public required ArraySegment<byte> Data { get; init; }
    /// <summary>Font names by ftc (SttbfFfn).</summary>
    public required string[] Fonts { get; init; }
    public required Stsh Styles { get; init; }
    public required TextBoxes TextBoxes { get; init; }

    /// <summary>Paragraphs read so far, over all stories: the line of each block's position.</summary>
    public int Line { get; set; }
}
