using Jixiao.Cli.Commands;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Train;

/// <summary>
/// `jixiao train` and `eval --cv` on a small copy of the corpus (fast formats, three template families),
/// so the run stays short; the full-corpus figures are in the report of `eval --cv corpus/…`.
/// </summary>
public class TrainAndCrossValidationTests
{
    static readonly (string File, string Family)[] Docs =
    {
        ("synthetic/proj_target_01.doc", "proj_target"), ("synthetic/proj_self_01.docx", "proj_self"), ("synthetic/proj_self_old_01.txt", "proj_self_old"),
        ("synthetic/transfer_01.html", "transfer"), ("synthetic/transfer_02.xls", "transfer"), ("synthetic/multi_self_01.mht", "proj_self"),
    };

    static string Copy(TempDir tmp, bool withTemplates = true)
    {
        var dir = tmp.Sub("gold");
        foreach (var (file, _) in Docs)
        {
            var path = Corpus.File(file.Split('/'));
            File.Copy(path, Path.Combine(dir, Path.GetFileName(path)));
            var gold = Path.ChangeExtension(path, null) + ".gold.json";
            File.Copy(gold, Path.Combine(dir, Path.GetFileName(gold)));
        }
        if (withTemplates)
            File.WriteAllLines(Path.Combine(tmp.Path, "templates.tsv"), Docs.Select(d => Path.GetFileNameWithoutExtension(d.File) + "\t" + d.Family));
        return dir;
    }

    [Fact]
    public void Leave_one_template_out_meets_the_floors_and_shows_the_models_gain()
    {
        using var tmp = new TempDir();
        var corpus = TrainCorpus.Load(new[] { Copy(tmp) });
        Assert.Equal(Docs.Length, corpus.Entries.Count);
        Assert.Equal(new[] { "proj_self", "proj_self_old", "proj_target", "transfer" }, corpus.Entries.Select(e => e.Family).Distinct().Order().ToArray());
        var r = EvalCrossValidation.Evaluate(corpus);
        Assert.Equal(4, r.Families.Count);
        Assert.True(r.RulesOnly.Prf().F1 >= 0.97, $"rules-only {r.RulesOnly.Prf().F1}");
        Assert.True(r.InSample.Prf().F1 >= 0.97, $"in-sample {r.InSample.Prf().F1}");
        Assert.True(r.Loto.Prf().F1 >= 0.90, $"LOTO {r.Loto.Prf().F1}");
        // Renamed value headers: the rules read those columns from their contents and position (ColumnContents); the
        // model (trained without the family) is asked about what they leave and must take nothing away. Was: rules+ML
        // > rules + 0.05, when the rules dropped such columns.
        Assert.True(r.UnseenRenamed >= 12, $"renamed {r.UnseenRenamed}");
        Assert.True(r.UnseenRules.Prf().F1 >= 0.95, $"unseen headers: rules {r.UnseenRules.Prf().F1}");
        Assert.True(r.UnseenLoto.Prf().F1 >= r.UnseenRules.Prf().F1, $"unseen headers: rules+ML {r.UnseenLoto.Prf().F1} vs rules {r.UnseenRules.Prf().F1}");
        Assert.True(r.RulesDocsPerSecond > 0 && r.ModelDocsPerSecond > 0);
    }

    [Fact]
    public void Families_default_to_the_stem_without_page_or_copy_number()
    {
        Assert.Equal("xian_self", TemplateFamilies.DefaultFamily("xian_self_p55"));
        Assert.Equal("guojia_xinfang_self", TemplateFamilies.DefaultFamily("guojia_xinfang_self_p30_31"));
        Assert.Equal("proj_self", TemplateFamilies.DefaultFamily("proj_self_02"));
        Assert.Equal("shenzhen_sheet1", TemplateFamilies.DefaultFamily("shenzhen_sheet1"));
    }

    /// <summary>
    /// Every gold document the project evaluates sits in exactly one family of corpus/templates.tsv: an unlisted
    /// one would fall into a family of its own next to its siblings and make leave-one-template-out optimistic.
    /// </summary>
    [Fact]
    public void Every_gold_document_of_the_corpus_has_exactly_one_template_family()
    {
        var dirs = new[] { Corpus.File("seeds"), Corpus.File("synthetic"), Corpus.File("real-gold") };
        var stems = TrainCorpus.GoldFiles(dirs).Select(TrainCorpus.Stem).ToList();
        Assert.True(stems.Count >= 70, $"only {stems.Count} gold documents found");
        Assert.Empty(TemplateFamilies.Load(dirs).Problems(stems));
    }

    [Fact]
    public void Eval_cv_refuses_gold_documents_without_exactly_one_family()
    {
        using var tmp = new TempDir();
        var dir = Copy(tmp);
        var tsv = Path.Combine(tmp.Path, "templates.tsv");
        var lines = File.ReadAllLines(tsv);
        File.WriteAllLines(tsv, lines.Where(l => !l.StartsWith("transfer_02\t")));
        Assert.Equal(new[] { "transfer_02: not listed in templates.tsv (its default family would be transfer)" },
            TemplateFamilies.Load(new[] { dir }).Problems(TrainCorpus.GoldFiles(new[] { dir }).Select(TrainCorpus.Stem)));
        Assert.Equal(2, Program.Main(new[] { "eval", "--cv", dir }));
        File.WriteAllLines(tsv, lines.Append("transfer_02\tproj_self"));
        Assert.Single(TemplateFamilies.Load(new[] { dir }).Problems(TrainCorpus.GoldFiles(new[] { dir }).Select(TrainCorpus.Stem)), p => p.StartsWith("transfer_02: listed in two families (transfer, proj_self)"));
        Assert.Equal(2, Program.Main(new[] { "eval", "--cv", dir }));
    }

    [Fact]
    public void Train_writes_both_models_small_and_the_same_twice()
    {
        using var tmp = new TempDir();
        var gold = Copy(tmp, withTemplates: false);
        var a = Path.Combine(tmp.Path, "a");
        var b = Path.Combine(tmp.Path, "b");
        Assert.Equal(0, Program.Main(new[] { "train", gold, "--out", a }));
        Assert.Equal(0, Program.Main(new[] { "train", gold, "--out", b }));
        foreach (var file in new[] { "cell-roles.zip", "form-kind.zip" })
        {
            var size = new FileInfo(Path.Combine(a, file)).Length;
            Assert.InRange(size, 1000, 1024 * 1024);
        }
        var ma = Jixiao.Extract.RoleModels.Load(a);
        var mb = Jixiao.Extract.RoleModels.Load(b);
        var probe = new float[ma.Roles.Features];
        probe[3] = 1; probe[700] = 2;
        Assert.Equal(ma.Roles.Predict(probe), mb.Roles.Predict(probe));
    }

    [Fact]
    public void Train_without_a_folder_is_a_usage_error() =>
        Assert.Equal(2, Program.Main(new[] { "train", "/no/such/folder" }));
}
