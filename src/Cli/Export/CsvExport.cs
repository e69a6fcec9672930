using System.Text;
using Jixiao.Cli.ConsoleOutput;
using Jixiao.Store;

namespace Jixiao.Cli.Export;

/// <summary>
/// CSV, RFC 4180 (CRLF line ends, quoted fields where needed), UTF-8 with a byte-order mark: without the
/// BOM Excel reads the file in the local ANSI code page and shows Chinese as mojibake.
/// </summary>
internal static class CsvExport
{
    public static int Write(Stream output, IEnumerable<FactRow> rows)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16) { NewLine = "\r\n" };
        OutputFormats.WriteCsv(w, new[] { FactColumns.Names });
        int n = 0;
        foreach (var r in rows)
        {
            OutputFormats.WriteCsv(w, new[] { FactColumns.Values(r) });
            n++;
        }
        return n;
    }
}
