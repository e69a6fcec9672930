using System.IO.Compression;
using System.Text;

namespace Jixiao.Cli.Bench;

/// <summary>
/// Copies the corpus N times into a scratch folder so the import benchmark sees thousands of documents.
/// Text formats get a harmless unique trailer (blank lines for plain text, an HTML comment for HTML/MHT), and a
/// .docx copy an XML comment after its document.xml's root element, so every such copy has its own content hash
/// and is parsed, extracted AND stored like a new document. Other binary formats are copied byte for byte: still hashed, parsed and extracted per copy (the pipeline skips by path, not by
/// hash), but the store keeps them as duplicates of the first copy, so their write cost is smaller.
/// </summary>
internal static class Replicator
{
    public sealed record Copy(string Path, string Original, bool Distinct);

    static readonly HashSet<string> PlainText = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".csv", ".tsv" };
    static readonly HashSet<string> Markup = new(StringComparer.OrdinalIgnoreCase) { ".html", ".htm", ".mht", ".mhtml" };

    /// <summary>True when a copy of this file can be made distinct without changing what it says.</summary>
    public static bool CanMakeDistinct(string path)
    {
        var ext = System.IO.Path.GetExtension(path);
        if (IsDocx(path)) return HasDocumentPart(path);
        return (PlainText.Contains(ext) || Markup.Contains(ext)) && !IsUtf16(path);
    }

    static bool IsDocx(string path) => string.Equals(System.IO.Path.GetExtension(path), ".docx", StringComparison.OrdinalIgnoreCase);

    static bool HasDocumentPart(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.GetEntry(DocumentPart) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    const string DocumentPart = "word/document.xml";

    public static List<Copy> Run(IReadOnlyList<string> files, string root, int copies, string targetDir)
    {
        var result = new List<Copy>(files.Count * copies);
        for (int r = 0; r < copies; r++)
        {
            var dir = System.IO.Path.Combine(targetDir, $"r{r:0000}");
            foreach (var f in files)
            {
                var rel = System.IO.Path.GetRelativePath(root, f);
                if (rel.StartsWith("..", StringComparison.Ordinal)) rel = System.IO.Path.GetFileName(f);
                var dest = System.IO.Path.Combine(dir, rel);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(dest)!);
                File.Copy(f, dest);
                bool distinct = CanMakeDistinct(f);
                if (distinct && r > 0) AppendTrailer(dest, r);
                result.Add(new Copy(dest, f, distinct));
            }
        }
        return result;
    }

    static void AppendTrailer(string path, int replica)
    {
        var ext = System.IO.Path.GetExtension(path);
        if (IsDocx(path))
        {
            MarkDocx(path, replica);
            return;
        }
        // Plain text has no comment syntax: r extra newlines change the bytes, never the text the reader sees.
        var trailer = Markup.Contains(ext) ? $"\n<!-- jixiao bench replica {replica} -->\n" : new string('\n', replica);
        using var s = new FileStream(path, FileMode.Append, FileAccess.Write);
        s.Write(Encoding.ASCII.GetBytes(trailer));
    }

    /// <summary>An XML comment after document.xml's root: new bytes, the same document for every reader.</summary>
    static void MarkDocx(string path, int replica)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry(DocumentPart)!;
        byte[] xml;
        using (var s = entry.Open())
        using (var ms = new MemoryStream())
        {
            s.CopyTo(ms);
            xml = ms.ToArray();
        }
        entry.Delete();
        using var w = zip.CreateEntry(DocumentPart, CompressionLevel.Fastest).Open();
        w.Write(xml);
        w.Write(Encoding.ASCII.GetBytes($"\n<!-- jixiao bench replica {replica} -->\n"));
    }

    static bool IsUtf16(string path)
    {
        using var s = File.OpenRead(path);
        int a = s.ReadByte(), b = s.ReadByte();
        return (a == 0xFF && b == 0xFE) || (a == 0xFE && b == 0xFF);
    }
}
