using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Scale;

/// <summary>
/// A folder of many distinct documents made at test time from the corpus's text and Word files: each text
/// form copied with another year and a numbered note (so it is new content with real forms), each .docx
/// with a numbered paragraph appended (real OpenXML edit), and a few byte-identical copies of some of them
/// under another folder (same content, two paths: stored once). Deterministic for a given count.
/// </summary>
internal static class ProofCorpus
{
    public static int Make(string dir, int textCopies, int docxCopies, int identicalCopies)
    {
        int n = 0;
        var texts = Directory.GetFiles(Corpus.Root, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var t in texts)
        {
            var text = File.ReadAllText(t);
            for (int k = 0; k < textCopies; k++)
            {
                var year = (2010 + k % 15).ToString();
                var varied = Regex.Replace(text, @"20\d\d", m => year, RegexOptions.None, TimeSpan.FromSeconds(1)).Replace("\r\n", "\n");
                File.WriteAllText(Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(t)}_{k:000}.txt"), varied + $"\n备注：第{k}份\n");
                n++;
            }
        }
        var docx = Directory.GetFiles(Corpus.Root, "*.docx", SearchOption.AllDirectories).Where(f => new FileInfo(f).Length < 200_000)
            .Order(StringComparer.Ordinal).ToList();
        var made = new List<string>();
        foreach (var d in docx)
            for (int k = 0; k < docxCopies; k++)
            {
                var target = Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(d)}_{k}.docx");
                File.Copy(d, target);
                try
                {
                    using var doc = WordprocessingDocument.Open(target, true);
                    doc.MainDocumentPart!.Document!.Body!.AppendChild(new Paragraph(new Run(new Text($"附注：第{k}份"))));
                }
                catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or NullReferenceException or InvalidOperationException)
                {
                    // A damaged file stays as it is (byte copy): the importer must log it, not crash on it.
                }
                made.Add(target);
                n++;
            }
        var copies = Directory.CreateDirectory(Path.Combine(dir, "copies")).FullName;
        foreach (var f in made.Concat(Directory.GetFiles(dir, "*.txt")).Order(StringComparer.Ordinal).Where((_, i) => i % 7 == 0).Take(identicalCopies))
        {
            File.Copy(f, Path.Combine(copies, Path.GetFileName(f)));
            n++;
        }
        return n;
    }
}
