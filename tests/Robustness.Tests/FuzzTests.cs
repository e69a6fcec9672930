using System.Diagnostics;
using Jixiao.Extract;
using Jixiao.Ingest;
using Jixiao.Tests;
using Xunit.Abstractions;

namespace Jixiao.Robustness.Tests;

/// <summary>
/// Mutates real corpus files (bit flips, truncation, chunk duplication, overwritten chunks) and reads them in-process:
/// DocumentReader.Read + Extractor.Extract must never throw, never exceed the time limit, and always give
/// a document or an error. FUZZ_CASES raises the case count (default 200, about 30 s here).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    static readonly string[] Seeds =
    [
        "proj_self_01.docx", "dept_target_02.docx", "proj_target_01.doc", "multi_self_old_01.doc", "proj_self_02.pdf",
        "proj_target_02.xlsx", "transfer_02.xls", "transfer_01.html", "multi_self_01.mht", "dept_target_01.txt",
    ];

    static readonly DocumentReader.Options Limits = new() { Timeout = TimeSpan.FromSeconds(10), MaxBytes = 64L * 1024 * 1024 };

    public sealed record Mutation(int Seed, int Kind, int A, int B, int C)
    {
        public override string ToString() => $"{Seeds[Seed]} kind={Kind} a={A} b={B} c={C}";
    }

    static readonly byte[][] SeedBytes = Seeds.Select(s => File.ReadAllBytes(Corpus.File("synthetic", s))).ToArray();

    public static byte[] Apply(Mutation m)
    {
        var src = SeedBytes[m.Seed];
        int n = src.Length;
        switch (m.Kind)
        {
            case 0: // flip 1..16 random bits
            {
                var b = (byte[])src.Clone();
                var rng = new Random(m.A);
                for (int i = 0, flips = 1 + m.B % 16; i < flips; i++) b[rng.Next(n)] ^= (byte)(1 << rng.Next(8));
                return b;
            }
            case 1: // truncate
                return src[..(m.A % n)];
            case 2: // duplicate a chunk in place
            {
                int at = m.A % n, len = Math.Min(1 + m.B % 4096, n - at);
                return [.. src[..(at + len)], .. src[at..(at + len)], .. src[(at + len)..]];
            }
            default: // overwrite a chunk with bytes from elsewhere in the file (a shifted header or length field)
            {
                var b = (byte[])src.Clone();
                int from = m.A % n, to = m.C % n, len = Math.Min(1 + m.B % 64, Math.Min(n - from, n - to));
                Array.Copy(src, from, b, to, len);
                return b;
            }
        }
    }

    /// <summary>
    /// The cases come from a seeded generator so that CI runs the same mutations every time (a red run is
    /// reproducible); FUZZ_SEED and FUZZ_CASES explore further on demand.
    /// </summary>
    static IEnumerable<Mutation> Mutations(int seed, int count)
    {
        var rng = new Random(seed);
        for (int i = 0; i < count; i++)
            yield return new Mutation(rng.Next(Seeds.Length), rng.Next(4), rng.Next(), rng.Next(), rng.Next());
    }

    [Fact]
    public void Mutated_corpus_files_never_crash_or_hang()
    {
        int cases = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var c) && c > 0 ? c : 200;
        int docs = 0, errors = 0, run = 0;
        var slowest = TimeSpan.Zero;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var fs) ? fs : 20261125;
        var failures = new List<string>();
        foreach (var m in Mutations(seed, cases))
        {
            run++;
            var bytes = Apply(m);
            var sw = Stopwatch.StartNew();
            ReadResult r;
            try
            {
                using var ms = new MemoryStream(bytes, writable: false);
                r = DocumentReader.Read(ms, Seeds[m.Seed], Limits);
                if (r.Ok) { _ = Extractor.Extract(r.Document!); docs++; } else errors++;
            }
            catch (Exception e)
            {
                failures.Add($"{m}: unhandled {e.GetType().Name}: {e.Message}");
                continue;
            }
            if (sw.Elapsed > slowest) slowest = sw.Elapsed;
            if (sw.Elapsed > TimeSpan.FromSeconds(5)) output.WriteLine($"slow: {m} {sw.Elapsed.TotalSeconds:0.0} s: {(r.Ok ? "document" : r.Error!.Reason)}");
            if (r.Ok == (r.Error is not null)) failures.Add($"{m}: neither or both of document and error");
            else if (!r.Ok && r.Error!.Reason.Contains('\n')) failures.Add($"{m}: error reason spans lines");
            else if (sw.Elapsed >= Limits.Timeout + TimeSpan.FromSeconds(5)) failures.Add($"{m}: took {sw.Elapsed.TotalSeconds:0.0} s");
        }
        Assert.True(failures.Count == 0, $"seed {seed}: " + string.Join("\n", failures));
        output.WriteLine($"fuzz cases run: {run} ({docs} documents, {errors} errors), slowest {slowest.TotalSeconds:0.00} s");
        Assert.True(run >= cases);
    }
}
