namespace Jixiao.Extract;

/// <summary>The 项目支出情况 list of a department form: one <see cref="ProjectLine"/> per row.</summary>
internal static class ProjectListReader
{
    static Dictionary<string, string[]> Columns => Vocab.Instance.ProjectListColumns;

    public static bool IsHeader(Line line)
    {
        var filled = line.Filled.ToList();
        if (filled.Count < 3) return false;
        bool listLabel = Array.IndexOf(Vocab.Instance.ProjectListLabels, TextNorm.WithoutParenthesis(filled[0].Label)) >= 0;
        int known = filled.Count(c => RoleOf(c.Label) is not null);
        return listLabel && known >= 2 || known >= 4 && RoleOf(filled[0].Label) == "name";
    }

    static string? RoleOf(string label)
    {
        var bare = TextNorm.WithoutParenthesis(label);
        foreach (var (role, names) in Columns)
            if (Array.IndexOf(names, bare) >= 0) return role;
        return Vocab.Instance.ProjectListRoleLoose(label);
    }

    public static int Read(FormDraft draft, List<Line> lines, int i)
    {
        var header = lines[i];
        var roles = header.Cells.Select(c => RoleOf(c.Label)).ToList();
        int last = i;
        for (int r = i + 1; r < lines.Count; r++)
        {
            var row = lines[r];
            if (row.IsParagraph || row.Table != header.Table) break;
            // The list ends where the label column gets a new label.
            var first = row.Cells.FirstOrDefault();
            if (first is not null && !first.IsEmpty && first.Col == header.Cells[0].Col && roles[0] is null) break;
            if (SectionDispatcher.OpensSection(row)) break;
            var p = new ProjectLine();
            foreach (var cell in row.Cells)
            {
                var role = RoleFor(header, roles, cell);
                var value = TextNorm.Value(cell.Raw);
                if (role is null || value is null) continue;
                switch (role)
                {
                    case "name": p.Name = value; break;
                    case "category": p.Category ??= value; break;
                    case "total": p.Total ??= value; break;
                    case "annual": p.Annual ??= value; break;
                    case "purpose": p.Purpose ??= value; break;
                }
            }
            last = r;
            if (p.Name.Length > 0) draft.Form.Projects.Add(p);
        }
        return last;
    }

    static string? RoleFor(Line header, List<string?> roles, Cell cell)
    {
        if (header.Ragged)
        {
            return cell.Col < roles.Count ? roles[cell.Col] : null;
        }
        for (int k = 0; k < header.Cells.Count; k++)
        {
            var h = header.Cells[k];
            if (cell.Col >= h.Col && cell.Col < h.Col + h.Span) return roles[k];
        }
        return null;
    }
}
