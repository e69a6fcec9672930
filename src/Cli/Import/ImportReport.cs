using Jixiao.Cli.ConsoleOutput;
using Jixiao.Store;

namespace Jixiao.Cli.Import;

/// <summary>
/// The summary an import prints. Counts first, files without a form folded into one count (they are not
/// errors and would bury the failures), the failures last so they are what the user sees. Every path and
/// reason is printed through <see cref="TerminalText"/>: a line break in a file name cannot forge a line.
/// </summary>
internal static class ImportReport
{
    public static void Write(TextWriter o, ImportSummary s, string db, ArchiveCounts archive, bool listNoForms)
    {
        var where = $"({s.Elapsed.TotalSeconds:0.0} s, archive {TerminalText.Safe(db)})";
        bool nothingNew = s.Imported == 0 && s.Replaced == 0 && s.Failed.Count == 0 && s.NoForms.Count == 0 && s.Duplicates == 0;
        if (nothingNew && !s.Cancelled)
            o.WriteLine($"nothing new: {s.Unchanged:N0} file(s) unchanged; archive holds {archive.Forms:N0} forms, {archive.Indicators:N0} indicators  {where}");
        else
        {
            o.WriteLine($"imported {s.Imported:N0}, replaced {s.Replaced:N0}, unchanged {s.Unchanged:N0}, duplicates {s.Duplicates:N0}, " +
                        $"no forms {s.NoForms.Count:N0}, failed {s.Failed.Count:N0}  {where}");
            o.WriteLine($"this run: forms {s.Forms:N0}, indicators {s.Indicators:N0}; archive holds {archive.Forms:N0} forms, {archive.Indicators:N0} indicators");
        }
        if (s.UnchangedFailed > 0)
            o.WriteLine($"{s.UnchangedFailed:N0} unchanged file(s) failed or gave no form in an earlier run and were skipped (--retry-failed reads them again)");
        if (s.NoForms.Count > 0)
        {
            // Not errors: a budget folder holds READMEs and other documents beside the 绩效表 files.
            if (!listNoForms)
                o.WriteLine($"{s.NoForms.Count:N0} file(s) hold no 绩效表 form (not an error; --list-no-forms lists them)");
            else
            {
                o.WriteLine("no 绩效表 form (not an error):");
                foreach (var (path, status, reason) in s.NoForms.OrderBy(f => f.Path, StringComparer.Ordinal))
                    o.WriteLine($"  {TerminalText.Safe(path)}: {status}: {TerminalText.Safe(reason)}");
            }
        }
        if (s.Cancelled) o.WriteLine("interrupted: files not yet written will be imported by the next run");
        if (s.Failed.Count == 0) return;
        o.WriteLine($"failed ({s.Failed.Count:N0}):");
        foreach (var (path, status, reason) in s.Failed.OrderBy(f => f.Path, StringComparer.Ordinal))
            o.WriteLine($"  {TerminalText.Safe(path)}: {status}: {TerminalText.Safe(reason)}");
    }
}
