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
