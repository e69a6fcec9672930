using System.Buffers.Binary;
using System.Diagnostics;
using Jixiao.Ingest.Doc;
using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Doc;

/// <summary>The OLE2 reader on a real file and on damaged copies of it: it throws, quickly, and never loops.</summary>
public class CompoundFileTests
{
    static byte[] Innertable() => File.ReadAllBytes(Corpus.File("doc-wild", "innertable.doc"));

    [Fact]
    public void Reads_the_word_streams_by_name()
    {
        var cf = new CompoundFile(Innertable());
        var word = cf.ReadStream("WordDocument");
        Assert.NotNull(word);
        Assert.Equal(Fib.WordIdent, BinaryPrimitives.ReadUInt16LittleEndian(word));
        Assert.NotNull(cf.ReadStream(Fib.Read(word).TableStreamName));
        Assert.Null(cf.ReadStream("NoSuchStream"));
    }

    [Fact]
    public void A_FAT_cycle_in_the_directory_chain_throws()
    {
        var b = Innertable();
        uint firstDir = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(48));
        uint fatSector = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(76));
        // Point the directory's first sector at itself.
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan((int)((fatSector + 1) * 512 + firstDir * 4)), firstDir);

        var e = Assert.Throws<UnreadableDocumentException>(() => new CompoundFile(b));
        Assert.Contains("loops", e.Message); // found as a loop, not walked until something else gives out
    }

    [Fact]
    public void A_sector_index_past_the_end_of_the_file_throws()
    {
        var b = Innertable();
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(48), 0x00FFFFF0); // first directory sector
        var e = Assert.Throws<UnreadableDocumentException>(() => new CompoundFile(b));
        Assert.Contains("outside the file", e.Message);
    }

    [Fact]
    public void A_stream_claiming_gigabytes_is_refused_without_allocating_them()
    {
        var b = Innertable();
        // The directory entry starts with the UTF-16 name; its 32-bit size is at byte 120.
        int entry = b.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes("WordDocument\0"));
        Assert.True(entry > 0 && entry % 128 == 0);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(entry + 120), 0xF0000000);

        var damaged = new CompoundFile(b);
        var e = Assert.Throws<UnreadableDocumentException>(() => damaged.ReadStream("WordDocument"));
        Assert.Contains("WordDocument", e.Message);
    }

    [Fact]
    public void A_truncated_file_is_unreadable_not_a_crash()
    {
        var b = Innertable()[..1500];
        var result = DocumentReader.Read(new MemoryStream(b), "cut.doc");
        Assert.False(result.Ok);
        Assert.StartsWith("truncated Word document", result.Error!.Reason);
    }
}
