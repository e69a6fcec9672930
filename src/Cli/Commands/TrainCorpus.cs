using Jixiao.Training;
using System.Text.Json.Nodes;
using Jixiao.Extract;
using Jixiao.Ingest;

namespace Jixiao.Cli.Commands;

/// <summary>
/// The gold documents under some folders, each read once: source, gold JSON, template family (<see cref="TemplateFamilies"/>) and its
/// training samples. Shared by `jixiao train` and `jixiao eval --cv` (every fold reuses the same reads).
/// </summary>
internal sealed class TrainCorpus
{
    public sealed record Entry(string Stem, string Family, SourceDocument Source, JsonNode Gold, TrainingDoc Training);

    public required List<Entry> Entries { get; init; }

    /// <summary>Documents whose source could not be read: named so a run says what it left out.</summary>
    public required List<string> Skipped { get; init; }

    public static List<string> GoldFiles(IEnumerable<string> dirs) =>
        dirs.SelectMany(d => Directory.EnumerateFiles(d, "*.gold.json", SearchOption.AllDirectories))
            .Select(Path.GetFullPath).Distinct().Order(StringComparer.Ordinal).ToList();

    public static string Stem(string goldPath) => Path.GetFileName(goldPath)[..^".gold.json".Length];

    public static TrainCorpus Load(IEnumerable<string> dirs)
    {
        var golds = GoldFiles(dirs);
        var families = TemplateFamilies.Load(dirs);
        var entries = new Entry?[golds.Count];
        var skipped = new string?[golds.Count];
        Parallel.For(0, golds.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var stem = Stem(golds[i]);
            var doc = EvalCommand.FindDocument(golds[i]);
            var read = doc is null ? null : DocumentReader.Read(doc);
            if (read is not { Ok: true }) { skipped[i] = stem; return; }
            var gold = JsonNode.Parse(File.ReadAllText(golds[i]))!;
            var family = families.Of(stem);
            entries[i] = new Entry(stem, family, read.Document!, gold, RoleTrainer.Prepare(stem, family, read.Document!, gold));
        });
        return new TrainCorpus
        {
            Entries = entries.Where(e => e is not null).Select(e => e!).ToList(),
            Skipped = skipped.Where(s => s is not null).Select(s => s!).ToList(),
        };
    }
}
