using System.Text;
using Jixiao.Extract;
using Jixiao.Store;
using Jixiao.Tests;
using Xunit.Abstractions;

namespace Jixiao.Robustness.Tests;

/// <summary>
/// Issue 21, case 16: single-bit flips the fact checksum cannot see — in an index key (the nameNorm index, the
/// name list's primary key) and in a stored nameNorm — are each named by `verify` in one line.
/// </summary>
public sealed class IndexDamageTests(ITestOutputHelper output)
{
    const int PageSize = 8192;
    const byte IndexPage = 3, DataPage = 4;

    [Fact]
    public void Flipped_bits_in_index_keys_and_in_a_derived_name_are_reported()
    {
        using var tmp = new TempDir();
        var src = tmp.Sub("src");
        File.Copy(Corpus.File("synthetic", "proj_self_01.docx"), Path.Combine(src, "proj_self_01.docx"));
        Assert.Equal(0, JixiaoProcess.Run("import", src, "--db", tmp.Db).ExitCode);
        Assert.Equal(0, JixiaoProcess.Run("verify", "--no-files", "--db", tmp.Db).ExitCode);
        var good = File.ReadAllBytes(tmp.Db);

        // An indicator name whose normal form starts with a CJK character: flipping the lowest bit of its first
        // byte keeps valid UTF-8 (全 E5 85 A8 → 䅨 E4 85 A8), the damage the attack run found.
        List<string> names;
        using (var archive = Archive.OpenExisting(tmp.Db)!)
            names = archive.AllDocuments().SelectMany(d => archive.FormsOf(d.Id)).SelectMany(f => f.Form.Indicators)
                .Select(i => TextNorm.Normalize(i.Level3 ?? i.Level2 ?? i.Level1)).Where(n => n.Length >= 4 && n[0] >= '\u4E00')
                .Distinct().ToList();
        // Indexed once: the name list's primary key (indicators are packed in their forms, with no index of their own).
        var name = names.First(n => Occurrences(good, Encoding.UTF8.GetBytes(n), IndexPage).Count >= 1);
        var bytes = Encoding.UTF8.GetBytes(name);
        var inIndex = Occurrences(good, bytes, IndexPage);
        output.WriteLine($"{name}: {inIndex.Count} occurrence(s) in index pages");

        var flips = new List<(string What, int At)>();
        foreach (var at in inIndex) flips.Add(($"index key at byte {at}", at));
        // The documents' unique path index: a flip in its key (inside the file name) hides the document from lookups.
        foreach (var at in Occurrences(good, "proj_self_01.docx"u8.ToArray(), IndexPage)) flips.Add(($"path key at byte {at}", at + 5));
        // The stored nameNorm field: BSON writes its key, a 4-byte length, then the text.
        var field = Encoding.UTF8.GetBytes("nameNorm\0");
        var stored = Occurrences(good, field, DataPage).Select(at => at + field.Length + 4)
            .First(at => good.AsSpan(at).StartsWith(bytes));
        flips.Add(("stored nameNorm", stored));

        int caught = 0;
        foreach (var (what, at) in flips)
        {
            var b = (byte[])good.Clone();
            b[at] ^= 0x01;
            var db = Path.Combine(tmp.Path, $"flip{at}.db");
            File.WriteAllBytes(db, b);
            var v = JixiaoProcess.Run("verify", "--no-files", "--db", db);
            output.WriteLine($"{what}: exit {v.ExitCode}\n{v.Out}{v.Err}");
            Assert.DoesNotContain("   at ", v.Err);
            Assert.True(v.ExitCode == 1, $"{what}: verify said ok\n{v.Out}");
            var line = v.Out.Split('\n').FirstOrDefault(l => l.Contains("damaged archive", StringComparison.Ordinal));
            Assert.True(line is not null, $"{what}: no line names the damage\n{v.Out}");
            if (what == "stored nameNorm") Assert.Contains(v.Out.Split('\n'), l => l.Contains("stored nameNorm", StringComparison.Ordinal) && l.Contains(name, StringComparison.Ordinal));
            else Assert.Contains(v.Out.Split('\n'), l => l.Contains("index", StringComparison.Ordinal) && l.Contains("damaged archive", StringComparison.Ordinal));
            caught++;
        }
        Assert.Equal(flips.Count, caught);
        RobustnessSummary.Record("single-bit flips in index keys and a stored nameNorm", flips.Count, "verify names each in one line");
    }

    /// <summary>Byte offsets of <paramref name="needle"/> inside pages of the given type.</summary>
    static List<int> Occurrences(byte[] file, byte[] needle, byte pageType)
    {
        var found = new List<int>();
        for (int page = 0; page + PageSize <= file.Length; page += PageSize)
        {
            if (file[page + 4] != pageType) continue;
            var span = file.AsSpan(page, PageSize);
            for (int from = 0; ;)
            {
                int i = span[from..].IndexOf(needle);
                if (i < 0) break;
                found.Add(page + from + i);
                from += i + 1;
            }
        }
        return found;
    }
}
