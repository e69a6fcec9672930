using System.Net;

namespace Jixiao.Cli.Report;

/// <summary>HTML escaping for text and attribute values; cell line breaks become &lt;br&gt;.</summary>
internal static class Html
{
    public static string Text(string? s) => WebUtility.HtmlEncode(s ?? "");
    public static string Multiline(string? s) => Text(s).Replace("\r\n", "\n").Replace("\n", "<br>");
    public static string Attr(string? s) => WebUtility.HtmlEncode(s ?? "");
}
