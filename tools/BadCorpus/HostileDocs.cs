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

    /// <summary>
    /// A copy of an OLE2 .doc whose WordDocument stream's FAT chain turns back to its first sector after two
    /// sectors: its size still says how much to read, so a reader without a cycle check reads the start again.
    /// </summary>
    public static byte[] FatCycleDoc(byte[] doc)
    {
        var b = (byte[])doc.Clone();
        int sectorSize = 1 << BitConverter.ToUInt16(b, 0x1E);
        long Offset(uint sector) => (sector + 1L) * sectorSize;
        var fatSectors = Enumerable.Range(0, (int)Math.Min(109, BitConverter.ToUInt32(b, 0x2C))).Select(k => BitConverter.ToUInt32(b, 0x4C + 4 * k)).ToList();
        int perSector = sectorSize / 4;
        long FatSlot(uint sector) => Offset(fatSectors[(int)(sector / perSector)]) + 4 * (sector % perSector);
        uint Next(uint sector) => BitConverter.ToUInt32(b, (int)FatSlot(sector));
        for (uint dir = BitConverter.ToUInt32(b, 0x30); dir < 0xFFFFFFFA; dir = Next(dir))
            for (int e = 0; e < sectorSize / 128; e++)
            {
                long at = Offset(dir) + e * 128;
                int nameLen = BitConverter.ToUInt16(b, (int)at + 64);
                if (nameLen < 2 || Encoding.Unicode.GetString(b, (int)at, nameLen - 2) != "WordDocument") continue;
                uint first = BitConverter.ToUInt32(b, (int)at + 116), second = Next(first);
                BitConverter.GetBytes(first).CopyTo(b, (int)FatSlot(second));
                return b;
            }
        throw new InvalidOperationException("no WordDocument stream");
    }
}
