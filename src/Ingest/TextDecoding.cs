using System.Text;

namespace Jixiao.Ingest;

/// <summary>
/// Turns the bytes of a text-like file into a string: BOM first, else the best-scoring of UTF-8, GB18030 (the
/// superset of GBK/GB2312 that Chinese government exports use when they are not UTF-8), Big5, UTF-16 and UTF-32.
/// </summary>
public static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>The text of a text-like file, its encoding detected (<see cref="Text.EncodingDetector"/>).</summary>
    public static string Decode(byte[] bytes) => Text.EncodingDetector.Decode(bytes).Text;

    public static string ReadAll(Stream stream) => ReadDetected(stream).Text;

    /// <summary>The whole stream decoded, with the encoding read, its confidence and any doubt about it.</summary>
    public static Text.DecodedText ReadDetected(Stream stream)
    {
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return Text.EncodingDetector.Decode(ms.GetBuffer().AsSpan(0, (int)ms.Length));
    }
}
