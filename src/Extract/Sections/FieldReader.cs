namespace Jixiao.Extract;

/// <summary>
/// Header-area rows: label, value, label, value… Sets project/department where the spec says so, keeps
/// every other pair in <see cref="Form.Fields"/> with checkbox lists resolved.
/// </summary>
internal static class FieldReader
{
    public static void Read(FormDraft draft, List<Line> lines, int i)
    {
        if (HeaderArea.IsListHeader(lines[i])) return;
        // A row whose first cell is covered by a label merged down from above (年度重点工作任务 over its task rows)
        // continues that label's block, not the header pairs.
        bool underMergedLabel = lines[i].Cells.FirstOrDefault() is { Covered: true };
        if (!underMergedLabel && HeaderArea.Holds(draft, lines, i)) ReadByLayout(draft, lines[i]);
        else ReadKnownLabels(draft, lines[i]);
    }

    /// <summary>
    /// The header area (spec `fields`: every label → value pair, an unknown label is no reason to drop one): label
    /// and value are told apart by where they stand, not by a list. A cell is a label when it ends with a colon, is
    /// a known label, or is shaped like one (short, not a number, date or sentence) at a label position — the first
    /// cell of a pair, with the value in the next cell of the grid. An empty value cell, or a next cell that is
    /// itself a written label, leaves the label without a value rather than shifting every later pair by one.
    /// </summary>
    static void ReadByLayout(FormDraft draft, Line line)
    {
        var cells = line.Cells.Where(c => !c.Covered).ToList();
        int i = 0;
        while (i < cells.Count)
        {
            var cell = cells[i];
            if (cell.IsEmpty) { i++; continue; }
            if (i + 1 < cells.Count && (WrittenLabel(cell) || IsLabel(cell.Label) || HeaderLabel.IsShaped(cell.Label)))
            {
                var next = cells[i + 1];
                if (next.IsEmpty) { i += 2; continue; }
                if (WrittenLabel(next) || HeaderLabel.IsSectionWord(next.Label)) { i++; continue; }
                Put(draft, cell.Raw, next.Raw);
                i += 2;
                continue;
            }
            // `主要政策任务：…` in one cell, however wide.
            if (HeaderLabel.SplitAtColon(cell.Raw) is { } pair) Put(draft, pair.Label, pair.Value);
            i++;
        }
    }

    static bool EndsWithColon(Cell c) => c.Raw.TrimEnd().EndsWith('：') || c.Raw.TrimEnd().EndsWith(':');

    /// <summary>A label by what is written: a trailing colon, or a label of the vocabulary.</summary>
    internal static bool WrittenLabel(Cell c) => EndsWithColon(c) ? c.Label.Length <= 30 : IsVocabularyLabel(c.Label);

    /// <summary>
    /// A header-field label of the vocabulary (project, department, department-and-field, known field): as listed,
    /// without its bracketed parts, or — through the one label matcher's header policy — written with stray
    /// brackets, spaces or one wrong character in a label of five characters or more, so every reader that asks
    /// "is this a label" answers alike for `项目名称 ]` or `实施单位名祢`. Without <paramref name="loose"/>, spellings
    /// as listed only (the role model's cell features, trained on exact hits).
    /// </summary>
    internal static bool IsVocabularyLabel(string label, bool loose = true)
    {
        if (label.Length == 0) return false;
        var v = Vocab.Instance;
        var bare = TextNorm.WithoutParenthesis(label);
        return Array.IndexOf(v.KnownFieldLabels, bare) >= 0 || Array.IndexOf(v.ProjectLabels, label) >= 0 ||
               Array.IndexOf(v.ProjectLabels, bare) >= 0 || Array.IndexOf(v.DepartmentLabels, label) >= 0 ||
               Array.IndexOf(v.DepartmentAndFieldLabels, bare) >= 0 || loose && LooseGroup(label) is not null;
    }

    /// <summary>The header-field group of a loosely written label; a form title is never one, however near.</summary>
    static string? LooseGroup(string label) =>
        Vocab.Instance.FieldGroupLoose(label) is { } group && !TitleRules.IsTitle(label) ? group : null;

    /// <summary>Below the header area (after the indicator table began): only labels the vocabulary or a colon vouch for.</summary>
    static void ReadKnownLabels(FormDraft draft, Line line)
    {
        var cells = line.Filled.ToList();
        int i = 0;
        while (i < cells.Count)
        {
            var labelCell = cells[i];
            // A written trailing colon (`分配方式：`) marks a label whatever its wording.
            bool endsWithColon = EndsWithColon(labelCell);
            if (i + 1 < cells.Count && (endsWithColon && labelCell.Label.Length <= 30 || IsLabel(labelCell.Label)) && !IsLabelOnly(cells[i + 1].Label))
            {
                Put(draft, labelCell.Raw, cells[i + 1].Raw);
                i += 2;
                continue;
            }
            // `填报人：张三` in one cell.
            var raw = labelCell.Raw;
            int colon = raw.IndexOfAny(new[] { '：', ':' });
            if (colon > 0 && colon < raw.Length - 1 && IsLabel(TextNorm.Label(raw[..colon])))
                Put(draft, raw[..colon], raw[(colon + 1)..]);
            i++;
        }
    }

    internal static void Put(FormDraft draft, string rawLabel, string rawValue)
    {
        var v = Vocab.Instance;
        var label = TextNorm.OutputLabel(rawLabel);
        var key = TextNorm.Label(rawLabel);
        var value = TextNorm.Value(Checkboxes.Resolve(rawValue));
        if (value is null) return;
        // A value wrapped by the cell's width (`西安市卫生健康委⏎员会`) is one line.
        if (value.Contains('\n') && value.Length < 80) value = value.Replace("\r", "").Replace("\n", "");
        var form = draft.Form;
        var unit = TextNorm.UnitInParenthesis(label);
        if (unit is not null)
        {
            draft.OwnUnit(unit);
            label = TextNorm.WithoutParenthesis(label);
            // `项目总金额（中期规划，万元）：30,556,500.00` is a one-column money block, not a field.
            if (TextNorm.IsNumber(value))
            {
                MoneyFacts.Add(form, label, null, value);
                return;
            }
        }
        // A label the vocabulary does not spell exactly (`项 目 名 称`, `（项目名称）`, one wrong character in a
        // longer label) still names the project or department when the one loose matcher says so. On an OCR'd form
        // a shorter label may have lost or misread a glyph too (`省管部门` for 省级主管部门): it is matched as OCR
        // reads before the department is given, not only renamed once the form is finished.
        bool exact = Array.IndexOf(v.ProjectLabels, key) >= 0 || Array.IndexOf(v.DepartmentLabels, key) >= 0 ||
                     Array.IndexOf(v.DepartmentAndFieldLabels, key) >= 0 || Array.IndexOf(v.KnownFieldLabels, key) >= 0;
        var looseGroup = exact ? null : v.FieldGroupLoose(key) ?? (draft.FromOcr ? v.FieldGroupAsRead(key) : null);
        if (Array.IndexOf(v.ProjectLabels, key) >= 0 || looseGroup == "project")
        {
            form.Project ??= value;
            return;
        }
        if (Array.IndexOf(v.DepartmentLabels, key) >= 0 || looseGroup == "department")
        {
            form.Department ??= value;
            return;
        }
        if (Array.IndexOf(v.DepartmentAndFieldLabels, key) >= 0 || looseGroup == "departmentAndField")
        {
            // Transfer forms: the local authority is the department; 主管部门 elsewhere.
            if (form.Department is null || Array.IndexOf(v.LocalAuthorityLabels, key) >= 0) form.Department = value;
        }
        if (Array.IndexOf(v.NotFieldLabels, key) >= 0) return;
        if (TitleRules.YearOfDate(value) is { } dateYear) draft.DateYears.Add(dateYear);
        var own = TitleRules.WithoutCitations(value);
        if (TitleRules.YearOf(own) is { } year && v.YearWords.Any(w => key.Contains(w) || own.Contains(w))) draft.TextYears.Add(year);
        form.Fields.TryAdd(label, value);
    }

    /// <summary>Is this text a field label (known, or shaped like one)? <paramref name="loose"/>: as <see cref="IsVocabularyLabel"/>.</summary>
    public static bool IsLabel(string label, bool loose = true)
    {
        if (label.Length == 0 || label.Length > 20) return false;
        if (IsVocabularyLabel(label, loose)) return true;
        if (TextNorm.IsNumber(label)) return false;
        // Unknown spellings: short, no digits, ends like a label does.
        return label.Length <= 12 && !label.Any(char.IsDigit) && Vocab.Instance.LabelEndings.Any(label.EndsWith);
    }

    /// <summary>Known labels never serve as another label's value (a row of labels is a header).</summary>
    internal static bool IsLabelOnly(string label)
    {
        var v = Vocab.Instance;
        return Array.IndexOf(v.KnownFieldLabels, label) >= 0 || Array.IndexOf(v.ProjectLabels, label) >= 0 ||
               Array.IndexOf(v.DepartmentAndFieldLabels, label) >= 0 ||
               LooseGroup(label) is "known" or "project" or "departmentAndField";
    }
}
