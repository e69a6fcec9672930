using Jixiao.Extract;

namespace Jixiao.Store.Tests;

/// <summary>A real LiteDB archive in a fresh temp folder, deleted afterwards.</summary>
internal sealed class TempArchive : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("jixiao-store-").FullName;
    public string DbPath => System.IO.Path.Combine(Dir, "test.db");
    public Archive Archive { get; private set; }

    public TempArchive() => Archive = Archive.Open(DbPath);

    /// <summary>Closes and reopens the file, so assertions read what is on disk.</summary>
    public void Reopen()
    {
        Archive.Dispose();
        Archive = Archive.Open(DbPath);
    }

    /// <summary>Writes a real file with <paramref name="content"/> and returns its import item.</summary>
    public ImportItem File(string name, string content, ExtractedDocument? extracted, string? error = null) =>
        WriteItem(Dir, name, content, extracted, error);

    /// <summary>A real text file in <paramref name="dir"/> and its import item (shared by every test archive, both backends).</summary>
    public static ImportItem WriteItem(string dir, string name, string content, ExtractedDocument? extracted, string? error)
    {
        var path = System.IO.Path.Combine(dir, name);
        System.IO.File.WriteAllText(path, content);
        return new ImportItem
        {
            Path = path, Hash = ContentHash.Of(path), Size = new FileInfo(path).Length, Format = "text",
            PageCount = 1, Extracted = extracted, Error = error,
        };
    }

    public void Dispose()
    {
        Archive.Dispose();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Hand-built extractions shaped like the seeds' forms.</summary>
internal static class Sample
{
    public static Indicator Ind(string? scope, string l1, string l2, string l3, string? target, string? actual = null) =>
        new() { Scope = scope, Level1 = l1, Level2 = l2, Level3 = l3, Target = target, Actual = actual };

    public static Form DepartmentForm(int year, string dept, params Indicator[] indicators)
    {
        var f = new Form
        {
            Kind = FormKind.DepartmentTarget, Title = "部门整体绩效目标表", Year = year, Unit = "万元", Department = dept,
            Fields = new() { ["填报人"] = "肖茜", ["联系电话"] = "027-60830271" },
            Budget = { new BudgetFact { Item = "收入构成/财政拨款", Column = "当年金额", Value = "406.95", Source = new SourceRef(3, 2, 1) } },
            Projects = { new ProjectLine { Name = "督查效能业务", Category = "常年性项目", Total = "50", Annual = "50", Purpose = "党委督查" } },
            Goals = { new Goal { Label = "年度目标", Text = "完成督查任务" } },
            Confidence = 0.9,
        };
        f.Indicators.AddRange(indicators);
        return f;
    }

    public static Form ProjectSelfEval(int year, string dept, string project, params Indicator[] indicators)
    {
        var f = new Form { Kind = FormKind.ProjectSelfEval, Title = year + "年度项目支出绩效自评表", Year = year, Department = dept, Project = project };
        f.Budget.Add(new BudgetFact { Item = "年度资金总额", Column = "全年执行数", Value = "48.5" });
        f.Indicators.AddRange(indicators);
        return f;
    }

    public static ExtractedDocument Doc(params Form[] forms) => new() { File = "x.txt", Format = "text", Forms = forms.ToList() };
}
