using System.IO.Compression;
using System.Text;

namespace Jixiao.Tools;

/// <summary>Documents that once ran past every limit or crashed the archive (issue 21), built at run time.</summary>
internal static class HostileDocs
{
    const string S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const string Pkg = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>A small .xlsx whose one shared string of <paramref name="chars"/> characters fills <paramref name="cells"/> cells.</summary>
    public static byte[] SharedStringXlsx(int chars, int cells)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Put(string name, string text)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(text);
            }
            Put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
            Put("_rels/.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{Pkg}\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Put("xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{S}\" xmlns:r=\"{Rel}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Put("xl/_rels/workbook.xml.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{Pkg}\"><Relationship Id=\"rId1\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"{Rel}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            var sheet = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{S}\"><sheetData>");
            for (int r = 0; r < (cells + 9) / 10; r++)
            {
                sheet.Append($"<row r=\"{r + 1}\">");
                for (int c = 0; c < 10 && r * 10 + c < cells; c++) sheet.Append($"<c r=\"{(char)('A' + c)}{r + 1}\" t=\"s\"><v>0</v></c>");
                sheet.Append("</row>");
            }
            Put("xl/worksheets/sheet1.xml", sheet.Append("</sheetData></worksheet>").ToString());
            Put("xl/sharedStrings.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{S}\" count=\"{cells}\" uniqueCount=\"1\"><si><t>{new string('绩', chars)}</t></si></sst>");
        }
        return ms.ToArray();
    }

    /// <summary>A .docx 项目支出绩效目标表 whose one indicator value is <paramref name="mb"/> MB long (ASCII).</summary>
    public static byte[] HugeCellDocx(int mb)
    {
        static string Cell(string t) => $"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>";
        var rows = new[]
        {
            new[] { "项目名称", "测试项目", "", "" }, new[] { "一级指标", "二级指标", "三级指标", "指标值" },
            new[] { "产出指标", "数量指标", "培训人数", "≥100人" }, new[] { "产出指标", "质量指标", "合格率", new string('x', mb * 1024 * 1024) },
            new[] { "效益指标", "社会效益指标", "满意度", "≥90%" },
        };
        var table = "<w:tbl>" + string.Concat(rows.Select(r => "<w:tr>" + string.Concat(r.Select(Cell)) + "</w:tr>")) + "</w:tbl>";
        return BadCorpus.Docx("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
            $"<w:p><w:r><w:t>项目支出绩效目标表</w:t></w:r></w:p>{table}</w:body></w:document>");
    }
}
