namespace Jixiao.Ingest.Tests.Pdf;

/// <summary>Hand-written PDFs for rotation, ruling and damage cases.</summary>
public class GeometryPdfTests
{
    const string Grid =
        "0.5 w 50 700 m 350 700 l S 50 680 m 350 680 l S 50 660 m 350 660 l S " +
        "50 700 m 50 660 l S 200 700 m 200 660 l S 350 700 m 350 660 l S ";

    [Fact]
    public void StrokedRulesMakeATableWithTitleBeforeIt()
    {
        var doc = MiniPdf.Parse(MiniPdf.Build(
            "BT /F1 14 Tf 100 720 Td (Budget Table) Tj ET " + Grid +
            "BT /F1 10 Tf 60 685 Td (Item) Tj ET BT /F1 10 Tf 210 685 Td (Amount) Tj ET " +
            "BT /F1 10 Tf 60 665 Td (Total cost) Tj ET BT /F1 10 Tf 210 665 Td (12.50) Tj ET " +
            "BT /F1 10 Tf 290 30 Td (- 1 -) Tj ET"));
        Assert.Equal(2, doc.Blocks.Count);
        Assert.Equal("Budget Table", Assert.IsType<Paragraph>(doc.Blocks[0]).Text);
        var table = Assert.IsType<Table>(doc.Blocks[1]);
        Assert.Equal(new[] { "Item", "Amount" }, table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(new[] { "Total cost", "12.50" }, table.Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void TextRotatedOnThePageReadsUpright()
    {
        // A landscape table printed sideways: every line runs bottom-to-top (text matrix 0 1 -1 0).
        var doc = MiniPdf.Parse(MiniPdf.Build(
            "BT /F1 12 Tf 0 1 -1 0 100 200 Tm (First line) Tj ET " +
            "BT /F1 12 Tf 0 1 -1 0 130 200 Tm (Second line) Tj ET " +
            "BT /F1 12 Tf 0 1 -1 0 160 200 Tm (Third line) Tj ET"));
        Assert.Equal(new[] { "First line", "Second line", "Third line" }, doc.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void PageRotateIsHonoured()
    {
        var doc = MiniPdf.Parse(MiniPdf.Build(
            "BT /F1 12 Tf 0 1 -1 0 100 200 Tm (Upright after rotate) Tj ET " +
            "BT /F1 12 Tf 0 1 -1 0 130 200 Tm (Next line) Tj ET", rotate: 90));
        Assert.Equal(new[] { "Upright after rotate", "Next line" }, doc.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void DamagedPdfIsAnErrorNotACrash()
    {
        var bytes = MiniPdf.Build("BT /F1 12 Tf 100 700 Td (x) Tj ET");
        var result = DocumentReader.Read(new MemoryStream(bytes[..40]), "broken.pdf");
        Assert.False(result.Ok);
        Assert.Contains("pdf", result.Error!.ToString());
    }

    [Fact]
    public void PasswordProtectedPdfSaysEncrypted()
    {
        // Standard security handler with a user password we do not know: the empty password fails.
        var o = new string('7', 64);
        var u = new string('3', 64);
        var bytes = MiniPdf.Build("BT /F1 12 Tf 100 700 Td (secret) Tj ET",
            encrypt: $"<< /Filter /Standard /V 1 /R 2 /O <{o}> /U <{u}> /P -44 >>");
        var result = DocumentReader.Read(new MemoryStream(bytes), "locked.pdf");
        Assert.False(result.Ok);
        Assert.Contains("encrypted PDF", result.Error!.Reason);
    }

    [Fact]
    public void APageFrameIsNotATable()
    {
        var doc = MiniPdf.Parse(MiniPdf.Build(
            "1 w 20 20 555 802 re S BT /F1 12 Tf 100 700 Td (Inside the frame) Tj ET"));
        Assert.Empty(doc.Tables);
        Assert.Equal("Inside the frame", Assert.Single(doc.Paragraphs).Text);
    }

    [Fact]
    public void VerticalLabelInAHorizontalTableReadsInItsOwnDirection()
    {
        // Left column cell 50..100 x 560..700 holds "Goals" set bottom-to-top; the rest is horizontal.
        var doc = MiniPdf.Parse(MiniPdf.Build(
            "0.5 w 50 700 m 350 700 l S 100 630 m 350 630 l S 50 560 m 350 560 l S " +
            "50 700 m 50 560 l S 100 700 m 100 560 l S 350 700 m 350 560 l S " +
            "BT /F1 12 Tf 0 1 -1 0 80 600 Tm (Goals) Tj ET " +
            "BT /F1 10 Tf 110 660 Td (first target) Tj ET BT /F1 10 Tf 110 590 Td (second target) Tj ET " +
            "BT /F1 10 Tf 110 640 Td (wraps here) Tj ET"));
        var table = Assert.Single(doc.Tables);
        Assert.Equal(2, table.Rows[0].Cells[0].RowSpan);
        Assert.Equal("Goals", table.Rows[0].Cells[0].Text);
        Assert.Equal("first target\nwraps here", table.Rows[0].Cells[1].Text);
        Assert.Equal("second target", Assert.Single(table.Rows[1].Cells).Text);
    }
}
