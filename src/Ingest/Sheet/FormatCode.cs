using System.Globalization;

namespace Jixiao.Ingest.Sheet;

internal enum FormatTokenKind
{
    /// <summary>Text shown as is (quoted text, escaped characters, currency symbols).</summary>
    Literal,
    /// <summary>One unquoted character whose meaning (placeholder, date part, literal) depends on the section.</summary>
    Char,
    /// <summary>The word General.</summary>
    General,
    /// <summary>[h], [mm], [ss]: elapsed time.</summary>
    Elapsed,
    /// <summary>AM/PM, A/P or the Chinese 上午/下午.</summary>
    AmPm,
}

internal readonly record struct FormatToken(FormatTokenKind Kind, string Text);

/// <summary>
/// One ';'-separated section of a number format code, tokenized (ECMA-376 Part 1 §18.8.31).
/// Padding (_x) and fill (*x) are dropped: they only align text within the column width.
/// Colours and locale tags are dropped; [$¥-804] keeps its symbol.
/// </summary>
internal sealed class FormatSection
{
    FormatSection(List<FormatToken> tokens, string? op, double operand)
    {
        Tokens = tokens;
        ConditionOp = op;
        ConditionValue = operand;
        IsGeneral = tokens.Any(t => t.Kind == FormatTokenKind.General);
        IsDate = !IsGeneral && tokens.Any(t => t.Kind is FormatTokenKind.Elapsed or FormatTokenKind.AmPm
                                               || t.Kind == FormatTokenKind.Char && "yYmMdDhHsS".Contains(t.Text[0]));
        IsText = tokens.Any(t => t.Kind == FormatTokenKind.Char && t.Text == "@");
    }

    public List<FormatToken> Tokens { get; }
    public string? ConditionOp { get; }
    public double ConditionValue { get; }
    public bool HasCondition => ConditionOp is not null;
    public bool IsGeneral { get; }
    public bool IsDate { get; }
    public bool IsText { get; }

    public bool Matches(double v) => ConditionOp switch
    {
        "<" => v < ConditionValue,
        "<=" => v <= ConditionValue,
        ">" => v > ConditionValue,
        ">=" => v >= ConditionValue,
        "=" => v == ConditionValue,
        "<>" => v != ConditionValue,
        _ => true,
    };

    /// <summary>Splits a format code into its sections (at most four are meaningful).</summary>
    public static List<FormatSection> ParseCode(string code)
    {
        var sections = new List<FormatSection>();
        int start = 0;
        for (int i = 0; i < code.Length; i++)
        {
            char c = code[i];
            if (c == '"') { int end = code.IndexOf('"', i + 1); i = end < 0 ? code.Length : end; }
            else if (c is '\\' or '_' or '*') i++;
            else if (c == '[') { int end = code.IndexOf(']', i + 1); i = end < 0 ? code.Length : end; }
            else if (c == ';') { sections.Add(Parse(code[start..i])); start = i + 1; }
        }
        sections.Add(Parse(code[start..]));
        return sections;
    }

    static FormatSection Parse(string s)
    {
        var tokens = new List<FormatToken>();
        string? op = null;
        double operand = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"':
                {
                    int end = s.IndexOf('"', i + 1);
                    if (end < 0) end = s.Length;
                    tokens.Add(new(FormatTokenKind.Literal, s[(i + 1)..end]));
                    i = end;
                    continue;
                }
                case '\\':
                    if (i + 1 < s.Length) tokens.Add(new(FormatTokenKind.Literal, s[i + 1].ToString()));
                    i++;
                    continue;
                case '_' or '*':
                    i++;
                    continue;
                case '[':
                {
                    int end = s.IndexOf(']', i + 1);
                    if (end < 0) end = s.Length;
                    var inner = s[(i + 1)..end];
                    i = end;
                    if (inner.Length > 0 && inner.All(ch => ch is 'h' or 'H') || inner.Length > 0 && inner.All(ch => ch is 'm' or 'M')
                        || inner.Length > 0 && inner.All(ch => ch is 's' or 'S'))
                        tokens.Add(new(FormatTokenKind.Elapsed, inner.ToLowerInvariant()));
                    else if (inner.StartsWith('$'))
                    {
                        int dash = inner.IndexOf('-');
                        var symbol = dash < 0 ? inner[1..] : inner[1..dash];
                        if (symbol.Length > 0) tokens.Add(new(FormatTokenKind.Literal, symbol));
                    }
                    else if (inner.Length > 0 && inner[0] is '<' or '>' or '=')
                        (op, operand) = ParseCondition(inner);
                    continue;
                }
            }
            if (At(s, i, "General")) { tokens.Add(new(FormatTokenKind.General, "General")); i += 6; continue; }
            if (At(s, i, "AM/PM")) { tokens.Add(new(FormatTokenKind.AmPm, "AM/PM")); i += 4; continue; }
            if (At(s, i, "A/P")) { tokens.Add(new(FormatTokenKind.AmPm, "A/P")); i += 2; continue; }
            if (At(s, i, "上午/下午")) { tokens.Add(new(FormatTokenKind.AmPm, "上午/下午")); i += 4; continue; }
            tokens.Add(new(FormatTokenKind.Char, c.ToString()));
        }
        return new FormatSection(tokens, op, operand);
    }

    static bool At(string s, int i, string word) => string.Compare(s, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;

    static (string?, double) ParseCondition(string inner)
    {
        int n = 0;
        while (n < inner.Length && inner[n] is '<' or '>' or '=') n++;
        return double.TryParse(inner[n..], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? (inner[..n], v) : (null, 0);
    }
}
