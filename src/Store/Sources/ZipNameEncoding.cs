using System.Text;

namespace Jixiao.Store;

/// <summary>
/// Decodes zip entry names that lack the UTF-8 flag (general purpose bit 11). Zips made by Windows tools
/// on Chinese systems (WinRAR, 7-Zip, the Explorer "send to compressed folder") store names in the ANSI
/// code page, GBK, without saying so. ZipArchive uses this encoding only for entries without the flag; for
/// each name it tries UTF-8 first (strict: a GBK name is almost never valid UTF-8, and tools that write
/// UTF-8 without the flag exist) and falls back to GB18030, the superset of GBK.
/// Read-only: encoding names (writing zips) is UTF-8.
/// </summary>
public sealed class ZipNameEncoding : Encoding
{
    public static readonly ZipNameEncoding Instance = new();

    static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    static readonly Encoding Gb18030;

    static ZipNameEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding("GB18030");
    }

    ZipNameEncoding() : base(0) { }

    public override string EncodingName => "UTF-8, else GB18030 (zip entry names)";

    /// <summary>The encoding that decodes these bytes: UTF-8 when they are valid UTF-8, else GB18030.</summary>
    public static Encoding For(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes) ? StrictUtf8 : Gb18030;

    public override int GetCharCount(byte[] bytes, int index, int count) => For(bytes.AsSpan(index, count)).GetCharCount(bytes, index, count);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        For(bytes.AsSpan(byteIndex, byteCount)).GetChars(bytes, byteIndex, byteCount, chars, charIndex);

    public override string GetString(byte[] bytes, int index, int count) => For(bytes.AsSpan(index, count)).GetString(bytes, index, count);

    public override int GetMaxCharCount(int byteCount) => byteCount + 1;

    public override int GetByteCount(char[] chars, int index, int count) => UTF8.GetByteCount(chars, index, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        UTF8.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    public override int GetMaxByteCount(int charCount) => UTF8.GetMaxByteCount(charCount);
}
