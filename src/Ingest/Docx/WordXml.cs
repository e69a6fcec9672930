using DocumentFormat.OpenXml;

namespace Jixiao.Ingest.Docx;

/// <summary>
/// Name-based access to WordprocessingML. Matching on local names (not SDK types) lets the readers
/// walk unknown and extension elements (w14, mc, custom XML) the same way Word does: by descending.
/// </summary>
internal static class WordXml
{
    public static OpenXmlElement? Child(this OpenXmlElement? e, string localName)
    {
        if (e is null) return null;
        foreach (var c in e.ChildElements)
            if (c.LocalName == localName) return c;
        return null;
    }

    public static string? Attr(this OpenXmlElement? e, string localName)
    {
        if (e is null) return null;
        foreach (var a in e.GetAttributes())
            if (a.LocalName == localName) return a.Value;
        return null;
    }

    /// <summary>ST_OnOff: present without w:val means on.</summary>
    public static bool IsOn(this OpenXmlElement? e)
    {
        if (e is null) return false;
        var v = e.Attr("val");
        return v is null || v is "1" or "true" or "on";
    }

    public static int IntAttr(this OpenXmlElement? e, string localName, int fallback)
    {
        var v = e.Attr(localName);
        return v is not null && int.TryParse(v, out var n) ? n : fallback;
    }

    /// <summary>
    /// mc:AlternateContent holds the same content twice (a Choice for new readers, a Fallback for old);
    /// read exactly one, preferring the first Choice.
    /// </summary>
    public static OpenXmlElement? ChooseAlternate(OpenXmlElement alternateContent) =>
        alternateContent.Child("Choice") ?? alternateContent.Child("Fallback");

    /// <summary>Property containers (rPr, pPr, tcPr, sdtPr, ctrlPr, …) hold no document text.</summary>
    public static bool IsProperties(OpenXmlElement e) =>
        e.LocalName.EndsWith("Pr", StringComparison.Ordinal) || e.LocalName == "tblPrEx";
}
