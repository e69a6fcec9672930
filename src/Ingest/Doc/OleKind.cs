namespace Jixiao.Ingest.Doc;

/// <summary>
/// What an OLE2 compound file is, decided by the streams directly under its root storage (MS-CFB
/// directory), never by a scan of its bytes: a workbook that carries a Word attachment holds
/// "WordDocument" too, but inside a sub-storage. Which root streams mean what:
/// WordDocument → Word/WPS text (MS-DOC); Workbook (BIFF8) or Book (BIFF5) → Excel/Kingsoft ET (MS-XLS);
/// EncryptionInfo + EncryptedPackage → a password-protected .docx/.xlsx (MS-OFFCRYPTO);
/// CONTENTS/MatOST without WordDocument → a Microsoft Works word-processor file.
/// </summary>
internal static class OleKind
{
    /// <summary>Format name and, for a file that cannot be read, the one-line reason naming what it is.</summary>
    public static Sniffed Identify(byte[] file, string extension)
    {
        CompoundFile cf;
        try
        {
            cf = new CompoundFile(file);
        }
        catch (UnreadableDocumentException e)
        {
            // The header is there but the directory or FAT is not: most often a file cut short.
            var kind = KindByExtension(extension);
            bool cut = e.Message.Contains("outside the file") || file.Length % 512 != 0;
            var why = cut
                ? $"truncated {kind}: the file ends before its own directory/FAT ({file.Length} bytes; cut short in copying or download)"
                : $"damaged {kind}: {e.Message}";
            return new Sniffed("ole-damaged", why);
        }

        var names = new HashSet<string>(cf.RootNames(), StringComparer.OrdinalIgnoreCase);
        var note = cf.IsTruncated ? "truncated" : null;
        if (names.Contains("EncryptedPackage") || names.Contains("EncryptionInfo"))
            return new Sniffed("ole-encrypted",
                $"encrypted {(extension is ".xlsx" or ".xls" or ".et" ? "Excel workbook" : extension is ".docx" or ".doc" or ".wps" ? "Word document" : "Office file")} (EncryptedPackage): password needed");
        if (names.Contains("WordDocument"))
            return new Sniffed(extension is ".wps" or ".wpt" ? "wps" : "doc") { Note = note };
        if (names.Contains("Workbook") || names.Contains("Book"))
            return new Sniffed("xls") { Note = note };
        if (names.Contains("CONTENTS") || names.Contains("MatOST"))
            return new Sniffed("works", "Microsoft Works document: not supported (Works word processor, not Kingsoft WPS; open it in Works or LibreOffice and save as .doc or .docx)");
        var shown = string.Join(", ", names.Order(StringComparer.Ordinal).Take(8));
        return new Sniffed("ole", $"OLE2 (Office 97-2003) container without a WordDocument or Workbook stream (root holds: {shown}): not a Word or Excel file");
    }

    /// <summary>Only to name a file whose directory cannot be read; never to route one.</summary>
    static string KindByExtension(string extension) => extension switch
    {
        ".doc" or ".dot" or ".wps" or ".wpt" => "Word document",
        ".xls" or ".xlt" or ".et" or ".ett" => "Excel workbook",
        _ => "OLE2 (Office 97-2003) file",
    };

    /// <summary>Reader-facing kind of a routed format, for errors about a truncated file.</summary>
    public static string KindOf(string format) => format switch
    {
        "doc" => "Word document",
        "wps" => "WPS document",
        "xls" => "Excel workbook",
        _ => format + " file",
    };
}
