using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Export;

/// <summary>`jixiao export` over the seed documents, each format read back.</summary>
public sealed class ExportTests : IDisposable
{
    readonly TempDir _t = new();

    public ExportTests()
    {
        var r = JixiaoProcess.Run("--db", _t.Db, "import", Corpus.File("seeds"));
        Assert.True(r.ExitCode == 0, r.Err);
    }

    public void Dispose() => _t.Dispose();

    string Export(string format, string what = "all")
    {
        var file = Path.Combine(_t.Path, "facts." + format);
        var r = JixiaoProcess.Run("--db", _t.Db, "export", "--format", format, "--out", file, "--what", what);
        Assert.True(r.ExitCode == 0, r.Err);
        return file;
    }

    /// <summary>The annual 公用经费控制率 row of the 2024 department target form, and its long-term twin.</summary>
    static void AssertControlRate(List<Dictionary<string, string>> rows)
    {
        var hits = rows.Where(r => r["fact"] == "indicator" && r["level3"] == "公用经费控制率").ToList();
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h =>
        {
            Assert.Equal("2024", h["year"]);
            Assert.Equal("100%", h["target"]);
            Assert.Equal("000_337716242a9e81d2.txt", h["file"]);
            Assert.Equal("部门整体绩效目标表", h["kind"]);
            Assert.Equal("鄂州市督查考评办公室", h["department"]);
            Assert.Equal("运行成本", h["level1"]);
        });
        Assert.Equal("2022:100%;2023:100%", hits.Single(h => h["scope"] == "年度")["history"]);
        Assert.Equal("", hits.Single(h => h["scope"] == "长期")["history"]);
    }

    [Fact]
    public void Csv_HasBomQuotingAndOneRowPerFact()
    {
        var bytes = File.ReadAllBytes(Export("csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal("fact,file,path,year,kind,department,dept_code,project,level1,level2,level3,scope,target,target_op,target_number,target_unit," +
                     "actual,weight,score,history,basis,category,deviation,item,column,value,number,unit,amount_wanyuan,confidence,review,review_reasons",
            string.Join(",", rows[0]));
        var table = Csv.ToDictionaries(rows);
        AssertControlRate(table);
        Assert.Contains(table, r => r["fact"] == "budget" && r["item"].Length > 0 && r["value"].Length > 0);
        // Amounts: the number without separators, the unit as written, and 万元 for summing across forms.
        var money = table.Where(r => r["fact"] == "budget" && r["number"].Length > 0).ToList();
        Assert.NotEmpty(money);
        Assert.All(money, r => Assert.DoesNotContain(",", r["number"]));
        Assert.All(money.Where(r => r["unit"] == "元"), r => Assert.Equal(double.Parse(r["number"]) / 10000, double.Parse(r["amount_wanyuan"]), 6));
        Assert.All(money.Where(r => r["unit"] == "万元"), r => Assert.Equal(r["number"], r["amount_wanyuan"]));
        Assert.Contains(money, r => r["unit"].Length > 0);
        var rate = table.First(r => r["level3"] == "公用经费控制率");
        Assert.Equal(("100", "%"), (rate["target_number"], rate["target_unit"]));
        Assert.Matches(@"^(0|1|0\.\d+)$", rate["confidence"]);
        // Every indicator and budget fact the archive holds, once.
        var indicators = JsonDocument.Parse(JixiaoProcess.Run("--db", _t.Db, "search", "--json", "--limit", "100000").Out).RootElement.GetArrayLength();
        Assert.Equal(indicators, table.Count(r => r["fact"] == "indicator"));
    }

    [Fact]
    public void Jsonl_KeepsHistoryAsAnObject()
    {
        var lines = File.ReadAllLines(Export("jsonl", "indicators"));
        Assert.NotEmpty(lines);
        var rows = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(rows, r => Assert.Equal("indicator", r.GetProperty("fact").GetString()));
        var annual = rows.Single(r => r.GetProperty("level3").GetString() == "公用经费控制率" && r.GetProperty("scope").GetString() == "年度");
        Assert.Equal(2024, annual.GetProperty("year").GetInt32());
        Assert.Equal("100%", annual.GetProperty("target").GetString());
        var history = annual.GetProperty("history");
        Assert.Equal(JsonValueKind.Object, history.ValueKind);
        Assert.Equal("100%", history.GetProperty("2022").GetString());
        Assert.Equal("100%", history.GetProperty("2023").GetString());
        AssertControlRate(rows.Select(r => r.EnumerateObject().ToDictionary(p => p.Name,
            p => p.Name == "history" ? string.Join(";", p.Value.EnumerateObject().Select(h => $"{h.Name}:{h.Value.GetString()}"))
                : p.Value.ValueKind == JsonValueKind.Null ? "" : p.Value.ToString())).ToList());
    }

    [Fact]
    public void Xlsx_OpensWithOpenXmlAndHoldsTheSameRows()
    {
        var file = Export("xlsx");
        using var doc = SpreadsheetDocument.Open(file, false);
        var book = doc.WorkbookPart!;
        var sheet = book.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("facts", sheet.Name!.Value);
        var data = ((WorksheetPart)book.GetPartById(sheet.Id!.Value!)).Worksheet.GetFirstChild<SheetData>()!;
        var rows = data.Elements<Row>().Select(r =>
        {
            var cells = new string[32];
            foreach (var c in r.Elements<Cell>())
            {
                int col = c.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1) - 1;
                cells[col] = c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue!.Text;
            }
            return cells.Select(x => x ?? "").ToArray();
        }).ToList();
        var csvRows = Csv.Parse(File.ReadAllText(Export("csv"), Encoding.UTF8).TrimStart('\uFEFF'));
        Assert.Equal(csvRows.Count, rows.Count);
        var table = Csv.ToDictionaries(rows);
        AssertControlRate(table);
        // The year is a number cell, so Excel sorts and filters it as one.
        var yearCell = data.Elements<Row>().ElementAt(1).Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith("D"));
        Assert.Equal(CellValues.Number, yearCell.DataType!.Value);
        // Amounts are number cells too (a column that can be summed), never text with separators.
        int amountCol = Array.IndexOf(rows[0], "amount_wanyuan");
        var amountCells = data.Elements<Row>().Skip(1).SelectMany(r => r.Elements<Cell>())
            .Where(c => c.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1) - 1 == amountCol).ToList();
        Assert.NotEmpty(amountCells);
        Assert.All(amountCells, c => Assert.Equal(CellValues.Number, c.DataType!.Value));
    }
}

/// <summary>A strict RFC 4180 reader for the tests (quoted fields may hold commas, quotes and line breaks).</summary>
internal static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString()); field.Clear(); rows.Add(row.ToArray()); row.Clear(); i++;
            }
            else if (ch == '\n') throw new FormatException($"bare LF at {i}: RFC 4180 lines end with CRLF");
            else field.Append(ch);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row.ToArray()); }
        return rows;
    }

    public static List<Dictionary<string, string>> ToDictionaries(List<string[]> rows) =>
        rows.Skip(1).Select(r => rows[0].Select((h, i) => (h, v: i < r.Length ? r[i] : "")).ToDictionary(x => x.h, x => x.v)).ToList();
}
