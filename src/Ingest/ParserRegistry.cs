namespace Jixiao.Ingest;

/// <summary>
/// The one place that maps a sniffed format to its parser. Each format folder adds one line here.
/// </summary>
internal static class ParserRegistry
{
    static readonly Dictionary<string, Func<IDocumentParser>> Factories = new(StringComparer.Ordinal)
    {
        ["text"] = () => new Text.TextParser(),
        // format parsers register below (one line each)
        ["docx"] = () => new Docx.DocxParser(),
        ["html"] = () => new Html.HtmlParser(),
        ["mht"] = () => new Html.MhtParser(),
        ["rtf"] = () => new Rtf.RtfParser(),
    };

    public static IDocumentParser? For(string format) =>
        Factories.TryGetValue(format, out var f) ? f() : null;

    public static IEnumerable<string> Formats => Factories.Keys;
}
