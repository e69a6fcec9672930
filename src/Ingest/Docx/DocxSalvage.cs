using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Jixiao.Ingest.Docx;

/// <summary>
/// Reads what is left of a truncated or damaged .docx (a cut-off download has no zip central
/// directory, so no package reader opens it). The local file header of word/document.xml is found
/// by scanning, its data inflated as far as it goes, and the XML cut after the last complete
/// paragraph, table or table row of the body so that everything before the damage is read.
/// </summary>
internal static class DocxSalvage
{
    const int MaxXmlBytes = 256 * 1024 * 1024;
    static readonly byte[] EntryName = Encoding.ASCII.GetBytes("word/document.xml");

    /// <summary>True when the bytes hold a zip local file header for word/document.xml.</summary>
    public static bool HasDocumentEntry(ReadOnlySpan<byte> data) => FindEntry(data) >= 0;

    /// <summary>The salvaged document.xml, closed after its last complete part, or null when nothing readable is left.</summary>
    public static string? ReadDocumentXml(byte[] data, out bool truncated)
    {
        truncated = false;
        var xml = Inflate(data);
        if (xml is null) return null;
        var (cut, closing) = LastCompletePoint(xml, out truncated);
        if (cut < 0) return null;
        var text = truncated ? xml[..cut] + closing + "</w:body></w:document>" : xml;
        return text.TrimStart('\uFEFF');
    }

    static int FindEntry(ReadOnlySpan<byte> data)
    {
        int from = 0;
        while (true)
        {
            int i = data[from..].IndexOf(EntryName);
            if (i < 0) return -1;
            int nameAt = from + i, header = nameAt - 30;
            if (header >= 0 && data[header] == 'P' && data[header + 1] == 'K' && data[header + 2] == 3 && data[header + 3] == 4
                && BitConverter.ToUInt16(data.Slice(header + 26, 2)) == EntryName.Length)
                return header;
            from = nameAt + 1;
        }
    }

    static string? Inflate(byte[] data)
    {
        int header = FindEntry(data);
        if (header < 0) return null;
        int method = BitConverter.ToUInt16(data, header + 8);
        int nameLength = BitConverter.ToUInt16(data, header + 26), extraLength = BitConverter.ToUInt16(data, header + 28);
        long start = (long)header + 30 + nameLength + extraLength;
        if (start >= data.Length) return null;
        var input = new MemoryStream(data, (int)start, data.Length - (int)start);
        using var output = new MemoryStream();
        if (method == 0) input.CopyTo(output);
        else if (method == 8)
        {
            using var inflater = new DeflateStream(input, CompressionMode.Decompress);
            var buffer = new byte[81920];
            try
            {
                int n;
                while ((n = inflater.Read(buffer, 0, buffer.Length)) > 0 && output.Length < MaxXmlBytes) output.Write(buffer, 0, n);
            }
            catch (InvalidDataException)
            {
                // The damage: keep what inflated before it.
            }
        }
        else return null;
        return Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
    }

    /// <summary>
    /// Where to cut a truncated document.xml: just after the last body child that closes, or after the
    /// last complete row of a top-level table that does not (then the table is closed too). -1 if none.
    /// </summary>
    static (int Offset, string Closing) LastCompletePoint(string xml, out bool truncated)
    {
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < xml.Length; i++) if (xml[i] == '\n') lineStarts.Add(i + 1);
        var last = (Offset: -1, Closing: "");
        truncated = false;
        string? bodyChild = null;
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var info = (IXmlLineInfo)reader;
        try
        {
            while (reader.Read())
            {
                if (reader.Depth > NestingLimit.MaxDepth) return (-1, "");
                if (reader.Depth == 2 && reader.NodeType == XmlNodeType.Element) bodyChild = reader.Name;
                bool closes = reader.NodeType == XmlNodeType.EndElement || reader.NodeType == XmlNodeType.Element && reader.IsEmptyElement;
                if (!closes) continue;
                string? closing = reader.Depth == 2 ? ""
                    : reader.Depth == 3 && reader.LocalName == "tr" && bodyChild is not null ? "</" + bodyChild + ">"
                    : null;
                if (closing is null) continue;
                int at = lineStarts[info.LineNumber - 1] + info.LinePosition - 1;
                int end = xml.IndexOf('>', at);
                if (end > 0) last = (end + 1, closing);
            }
        }
        catch (XmlException)
        {
            truncated = true;
        }
        return last;
    }
}
