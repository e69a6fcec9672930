using System.Globalization;
using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Jixiao.Ingest.Sheet;

/// <summary>
/// Reads BIFF .xls workbooks (Excel 97-2003 and WPS) through ExcelDataReader: each visible sheet
/// becomes its title paragraphs and one table, numbers shown through their number formats.
/// </summary>
internal sealed class XlsParser : IDocumentParser
{
    static XlsParser() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public string Format => "xls";

    public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel)
    {
        var doc = new SourceDocument(fileName, Format) { PageCount = 0 };
        var ownMerges = MergesFromBiff(stream);
        try
        {
            using var reader = ExcelReaderFactory.CreateBinaryReader(stream, new ExcelReaderConfiguration
            {
                // Old BIFF files without a CODEPAGE record are, in this corpus, Chinese Windows files.
                FallbackEncoding = Encoding.GetEncoding(936),
                LeaveOpen = true,
            });
            int index = 0;
            do
            {
                cancel.ThrowIfCancellationRequested();
                index++;
                var name = reader.Name ?? $"Sheet{index}";
                var state = reader.VisibleState ?? "visible";
                if (!state.Equals("visible", StringComparison.OrdinalIgnoreCase))
                {
                    doc.Warnings.Add($"sheet '{name}' is {state}: skipped");
                    continue;
                }
                var grid = ReadSheet(reader, new SheetGrid(name, index), cancel);
                // ExcelDataReader stops a sheet at the first EOF, which in a sheet with charts is a chart's:
                // the merges Excel writes after the charts are then lost. The BIFF pass finds them.
                if (ownMerges.TryGetValue(name, out var found) && found.Count > grid.Merges.Count)
                {
                    grid.Merges.Clear();
                    grid.Merges.AddRange(found);
                }
                doc.PageCount++;
                SheetTableBuilder.AppendTo(doc, grid, cancel);
            } while (reader.NextResult());
        }
        catch (InvalidPasswordException e)
        {
            throw new UnreadableDocumentException("encrypted Excel workbook (FILEPASS record): password needed (" + e.Message + ")", e);
        }
        catch (Exception e) when (e is not (OperationCanceledException or UnreadableDocumentException or OutOfMemoryException))
        {
            // Whatever ExcelDataReader trips over is the file's fault (bad record lengths, broken FAT, …).
            throw new UnreadableDocumentException($"damaged or unsupported xls workbook ({e.GetType().Name}: {e.Message})", e);
        }
        return doc;
    }

    /// <summary>MERGEDCELLS by sheet name from the Workbook stream; empty when the container or stream cannot be read here.</summary>
    static Dictionary<string, List<CellRange>> MergesFromBiff(Stream stream)
    {
        try
        {
            stream.Position = 0;
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            stream.Position = 0;
            var workbook = new Doc.CompoundFile(bytes).ReadStream("Workbook");
            return workbook is null ? new() : BiffMergedCells.Read(workbook);
        }
        catch (Exception e) when (e is UnreadableDocumentException or NotSupportedException)
        {
            stream.Position = 0;
            return new();
        }
    }

    static SheetGrid ReadSheet(IExcelDataReader reader, SheetGrid grid, CancellationToken cancel)
    {
        if (reader.MergeCells is { } merges)
            foreach (var m in merges)
                grid.Merges.Add(new CellRange(m.FromRow + 1, m.FromColumn + 1, m.ToRow + 1, m.ToColumn + 1));
        // ExcelDataReader yields every row from the first, filling gaps with empty rows,
        // so the running count is the Excel row number.
        int row = 0;
        while (reader.Read())
        {
            cancel.ThrowIfCancellationRequested();
            row++;
            for (int i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                if (value is null) continue;
                grid.Set(row, i + 1, Display(reader, i, value));
            }
        }
        return grid;
    }

    static string Display(IExcelDataReader reader, int i, object value) => value switch
    {
        string s => s.Contains('\r') ? s.Replace("\r\n", "\n").Replace('\r', '\n') : s,
        bool b => b ? "TRUE" : "FALSE",
        DateTime d => NumberFormatter.Format(d.ToOADate(), CodeFor(reader, i) ?? "yyyy-mm-dd"),
        double v => NumberFormatter.Format(v, CodeFor(reader, i)),
        int n => NumberFormatter.Format(n, CodeFor(reader, i)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>
    /// The cell's format code. For locale-dependent built-in dates ExcelDataReader reports US patterns
    /// (m/d/yyyy); the shared table's ISO/zh-CN patterns win there.
    /// </summary>
    static string? CodeFor(IExcelDataReader reader, int i)
    {
        int id = reader.GetNumberFormatIndex(i);
        if (BuiltInNumberFormats.IsLocaleDate(id)) return BuiltInNumberFormats.Get(id);
        return reader.GetNumberFormatString(i) ?? BuiltInNumberFormats.Get(id);
    }
}
