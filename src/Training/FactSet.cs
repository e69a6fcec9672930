using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Jixiao.Training.Scoring;

/// <summary>
/// A document as the set of scored facts, exactly as tools/score.py defines them (spec: "What is scored").
/// Works on JSON so gold files and predictions go through the same code.
/// </summary>
public static partial class FactSet
{
    public static readonly string[] Sections = { "form", "fields", "budget", "projects", "goals", "indicators", "relaxed" };

    /// <summary>score.py's norm(): NFKC, whitespace removed, ≧/≦ folded, plain numbers compared as numbers.</summary>
    public static string? Norm(JsonNode? node)
    {
        if (node is null) return null;
        string s = node is JsonValue v && v.TryGetValue<string>(out var str) ? str : node.ToJsonString();
        return Norm(s);
    }

    public static string? Norm(string? value)
    {
        if (value is null) return null;
        var s = value.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (IsPythonSpace(ch)) continue;
            sb.Append(ch == '≧' ? '≥' : ch == '≦' ? '≤' : ch);
        }
        s = sb.ToString();
        if (s.Length == 0) return null;
        var plain = s.Replace(",", "");
        if (Number().IsMatch(plain))
        {
            bool pct = plain.EndsWith('%');
            if (decimal.TryParse(plain.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                return FormatDecimal(d) + (pct ? "%" : "");
        }
        return s;
    }

    /// <summary>Python's Decimal.normalize() then format 'f': no trailing zeros, no exponent.</summary>
    static string FormatDecimal(decimal d)
    {
        var s = d.ToString(CultureInfo.InvariantCulture);
        if (s.Contains('.')) s = s.TrimEnd('0').TrimEnd('.');
        if (s == "-0") s = "0";
        return s;
    }

    /// <summary>str.isspace() in Python: Unicode whitespace plus the ASCII separators 0x1C–0x1F.</summary>
    static bool IsPythonSpace(char ch) => char.IsWhiteSpace(ch) || ch is '\u001C' or '\u001D' or '\u001E' or '\u001F';

    public static Dictionary<string, HashSet<string>> Of(JsonNode doc)
    {
        var outp = Sections.ToDictionary(s => s, _ => new HashSet<string>());
        foreach (var form in doc["forms"]?.AsArray() ?? new JsonArray())
        {
            if (form is null) continue;
            var key = Norm(form["project"]) ?? Norm(form["department"]) ?? Norm(form["title"]);
            foreach (var attr in new[] { "kind", "year", "unit", "department", "project" })
                if (Norm(form[attr]) is { } v) outp["form"].Add(T(key, attr, v));
            if (form["fields"] is JsonObject fields)
                foreach (var (label, value) in fields)
                    if (Norm(value) is { } v) outp["fields"].Add(T(key, "field", Norm(label), v));
            foreach (var b in form["budget"]?.AsArray() ?? new JsonArray())
                if (Norm(b?["value"]) is { } v) outp["budget"].Add(T(key, "budget", Norm(b!["item"]), Norm(b["column"]), v));
            foreach (var p in form["projects"]?.AsArray() ?? new JsonArray())
                foreach (var attr in new[] { "category", "total", "annual", "purpose" })
                    if (Norm(p?[attr]) is { } v) outp["projects"].Add(T(key, "project", Norm(p!["name"]), attr, v));
            foreach (var g in form["goals"]?.AsArray() ?? new JsonArray())
                if (Norm(g?["text"]) is { } v) outp["goals"].Add(T(key, "goal", Norm(g!["label"]), v));
            foreach (var ind in form["indicators"]?.AsArray() ?? new JsonArray())
            {
                if (ind is null) continue;
                var path = new[] { Norm(ind["scope"]), Norm(ind["level1"]), Norm(ind["level2"]), Norm(ind["level3"]) };
                outp["indicators"].Add(T(new[] { key, "indicator" }.Concat(path).ToArray()));
                var attrs = new List<(string, JsonNode?)>();
                foreach (var a in new[] { "target", "actual", "weight", "score", "basis", "category", "deviation" }) attrs.Add((a, ind[a]));
                if (ind["history"] is JsonObject hist)
                    foreach (var (year, value) in hist) attrs.Add(("history:" + year, value));
                foreach (var (attr, value) in attrs)
                    if (Norm(value) is { } v)
                    {
                        outp["indicators"].Add(T(new[] { key, "indicator" }.Concat(path).Concat(new[] { attr, v }).ToArray()));
                        outp["relaxed"].Add(T(key, path[3], attr, v));
                    }
            }
        }
        return outp;
    }

    /// <summary>A tuple as one string; shown like Python's tuple repr in miss lists.</summary>
    static string T(params string?[] parts) => "(" + string.Join(", ", parts.Select(p => p is null ? "None" : "'" + p + "'")) + ")";

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?%?$")]
    private static partial Regex Number();
}
