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

    /// <summary>
    /// A stream whose sectors follow each other is handed out as the file's own bytes, any other is copied sector by
    /// sector: both must give the same stream. The WordDocument stream's first two sectors are swapped in the file and
    /// its chain relinked to visit them in their new places.
    /// </summary>
    [Fact]
    public void A_fragmented_stream_reads_the_same_as_a_contiguous_one()
    {
        var b = Innertable();
        var whole = new CompoundFile(b).ReadStreamBytes("WordDocument")!.Value;
        Assert.Equal(b, whole.Array); // contiguous: no copy
        var expected = whole.ToArray();

        int entry = b.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes("WordDocument\0"));
        uint s0 = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(entry + 116));
        int fatSector = (int)BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(76));
        int Fat(uint s) => (fatSector + 1) * 512 + (int)s * 4;
        uint s1 = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(Fat(s0)));
        uint s2 = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(Fat(s1)));
        Assert.True(s0 < 128 && s1 == s0 + 1, "the test expects a contiguous stream whose FAT entries lie in the first FAT sector");
        var first = b.AsSpan((int)(s0 + 1) * 512, 512).ToArray();
        b.AsSpan((int)(s1 + 1) * 512, 512).CopyTo(b.AsSpan((int)(s0 + 1) * 512));
        first.CopyTo(b.AsSpan((int)(s1 + 1) * 512));
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(entry + 116), s1);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(Fat(s1)), s0);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(Fat(s0)), s2);

        var fragmented = new CompoundFile(b).ReadStreamBytes("WordDocument")!.Value;
        Assert.NotSame(b, fragmented.Array);
        Assert.Equal(expected, fragmented.ToArray());
        Assert.Equal(expected, new CompoundFile(b).ReadStream("WordDocument"));
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
