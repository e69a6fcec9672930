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
        ["xlsx"] = () => new Sheet.XlsxParser(),
        ["xls"] = () => new Sheet.XlsParser(),
        ["doc"] = () => new Doc.DocParser("doc"),
        ["wps"] = () => new Doc.DocParser("wps"),
        ["pdf"] = () => new Pdf.PdfParser(),
        ["rtf"] = () => new Rtf.RtfParser(),
        ["wordml"] = () => new WordMl.WordMlParser(),
        ["ofd"] = () => new Ofd.OfdParser(),
    };

    public static IDocumentParser? For(string format) =>
        Factories.TryGetValue(format, out var f) ? f() : null;

    public static IEnumerable<string> Formats => Factories.Keys;
}
