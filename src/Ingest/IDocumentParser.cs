namespace Jixiao.Ingest;

/// <summary>One file format's reader. Implementations may throw; <see cref="DocumentReader"/> turns that into an <see cref="IngestError"/>.</summary>
public interface IDocumentParser
{
    /// <summary>Format name as it appears in <see cref="SourceDocument.Format"/>.</summary>
    string Format { get; }

    /// <summary>Reads the whole stream. <paramref name="fileName"/> is the bare name for the document's File.</summary>
    SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel);
}

/// <summary>Why a file could not be read: always one line, naming the file.</summary>
public sealed record IngestError(string File, string FormatGuess, string Reason)
{
    public override string ToString() => $"{File}: {FormatGuess}: {Reason}";
}

/// <summary>Thrown by parsers for input they recognise but cannot read (encrypted, unsupported version, damaged).</summary>
public sealed class UnreadableDocumentException : Exception
{
    public UnreadableDocumentException(string reason) : base(reason) { }
    public UnreadableDocumentException(string reason, Exception inner) : base(reason, inner) { }
}
