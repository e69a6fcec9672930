using System.Buffers.Binary;
using System.Text;
using ExcelDataReader;
using Jixiao.Ingest.Doc;
using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Formats;

/// <summary>
/// A sheet with an embedded chart, as Excel writes it: the chart's own BOF … EOF substream sits inside the
/// sheet's substream, before the sheet's MERGEDCELLS. Built from a real LibreOffice-written workbook by
/// inserting a chart substream (BOF dt=0x0020, chart records, EOF) before the first sheet's MERGEDCELLS.
/// </summary>
public class XlsChartMergeTests
{
    static readonly string Workbook = Corpus.File("pairs", "proj_target_02.lo.xls");

    static byte[] Record(ushort type, byte[] data)
    {
        var r = new byte[4 + data.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(r, type);
        BinaryPrimitives.WriteUInt16LittleEndian(r.AsSpan(2), (ushort)data.Length);
        data.CopyTo(r, 4);
        return r;
    }

    /// <summary>BOF(chart) FONTX… CHART BEGIN SERIES END EOF: the shape of an embedded chart substream.</summary>
    static byte[] ChartSubstream()
    {
        var bof = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(bof, 0x0600);
        BinaryPrimitives.WriteUInt16LittleEndian(bof.AsSpan(2), 0x0020); // dt: chart sheet substream
        var ms = new MemoryStream();
        ms.Write(Record(0x0809, bof));
        ms.Write(Record(0x1002, new byte[16]));          // CHART: position and size
        ms.Write(Record(0x1033, Array.Empty<byte>()));   // BEGIN
        ms.Write(Record(0x1003, new byte[12]));          // SERIES
        ms.Write(Record(0x1034, Array.Empty<byte>()));   // END
        ms.Write(Record(0x000A, Array.Empty<byte>()));   // EOF of the chart, not of the sheet
        return ms.ToArray();
    }

    static byte[] WithChart(out int merges)
    {
        var stream = new CompoundFile(File.ReadAllBytes(Workbook)).ReadStream("Workbook")!;
        // BOUNDSHEET offsets: the first sheet's substream, and every sheet after the insertion moves.
        var sheets = new List<int>();
        int pos = 0;
        while (pos + 4 <= stream.Length)
        {
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(pos));
            int len = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(pos + 2));
            if (type == 0x0085) sheets.Add(pos);
            if (type == 0x000A) break;
            pos += 4 + len;
        }
        int first = BinaryPrimitives.ReadInt32LittleEndian(stream.AsSpan(sheets[0] + 4));
        int insertAt = -1;
        merges = 0;
        for (pos = first; pos + 4 <= stream.Length;)
        {
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(pos));
            int len = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(pos + 2));
            if (type == 0x00E5)
            {
                if (insertAt < 0) insertAt = pos;
                merges += BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(pos + 4));
            }
            if (type == 0x000A) break;
            pos += 4 + len;
        }
        Assert.True(insertAt > 0, $"no MERGEDCELLS in the sheet at {first}: {string.Join(",", Types(stream, first))}");
        var chart = ChartSubstream();
        var result = stream[..insertAt].Concat(chart).Concat(stream[insertAt..]).ToArray();
        foreach (var bs in sheets)
        {
            int offset = BinaryPrimitives.ReadInt32LittleEndian(result.AsSpan(bs + 4));
            if (offset > insertAt) BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(bs + 4), offset + chart.Length);
        }
        var cfb = new CfbWriter();
        cfb.Root.Children.Add(CfbWriter.Stream("Workbook", result));
        return cfb.Build();
    }

    static IEnumerable<string> Types(byte[] s, int pos)
    {
        for (int n = 0; pos + 4 <= s.Length && n < 60; n++)
        {
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(s.AsSpan(pos));
            yield return type.ToString("X4");
            pos += 4 + BinaryPrimitives.ReadUInt16LittleEndian(s.AsSpan(pos + 2));
        }
    }

    [Fact]
    public void ExcelDataReader_alone_loses_the_merges_after_a_chart()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = WithChart(out int merges);
        Assert.True(merges >= 8, $"the sheet has {merges} merges");
        using var reader = ExcelReaderFactory.CreateBinaryReader(new MemoryStream(bytes));
        Assert.True((reader.MergeCells?.Length ?? 0) < merges, "the library now reads past the chart: the BIFF pass may go");
    }

    [Fact]
    public void Every_merge_after_the_chart_is_kept_and_the_text_is_unchanged()
    {
        var bytes = WithChart(out _);
        var read = DocumentReader.Read(new MemoryStream(bytes), "带图表.xls");
        Assert.True(read.Ok, read.Error?.ToString());
        var original = DocumentReader.Read(Workbook).Document!;
        Assert.Equal(OfficeContainerTests.Shape(original), OfficeContainerTests.Shape(read.Document!));
        Assert.Contains(read.Document!.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells), c => c.RowSpan > 1);
    }
}
