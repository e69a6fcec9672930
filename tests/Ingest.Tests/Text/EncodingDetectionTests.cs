using System.Text;
using Jixiao.Ingest.Text;
using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Text;

/// <summary>
/// Issue 21, case 13: a text file's encoding is detected per file with a confidence; the inputs are a real corpus
/// file re-encoded at test time. A doubtful decoding (mixed, invalid, unlikely) says so.
/// </summary>
public class EncodingDetectionTests
{
    static readonly string Source = File.ReadAllText(Corpus.File("synthetic", "dept_target_01.txt"));

    static EncodingDetectionTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    static byte[] Bom(Encoding e, string text) => e.GetPreamble().Concat(e.GetBytes(text)).ToArray();

    public static TheoryData<string, string> Encodings => new()
    {
        { "utf-8", "UTF-8" }, { "utf-8-bom", "UTF-8 (byte-order mark)" }, { "gb18030", "GB18030" },
        { "utf-16le", "UTF-16LE" }, { "utf-16be", "UTF-16BE" },
        { "utf-16le-bom", "UTF-16LE (byte-order mark)" }, { "utf-16be-bom", "UTF-16BE (byte-order mark)" },
        { "utf-32le-bom", "UTF-32LE (byte-order mark)" }, { "utf-32be-bom", "UTF-32BE (byte-order mark)" },
        { "utf-32le", "UTF-32LE" }, { "utf-32be", "UTF-32BE" },
    };

    static byte[] Encode(string how, string text) => how switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(text),
        "utf-8-bom" => Bom(new UTF8Encoding(true), text),
        "gb18030" => Encoding.GetEncoding("GB18030").GetBytes(text),
        "utf-16le" => new UnicodeEncoding(false, false).GetBytes(text),
        "utf-16be" => new UnicodeEncoding(true, false).GetBytes(text),
        "utf-16le-bom" => Bom(new UnicodeEncoding(false, true), text),
        "utf-16be-bom" => Bom(new UnicodeEncoding(true, true), text),
        "utf-32le-bom" => Bom(new UTF32Encoding(false, true), text),
        "utf-32be-bom" => Bom(new UTF32Encoding(true, true), text),
        "utf-32le" => new UTF32Encoding(false, false).GetBytes(text),
        "utf-32be" => new UTF32Encoding(true, false).GetBytes(text),
        _ => throw new ArgumentException(how),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_form_in_each_encoding_is_read_back_exactly_and_confidently(string how, string expected)
    {
        var d = EncodingDetector.Decode(Encode(how, Source));
        Assert.Equal(expected, d.Encoding);
        Assert.Equal(Source, d.Text);
        Assert.Null(d.Doubt);
        Assert.InRange(d.Confidence, EncodingDetector.TrustFrom, 1.0);
    }

    [Fact]
    public void Traditional_text_in_Big5_is_read_as_Big5()
    {
        const string text = "部門整體績效目標表\n\t預算執行率\t不低於95%\n\t服務對象滿意度\t大於90%\n\t項目完成及時率\t100%\n";
        var d = EncodingDetector.Decode(Encoding.GetEncoding(950).GetBytes(text));
        Assert.Equal("Big5", d.Encoding);
        Assert.Equal(text, d.Text);
        Assert.Null(d.Doubt);
    }

    [Fact]
    public void Mixed_GBK_and_UTF8_lines_are_each_decoded_and_the_file_is_doubtful()
    {
        var lines = Source.Split('\n');
        int half = lines.Length / 2;
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(string.Join('\n', lines[..half]) + "\n");
        var utf8 = Encoding.UTF8.GetBytes(string.Join('\n', lines[half..]));
        foreach (var bytes in new[] { gbk.Concat(utf8).ToArray(), utf8.Concat("\n"u8.ToArray()).Concat(gbk).ToArray() })
        {
            var d = EncodingDetector.Decode(bytes);
            Assert.StartsWith("mixed:", d.Encoding);
            Assert.Contains("UTF-8", d.Encoding);
            Assert.Contains("GB18030", d.Encoding);
            Assert.NotNull(d.Doubt);
            Assert.True(d.Confidence <= 0.5, $"confidence {d.Confidence}");
            Assert.DoesNotContain('\uFFFD', d.Text);
            Assert.Contains("信阳市市场监督管理局", d.Text);
            Assert.Contains("财政专户管理资金", d.Text);
        }
    }

    [Fact]
    public void Invalid_bytes_and_unlikely_characters_make_a_decoding_doubtful()
    {
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(Source);
        var damaged = gbk.Take(300).Concat(new byte[] { 0xFF, 0x80, 0xFF }).Concat(gbk.Skip(300)).ToArray();
        var d = EncodingDetector.Decode(damaged);
        Assert.NotNull(d.Doubt);
        Assert.Contains("invalid", d.Doubt);

        // Bytes that decode without error in every candidate but give nothing Chinese text is made of.
        var noise = new byte[4096];
        new Random(21).NextBytes(noise);
        for (int i = 0; i < noise.Length; i++) if (noise[i] < 0x20) noise[i] = (byte)'\t';
        var n = EncodingDetector.Decode(noise);
        Assert.NotNull(n.Doubt);
        Assert.True(n.Confidence < EncodingDetector.TrustFrom, $"{n.Encoding} {n.Confidence}");
    }

    [Fact]
    public void Valid_UTF8_in_another_script_is_not_doubtful()
    {
        const string text = "Ökonomische Wirksamkeit – Zielerreichung ≥ 95 %, Zufriedenheit der Bürger: sehr gut\n";
        var d = EncodingDetector.Decode(Encoding.UTF8.GetBytes(text));
        Assert.Equal("UTF-8", d.Encoding);
        Assert.Equal(text, d.Text);
        Assert.Null(d.Doubt);
        Assert.Equal(1.0, d.Confidence);
    }

    [Fact]
    public void Doubtful_text_files_carry_the_doubt_into_the_source_document()
    {
        var dir = Directory.CreateTempSubdirectory("jixiao-test-").FullName;
        try { ReadBack(dir); } finally { Directory.Delete(dir, true); }
    }

    static void ReadBack(string dir)
    {
        var utf32 = Path.Combine(dir, "utf32.txt");
        File.WriteAllBytes(utf32, Encode("utf-32be-bom", Source));
        var read = DocumentReader.Read(utf32);
        Assert.True(read.Ok, read.Error?.ToString());
        Assert.Equal("text", read.Document!.Format); // a UTF-32BE file is not refused as binary
        Assert.Equal("UTF-32BE (byte-order mark)", read.Document.TextEncoding);
        Assert.Null(read.Document.EncodingDoubt);
        Assert.Contains(read.Document.Tables, t => t.Rows.Any(r => r.Cells.Any(c => c.Text == "信阳市市场监督管理局")));

        var lines = Source.Split('\n');
        var mixed = Path.Combine(dir, "mixed.txt");
        File.WriteAllBytes(mixed, Encoding.GetEncoding("GB18030").GetBytes(string.Join('\n', lines[..40]) + "\n")
            .Concat(Encoding.UTF8.GetBytes(string.Join('\n', lines[40..]))).ToArray());
        var m = DocumentReader.Read(mixed);
        Assert.True(m.Ok, m.Error?.ToString());
        Assert.StartsWith("encoding doubtful: mixed", m.Document!.EncodingDoubt);
        Assert.Contains(m.Document.Warnings, w => w.StartsWith("encoding doubtful", StringComparison.Ordinal));
    }
}
