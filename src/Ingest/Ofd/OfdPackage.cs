using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace Jixiao.Ingest.Ofd;

/// <summary>
/// The zip of an OFD file and its XML parts. Paths in OFD are relative to the part that names them
/// (BaseLoc of a page is relative to Document.xml) or absolute from the package root ("/Doc_0/…");
/// producers also get the case wrong (DocRoot "Doc_0" beside a folder "DOC_0"), so a part is found
/// by exact name first, then ignoring case. Element names are matched by local name: some producers
/// write the namespace without "/2016".
/// </summary>
internal sealed class OfdPackage
{
    /// <summary>One XML part may not be larger than this (a page's Content.xml is kilobytes).</summary>
    const long MaxPartBytes = 64L * 1024 * 1024;

    readonly Dictionary<string, ZipArchiveEntry> _exact = new(StringComparer.Ordinal);
    readonly Dictionary<string, ZipArchiveEntry> _folded = new(StringComparer.OrdinalIgnoreCase);

    public OfdPackage(ZipArchive zip)
    {
        foreach (var e in zip.Entries)
        {
            var name = Normalize(e.FullName);
            _exact.TryAdd(name, e);
            _folded.TryAdd(name, e);
        }
    }

    public IEnumerable<string> Names => _exact.Keys;

    /// <summary>Resolves <paramref name="loc"/> against the folder of <paramref name="from"/> (a part path, or "" for the root).</summary>
    public static string Resolve(string from, string loc)
    {
        loc = loc.Trim().Replace('\\', '/');
        if (loc.StartsWith('/')) return Normalize(loc);
        int slash = from.LastIndexOf('/');
        var dir = slash < 0 ? "" : from[..(slash + 1)];
        return Normalize(dir + loc);
    }

    /// <summary>The part as XML, or null when the package lacks it.</summary>
    public XElement? Load(string path)
    {
        var entry = Find(path);
        if (entry is null) return null;
        if (entry.Length > MaxPartBytes) throw new UnreadableDocumentException($"OFD part {path} is {entry.Length / (1024 * 1024)} MB, too large for a page part");
        using var s = entry.Open();
        try
        {
            using var reader = XmlReader.Create(s, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader).Root;
        }
        catch (XmlException e)
        {
            throw new UnreadableDocumentException($"damaged OFD: {path} is not well-formed XML ({e.Message})", e);
        }
    }

    public bool Has(string path) => Find(path) is not null;

    ZipArchiveEntry? Find(string path)
    {
        path = Normalize(path);
        return _exact.TryGetValue(path, out var e) ? e : _folded.GetValueOrDefault(path);
    }

    /// <summary>"/a/./b/../c.xml" → "a/c.xml".</summary>
    static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var p in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (p == ".") continue;
            if (p == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(p);
        }
        return string.Join('/', parts);
    }
}

/// <summary>Local-name access to OFD XML, whatever namespace the producer wrote.</summary>
internal static class OfdXml
{
    public static XElement? Child(this XElement? e, string local) =>
        e?.Elements().FirstOrDefault(c => c.Name.LocalName == local);

    public static IEnumerable<XElement> Children(this XElement? e, string local) =>
        e?.Elements().Where(c => c.Name.LocalName == local) ?? Enumerable.Empty<XElement>();

    public static string? Attr(this XElement? e, string name) => e?.Attribute(name)?.Value;

    /// <summary>Space-separated numbers ("0 0 210 297"); unparsable tokens are skipped.</summary>
    public static double[] Numbers(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return Array.Empty<double>();
        var list = new List<double>();
        foreach (var t in s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            if (double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
                list.Add(v);
        return list.ToArray();
    }
}
