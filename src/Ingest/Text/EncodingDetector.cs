using System.Text;

namespace Jixiao.Ingest.Text;

/// <summary>
/// Which encoding a text file is in, and how sure that is. A byte-order mark decides (UTF-8, UTF-16 and UTF-32,
/// either byte order). Otherwise every candidate (UTF-8, GB18030, Big5, UTF-16 and UTF-32 in both orders) decodes
/// the bytes and is scored by what it gives: the share of its non-ASCII characters that such text is made of
/// (<see cref="CharacterCommonness"/>), invalid sequences counting as nothing. A file that is not valid UTF-8 but
/// has lines that are (concatenated exports) is decoded line by line, each line in its better encoding, and is
/// doubtful as a whole. No package was used: the Mozilla-derived detectors guess one encoding per file and cannot
/// say "these lines are UTF-8, those GBK", which is the case that lost half a document's indicators.
/// </summary>
public static class EncodingDetector
{
    /// <summary>Below this score a decoding is doubtful: what it gives is not what Chinese tables are made of.</summary>
    public const double TrustFrom = 0.85;

    static readonly Encoding Utf8 = new UTF8Encoding(false, false);
    static readonly Encoding Utf16Le = new UnicodeEncoding(false, false, false);
    static readonly Encoding Utf16Be = new UnicodeEncoding(true, false, false);
    static readonly Encoding Utf32Le = new UTF32Encoding(false, false, false);
    static readonly Encoding Utf32Be = new UTF32Encoding(true, false, false);
    // The code-page decoders' default fallback writes '?', which would hide an invalid sequence as ASCII.
    static readonly Encoding Gb = Marked(TextDecoding.Gb18030.CodePage);
    static readonly Encoding Big5 = Marked(950);

    static Encoding Marked(int codePage) =>
        Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));

    /// <summary>The encoding is chosen on the first bytes (every candidate decodes them); the whole file is then decoded once.</summary>
    const int SampleBytes = 256 * 1024;

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (Bom(bytes) is { } bom)
        {
            var text = bom.Encoding.GetString(bytes[bom.Length..]);
            var score = Score(text);
            return Result(text, bom.Name + " (byte-order mark)", invalid: Invalid(text), score, mixed: false);
        }
        if (bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0 && bytes.IndexOf((byte)0) < 0)
            return new DecodedText(Encoding.ASCII.GetString(bytes), "UTF-8", 1.0, null);

        var sample = bytes[..(Math.Min(bytes.Length, SampleBytes) & ~3)];
        (string Name, Encoding Encoding, double Score)? best = null;
        foreach (var (name, encoding) in Candidates())
        {
            double score = Score(encoding.GetString(sample));
            if (best is null || score > best.Value.Score) best = (name, encoding, score); // ties keep the candidates' order
        }
        var chosen = best!.Value; // the candidate list is never empty
        var decoded = chosen.Encoding.GetString(bytes);
        int invalid = Invalid(decoded);
        // GB18030 lines beside UTF-8 ones: UTF-8 then has invalid sequences, GB18030 reads the UTF-8 lines as rare ideographs.
        if ((chosen.Name == "UTF-8" && invalid > 0 || chosen.Name == "GB18030") && PerLine(bytes) is { } mixed) return mixed;
        return Result(decoded, chosen.Name, invalid, Score(decoded), mixed: false);
    }

    static IEnumerable<(string Name, Encoding Encoding)> Candidates()
    {
        yield return ("UTF-8", Utf8);
        yield return ("GB18030", Gb);
        yield return ("Big5", Big5);
        yield return ("UTF-16LE", Utf16Le);
        yield return ("UTF-16BE", Utf16Be);
        yield return ("UTF-32LE", Utf32Le);
        yield return ("UTF-32BE", Utf32Be);
    }

    /// <summary>
    /// Lines that are valid UTF-8 (and read better so) are UTF-8; the others GB18030. Null when no line is UTF-8
    /// with a non-ASCII character, i.e. the file is plainly GB18030.
    /// </summary>
    static DecodedText? PerLine(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        int utf8Lines = 0, gbLines = 0;
        foreach (var range in LineRanges(bytes))
        {
            var line = bytes[range];
            bool ascii = line.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0;
            string? asUtf8 = !ascii && System.Text.Unicode.Utf8.IsValid(line) ? Utf8.GetString(line) : null;
            var asGb = Gb.GetString(line);
            if (asUtf8 is not null && Score(asUtf8) >= Score(asGb)) { sb.Append(asUtf8); utf8Lines++; }
            else { sb.Append(asGb); if (!ascii) gbLines++; }
        }
        if (utf8Lines == 0) return null;
        var text = sb.ToString();
        return Result(text, $"mixed: {utf8Lines} line(s) UTF-8, {gbLines} GB18030", Invalid(text), Score(text), mixed: true);
    }

    /// <summary>Each line with its line break, so the decoded lines join back into the file.</summary>
    static List<Range> LineRanges(ReadOnlySpan<byte> bytes)
    {
        var ranges = new List<Range>();
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') { ranges.Add(start..(i + 1)); start = i + 1; }
        if (start < bytes.Length) ranges.Add(start..bytes.Length);
        return ranges;
    }

    static DecodedText Result(string text, string name, int invalid, double score, bool mixed)
    {
        // A byte-order mark, or UTF-8 that is valid throughout, vouches for itself: multi-byte UTF-8 does not happen
        // by accident, and a text in another script is not mojibake. The score judges only the guessed code pages.
        bool vouched = name.EndsWith("(byte-order mark)", StringComparison.Ordinal) || name == "UTF-8";
        string? doubt = mixed ? $"encoding doubtful: {name}"
            : invalid > 0 ? $"encoding doubtful: {invalid} invalid byte sequence(s) as {name}"
            : score < TrustFrom && !vouched ? $"encoding doubtful: best reading {name} scores {score:0.00}"
            : null;
        double confidence = Math.Round(mixed ? Math.Min(score, 0.5) : vouched && invalid == 0 ? 1.0 : score, 2);
        return new DecodedText(text, name, confidence, doubt);
    }

    /// <summary>The mean weight of the decoded text's scored characters; 1 when it has none (plain ASCII).</summary>
    internal static double Score(string text)
    {
        double sum = 0;
        int n = 0;
        foreach (var c in text)
        {
            if (!CharacterCommonness.IsSignal(c)) continue;
            n++;
            sum += CharacterCommonness.Weight(c);
        }
        return n == 0 ? 1 : sum / n;
    }

    static int Invalid(string text) => text.Count(c => c == '\uFFFD');

    static (string Name, Encoding Encoding, int Length)? Bom(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return ("UTF-8", Utf8, 3);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) return ("UTF-32LE", Utf32Le, 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])) return ("UTF-32BE", Utf32Be, 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return ("UTF-16LE", Utf16Le, 2);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return ("UTF-16BE", Utf16Be, 2);
        return null;
    }

    /// <summary>True when the bytes start with a UTF-16 or UTF-32 byte-order mark, or read best as UTF-16/32 (their NULs are not binary).</summary>
    public static bool IsWideText(ReadOnlySpan<byte> head)
    {
        if (Bom(head) is { } bom) return bom.Name != "UTF-8";
        if (head.Length < 4 || head.IndexOf((byte)0) < 0) return false;
        var d = Decode(head[..(head.Length & ~3)]);
        return d.Encoding.StartsWith("UTF-16", StringComparison.Ordinal) || d.Encoding.StartsWith("UTF-32", StringComparison.Ordinal)
            ? d.Confidence >= TrustFrom : false;
    }
}

/// <summary>A decoded text file: its text, the encoding read (a name for people), 0..1 confidence, and why it is doubtful (null when it is not).</summary>
public sealed record DecodedText(string Text, string Encoding, double Confidence, string? Doubt);
