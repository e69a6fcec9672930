using Jixiao.Tests;
using System.Text.Json;
using Jixiao.Extract;
using Jixiao.Store;

namespace Jixiao.Cli.Tests;

/// <summary>search, show, history and verify run as the real binary over an archive built from hand-made forms,
/// on every backend (a LiteDB file; a PostgreSQL database of the run's throw-away cluster).</summary>
public abstract class ArchiveCommandTests : IDisposable
{
    readonly TempDir _t = new();
    readonly string _file2023;
    readonly string _db;

    private protected ArchiveCommandTests(Func<TempDir, string> makeTarget)
    {
        _db = makeTarget(_t);
        using var a = ConsoleOutput.ArchiveOpener.OpenForWriting(_db)!;
        var items = new List<ImportItem>();
        foreach (var (year, name, target) in new[] { (2022, "公用经费 控制率", "≤100%"), (2023, "公用经费控制率", "100%"), (2024, "公用经费控制比率", "98%") })
        {
            var path = Path.Combine(_t.Path, $"dept{year}.txt");
            File.WriteAllText(path, "form " + year);
            var form = new Form
            {
                Kind = FormKind.DepartmentSelfEval, Title = $"{year}年度部门整体绩效自评表", Year = year, Unit = "万元", Department = "鄂州市督查考评办公室",
                Fields = { ["填报人"] = "肖茜" },
                Budget = { new BudgetFact { Item = "年度资金总额", Column = "全年执行数", Value = "406.95" } },
                Goals = { new Goal { Label = "年度目标", Text = "完成年度督查考评任务" } },
                Indicators =
                {
                    new Indicator { Scope = "年度", Level1 = "运行成本", Level2 = "公用经费控制", Level3 = name, Target = target, Actual = "96%", Weight = "10", Score = "9" },
                    new Indicator { Scope = "年度", Level1 = "满意度", Level2 = "服务对象满意度", Level3 = "社会公众满意度", Target = "≥95%", Actual = "97%" },
                },
            };
            items.Add(new ImportItem { Path = path, Hash = ContentHash.Of(path), Format = "text", PageCount = 1,
                Extracted = new ExtractedDocument { File = Path.GetFileName(path), Format = "text", Forms = { form } } });
        }
        a.Write(items);
        _file2023 = items[1].Path;
    }

    public void Dispose() => _t.Dispose();

    [Fact]
    public void Search_PrintsAnAlignedTableWithWideCharacters()
    {
        var r = JixiaoProcess.Run("--db", _db, "search", "满意度", "--year", "2023..2024");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length); // header, rule, 2 rows
        Assert.StartsWith("year  department / project", lines[0]);
        // Wide-character padding: the target column starts at the same display column on every row.
        int Col(string line) => ConsoleOutput.TextWidth.Of(line[..line.IndexOf("≥95%")]);
        Assert.Equal(Col(lines[2]), Col(lines[3]));
        Assert.Contains("满意度 > 服务对象满意度 > 社会公众满意度", lines[2]);
        Assert.Contains("showing 2 of 2 indicators", r.Err);
    }

    [Fact]
    public void Search_CsvAndJsonCarryTheSameRows()
    {
        var csv = JixiaoProcess.Run("--db", _db, "search", "--target", ">=98%", "--csv");
        Assert.Equal(0, csv.ExitCode);
        var rows = csv.Out.TrimEnd().Split('\n');
        Assert.StartsWith("year,department,project,kind,scope,level1", rows[0]);
        // The filter compares the target's number: 100% (2023), 98% (2024) and ≤100% (2022) pass, ≥95% does not.
        Assert.Equal(4, rows.Length);
        Assert.DoesNotContain(rows, r => r.Contains("≥95%"));
        var json = JixiaoProcess.Run("--db", _db, "search", "--target", ">=98%", "--json");
        Assert.Equal(3, JsonDocument.Parse(json.Out).RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("--year", "20x4")]
    [InlineData("--target", "很好")]
    public void Search_BadFilterIsAUsageError(string option, string value)
    {
        var r = JixiaoProcess.Run("--db", _db, "search", option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(option, r.Err);
    }

    [Fact]
    public void History_ListsTheIndicatorForEveryYearIncludingRespacedAndRenamedNames()
    {
        var r = JixiaoProcess.Run("--db", _db, "history", "公用经费控制率");
        Assert.Equal(0, r.ExitCode);
        var rows = r.Out.TrimEnd().Split('\n').Skip(2).ToList();
        Assert.Equal(new[] { "2022", "2023", "2024" }, rows.Select(l => l[..4]));
        Assert.Contains("≤100%", rows[0]);
        Assert.Contains("~公用经费控制比率", rows[2]);
        Assert.Empty(JixiaoProcess.Run("--db", _db, "history", "公用经费控制率", "--dept", "教育局").Out);
    }

    [Fact]
    public void Show_PrintsHeaderBudgetGoalsAndIndicators()
    {
        var r = JixiaoProcess.Run("--db", _db, "show", _file2023);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("status ok, 1 form(s), 2 indicator(s)", r.Out);
        Assert.Contains("== form 1/1: 部门整体绩效自评表 — 2023年度部门整体绩效自评表 ==", r.Out);
        Assert.Contains("填报人", r.Out);
        Assert.Contains("年度资金总额", r.Out);
        Assert.Contains("年度目标: 完成年度督查考评任务", r.Out);
        Assert.Matches(@"年度\s+运行成本\s+公用经费控制\s+公用经费控制率\s+100%\s+96%\s+10\s+9", r.Out);

        var byId = JixiaoProcess.Run("--db", _db, "show", "2", "--json");
        Assert.Equal("公用经费控制率", CanonicalJson.Deserialize(byId.Out).Forms[0].Indicators[0].Level3);
        Assert.Equal(1, JixiaoProcess.Run("--db", _db, "show", "99").ExitCode);
    }

    [Fact]
    public void Verify_IsCleanUntilAFileChangesOnDisk()
    {
        var ok = JixiaoProcess.Run("--db", _db, "verify");
        Assert.True(ok.ExitCode == 0, ok.Out);
        Assert.Contains("3 documents, 3 forms, 6 indicators, 3 budget facts", ok.Out);

        File.AppendAllText(_file2023, " edited");
        var bad = JixiaoProcess.Run("--db", _db, "verify");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("changed on disk since import: " + _file2023, bad.Out);
    }

    [Fact]
    public void ReadCommands_WithoutArchive_SayHowToCreateOne()
    {
        var r = JixiaoProcess.Run("--db", Path.Combine(_t.Path, "none.db"), "search", "x");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no archive at", r.Err);
        Assert.False(File.Exists(Path.Combine(_t.Path, "none.db")));
    }
}

public sealed class LiteDbArchiveCommandTests() : ArchiveCommandTests(t => t.Db);

[Collection(PgCollection.Name)]
public sealed class PostgresArchiveCommandTests(PgCluster cluster) : ArchiveCommandTests(_ => cluster.NewDatabase());
