namespace Jixiao.Tests;

/// <summary>Finds the repository's corpus/ folder from a test's working directory.</summary>
internal static class Corpus
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Ingest.sln"))) dir = dir.Parent;
            if (dir is null) throw new InvalidOperationException("Ingest.sln not found above " + AppContext.BaseDirectory);
            return System.IO.Path.Combine(dir.FullName, "corpus");
        }
    }

    /// <summary>A path under corpus/, e.g. Corpus.File("seeds", "x.txt").</summary>
    public static string File(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());
}

/// <summary>
/// The seed's 2024 department form with two long-term targets as a bad scan would give them (公用经费控制率 ≥90%
/// read as 290%, 在职人员控制率 read as 150%): values Plausibility flags for review. Used by the store's and the
/// command's review tests alike.
/// </summary>
internal static class ScanLikeSeed
{
    /// <summary>Writes scan-like.txt into <paramref name="folder"/>; returns its path.</summary>
    public static string Write(string folder)
    {
        var lines = System.IO.File.ReadAllLines(Corpus.File("seeds", "000_337716242a9e81d2.txt"));
        if ((lines[181], lines[182], lines[189], lines[190]) != ("\t公用经费控制率", "\t100%", "\t在职人员控制率", "\t100%"))
            throw new InvalidOperationException("the seed's 控制率 rows moved: update ScanLikeSeed");
        lines[182] = "\t290%";
        lines[190] = "\t150%";
        var path = System.IO.Path.Combine(folder, "scan-like.txt");
        System.IO.File.WriteAllLines(path, lines, new System.Text.UTF8Encoding(false));
        return path;
    }
}
