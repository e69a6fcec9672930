using System.Security.Cryptography;
using System.Text;
using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Docx;

/// <summary>
/// The streaming .docx reader reads every corpus .docx exactly as the Open XML SDK DOM reader it replaced:
/// docx-dumps.sha256.tsv holds the hashes of both `dump` shapes (JSON, and the text one that also shows
/// nesting depth and page count) that the DOM reader produced for each file.
/// </summary>
public class DocxDumpAgreementTests
{
    static readonly string HashFile = Path.Combine(Corpus.Root, "..", "tests", "Ingest.Tests", "Docx", "docx-dumps.sha256.tsv");

    static IEnumerable<string[]> References() =>
        File.ReadLines(HashFile).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'));

    public static TheoryData<string> Files() => new(References().Select(r => r[0]));

    [Fact]
    public void Every_corpus_docx_has_a_reference()
    {
        var listed = References().Select(r => r[0]).ToHashSet();
        var onDisk = Directory.EnumerateFiles(Corpus.Root, "*.docx", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Corpus.Root, f).Replace('\\', '/'));
        Assert.All(onDisk, f => Assert.Contains(f, listed));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Dump_is_the_same_as_the_DOM_reader_gave(string file)
    {
        var expected = References().First(r => r[0] == file);
        var result = DocumentReader.Read(Corpus.File(file.Split('/')));
        Assert.True(result.Ok, result.Error?.ToString());
        Assert.Equal(expected[1], Sha256(DocumentDump.ToJson(result.Document!)));
        Assert.Equal(expected[2], Sha256(DocumentDump.ToText(result.Document!)));
    }

    static string Sha256(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
}
