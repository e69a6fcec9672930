using Jixiao.Tools;

// make-scan-corpus [OUT_DIR] [--corpus DIR]
// Writes the degraded scans and their gold (default: corpus/scanned/ of the repository it runs in).
var rest = args.ToList();
string? corpus = null;
int at = rest.IndexOf("--corpus");
if (at >= 0 && at + 1 < rest.Count) { corpus = rest[at + 1]; rest.RemoveRange(at, 2); }
corpus ??= Find(Directory.GetCurrentDirectory());
if (corpus is null || rest.Count > 1)
{
    Console.Error.WriteLine("usage: make-scan-corpus [OUT_DIR] [--corpus CORPUS_DIR]");
    return 2;
}
var outDir = Path.GetFullPath(rest.Count == 1 ? rest[0] : Path.Combine(corpus, "scanned"));
foreach (var pdf in ScanCorpus.Generate(corpus, outDir)) Console.WriteLine(pdf);
return 0;

static string? Find(string dir)
{
    for (var d = new DirectoryInfo(dir); d is not null; d = d.Parent)
        if (Directory.Exists(Path.Combine(d.FullName, "corpus", "synthetic"))) return Path.Combine(d.FullName, "corpus");
    return null;
}
