using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Jixiao.Extract;
using Jixiao.Ingest;
using Jixiao.Store;
using Jixiao.Tests;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace Jixiao.Robustness.Tests;

/// <summary>
/// An FsCheck property over mutated real corpus files (bit flips, truncation, chunk duplication, chunks
/// copied over others, 1–3 of them stacked): DocumentReader.Read + Extractor.Extract never throw, never
/// exceed the time limit, and always give a document or a one-line error. Then a sample of the mutated
/// files goes through a real `jixiao import`: each is stored with facts or with an error record.
/// FUZZ_CASES sets the case count (default 200, ~30 s here); FUZZ_SEED replays or explores (default fixed,
/// so CI runs the same cases and a red run is reproducible). A failure is shrunk to fewer mutations.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    static readonly (string Folder, string Name)[] Seeds =
    [
        ("synthetic", "proj_self_01.docx"), ("synthetic", "dept_target_02.docx"), ("synthetic", "proj_target_01.doc"),
        ("synthetic", "multi_self_old_01.doc"), ("synthetic", "proj_self_02.pdf"), ("synthetic", "proj_target_02.xlsx"),
        ("synthetic", "transfer_02.xls"), ("synthetic", "transfer_01.html"), ("synthetic", "multi_self_01.mht"),
        ("synthetic", "dept_target_01.txt"), ("real-gold", "transfer_tianjin.docx"), ("real-gold", "shenzhen_sheet1.xlsx"),
        ("real-gold", "xian_self_p55.pdf"), ("doc-wild", "Word6.doc"),
    ];

    static readonly byte[][] SeedBytes = Seeds.Select(s => File.ReadAllBytes(Corpus.File(s.Folder, s.Name))).ToArray();

    static readonly DocumentReader.Options Limits = new() { Timeout = TimeSpan.FromSeconds(10), MaxBytes = 64L * 1024 * 1024 };

    public enum Kind { FlipBits, Truncate, DuplicateChunk, CopyChunk }

    /// <summary>One mutation; A, B, C are raw random numbers each kind maps into the file's size.</summary>
    public sealed record Op(Kind Kind, int A, int B, int C);

    public sealed record Case(int Seed, Op[] Ops)
    {
        public string Name => Seeds[Seed].Name;
        public override string ToString() => $"{Name} [{string.Join("; ", Ops.Select(o => $"{o.Kind} {o.A} {o.B} {o.C}"))}]";
    }

    public static byte[] Apply(byte[] src, Op m)
    {
        int n = src.Length;
        if (n == 0) return src;
        switch (m.Kind)
        {
            case Kind.FlipBits: // 1..16 bits
            {
                var b = (byte[])src.Clone();
                var rng = new Random(m.A);
                for (int i = 0, flips = 1 + m.B % 16; i < flips; i++) b[rng.Next(n)] ^= (byte)(1 << rng.Next(8));
                return b;
            }
            case Kind.Truncate:
                return src[..(m.A % n)];
            case Kind.DuplicateChunk: // a chunk repeated in place: offsets after it shift
            {
                int at = m.A % n, len = Math.Min(1 + m.B % 4096, n - at);
                return [.. src[..(at + len)], .. src[at..(at + len)], .. src[(at + len)..]];
            }
            default: // bytes from elsewhere copied over a chunk: a shifted header or a wrong length field
            {
                var b = (byte[])src.Clone();
                int from = m.A % n, to = m.C % n, len = Math.Min(1 + m.B % 64, Math.Min(n - from, n - to));
                Array.Copy(src, from, b, to, len);
                return b;
            }
        }
    }

    public static byte[] Apply(Case c) => c.Ops.Aggregate(SeedBytes[c.Seed], Apply);

    static readonly Gen<Op> OpGen =
        from kind in Gen.Elements(Enum.GetValues<Kind>())
        from a in Gen.Choose(0, int.MaxValue)
        from b in Gen.Choose(0, int.MaxValue)
        from c in Gen.Choose(0, int.MaxValue)
        select new Op(kind, a, b, c);

    static readonly Gen<Case> CaseGen =
        from seed in Gen.Choose(0, Seeds.Length - 1)
        from count in Gen.Frequency((6, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3)))
        from ops in Gen.ArrayOf(OpGen, count)
        select new Case(seed, ops);

    /// <summary>Shrinks a failing case to fewer mutations (each one left out in turn), so the report is the smallest damage that breaks.</summary>
    static IEnumerable<Case> Shrink(Case c) =>
        c.Ops.Length <= 1 ? [] : Enumerable.Range(0, c.Ops.Length).Select(i => c with { Ops = [.. c.Ops.Take(i), .. c.Ops.Skip(i + 1)] });

    static readonly TimeSpan HangBound = Limits.Timeout * 3 + TimeSpan.FromSeconds(30);

    /// <summary>What one case must satisfy; throws (with the reason) when it does not.</summary>
    static ReadResult ReadOne(Case c, byte[] bytes)
    {
        var sw = Stopwatch.StartNew();
        using var ms = new MemoryStream(bytes, writable: false);
        var r = DocumentReader.Read(ms, c.Name, Limits); // must not throw
        if (r.Ok) _ = Extractor.Extract(r.Document!);    // must not throw either
        if (r.Ok == (r.Error is not null)) throw new InvalidOperationException($"{c}: neither or both of document and error");
        if (!r.Ok && (r.Error!.Reason.Contains('\n') || string.IsNullOrWhiteSpace(r.Error.Reason))) throw new InvalidOperationException($"{c}: error reason empty or over several lines");
        // A hang detector, not a speed check: the per-file limit itself is asserted in LimitTests. The slack is wide
        // because this is wall time, and on a 2-core box under load (or `nice`) a case read correctly within its
        // limit has taken 18 s against a 10 s limit; a hang never ends, so a wide bound still catches it.
        if (sw.Elapsed >= HangBound) throw new TimeoutException($"{c}: took {sw.Elapsed.TotalSeconds:0.0} s (hang bound {HangBound.TotalSeconds:0} s)");
        return r;
    }

    [Fact]
    public void Mutated_corpus_files_never_crash_or_hang_and_import_with_facts_or_an_error()
    {
        int cases = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var n) && n > 0 ? n : 200;
        ulong seed = ulong.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 20261125;
        using var tmp = new TempDir();
        var folder = tmp.Sub("mutated");
        int run = 0, docs = 0, errors = 0, saved = 0;
        var slowest = TimeSpan.Zero;

        var property = Prop.ForAll(Arb.From(CaseGen, Shrink), c =>
        {
            var bytes = Apply(c);
            var sw = Stopwatch.StartNew();
            var r = ReadOne(c, bytes);
            run++;
            if (r.Ok) docs++; else errors++;
            if (sw.Elapsed > slowest) slowest = sw.Elapsed;
            if (sw.Elapsed > TimeSpan.FromSeconds(5)) output.WriteLine($"slow: {c} {sw.Elapsed.TotalSeconds:0.0} s: {(r.Ok ? "document" : r.Error!.Reason)}");
            // Every fourth case (up to 60) is kept for the import below.
            if (run % 4 == 0 && saved < 60)
                File.WriteAllBytes(Path.Combine(folder, $"{saved++:000} {Path.GetFileNameWithoutExtension(c.Name)}{Path.GetExtension(c.Name)}"), bytes);
        });
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));
        try
        {
            Check.One(config, property);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"FUZZ_SEED={seed} FUZZ_CASES={cases}: {e.Message}");
        }
        output.WriteLine($"fuzz cases run: {run} (seed {seed}; {docs} documents, {errors} errors), slowest {slowest.TotalSeconds:0.00} s");
        Assert.True(run >= cases, $"only {run} of {cases} cases ran");

        // The same mutated files through the real import: each is stored, with facts or with an error record.
        var import = JixiaoProcess.Run(TimeSpan.FromMinutes(3), "import", folder, "--db", tmp.Db, "--timeout", "10", "--workers", "2");
        Assert.DoesNotContain("Unhandled", import.Err);
        int withFacts = 0, withError = 0;
        using (var archive = Archive.OpenExisting(tmp.Db)!)
        {
            var docsByPath = archive.AllDocuments().ToDictionary(d => d.Path);
            var log = archive.ImportLog().ToLookup(l => l.Path);
            foreach (var f in Directory.EnumerateFiles(folder))
            {
                Assert.True(docsByPath.TryGetValue(f, out var d), $"no record for {f}");
                if (d.Status == DocumentStatus.Ok || d.Status == DocumentStatus.Duplicate) { Assert.True(d.FormsCount > 0 || d.Status == DocumentStatus.Duplicate, f); withFacts++; }
                else
                {
                    var reason = Assert.Single(log[f]).Reason;
                    Assert.False(string.IsNullOrWhiteSpace(reason), $"{f}: {d.Status} without a reason");
                    Assert.DoesNotContain('\n', reason!);
                    withError++;
                }
            }
            Assert.True(archive.Verify(checkFiles: true).Ok);
        }
        output.WriteLine($"imported {saved} mutated files: {withFacts} with facts, {withError} with an error record");
        Assert.Equal(saved, withFacts + withError);
        RobustnessSummary.Record("fuzz cases run", run, $"seed {seed}; {docs} read, {errors} one-line errors; {saved} imported: {withFacts} with facts, {withError} with error records");
    }
}
