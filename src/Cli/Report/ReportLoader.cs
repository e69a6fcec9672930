using Jixiao.Extract;
using Jixiao.Ingest;
using Jixiao.Store;

namespace Jixiao.Cli.Report;

/// <summary>Gathers what the report shows: files read and extracted now, or the archive's documents re-read from disk.</summary>
internal static class ReportLoader
{
    /// <summary>A file given on the command line: read it and extract it now, so facts and cells come from the same reading.</summary>
    public static ReportDocument FromFile(string path, int n)
    {
        var full = System.IO.Path.GetFullPath(path);
        var read = Read(full);
        var page = $"doc-{n:000}.html";
        if (read.Document is null)
            return new ReportDocument { Path = full, Format = read.Format, Status = DocumentStatus.Failed, Error = read.Error?.Reason, Page = page };
        var extracted = Extractor.Extract(read.Document);
        return new ReportDocument
        {
            Path = full, Format = read.Document.Format, Page = page, Source = read.Document, Forms = extracted.Forms,
            Status = extracted.Forms.Count == 0 ? DocumentStatus.NoForms : DocumentStatus.Ok,
            Error = extracted.Forms.Count == 0 ? string.Join("; ", extracted.Warnings ?? new()) : null,
        };
    }

    /// <summary>
    /// An archived document: the stored forms, and its file read again for the grid. A file that is gone or
    /// unreadable leaves the facts alone with a note; a changed file is still shown, with a warning, since its
    /// cells may no longer be where the stored facts point.
    /// </summary>
    public static ReportDocument FromArchive(IArchiveReader archive, StoredDocument d)
    {
        var forms = d.Status is DocumentStatus.Ok or DocumentStatus.Duplicate
            ? archive.FormsOf(d.Id).Select(f => f.Form).ToList()
            : new List<Form>();
        SourceDocument? source = null;
        string? note = null;
        if (forms.Count > 0)
        {
            if (!SourceFile.Exists(d.Path)) note = "the file is no longer at this path: facts only, no source grid";
            else
            {
                var read = Read(d.Path);
                source = read.Document;
                if (source is null) note = "the file could not be read again: " + read.Error?.Reason;
                else if (SourceFile.Hash(d.Path) != d.Hash) note = "the file changed since it was imported: cells may not line up with the facts";
            }
        }
        return new ReportDocument
        {
            Path = d.Path, Format = d.Format, Status = d.Status, Error = d.Error, Forms = forms,
            Source = source, SourceNote = note, Page = $"doc-{d.Id:000}.html",
        };
    }

    /// <summary>A file, or a document inside a zip archive (`a.zip!/目录/表.docx`), read as the importer read it.</summary>
    static ReadResult Read(string path)
    {
        if (!SourcePath.IsEntry(path)) return DocumentReader.Read(path);
        byte[] bytes;
        try { bytes = ZipSource.ReadBytes(path); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return new ReadResult { Error = new IngestError(System.IO.Path.GetFileName(path), "zip", e.Message.ReplaceLineEndings(" ")), Format = "zip" };
        }
        using var s = new MemoryStream(bytes, writable: false);
        return DocumentReader.Read(s, System.IO.Path.GetFileName(path));
    }
}
