using System.Text.RegularExpressions;

namespace Jixiao.Cli.Commands;

/// <summary>
/// corpus/templates.tsv (stem TAB family): which template family each gold document belongs to, for
/// leave-one-template-out. Documents cut from the same book, generated from the same template or laid out
/// alike by the same publisher must share a family, or a fold trains on the layout it is scored on and the
/// LOTO figure flatters the model. So a gold document the file does not list, or lists twice with two
/// families, is reported (<see cref="Problems"/>) and `eval --cv` refuses to run rather than guess.
/// </summary>
internal sealed partial class TemplateFamilies
{
    readonly Dictionary<string, string> map = new(StringComparer.Ordinal);
    readonly List<string> conflicts = new();

    /// <summary>The templates.tsv found in each given folder or the nearest folder above it.</summary>
    public static TemplateFamilies Load(IEnumerable<string> dirs)
    {
        var families = new TemplateFamilies();
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in dirs)
            for (var dir = new DirectoryInfo(Path.GetFullPath(d)); dir is not null; dir = dir.Parent)
            {
                var tsv = Path.Combine(dir.FullName, "templates.tsv");
                if (!File.Exists(tsv)) continue;
                if (files.Add(tsv)) families.Read(tsv);
                break;
            }
        return families;
    }

    void Read(string tsv)
    {
        foreach (var line in File.ReadLines(tsv))
        {
            if (line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length < 2 || parts[0].Trim().Length == 0) continue;
            var (stem, family) = (parts[0].Trim(), parts[1].Trim());
            if (!map.TryAdd(stem, family) && map[stem] != family)
                conflicts.Add($"{stem}: listed in two families ({map[stem]}, {family}) in {tsv}");
        }
    }

    /// <summary>The listed family, or <see cref="DefaultFamily"/> for an unlisted stem (`jixiao train` only counts families).</summary>
    public string Of(string stem) => map.TryGetValue(stem, out var f) ? f : DefaultFamily(stem);

    /// <summary>One line per gold stem without exactly one family: unlisted, or listed twice with different families.</summary>
    public List<string> Problems(IEnumerable<string> goldStems)
    {
        var stems = goldStems.ToHashSet(StringComparer.Ordinal);
        return stems.Where(s => !map.ContainsKey(s)).Order(StringComparer.Ordinal)
            .Select(s => $"{s}: not listed in templates.tsv (its default family would be {DefaultFamily(s)})")
            .Concat(conflicts.Where(c => stems.Contains(c[..c.IndexOf(':')])))
            .ToList();
    }

    /// <summary>A stem without its page or copy number: `xian_self_p55` → xian_self, `proj_self_02` → proj_self.</summary>
    public static string DefaultFamily(string stem) => Suffix().Replace(stem, "") is { Length: > 0 } f ? f : stem;

    [GeneratedRegex(@"(_p\d+(_\d+)*|_\d+)+$")]
    private static partial Regex Suffix();
}
