using System.Text.RegularExpressions;

namespace Jixiao.Extract;

/// <summary>
/// Resolves checkbox lists to the chosen option. Two conventions occur: ticked marks (☑ √ ■ ✓ ☒) on the
/// chosen option, or — in the flattened exports — an empty box □ after every option but the chosen one
/// (`1、部门预算项目 2、省直专项 □` means 部门预算项目).
/// </summary>
internal static partial class Checkboxes
{
    const string Ticked = "☑√■✓☒✔▣";
    const string Empty = "□☐";

    public static string Resolve(string text)
    {
        if (text.IndexOfAny((Ticked + Empty).ToCharArray()) < 0 && !Numbered().IsMatch(text)) return text;
        var options = Split(text);
        if (options.Count < 2) return text;
        var ticked = options.Where(o => o.Mark == 1).ToList();
        if (ticked.Count > 0) return string.Join("、", ticked.Select(o => o.Text));
        var unmarked = options.Where(o => o.Mark == 0).ToList();
        if (unmarked.Count >= 1 && unmarked.Count < options.Count) return string.Join("、", unmarked.Select(o => o.Text));
        return text;
    }

    record struct Option(string Text, int Mark); // 1 ticked, -1 empty box, 0 no mark

    static List<Option> Split(string text)
    {
        var parts = new List<string>();
        var ms = Numbered().Matches(text);
        if (ms.Count >= 2)
        {
            for (int k = 0; k < ms.Count; k++)
            {
                int start = ms[k].Index + ms[k].Length;
                int end = k + 1 < ms.Count ? ms[k + 1].Index : text.Length;
                parts.Add(text[start..end]);
            }
            // A mark written before the first number belongs to the first option.
            if (ms[0].Index > 0) parts[0] = text[..ms[0].Index] + parts[0];
        }
        else
        {
            // No numbering: a mark precedes its option (☑甲 □乙).
            var pieces = Regex.Split(text, $"(?=[{Ticked}{Empty}])");
            parts.AddRange(pieces.Where(p => p.Trim().Length > 0));
        }
        return parts.Select(p =>
        {
            int mark = p.IndexOfAny(Ticked.ToCharArray()) >= 0 ? 1 : p.IndexOfAny(Empty.ToCharArray()) >= 0 ? -1 : 0;
            var clean = new string(p.Where(ch => Ticked.IndexOf(ch) < 0 && Empty.IndexOf(ch) < 0).ToArray()).Trim(' ', '\u3000', '\t', '\n', '\u00A0');
            return new Option(clean, mark);
        }).Where(o => o.Text.Length > 0).ToList();
    }

    [GeneratedRegex(@"\d+\s*[、\.．]\s*")]
    private static partial Regex Numbered();
}
