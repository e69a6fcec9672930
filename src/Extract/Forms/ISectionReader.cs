namespace Jixiao.Extract;

/// <summary>What a section reader gets: the form being read, the line stream, and the form's collaborators.</summary>
internal sealed record SectionContext(FormDraft Draft, List<Line> Lines, IndicatorReader.ProjectSplitter Split, IRoleOracle Oracle);

/// <summary>
/// One kind of section of a form (indicator table, money block, goal, project list, header fields …). The
/// <see cref="SectionDispatcher"/> asks each reader in order whether the row opens its section; the first that
/// says yes reads it. A new layout is a new reader in the list, not another branch.
/// </summary>
internal interface ISectionReader
{
    /// <summary>Does the row at <paramref name="i"/> open this section?</summary>
    bool Opens(List<Line> lines, int i);

    /// <returns>The index of the last line consumed.</returns>
    int Read(SectionContext context, int i);
}
