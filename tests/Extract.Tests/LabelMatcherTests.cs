namespace Jixiao.Extract.Tests;

/// <summary>
/// The one label matcher and its policies (issue 17 items 1–2: labels matched after removing punctuation, brackets
/// and units and allowing a small edit distance), on labels of the real vocabulary and misreadings seen in scans
/// and typed forms.
/// </summary>
public class LabelMatcherTests
{
    static readonly Vocab V = Vocab.Instance;

    static LabelMatcher OcrFieldLabels() =>
        LabelMatcher.OfSpellings(V.KnownFieldLabels.Concat(V.DepartmentAndFieldLabels), LabelPolicy.OcrLabel);

    [Fact]
    public void An_ocr_tie_goes_to_the_label_that_holds_every_glyph_read()
    {
        // 省主管部门 is one edit from 省级主管部门 (级 lost) and from 主管部门 (省 added): OCR loses glyphs, it does not
        // invent a right-looking one, so the provincial authority's label wins.
        var m = OcrFieldLabels().Match("省主管部门");
        Assert.Equal("省级主管部门", m?.Spelling);
        Assert.Equal(1, m?.Edits);

        // Through the repair a scanned form's fields take.
        var form = new Form();
        form.Fields["省主管部门"] = "湖南省财政厅";
        form.Fields["中央主管部门"] = "财政部";
        OcrRepair.Apply(form);
        Assert.Equal(new[] { "省级主管部门", "中央主管部门" }, form.Fields.Keys);
        Assert.Equal("湖南省财政厅", form.Fields["省级主管部门"]);
    }

    [Fact]
    public void In_typed_text_a_tie_between_meanings_is_no_match()
    {
        // `绩效指标` heads the indicator columns of a Changsha department form. It is one edit from 绩效目标 (goal) and
        // from 绩效指标值 (target): typed by a filer, a shorter label is a word of its own, so no column role.
        Assert.Null(V.ColumnRoleLoose("绩效指标"));
        var columns = V.Columns.Where(c => c.Key != "groups").SelectMany(c => c.Value.Select(s => (s, c.Key))).ToList();
        Assert.Null(new LabelMatcher(columns, LabelPolicy.ColumnLabel).Match("绩效指标"));
        // Read by OCR the same text is more likely 绩效指标值 with its last glyph lost.
        Assert.Equal("target", new LabelMatcher(columns, LabelPolicy.OcrLabel).Match("绩效指标")?.Meaning);
    }

    [Fact]
    public void Spellings_of_one_meaning_are_no_tie()
    {
        // 社会效益指 (the last glyph lost) is one edit from the level 社会效益指标 and from its alias 社会效益: both mean the
        // same level-2 name, and the spelling that holds every glyph read is taken.
        var ind = new Indicator { Level1 = "效益指标", Level2 = "社会效益指" };
        OcrRepair.Apply(ind);
        Assert.Equal("社会效益指标", ind.Level2);
        Assert.Contains("repaired: 社会效益指→社会效益指标", ind.ReviewReasons!);

        // A weight column with one wrong character, or with its unit, is the weight whichever of its spellings it is near.
        Assert.Equal("weight", V.ColumnRoleLoose("权重分値"));
        // 指标分値 is as near the weight (指标分值) as the category (指标分类): no role.
        Assert.Null(V.ColumnRoleLoose("指标分値"));
        Assert.Equal("weight", V.ColumnRoleLoose("分值权重（%）"));
    }

    [Theory]
    [InlineData("项目名字", null)]               // four characters: 项目名称 / 部门名称 differ by one, so no edit
    [InlineData("专项资金名祢", "project")]      // six characters, one wrong: 专项资金名称
    [InlineData("部门[单位]名称", "department")] // a bracket kind no vocabulary spells
    [InlineData("项 目 名 称", "project")]       // spaces between the characters
    [InlineData("（项目名称）", "project")]       // all bracketed: the content is the label
    [InlineData("省主管部门", "departmentAndField")] // typed: only 省级主管部门 is five characters or more
    [InlineData("项目负责人：", "known")]
    [InlineData("项目负责", null)]
    public void Header_labels_allow_an_edit_from_five_characters(string written, string? group)
    {
        Assert.Equal(group, V.FieldGroupLoose(written));
    }

    [Theory]
    [InlineData("指标权重(%)", "weight")]      // the unit and the leading 指标 go
    [InlineData("分值(权重)", "weight")]
    [InlineData("指标名祢", "level3")]          // four characters, one wrong: columns allow it
    [InlineData("单位名称", null)]              // 单位（项目）名称 keeps its 项目: a unit's name is no project column
    [InlineData("单位(项目)名称", "project")]
    public void Column_labels_allow_an_edit_from_four_characters(string written, string? role)
    {
        Assert.Equal(role, V.ColumnRoleLoose(written));
    }

    [Theory]
    [InlineData("指标权重(%)", "指标权重")]
    [InlineData("(一)项目名称", "项目名称")]
    [InlineData("项目资金（万元）：", "项目资金")]
    [InlineData("单位（项目）名称", "单位项目名称")]
    [InlineData("（项目名称）", "项目名称")]
    [InlineData("实际完成值 ≥ ", "实际完成值")]
    public void The_loose_key_drops_asides_at_the_ends_and_keeps_inner_words(string label, string key)
    {
        Assert.Equal(key, LabelPolicy.LooseKey(label));
    }

    [Theory]
    [InlineData(".产出.指标", "产出指标")]     // specks and rule stubs
    [InlineData("「效益指标」", "效益指标")]
    [InlineData("部门（单位）名称", "部门（单位）名称")] // round brackets are as written in a scan
    public void The_ocr_key_drops_specks_and_keeps_round_brackets(string read, string key)
    {
        Assert.Equal(key, LabelPolicy.WithoutOcrNoise(read));
    }

    [Theory]
    [InlineData("资金投人情况", true)]     // 入 read as 人 in a six-character budget block label
    [InlineData("预期目标：", true)]
    [InlineData("资金情况（万元）", true)]
    [InlineData("项目名字", false)]        // one edit from the 项目名称 column, but only four characters
    [InlineData("计划开始时间", false)]
    public void Section_words_are_matched_as_header_labels_are(string label, bool sectionWord)
    {
        Assert.Equal(sectionWord, HeaderLabel.IsSectionWord(label));
        if (label.Length < 10 && !label.Contains('：')) Assert.Equal(!sectionWord, HeaderLabel.IsShaped(label));
    }

    [Fact]
    public void Ocr_edits_grow_with_the_label_and_short_readings_are_left_alone()
    {
        var budget = LabelMatcher.OfSpellings(V.BudgetItems, LabelPolicy.OcrLabel);
        Assert.Equal("年度资金总额", budget.Match("年度资金吕额")?.Spelling);       // one misread glyph in six
        Assert.Null(budget.Match("年度资金吕笑"));                                 // two in six: too many
        Assert.Equal("特定目标类项目支出", budget.Match("特定日标类项目支山")?.Spelling); // two in nine: allowed
        Assert.Null(budget.Match("合汁"));                                       // two characters: never edited
        Assert.Equal("合计", budget.Match("合计:")?.Spelling);                    // but exact after the specks go
    }
}
