using Jixiao.Training;
using System.Text.Json.Nodes;
using Jixiao.Ingest;
using Jixiao.Tests;

namespace Jixiao.Extract.Tests.Roles;

/// <summary>
/// A few fast-to-read gold documents and a model trained on them once per test class: tests train on a
/// subset, not the corpus, to stay quick. proj_self_01 is held out (its family is not in the training set).
/// </summary>
public sealed class RoleFixture
{
    public static readonly string[] TrainFiles =
    {
        "synthetic/proj_target_01.doc", "synthetic/multi_self_01.mht", "synthetic/transfer_01.html",
        "synthetic/dept_target_01.txt", "seeds/001_91b75e353b5723c9.txt",
    };

    public const string HeldOut = "synthetic/proj_self_01.docx";

    internal List<TrainingDoc> Training { get; }
    internal RoleModels Models { get; }

    public RoleFixture()
    {
        Training = TrainFiles.Select(f => Prepare(f)).ToList();
        Models = RoleTrainer.Train(Training);
    }

    internal static TrainingDoc Prepare(string file)
    {
        var (doc, gold) = Load(file);
        var stem = Path.GetFileNameWithoutExtension(file);
        return RoleTrainer.Prepare(stem, stem, doc, gold);
    }

    public static (SourceDocument Doc, JsonNode Gold) Load(string file)
    {
        var path = Corpus.File(file.Split('/'));
        var read = DocumentReader.Read(path);
        Assert.True(read.Ok, read.Error?.ToString());
        var gold = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(path, null) + ".gold.json"))!;
        return (read.Document!, gold);
    }
}
