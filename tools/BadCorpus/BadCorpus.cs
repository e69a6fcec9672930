using System.IO.Compression;
using System.Text;

namespace Jixiao.Tools;

/// <summary>
/// Writes the bad-input corpus into a folder: corpus/bad/ through scripts/make-bad-corpus, or a temp folder
/// at test time (the same code is compiled into tests/Robustness.Tests; nothing large is committed). Each
/// entry is one hostile or damaged file; <see cref="Generate"/> returns what it made so callers can count and
/// report them. Deterministic: a fixed seed, so every run writes the same bytes.
/// </summary>
internal static class BadCorpus
{
    public sealed record Entry(string Path, string Kind);

    /// <summary>
    /// <paramref name="corpusRoot"/> is the repository's corpus/ (real files are truncated and renamed).
    /// Sizes are small unless <paramref name="heavy"/>: that adds the 200 MB file and the zip bombs.
    /// </summary>
    public static List<Entry> Generate(string dir, string corpusRoot, bool heavy)
    {
        string Real(string folder, string name) => Path.Combine(corpusRoot, folder, name);
        var list = new List<Entry>();
        var rng = new Random(20261125);
        Entry Add(string name, byte[] bytes, string kind)
        {
            var p = Path.Combine(dir, name);
            Directory.CreateDirectory(Path.GetDirectoryName(p)!);
            File.WriteAllBytes(p, bytes);
            var e = new Entry(p, kind);
            list.Add(e);
            return e;
        }

        foreach (var ext in new[] { "docx", "doc", "pdf", "xlsx", "xls", "txt", "html" })
            Add($"empty/empty.{ext}", [], "empty");

        // Truncations of real synthetic files at several offsets.
        foreach (var src in new[] { "proj_self_01.docx", "proj_target_01.doc", "proj_self_02.pdf", "proj_target_02.xlsx", "transfer_02.xls" })
        {
            var bytes = File.ReadAllBytes(Real("synthetic", src));
            foreach (var cut in new[] { 1, 8, 100, 600, bytes.Length / 3, bytes.Length / 2, bytes.Length - 20 })
                if (cut > 0 && cut < bytes.Length)
                    Add($"truncated/{Path.GetFileNameWithoutExtension(src)}.cut{cut}{Path.GetExtension(src)}", bytes[..cut], "truncated");
        }

        foreach (var ext in new[] { "docx", "doc", "pdf", "xlsx", "xls", "txt", "html", "mht", "rtf", "wps" })
        {
            var b = new byte[4096 + rng.Next(4096)];
            rng.NextBytes(b);
            Add($"random/random.{ext}", b, "random bytes");
        }

        Add("wrong-ext/really-a-pdf.docx", File.ReadAllBytes(Real("synthetic", "proj_self_02.pdf")), "wrong extension");
        Add("wrong-ext/really-html.xls", File.ReadAllBytes(Real("synthetic", "transfer_01.html")), "wrong extension");
        Add("wrong-ext/really-a-docx.pdf", File.ReadAllBytes(Real("synthetic", "proj_self_01.docx")), "wrong extension");
        Add("wrong-ext/really-xlsx.doc", File.ReadAllBytes(Real("synthetic", "proj_target_02.xlsx")), "wrong extension");

        Add("encrypted/protected.docx", EncryptedOle(), "password-protected office");
        Add("encrypted/protected.xlsx", EncryptedOle(), "password-protected office");
        Add("encrypted/password_cryptoapi.doc", File.ReadAllBytes(Real("doc-wild", "password_password_cryptoapi.doc")), "password-protected doc");
        Add("encrypted/encrypted.pdf", EncryptedPdf(RC4128), "encrypted pdf");
        Add("encrypted/encrypted-aes256.pdf", EncryptedPdf(Aes256), "encrypted pdf (AES-256)");

        Add("nested/nested-2000.docx", Docx(NestedTables(2000)), "2000 nested tables");
        Add("nested/nested-500.html", Encoding.UTF8.GetBytes(NestedHtmlTables(500)), "500 nested html tables");
        Add("pdf/pages-2000.pdf", ManyPagesPdf(2000), "2000-page pdf");

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Add("text/invalid-utf8.txt", [0xE7, 0xBB, 0xA9, 0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xA0, 0x80, .. "项目\n"u8.ToArray(), 0xE6, 0x95], "invalid utf-8");
        Add("text/gbk.txt", Encoding.GetEncoding("GBK").GetBytes(TextForm()), "gbk text");
        Add("text/gb18030.txt", Encoding.GetEncoding("GB18030").GetBytes(TextForm() + "\n𠀀𪚥 扩展字符\n"), "gb18030 text");
        Add("text/broken-gbk.txt", [.. Encoding.GetEncoding("GBK").GetBytes("绩效目标"), 0x81, 0x20, 0xFE], "invalid gbk");

        Add("名字 有 空格/二级项目 绩效目标表 (副本).docx", File.ReadAllBytes(Real("synthetic", "proj_self_01.docx")), "spaces and chinese path");
        var locked = Add("perm/unreadable.docx", File.ReadAllBytes(Real("synthetic", "dept_target_02.docx")), "chmod 000");
        File.SetUnixFileMode(locked.Path, UnixFileMode.None);

        // A loop: loop/again -> loop. The walk must terminate.
        var loop = Directory.CreateDirectory(Path.Combine(dir, "loop")).FullName;
        File.WriteAllText(Path.Combine(loop, "inside.txt"), "文件 in a folder with a symlink loop\n");
        Directory.CreateSymbolicLink(Path.Combine(loop, "again"), "."); // relative: the folder can be moved
        list.Add(new Entry(Path.Combine(loop, "inside.txt"), "symlink loop"));
        // A link to itself (ELOOP on open) and a link to nothing: listed by the walk, unreadable.
        var self = Path.Combine(loop, "self-link.docx");
        File.CreateSymbolicLink(self, "self-link.docx");
        list.Add(new Entry(self, "symlink to itself"));
        var dangling = Path.Combine(loop, "dangling-link.pdf");
        File.CreateSymbolicLink(dangling, "../no-such-file.pdf");
        list.Add(new Entry(dangling, "dangling symlink"));

        if (heavy)
        {
            list.Add(ZipBomb(Path.Combine(dir, "bomb/bomb.docx"), DocxPart, lieAboutSize: false));
            list.Add(ZipBomb(Path.Combine(dir, "bomb/bomb.xlsx"), XlsxPart, lieAboutSize: false));
            list.Add(ZipBomb(Path.Combine(dir, "bomb/lying-bomb.docx"), DocxPart, lieAboutSize: true));
            list.Add(BigText(Path.Combine(dir, "big/big-200mb.txt"), 200L * 1024 * 1024));
        }
        return list;
    }

    static string TextForm() => "项目支出绩效目标表\n项目名称\t测试项目\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人数\t≥100人\n";

    /// <summary>An OLE2 compound file whose directory names EncryptionInfo and EncryptedPackage: how Office stores a password-protected .docx/.xlsx.</summary>
    static byte[] EncryptedOle()
    {
        var b = new byte[512 * 4];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(b, 0);
        BitConverter.GetBytes((ushort)0x3E).CopyTo(b, 0x18); // minor version
        BitConverter.GetBytes((ushort)3).CopyTo(b, 0x1A);    // major version 3: 512-byte sectors
        BitConverter.GetBytes((ushort)0xFFFE).CopyTo(b, 0x1C);
        BitConverter.GetBytes((ushort)9).CopyTo(b, 0x1E);
        BitConverter.GetBytes((ushort)6).CopyTo(b, 0x20);
        BitConverter.GetBytes(1).CopyTo(b, 0x2C);            // one FAT sector
        BitConverter.GetBytes(1).CopyTo(b, 0x30);            // directory starts at sector 1
        BitConverter.GetBytes(4096).CopyTo(b, 0x38);
        BitConverter.GetBytes(-2).CopyTo(b, 0x3C);
        BitConverter.GetBytes(-2).CopyTo(b, 0x44);
        for (int i = 0x4C; i < 512; i += 4) BitConverter.GetBytes(-1).CopyTo(b, i);
        BitConverter.GetBytes(0).CopyTo(b, 0x4C);            // DIFAT[0] = sector 0 is the FAT
        int fat = 512;
        BitConverter.GetBytes(-3).CopyTo(b, fat);            // sector 0: FAT
        BitConverter.GetBytes(-2).CopyTo(b, fat + 4);        // sector 1: directory, end of chain
        BitConverter.GetBytes(-2).CopyTo(b, fat + 8);        // sector 2: EncryptedPackage payload
        for (int i = fat + 12; i < fat + 512; i += 4) BitConverter.GetBytes(-1).CopyTo(b, i);
        int dir = 1024;
        void DirEntry(int index, string name, byte type, int start, int size)
        {
            int o = dir + index * 128;
            var n = Encoding.Unicode.GetBytes(name + "\0");
            n.CopyTo(b, o);
            BitConverter.GetBytes((ushort)n.Length).CopyTo(b, o + 0x40);
            b[o + 0x42] = type;
            b[o + 0x43] = 1;
            BitConverter.GetBytes(-1).CopyTo(b, o + 0x44);
            BitConverter.GetBytes(index == 1 ? 2 : -1).CopyTo(b, o + 0x48);
            BitConverter.GetBytes(type == 5 ? 1 : -1).CopyTo(b, o + 0x4C);
            BitConverter.GetBytes(start).CopyTo(b, o + 0x74);
            BitConverter.GetBytes(size).CopyTo(b, o + 0x78);
        }
        DirEntry(0, "Root Entry", 5, -2, 0);
        DirEntry(1, "EncryptionInfo", 2, -2, 0);
        DirEntry(2, "EncryptedPackage", 2, 2, 512);
        return b;
    }

    /// <summary>Standard security handler dictionaries: RC4 128-bit (PDF 1.4) and AES-256 (PDF 2.0, /V 5 /R 6).</summary>
    const string RC4128 = "/Filter /Standard /V 2 /R 3 /Length 128 /P -3904";
    const string Aes256 = "/Filter /Standard /V 5 /R 6 /Length 256 /P -3904 /StmF /StdCF /StrF /StdCF /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >>";

    static byte[] EncryptedPdf(string handler)
    {
        bool aes = handler.Contains("AESV3");
        int len = aes ? 96 : 64; // O and U are 48 bytes for R6, 32 before
        var extra = aes ? " /OE <" + new string('C', 64) + "> /UE <" + new string('D', 64) + "> /Perms <" + new string('E', 32) + ">" : "";
        return Encoding.ASCII.GetBytes(Pdf(
            ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
             "<< " + handler + " /O <" + new string('A', len) + "> /U <" + new string('B', len) + ">" + extra + " >>"],
            "/Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]"));
    }

    static byte[] ManyPagesPdf(int pages)
    {
        var objs = new List<string> { "<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" };
        var kids = new StringBuilder();
        for (int i = 0; i < pages; i++)
        {
            int page = objs.Count + 1, content = page + 1;
            kids.Append(page).Append(" 0 R ");
            var stream = $"BT /F1 12 Tf 72 720 Td (Page {i + 1} of {pages}) Tj ET";
            objs.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>");
            objs.Add($"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream");
        }
        objs[1] = $"<< /Type /Pages /Kids [{kids}] /Count {pages} >>";
        return Encoding.ASCII.GetBytes(Pdf(objs, ""));
    }

    /// <summary>A PDF with a correct cross-reference table for <paramref name="objects"/> (object n is objects[n-1]).</summary>
    static string Pdf(IReadOnlyList<string> objects, string trailerExtra)
    {
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Count; i++)
        {
            offsets.Add(sb.Length);
            sb.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }
        int xref = sb.Length;
        sb.Append("xref\n0 ").Append(objects.Count + 1).Append("\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append(o.ToString("D10")).Append(" 00000 n \n");
        sb.Append("trailer\n<< /Size ").Append(objects.Count + 1).Append(" /Root 1 0 R ").Append(trailerExtra).Append(" >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return sb.ToString();
    }

    const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    static string NestedTables(int depth)
    {
        var sb = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>项目支出绩效目标表</w:t></w:r></w:p>");
        for (int i = 0; i < depth; i++) sb.Append("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>层").Append(i).Append("</w:t></w:r></w:p>");
        for (int i = 0; i < depth; i++) sb.Append("<w:p/></w:tc></w:tr></w:tbl>");
        sb.Append("<w:p/></w:body></w:document>");
        return sb.ToString();
    }

    static string NestedHtmlTables(int depth)
    {
        var sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>项目支出绩效目标表</p>");
        for (int i = 0; i < depth; i++) sb.Append("<table><tr><td>层").Append(i);
        for (int i = 0; i < depth; i++) sb.Append("</td></tr></table>");
        sb.Append("</body></html>");
        return sb.ToString();
    }

    /// <summary>A minimal .docx package around <paramref name="documentXml"/>.</summary>
    public static byte[] Docx(string documentXml)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteDocxSkeleton(zip);
            using var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open(), new UTF8Encoding(false));
            w.Write(documentXml);
        }
        return ms.ToArray();
    }

    static void WriteDocxSkeleton(ZipArchive zip)
    {
        void Put(string name, string text)
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            w.Write(text);
        }
        Put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        Put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
    }

    static void WriteXlsxSkeleton(ZipArchive zip)
    {
        void Put(string name, string text)
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            w.Write(text);
        }
        const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
        Put("_rels/.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Put("xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{S}\" xmlns:r=\"{Rel}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Put("xl/_rels/workbook.xml.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
    }

    sealed record BombPart(string Kind, string Entry, string Head, string Tail, Action<ZipArchive> Skeleton);

    static readonly BombPart DocxPart = new("docx", "word/document.xml",
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t xml:space=\"preserve\">",
        "</w:t></w:r></w:p></w:body></w:document>", WriteDocxSkeleton);

    const string S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    static readonly BombPart XlsxPart = new("xlsx", "xl/worksheets/sheet1.xml",
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{S}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">",
        "</t></is></c></row></sheetData></worksheet>", WriteXlsxSkeleton);

    /// <summary>
    /// A package whose main part inflates to over 1 GB (one text run of spaces); about 11 MB on disk. With
    /// <paramref name="lieAboutSize"/> the zip headers claim the part is 1 KB, so a reader that trusts the
    /// declared size (to refuse bombs) is fooled and only a limit on what is actually inflated stops it.
    /// </summary>
    static Entry ZipBomb(string path, BombPart part, bool lieAboutSize)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var fs = File.Create(path))
        using (var zip = new ZipArchive(fs, ZipArchiveMode.Create))
        {
            part.Skeleton(zip);
            using var s = zip.CreateEntry(part.Entry, CompressionLevel.Fastest).Open();
            s.Write(Encoding.UTF8.GetBytes(part.Head));
            var chunk = new byte[1 << 20];
            chunk.AsSpan().Fill((byte)' ');
            for (int i = 0; i < 1100; i++) s.Write(chunk);
            s.Write(Encoding.UTF8.GetBytes(part.Tail));
        }
        if (lieAboutSize) DeclareSmall(path, part.Entry, 1024);
        return new Entry(path, lieAboutSize ? $"zip bomb, {part.Kind}, sizes in headers lie" : $"zip bomb, {part.Kind} (>1 GB inflated)");
    }

    /// <summary>The .docx zip bomb whose headers lie about its size (for a test of the memory limit on its own).</summary>
    public static Entry LyingDocxBomb(string path) => ZipBomb(path, DocxPart, lieAboutSize: true);

    /// <summary>Rewrites the uncompressed size of <paramref name="entry"/> in its local header and central directory record.</summary>
    static void DeclareSmall(string path, string entry, uint size)
    {
        var b = File.ReadAllBytes(path);
        var name = Encoding.UTF8.GetBytes(entry);
        for (int i = 0; i + 46 < b.Length; i++)
        {
            uint sig = BitConverter.ToUInt32(b, i);
            // Local file header: name at 30, uncompressed size at 22. Central directory: name at 46, size at 24.
            if (sig == 0x04034b50 && b.AsSpan(i + 30).StartsWith(name)) BitConverter.GetBytes(size).CopyTo(b, i + 22);
            else if (sig == 0x02014b50 && b.AsSpan(i + 46).StartsWith(name)) BitConverter.GetBytes(size).CopyTo(b, i + 24);
        }
        File.WriteAllBytes(path, b);
    }

    static Entry BigText(string path, long size)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var fs = File.Create(path))
        {
            // Sparse: the length is set, the blocks are never written (zeros on read), so it costs no disk.
            fs.Write("项目支出绩效目标表\n"u8);
            fs.SetLength(size);
        }
        return new Entry(path, "200 MB file");
    }
}
