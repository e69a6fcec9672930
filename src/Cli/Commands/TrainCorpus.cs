using Jixiao.Training;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jixiao.Extract;
using Jixiao.Ingest;

namespace Jixiao.Cli.Commands;

/// <summary>
/// The gold documents under some folders, each read once: source, gold JSON, template family and its
/// training samples. Shared by `jixiao train` and `jixiao eval --cv` (every fold reuses the same reads).
/// </summary>
internal sealed partial class TrainCorpus
{
    public sealed record Entry(string Stem, string Family, SourceDocument Source, JsonNode Gold, TrainingDoc Training);

    public required List<Entry> Entries { get; init; }

    /// <summary>Documents whose source could not be read: named so a run says what it left out.</summary>
    public required List<string> Skipped { get; init; }

    public static TrainCorpus Load(IEnumerable<string> dirs)
    {
        var golds = dirs.SelectMany(d => Directory.EnumerateFiles(d, "*.gold.json", SearchOption.AllDirectories))
            .Select(Path.GetFullPath).Distinct().Order(StringComparer.Ordinal).ToList();
        var families = Families(dirs);
        var entries = new Entry?[golds.Count];
        var skipped = new string?[golds.Count];
        Parallel.For(0, golds.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var stem = Path.GetFileName(golds[i])[..^".gold.json".Length];
            var doc = EvalCommand.FindDocument(golds[i]);
            var read = doc is null ? null : DocumentReader.Read(doc);
            if (read is not { Ok: true }) { skipped[i] = stem; return; }
            var gold = JsonNode.Parse(File.ReadAllText(golds[i]))!;
            var family = families.TryGetValue(stem, out var f) ? f : DefaultFamily(stem);
            entries[i] = new Entry(stem, family, read.Document!, gold, RoleTrainer.Prepare(stem, family, read.Document!, gold));
        });
        return new TrainCorpus
        {
            Entries = entries.Where(e => e is not null).Select(e => e!).ToList(),
            Skipped = skipped.Where(s => s is not null).Select(s => s!).ToList(),
        };
    }

    /// <summary>
    /// corpus/templates.tsv (stem TAB family), found in a given folder or above it. Stems it does not list
    /// get <see cref="DefaultFamily"/>, so new gold files join the evaluation without an edit.
    /// </summary>
    static Dictionary<string, string> Families(IEnumerable<string> dirs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in dirs)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(d)); dir is not null; dir = dir.Parent)
            {
                var tsv = Path.Combine(dir.FullName, "templates.tsv");
                if (!File.Exists(tsv)) continue;
                foreach (var line in File.ReadLines(tsv))
                {
                    var parts = line.Split('\t');
                    if (parts.Length >= 2 && !line.StartsWith('#') && parts[0].Length > 0) map.TryAdd(parts[0].Trim(), parts[1].Trim());
                }
                break;
            }
        }
        return map;
    }

    /// <summary>A stem without its page or copy number: `xian_self_p55` → xian_self, `proj_self_02` → proj_self.</summary>
    public static string DefaultFamily(string stem) => Suffix().Replace(stem, "") is { Length: > 0 } f ? f : stem;

    [GeneratedRegex(@"(_p\d+(_\d+)*|_\d+)+$")]
    private static partial Regex Suffix();
}
