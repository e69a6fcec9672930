using System.Xml;

namespace Jixiao.Ingest.Docx;

/// <summary>
/// The Open XML SDK builds its DOM recursively, so a document.xml nested thousands of levels deep
/// overflows the stack — which no catch can stop and which would end the whole import. Real documents
/// stay far below this depth (ten nested tables are under a hundred levels); a streaming pass checks first.
/// </summary>
internal static class NestingLimit
{
    public const int MaxDepth = 500;

    public static void Check(Stream xml)
    {
        using (xml)
        using (var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true }))
        {
            while (reader.Read())
                if (reader.Depth > MaxDepth)
                    throw new UnreadableDocumentException($"docx elements nested over {MaxDepth} levels deep (damaged or hostile file)");
        }
    }
}
