using System.Text.RegularExpressions;

namespace Jixiao.Extract;

/// <summary>
/// A money line inside a form, outside any table grid: `年度预算资金（万元） 2149.09` — a label that names its unit in
/// parenthesis, then one number. The label is the item (without the unit), the column is null (spec: money blocks
/// with one value column), and the unit is the form's own.
/// </summary>
internal static partial class InlineMoneyLine
{
    public static bool TryRead(FormDraft draft, string text)
    {
        var m = Shape().Match(TextNorm.Label(text));
        if (!m.Success) return false;
        var label = m.Groups[1].Value;
        if (TextNorm.UnitInParenthesis(label) is not { } unit) return false;
        var item = BudgetReader.ItemLabel(label);
        if (item is null || !HeaderLabel.IsShaped(item)) return false;
        draft.OwnUnit(unit);
        MoneyFacts.Add(draft.Form, item, null, m.Groups[2].Value);
        return true;
    }

    [GeneratedRegex(@"^(.{2,30}?[）)])[:：]?(-?[\d,]+(?:\.\d+)?)$")]
    private static partial Regex Shape();
}
