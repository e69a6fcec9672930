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

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static string Decode(byte[] data, string? declaredCharset = null)
    {
        if (data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) return Encoding.UTF8.GetString(data, 3, data.Length - 3);
        if (data.Length >= 2 && data[0] == 0xFF && data[1] == 0xFE) return Encoding.Unicode.GetString(data, 2, data.Length - 2);
        if (data.Length >= 2 && data[0] == 0xFE && data[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(data, 2, data.Length - 2);

        var encoding = Resolve(declaredCharset) ?? Resolve(MetaCharset(data));
        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage) return DecodeUtf8OrGb(data);
        return encoding.GetString(data);
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8, else GB18030 (pages that claim UTF-8 and are not).</summary>
    static string DecodeUtf8OrGb(byte[] data)
    {
        try
        {
            return StrictUtf8.GetString(data);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.GetString(data);
        }
    }

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
                return Gb18030;
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
