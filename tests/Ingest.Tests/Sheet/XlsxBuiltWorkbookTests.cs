using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Ingest.Sheet;
using Jixiao.Tests;
using static Jixiao.Ingest.Tests.Sheet.SheetTestSupport;

namespace Jixiao.Ingest.Tests.Sheet;

/// <summary>A small workbook written with the OpenXml SDK, so every rule has a cell that pins it.</summary>
public class XlsxBuiltWorkbookTests
{
    const uint Percent = 1, WanYuan = 2, Date = 3;

    static MemoryStream Build()
    {
        var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new S.Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new S.Stylesheet(
                new S.NumberingFormats(new S.NumberingFormat { NumberFormatId = 176, FormatCode = "#,##0.00\"万元\"" }),
                new S.Fonts(new S.Font()), new S.Fills(new S.Fill(), new S.Fill()), new S.Borders(new S.Border()),
                new S.CellFormats(
                    new S.CellFormat(),
                    new S.CellFormat { NumberFormatId = 9, ApplyNumberFormat = true },
                    new S.CellFormat { NumberFormatId = 176, ApplyNumberFormat = true },
                    new S.CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new S.SharedStringTable(
                new S.SharedStringItem(new S.Text("2023年项目支出绩效目标申报表")),
                new S.SharedStringItem(new S.Run(new S.Text("完成")), new S.Run(new S.RunProperties(new S.Bold()), new S.Text("率")),
                                     new S.PhoneticRun(new S.Text("ワンセイ")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 }));
            var sheets = wb.Workbook.AppendChild(new S.Sheets());

            AddSheet(wb, sheets, 1, "表1", null, Form());
            AddSheet(wb, sheets, 2, "隐藏", S.SheetStateValues.Hidden, new S.SheetData(Row(1, Str("A1", "秘密"))));
            AddSheet(wb, sheets, 3, "空表", null, new S.SheetData(Row(1, new S.Cell { CellReference = "A1", StyleIndex = Percent })));
            AddSheet(wb, sheets, 4, "第二", null, new S.SheetData(Row(3, Str("B3", "x"))));
        }
        ms.Position = 0;
        return ms;
    }

    static OpenXmlElement[] Form() => new OpenXmlElement[]
    {
        new S.SheetData(
            Row(1, Shared("A1", 0)),
            Row(2, Str("A2", "项目编码"), Num("B2", "440306231391500000173"), Str("C2", "WPS duplicate")),
            Row(3, Str("A3", "指标"), Shared("B3", 1), Num("C3", "1", Percent), Num("D3", "0.256", Percent)),
            Row(4, new S.Cell { CellReference = "B4", DataType = S.CellValues.Boolean, CellValue = new S.CellValue("1") },
                   Num("C4", "12345.678", WanYuan),
                   new S.Cell { CellReference = "D4", DataType = S.CellValues.Error, CellValue = new S.CellValue("#DIV/0!") }),
            Row(6, Num("A6", "45000", Date), Str("B6", "第一行_x000D_\n第二行"), Num("C6", "0.30000000000000004"),
                   new S.Cell { CellReference = "E6", StyleIndex = Percent })),
        new S.MergeCells(Merge("A1:D1"), Merge("B2:D2"), Merge("A3:A4"), Merge("E6:F9")),
    };

    static void AddSheet(WorkbookPart wb, S.Sheets sheets, uint id, string name, S.SheetStateValues? state, params OpenXmlElement[] content)
    {
        var ws = wb.AddNewPart<WorksheetPart>();
        ws.Worksheet = new S.Worksheet(content);
        var sheet = new S.Sheet { Id = wb.GetIdOfPart(ws), SheetId = id, Name = name };
        if (state is not null) sheet.State = state;
        sheets.Append(sheet);
    }

    static S.Row Row(uint r, params S.Cell[] cells) => new(cells) { RowIndex = r };
    static S.Cell Str(string at, string text) => new(new S.InlineString(new S.Text(text))) { CellReference = at, DataType = S.CellValues.InlineString };
    static S.Cell Shared(string at, int index) => new() { CellReference = at, DataType = S.CellValues.SharedString, CellValue = new S.CellValue(index.ToString()) };
    static S.Cell Num(string at, string raw, uint style = 0) => new() { CellReference = at, CellValue = new S.CellValue(raw), StyleIndex = style == 0 ? null : style };
    static S.MergeCell Merge(string range) => new() { Reference = range };

    static SourceDocument Parse()
    {
        using var ms = Build();
        return new XlsxParser().Parse(ms, "built.xlsx", CancellationToken.None);
    }

    [Fact]
    public void SheetsHiddenAndEmptyAreSkipped()
    {
        var d = Parse();
        Assert.Equal(new[] { "表1", "第二" }, d.Tables.Select(t => t.Name));
        Assert.Equal(3, d.PageCount); // 表1, 空表, 第二: hidden sheets are not read
        Assert.Contains(d.Warnings, w => w.Contains("隐藏") && w.Contains("hidden"));
        Assert.DoesNotContain("秘密", Texts(d));
        var second = d.Tables.Last();
        Assert.Equal(new SourcePosition(4, 3), second.Position);
        Assert.Equal("x", Assert.Single(Assert.Single(second.Rows).Cells).Text);
    }

    [Fact]
    public void MergesBecomeSpansAndCoveredCellsAreLeftOut()
    {
        var t = Parse().Tables.First();
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, t.Rows.Select(r => r.Position.Line));
        Assert.Equal((1, 4), (Cell(t, 1, 0).RowSpan, Cell(t, 1, 0).ColSpan));
        Assert.Equal(new[] { "项目编码", "440306231391500000173" }, t.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal((1, 3), (Cell(t, 2, 1).RowSpan, Cell(t, 2, 1).ColSpan));
        Assert.Equal((2, 1), (Cell(t, 3, 0).RowSpan, Cell(t, 3, 0).ColSpan));
        Assert.Equal(3, t.Rows[3].Cells.Count);                  // A4 is covered by A3:A4
        Assert.Equal(new[] { "", "", "", "" }, t.Rows[4].Cells.Select(c => c.Text)); // empty row 5 kept
        Assert.Equal(4, t.Rows[5].Cells.Count);                  // empty trailing column E trimmed
        AssertRectangular(t);
    }

    [Fact]
    public void CellsReadAsTheSheetShowsThem()
    {
        var t = Parse().Tables.First();
        Assert.Equal(new[] { "指标", "完成率", "100%", "26%" }, t.Rows[2].Cells.Select(c => c.Text));
        Assert.Equal(new[] { "TRUE", "12,345.68万元", "#DIV/0!" }, t.Rows[3].Cells.Select(c => c.Text));
        Assert.Equal(new[] { "2023-03-15", "第一行\n第二行", "0.3", "" }, t.Rows[5].Cells.Select(c => c.Text));
    }

    [Fact]
    public void TitleRowBecomesAParagraphBeforeTheTable()
    {
        var d = Parse();
        var title = Assert.IsType<Paragraph>(d.Blocks[0]);
        Assert.Equal("2023年项目支出绩效目标申报表", title.Text);
        Assert.Equal(new SourcePosition(1, 1), title.Position);
        Assert.IsType<Table>(d.Blocks[1]);
        Assert.Equal("2023年项目支出绩效目标申报表", d.Tables.First().Rows[0].Cells[0].Text);
        Assert.Equal(3, d.Blocks.Count); // no title paragraph for the one-cell sheet
    }

    [Fact]
    public void ReadThroughDocumentReader()
    {
        using var ms = Build();
        var r = DocumentReader.Read(ms, "built.xls"); // misnamed: content decides
        Assert.True(r.Ok, r.Error?.ToString());
        Assert.Equal("xlsx", r.Format);
    }

    [Fact]
    public void DamagedWorkbooksAreUnreadable()
    {
        using var built = Build();
        var half = built.ToArray()[..(int)(built.Length / 2)];
        Assert.Throws<UnreadableDocumentException>(() => new XlsxParser().Parse(new MemoryStream(half), "half.xlsx", CancellationToken.None));
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        Assert.Throws<UnreadableDocumentException>(() => new XlsxParser().Parse(new MemoryStream(junk), "junk.xlsx", CancellationToken.None));
        Assert.Throws<UnreadableDocumentException>(() => new XlsParser().Parse(new MemoryStream(junk), "junk.xls", CancellationToken.None));

        var xls = File.ReadAllBytes(Corpus.File("synthetic", "transfer_02.xls"));
        var cut = xls[..(xls.Length / 2)];
        Assert.Throws<UnreadableDocumentException>(() => new XlsParser().Parse(new MemoryStream(cut), "cut.xls", CancellationToken.None));
    }

    /// <summary>Copies the built package, dropping or replacing entries.</summary>
    static MemoryStream Rezip(Func<string, string?> rewrite)
    {
        using var built = Build();
        var output = new MemoryStream();
        using (var src = new ZipArchive(built, ZipArchiveMode.Read))
        using (var dst = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in src.Entries)
            {
                using var reader = new StreamReader(e.Open());
                var text = reader.ReadToEnd();
                var replaced = rewrite(e.FullName) is { } r ? r == "" ? null : r : text;
                if (replaced is null) continue;
                using var w = new StreamWriter(dst.CreateEntry(e.FullName).Open());
                w.Write(replaced);
            }
        }
        output.Position = 0;
        return output;
    }

    [Fact]
    public void PackageWithoutContentTypesIsReadFromTheZip()
    {
        using var ms = Rezip(name => name == "[Content_Types].xml" ? "" : null);
        var d = new XlsxParser().Parse(ms, "no-types.xlsx", CancellationToken.None);
        Assert.Contains(d.Warnings, w => w.Contains("without the OpenXml SDK"));
        Assert.Equal(new[] { "表1", "第二" }, d.Tables.Select(t => t.Name));
        Assert.Equal(new[] { "指标", "完成率", "100%", "26%" }, d.Tables.First().Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public void BrokenSheetXmlIsUnreadable()
    {
        using var ms = Rezip(name => name.EndsWith("sheet1.xml", StringComparison.Ordinal) || name.Contains("worksheets/") && name.EndsWith(".xml") ? "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"" : null);
        var e = Assert.Throws<UnreadableDocumentException>(() => new XlsxParser().Parse(ms, "broken.xlsx", CancellationToken.None));
        Assert.Contains("damaged xlsx", e.Message);
    }

    [Fact]
    public void CancellationIsHonoured()
    {
        using var ms = Build();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new XlsxParser().Parse(ms, "built.xlsx", cts.Token));
    }
}
