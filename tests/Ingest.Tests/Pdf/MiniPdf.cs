using System.Text;

namespace Jixiao.Ingest.Tests.Pdf;

/// <summary>Writes a one-page PDF with a Helvetica content stream: enough to test geometry cases.</summary>
internal static class MiniPdf
{
    public static byte[] Build(string content, int rotate = 0, double width = 595, double height = 842, string? encrypt = null)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Rotate {rotate} /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(content)} >>\nstream\n{content}\nendstream",
        };
        if (encrypt is not null) objects.Add(encrypt);
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(sb.ToString()));
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        int xref = Encoding.ASCII.GetByteCount(sb.ToString());
        sb.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        var extra = encrypt is not null ? $" /Encrypt {objects.Count} 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]" : "";
        sb.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R{extra} >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    public static SourceDocument Parse(byte[] pdf)
    {
        var result = DocumentReader.Read(new MemoryStream(pdf), "mini.pdf");
        Assert.True(result.Ok, result.Error?.ToString());
        return result.Document!;
    }
}
