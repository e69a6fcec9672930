using Jixiao.Tools;

// make-bad-corpus [OUT_DIR] [--light] [--corpus DIR]
// Writes the bad-input corpus (default: corpus/bad/ of the repository it runs in). OUT_DIR is emptied first,
// except its README.md; INDEX.tsv lists what was made (file, kind).
var rest = args.ToList();
bool light = rest.Remove("--light");
string? corpus = null;
int at = rest.IndexOf("--corpus");
if (at >= 0 && at + 1 < rest.Count)
{
    corpus = rest[at + 1];
    rest.RemoveRange(at, 2);
}
if (rest.Count > 1 || rest.Any(a => a.StartsWith('-')))
{
    Console.Error.WriteLine("usage: make-bad-corpus [OUT_DIR] [--light] [--corpus CORPUS_DIR]");
    return 2;
}
corpus ??= FindCorpus(Directory.GetCurrentDirectory()) ?? FindCorpus(AppContext.BaseDirectory);
if (corpus is null)
{
    Console.Error.WriteLine("make-bad-corpus: no corpus/ found above the current folder; pass --corpus");
    return 2;
}
var outDir = Path.GetFullPath(rest.Count == 1 ? rest[0] : Path.Combine(corpus, "bad"));
Directory.CreateDirectory(outDir);
Clean(outDir);
var sw = System.Diagnostics.Stopwatch.StartNew();
var entries = BadCorpus.Generate(outDir, corpus, heavy: !light);
using (var index = new StreamWriter(Path.Combine(outDir, "INDEX.tsv")))
{
    index.WriteLine("file\tkind");
    foreach (var e in entries) index.WriteLine($"{Path.GetRelativePath(outDir, e.Path)}\t{e.Kind}");
}
Console.WriteLine($"{entries.Count} bad inputs written to {outDir} in {sw.Elapsed.TotalSeconds:0.0} s{(light ? " (light: no 200 MB file, no zip bombs)" : "")}");
return 0;

static string? FindCorpus(string from)
{
    for (var d = new DirectoryInfo(from); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "Ingest.sln")) && Directory.Exists(Path.Combine(d.FullName, "corpus")))
            return Path.Combine(d.FullName, "corpus");
    return null;
}

// Removes the previous run's files (some are chmod 000, some are symlink loops) but keeps README.md.
static void Clean(string dir)
{
    foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
    {
        if (entry.Name == "README.md") continue;
        if (entry.LinkTarget is not null || entry is FileInfo)
        {
            if (entry is FileInfo f && entry.LinkTarget is null) f.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            entry.Delete();
        }
        else
        {
            Clean(entry.FullName);
            ((DirectoryInfo)entry).Delete(recursive: false);
        }
    }
}
