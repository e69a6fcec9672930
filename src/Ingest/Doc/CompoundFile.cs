using System.Buffers.Binary;
using System.Text;

namespace Jixiao.Ingest.Doc;

/// <summary>
/// Minimal reader of an OLE2 compound file (MS-CFB): header, DIFAT, FAT, miniFAT and the directory,
/// enough to read a top-level stream by name. Every sector index and length is checked against the
/// file size and every chain is walked with a step limit, so a damaged file throws instead of
/// looping or allocating far more than the file holds.
/// </summary>
internal sealed class CompoundFile
{
    const uint MaxRegSect = 0xFFFFFFFA;
    const uint EndOfChain = 0xFFFFFFFE;
    const uint FreeSect = 0xFFFFFFFF;
    const uint NoStream = 0xFFFFFFFF;
    static readonly byte[] Signature = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

    readonly byte[] _file;
    readonly int _sectorSize;
    readonly int _miniSectorSize;
    readonly uint _miniStreamCutoff;
    readonly int _sectorCount;
    readonly uint[] _fat;
    readonly uint[] _miniFat;
    readonly List<DirectoryEntry> _entries;
    ArraySegment<byte>? _miniStream;

    internal sealed record DirectoryEntry(string Name, byte Type, uint Left, uint Right, uint Child, uint StartSector, long Size);

    public CompoundFile(byte[] file)
    {
        _file = file;
        if (file.Length < 512 || !file.AsSpan(0, 8).SequenceEqual(Signature))
            throw Damaged("not an OLE2 compound file");
        var h = file.AsSpan(0, 512);
        int sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(h[30..]);
        int miniShift = BinaryPrimitives.ReadUInt16LittleEndian(h[32..]);
        if (sectorShift is not (9 or 12) || miniShift != 6) throw Damaged($"bad sector shift {sectorShift}/{miniShift}");
        _sectorSize = 1 << sectorShift;
        _miniSectorSize = 1 << miniShift;
        _sectorCount = (int)Math.Max(0, (file.Length - _sectorSize + _sectorSize - 1) / _sectorSize);

        uint fatSectors = BinaryPrimitives.ReadUInt32LittleEndian(h[44..]);
        uint firstDir = BinaryPrimitives.ReadUInt32LittleEndian(h[48..]);
        _miniStreamCutoff = BinaryPrimitives.ReadUInt32LittleEndian(h[56..]);
        uint firstMiniFat = BinaryPrimitives.ReadUInt32LittleEndian(h[60..]);
        uint firstDifat = BinaryPrimitives.ReadUInt32LittleEndian(h[68..]);
        if (fatSectors > (uint)_sectorCount) throw Damaged($"FAT sector count {fatSectors} exceeds file size");

        _fat = ReadFat(h, fatSectors, firstDifat);
        _entries = ReadDirectory(firstDir);
        _miniFat = firstMiniFat is EndOfChain or FreeSect ? Array.Empty<uint>() : ToUInts(ReadChain(firstMiniFat, -1));
    }

    public IReadOnlyList<DirectoryEntry> Entries => _entries;

    /// <summary>
    /// Names of the streams and storages directly under the root storage. A file's kind is decided by
    /// these alone: an embedded attachment (a Word document inside a workbook) lives in a sub-storage.
    /// </summary>
    public IReadOnlyList<string> RootNames() =>
        RootChildren().Where(e => e.Type is 1 or 2).Select(e => e.Name).ToList();

    /// <summary>The root's children: its red-black tree walked with a visited set, which guards against cycles.</summary>
    IEnumerable<DirectoryEntry> RootChildren()
    {
        if (_entries.Count == 0) yield break;
        var visited = new HashSet<uint>();
        var todo = new Stack<uint>();
        todo.Push(_entries[0].Child);
        while (todo.Count > 0)
        {
            uint id = todo.Pop();
            if (id == NoStream || id >= _entries.Count || !visited.Add(id)) continue;
            var e = _entries[(int)id];
            yield return e;
            todo.Push(e.Left);
            todo.Push(e.Right);
        }
    }

    /// <summary>
    /// True when the file is shorter than its own header and FAT say: the sectors the FAT marks as used
    /// reach past the end (a download or copy cut short).
    /// </summary>
    public bool IsTruncated
    {
        get
        {
            long fileSectors = _sectorCount;
            for (long s = _fat.Length - 1; s >= 0; s--)
                if (_fat[s] != FreeSect) return s >= fileSectors;
            return false;
        }
    }

    /// <summary>Reads a stream that is a direct child of the root storage; null when absent.</summary>
    public byte[]? ReadStream(string name) =>
        ReadStreamBytes(name) is { } data ? data.Offset == 0 && data.Count == data.Array!.Length ? data.Array : data.ToArray() : null;

    /// <summary>
    /// <see cref="ReadStream"/> without a copy where none is needed: a stream whose sectors follow each other in
    /// the file (how Word writes them) is the file's own bytes. Null when absent.
    /// </summary>
    public ArraySegment<byte>? ReadStreamBytes(string name)
    {
        var entry = FindTopLevel(name);
        if (entry is null) return null;
        if (entry.Size > _file.Length * 64L + 4096) throw Damaged($"stream '{name}' claims {entry.Size} bytes");
        if (entry.Size < _miniStreamCutoff)
        {
            _miniStream ??= ReadRootMiniStream();
            return new ArraySegment<byte>(ReadMiniChain(entry.StartSector, (int)entry.Size, name));
        }
        var data = ReadChain(entry.StartSector, entry.Size);
        if (data.Count < entry.Size) throw Damaged($"stream '{name}' is truncated");
        return data;
    }

    DirectoryEntry? FindTopLevel(string name) =>
        RootChildren().FirstOrDefault(e => e.Type == 2 && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    uint[] ReadFat(ReadOnlySpan<byte> header, uint fatSectors, uint firstDifat)
    {
        var fatSectorIds = new List<uint>((int)fatSectors);
        for (int i = 0; i < 109 && fatSectorIds.Count < fatSectors; i++)
            fatSectorIds.Add(BinaryPrimitives.ReadUInt32LittleEndian(header[(76 + i * 4)..]));
        uint difat = firstDifat;
        int steps = 0;
        int perDifat = _sectorSize / 4 - 1;
        while (fatSectorIds.Count < fatSectors && difat <= MaxRegSect)
        {
            if (++steps > _sectorCount) throw Damaged("DIFAT chain loops");
            var s = Sector(difat);
            for (int i = 0; i < perDifat && fatSectorIds.Count < fatSectors; i++)
                fatSectorIds.Add(BinaryPrimitives.ReadUInt32LittleEndian(s[(i * 4)..]));
            difat = BinaryPrimitives.ReadUInt32LittleEndian(s[(perDifat * 4)..]);
        }
        var fat = new uint[fatSectorIds.Count * (_sectorSize / 4)];
        for (int i = 0; i < fatSectorIds.Count; i++)
        {
            var s = Sector(fatSectorIds[i]);
            for (int j = 0; j < _sectorSize / 4; j++)
                fat[i * (_sectorSize / 4) + j] = BinaryPrimitives.ReadUInt32LittleEndian(s[(j * 4)..]);
        }
        return fat;
    }

    List<DirectoryEntry> ReadDirectory(uint firstDir)
    {
        var dir = ReadChain(firstDir, -1);
        var list = new List<DirectoryEntry>(dir.Count / 128);
        for (int off = 0; off + 128 <= dir.Count; off += 128)
        {
            var e = dir.AsSpan(off, 128);
            int nameLen = Math.Clamp((int)BinaryPrimitives.ReadUInt16LittleEndian(e[64..]), 0, 64);
            var name = Encoding.Unicode.GetString(e[..Math.Max(0, nameLen - 2)]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(e[120..]);
            if (_sectorSize == 4096) size |= (long)BinaryPrimitives.ReadUInt32LittleEndian(e[124..]) << 32;
            list.Add(new DirectoryEntry(name, e[66],
                BinaryPrimitives.ReadUInt32LittleEndian(e[68..]),
                BinaryPrimitives.ReadUInt32LittleEndian(e[72..]),
                BinaryPrimitives.ReadUInt32LittleEndian(e[76..]),
                BinaryPrimitives.ReadUInt32LittleEndian(e[116..]),
                size));
        }
        if (list.Count == 0 || list[0].Type != 5) throw Damaged("no root directory entry");
        return list;
    }

    ArraySegment<byte> ReadRootMiniStream()
    {
        var root = _entries[0];
        if (root.StartSector is EndOfChain or FreeSect) return ArraySegment<byte>.Empty;
        return ReadChain(root.StartSector, root.Size);
    }

    /// <summary>
    /// Follows a FAT chain; <paramref name="size"/> &lt; 0 reads the whole chain. The chain is walked (and checked)
    /// first. Sectors that follow each other in the file and lie wholly inside it are the stream as it is, with no
    /// copy; others are copied once into an array of the final size. (Growing a buffer sector by sector copied and
    /// zeroed every stream several times over, most of a .doc parse's memory traffic.)
    /// </summary>
    ArraySegment<byte> ReadChain(uint start, long size)
    {
        var sectors = ChainSectors(start, size);
        long total = (long)sectors.Count * _sectorSize;
        int length = (int)(size >= 0 ? Math.Min(size, total) : total);
        if (length == 0) return ArraySegment<byte>.Empty;
        long first = ((long)sectors[0] + 1) * _sectorSize;
        bool consecutive = first + length <= _file.Length;
        for (int i = 1; i < sectors.Count && consecutive; i++) consecutive = sectors[i] == sectors[i - 1] + 1;
        if (consecutive) return new ArraySegment<byte>(_file, (int)first, length);

        var data = GC.AllocateUninitializedArray<byte>(length);
        for (int i = 0, at = 0; at < length; i++, at += _sectorSize)
        {
            long off = ((long)sectors[i] + 1) * _sectorSize;
            int n = Math.Min(_sectorSize, length - at);
            int inFile = (int)Math.Min(n, _file.Length - off);
            Buffer.BlockCopy(_file, (int)off, data, at, inFile);
            // The last sector of a file is sometimes cut short: its missing bytes read as zeros.
            if (inFile < n) Array.Clear(data, at + inFile, n - inFile);
        }
        return new ArraySegment<byte>(data);
    }

    /// <summary>
    /// The sectors of a chain, up to <paramref name="size"/> bytes (&lt; 0: all). A chain that comes back to a
    /// sector it has read loops: a stream of known size would otherwise be filled with its own first sectors
    /// again and parse "fine" with most of its text missing.
    /// </summary>
    List<uint> ChainSectors(uint start, long size)
    {
        var sectors = new List<uint>(size >= 0 ? (int)Math.Min(size / _sectorSize + 1, _sectorCount + 1) : 16);
        // Sectors read so far, one bit each; a sector past the file is never marked (Sector() throws first).
        var seen = new ulong[(_sectorCount + 64) / 64];
        uint s = start;
        int steps = 0;
        while (s <= MaxRegSect && (size < 0 || (long)sectors.Count * _sectorSize < size))
        {
            bool again = s < (uint)seen.Length * 64 && (seen[s >> 6] & (1UL << (int)(s & 63))) != 0;
            if (++steps > _sectorCount || again) throw Damaged($"FAT chain loops (sector {s} comes back)");
            CheckSector(s);
            if (s < (uint)seen.Length * 64) seen[s >> 6] |= 1UL << (int)(s & 63);
            sectors.Add(s);
            if (s >= _fat.Length) throw Damaged($"sector {s} outside the FAT");
            s = _fat[s];
        }
        return sectors;
    }

    byte[] ReadMiniChain(uint start, int size, string name)
    {
        var result = new byte[size];
        var mini = _miniStream!.Value;
        uint s = start;
        int pos = 0, steps = 0;
        while (pos < size)
        {
            if (s > MaxRegSect || s >= _miniFat.Length) throw Damaged($"stream '{name}' mini chain is broken");
            if (++steps > _miniFat.Length) throw Damaged("miniFAT chain loops");
            long off = (long)s * _miniSectorSize;
            int n = Math.Min(_miniSectorSize, size - pos);
            if (off + n > mini.Count) throw Damaged($"mini sector {s} outside the mini stream");
            mini.AsSpan((int)off, n).CopyTo(result.AsSpan(pos));
            pos += n;
            s = _miniFat[s];
        }
        return result;
    }

    ReadOnlySpan<byte> Sector(uint id)
    {
        long off = CheckSector(id);
        int len = (int)Math.Min(_sectorSize, _file.Length - off);
        if (len == _sectorSize) return _file.AsSpan((int)off, len);
        // The last sector of a file is sometimes cut short; pad it with zeros.
        var padded = new byte[_sectorSize];
        Buffer.BlockCopy(_file, (int)off, padded, 0, len);
        return padded;
    }

    /// <summary>The file offset of sector <paramref name="id"/>; throws when the sector starts past the end of the file.</summary>
    long CheckSector(uint id)
    {
        long off = ((long)id + 1) * _sectorSize;
        if (id > MaxRegSect || off >= _file.Length) throw Damaged($"sector {id} outside the file");
        return off;
    }

    static uint[] ToUInts(ArraySegment<byte> b)
    {
        var r = new uint[b.Count / 4];
        for (int i = 0; i < r.Length; i++) r[i] = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(i * 4));
        return r;
    }

    static UnreadableDocumentException Damaged(string why) => new("damaged OLE2 container: " + why);
}
