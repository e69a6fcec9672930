namespace Jixiao.Extract;

/// <summary>
/// The section readers in the order they are asked. Order matters: an indicator header is recognised before
/// anything else because its first cell (`年度绩效目标`) can look like a goal label; money before prose, because a
/// task list with a money column (`年度主要任务 … 预算金额（万元）`) is a money block; header fields last, since
/// any label → value row is one.
/// </summary>
internal static class SectionReaders
{
    public static readonly IReadOnlyList<ISectionReader> InOrder = new ISectionReader[]
    {
        new IndicatorTopHeaderSection(),
        new PackedIndicatorSection(),
        new IndicatorSection(),
        new ProjectListSection(),
        new MoneySection(),
        new MoneyTotalWithPartsSection(),
        new GoalSection(),
        new ProseSection(),
        new FieldSection(),
    };
}

/// <summary>An indicator header whose first row only names the table (`年度绩效目标 | 一级指标 …` on the next row).</summary>
internal sealed class IndicatorTopHeaderSection : ISectionReader
{
    public bool Opens(List<Line> lines, int i) => IndicatorReader.IsTopHeader(lines, i);
    public int Read(SectionContext c, int i) => IndicatorReader.Read(c.Draft, c.Lines, i, c.Split, c.Oracle);
}

internal sealed class PackedIndicatorSection : ISectionReader
{
    public bool Opens(List<Line> lines, int i) => PackedIndicatorReader.IsHeader(lines[i]);
    public int Read(SectionContext c, int i) => PackedIndicatorReader.Read(c.Draft, c.Lines, i, c.Split);
}

internal sealed class IndicatorSection : ISectionReader
{
    public bool Opens(List<Line> lines, int i) => IndicatorReader.IsHeader(lines[i]);
    public int Read(SectionContext c, int i) => IndicatorReader.Read(c.Draft, c.Lines, i, c.Split, c.Oracle);
}

internal sealed class ProjectListSection : ISectionReader
{
    public bool Opens(List<Line> lines, int i) => ProjectListReader.IsHeader(lines[i]);
    public int Read(SectionContext c, int i) => ProjectListReader.Read(c.Draft, c.Lines, i);
}

internal sealed class MoneySection : ISectionReader
{
    public bool Opens(List<Line> lines, int i) => BudgetReader.IsStart(lines, i);
    public int Read(SectionContext c, int i) => BudgetReader.Read(c.Draft, c.Lines, i);
}

internal sealed class MoneyTotalWithPartsSection : ISectionReader
{
    public bool Opens(List<Line> lines, int i) => TotalWithParts.Opens(lines, i);
    public int Read(SectionContext c, int i) => TotalWithParts.Read(c.Draft, c.Lines, i);
}

internal sealed class GoalSection : ISectionReader
{
    public bool Opens(List<Line> lines, int i) => GoalReader.IsGoal(lines[i]);
    public int Read(SectionContext c, int i) => GoalReader.Read(c.Draft, c.Lines, i);
}

/// <summary>Prose blocks (职能概述, 年度工作任务 …) have no slot: the row is consumed and nothing is written.</summary>
internal sealed class ProseSection : ISectionReader
{
    public bool Opens(List<Line> lines, int i) =>
        Array.IndexOf(Vocab.Instance.ProseLabels, TextNorm.WithoutParenthesis(lines[i].Filled.First().Label)) >= 0;
    public int Read(SectionContext c, int i) => i;
}

/// <summary>Label → value pairs of the header area; any row no other reader claims.</summary>
internal sealed class FieldSection : ISectionReader
{
    public bool Opens(List<Line> lines, int i) => true;
    public int Read(SectionContext c, int i)
    {
        FieldReader.Read(c.Draft, c.Lines, i);
        return i;
    }
}
