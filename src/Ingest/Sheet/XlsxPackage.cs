using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Jixiao.Ingest.Sheet;

/// <summary>
/// The parts of an xlsx package the reader needs, found by relationship. Two implementations:
/// the OpenXml SDK (the normal path) and a plain zip walk for packages the SDK refuses but whose
/// XML is fine (a missing or wrong [Content_Types].xml from home-made exporters).
/// </summary>
internal interface IXlsxPackage : IDisposable
{
    Stream Workbook();
    Stream? Styles();
    Stream? SharedStrings();

    /// <summary>The worksheet behind a workbook relationship id; null for chart sheets or missing parts.</summary>
    Stream? Worksheet(string relationshipId);
}

internal sealed class OpenXmlXlsxPackage : IXlsxPackage
{
    readonly SpreadsheetDocument doc;
    readonly WorkbookPart workbook;

    OpenXmlXlsxPackage(SpreadsheetDocument doc, WorkbookPart workbook)
    {
        this.doc = doc;
        this.workbook = workbook;
    }

    /// <summary>Null when the SDK finds no workbook part (content types missing or wrong).</summary>
    public static OpenXmlXlsxPackage? TryOpen(Stream stream)
    {
        var doc = SpreadsheetDocument.Open(stream, false, new OpenSettings { AutoSave = false });
        if (doc.WorkbookPart is { } wb) return new OpenXmlXlsxPackage(doc, wb);
        doc.Dispose();
        return null;
    }

    public Stream Workbook() => workbook.GetStream(FileMode.Open, FileAccess.Read);
    public Stream? Styles() => workbook.WorkbookStylesPart?.GetStream(FileMode.Open, FileAccess.Read);
    public Stream? SharedStrings() => workbook.SharedStringTablePart?.GetStream(FileMode.Open, FileAccess.Read);

    public Stream? Worksheet(string relationshipId)
    {
        try
        {
            return workbook.GetPartById(relationshipId) is WorksheetPart ws ? ws.GetStream(FileMode.Open, FileAccess.Read) : null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public void Dispose() => doc.Dispose();
}

/// <summary>Reads the package's relationship files itself (ECMA-376 Part 2, OPC §9.3).</summary>
internal sealed class ZipXlsxPackage : IXlsxPackage
{
    const string RelTypeBase = "/relationships/";
    readonly ZipArchive zip;
    readonly string workbookPath;
    readonly Dictionary<string, (string Type, string Target)> rels = new(StringComparer.Ordinal);

    public ZipXlsxPackage(Stream stream)
    {
        stream.Position = 0;
        zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var root = ReadRels("_rels/.rels", "");
        workbookPath = root.Values.FirstOrDefault(r => r.Type.EndsWith(RelTypeBase + "officeDocument", StringComparison.Ordinal)).Target
                       ?? "xl/workbook.xml";
        if (Entry(workbookPath) is null) throw new UnreadableDocumentException("xlsx package has no workbook part");
        var dir = workbookPath.Contains('/') ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
        var name = workbookPath[dir.Length..];
        foreach (var kv in ReadRels(dir + "_rels/" + name + ".rels", dir)) rels[kv.Key] = kv.Value;
    }

    public Stream Workbook() => Entry(workbookPath)!.Open();
    public Stream? Styles() => ByType("styles");
    public Stream? SharedStrings() => ByType("sharedStrings");

    public Stream? Worksheet(string relationshipId) =>
        rels.TryGetValue(relationshipId, out var r) && r.Type.EndsWith(RelTypeBase + "worksheet", StringComparison.Ordinal)
            ? Entry(r.Target)?.Open() : null;

    Stream? ByType(string type)
    {
        foreach (var r in rels.Values)
            if (r.Type.EndsWith(RelTypeBase + type, StringComparison.Ordinal)) return Entry(r.Target)?.Open();
        return null;
    }

    ZipArchiveEntry? Entry(string path) =>
        zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => e.FullName.Equals(path, StringComparison.OrdinalIgnoreCase));

    Dictionary<string, (string Type, string Target)> ReadRels(string path, string baseDir)
    {
        var map = new Dictionary<string, (string Type, string Target)>(StringComparer.Ordinal);
        var entry = Entry(path);
        if (entry is null) return map;
        using var s = entry.Open();
        using var xr = XmlReader.Create(s, XmlText.Settings);
        while (xr.Read())
        {
            if (xr.NodeType != XmlNodeType.Element || xr.LocalName != "Relationship") continue;
            if (xr.GetAttribute("TargetMode") == "External") continue;
            var id = xr.GetAttribute("Id");
            var target = xr.GetAttribute("Target");
            if (id is null || target is null) continue;
            map[id] = (xr.GetAttribute("Type") ?? "", Resolve(baseDir, target));
        }
        return map;
    }

    /// <summary>"worksheets/sheet1.xml" from "xl/" → "xl/worksheets/sheet1.xml"; "/xl/…" is absolute.</summary>
    static string Resolve(string baseDir, string target)
    {
        var parts = new List<string>();
        var full = target.StartsWith('/') ? target[1..] : baseDir + target;
        foreach (var seg in full.Split('/'))
        {
            if (seg == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (seg is not ("." or "")) parts.Add(seg);
        }
        return string.Join('/', parts);
    }

    public void Dispose() => zip.Dispose();
}
