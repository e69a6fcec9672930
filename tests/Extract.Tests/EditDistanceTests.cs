namespace Jixiao.Extract.Tests;

/// <summary>The one edit distance and its two variants (whole strings, nearest substring; swaps as one slip).</summary>
public class EditDistanceTests
{
    [Fact]
    public void Whole_strings_count_inserted_removed_and_changed_characters()
    {
        Assert.Equal(0, EditDistance.Between("项目名称", "项目名称"));
        Assert.Equal(1, EditDistance.Between("年度资金吕额", "年度资金总额"));
        Assert.Equal(1, EditDistance.Between("省主管部门", "省级主管部门"));
        Assert.Equal(2, EditDistance.Between("reoprt", "report"));
        Assert.Equal(4, EditDistance.Between("", "指标名称"));
    }

    [Fact]
    public void Swapped_neighbours_are_one_slip_only_when_asked()
    {
        Assert.Equal(1, EditDistance.Between("reoprt", "report", swapsCountOnce: true));
        Assert.Equal(1, EditDistance.Between("ab", "ba", swapsCountOnce: true));
        Assert.Equal(2, EditDistance.Between("ab", "ba"));
        // Not a swap: still counted edit by edit.
        Assert.Equal(1, EditDistance.Between("imprt", "import", swapsCountOnce: true));
    }

    [Fact]
    public void A_query_is_compared_with_the_nearest_substring()
    {
        Assert.Equal(0, EditDistance.ToNearestSubstring("整改率", "年度问题整改率指标"));
        Assert.Equal(1, EditDistance.ToNearestSubstring("问题正改率", "年度问题整改率指标"));
        Assert.Equal(3, EditDistance.ToNearestSubstring("abc", ""));
    }
}
