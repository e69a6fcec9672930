using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Ingest.Html;

/// <summary>
/// Bytes to text for HTML the way browsers settle it for these files: a byte-order mark wins, then a
/// charset declared by the container (MHT part header), then the page's own &lt;meta&gt;, then UTF-8 —
/// and Chinese pages that are not valid UTF-8 are GB18030 (a superset of GB2312 and GBK, so one
/// decoder reads all three).
/// </summary>
internal static partial class HtmlDecoding
{
    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] data, string? declaredCharset = null)
    {
        if (HasByteOrderMark(data)) return TextDecoding.Decode(data);
        var encoding = Resolve(declaredCharset) ?? Resolve(MetaCharset(data));
        // A page declared UTF-8 that is not valid UTF-8 is, in practice, GBK: TextDecoding falls back to GB18030.
        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage) return TextDecoding.Decode(data);
        // Pages copied from GB2312 templates keep their meta after being re-saved as UTF-8. Chinese
        // text in GBK is practically never valid UTF-8, so valid multi-byte UTF-8 is taken as UTF-8.
        if (encoding.CodePage == TextDecoding.Gb18030.CodePage && IsMultiByteUtf8(data)) return Encoding.UTF8.GetString(data);
        return encoding.GetString(data);
    }

    static bool IsMultiByteUtf8(byte[] data)
    {
        if (!data.Any(b => b >= 0x80)) return false;
        return System.Text.Unicode.Utf8.IsValid(data);
    }

    static bool HasByteOrderMark(byte[] d) =>
        d.Length >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF
        || d.Length >= 2 && (d[0] == 0xFF && d[1] == 0xFE || d[0] == 0xFE && d[1] == 0xFF);

    /// <summary>The charset of the first &lt;meta charset&gt; or &lt;meta http-equiv content="…charset=…"&gt; in the head.</summary>
    internal static string? MetaCharset(byte[] data)
    {
        var head = Encoding.Latin1.GetString(data, 0, Math.Min(data.Length, 8192));
        var m = MetaRegex().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    internal static Encoding? Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        switch (name.Trim().Trim('"', '\'').ToLowerInvariant())
        {
            case "gbk" or "gb2312" or "gb18030" or "x-gbk" or "cp936" or "windows-936" or "gb_2312-80" or "csgb2312" or "euc-cn":
                return TextDecoding.Gb18030;
            case "utf-8" or "utf8":
                return Encoding.UTF8;
            // A meta tag read from ASCII-compatible bytes cannot mean UTF-16; browsers take UTF-8.
            case "utf-16" or "utf-16le" or "utf-16be" or "unicode":
                return Encoding.UTF8;
        }
        try
        {
            return Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaRegex();
}
