namespace Jixiao.Store;

/// <summary>
/// Reads every page of an archive's data file and checks what LiteDB itself never checks before following it:
/// each 8 KB page carries its own number (bytes 0–3) and a known page type (byte 4). A zeroed page, a bit
/// flipped in a page header or a cut file shows here as one line per page, before a query could follow a
/// broken link into an exception or an endless loop. (A flipped bit inside a record is caught by the
/// per-document fact checksums, <see cref="FactChecksum"/>.)
/// </summary>
public static class PageScan
{
    const int PageSize = 8192;
    const int MaxPageType = 4; // Empty, Header, Collection, Index, Data

    /// <summary>One line per damaged page (at most <paramref name="max"/>), empty when every page is sound.</summary>
    public static List<string> Damage(string dataFile, int max = 20)
    {
        var problems = new List<string>();
        using var s = new FileStream(dataFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, PageSize);
        if (s.Length % PageSize != 0)
            problems.Add($"the file is {s.Length} bytes, not a whole number of 8 KB pages (truncated or cut)");
        var page = new byte[PageSize];
        long pages = s.Length / PageSize;
        for (long n = 0; n < pages && problems.Count < max; n++)
        {
            s.ReadExactly(page);
            uint id = BitConverter.ToUInt32(page, 0);
            int type = page[4];
            if (id == 0 && type == 0 && n > 0 && page.AsSpan().IndexOfAnyExcept((byte)0) < 0)
                problems.Add($"page {n} is all zeros");
            else if (id != n)
                problems.Add($"page {n} says it is page {id} (damaged header)");
            else if (type > MaxPageType)
                problems.Add($"page {n} has unknown page type {type} (damaged header)");
        }
        return problems;
    }
}
