using System.Text;

namespace Jixiao.Ingest.Tests.Formats;

/// <summary>
/// Test-only OLE2 compound file writer (MS-CFB v3, 512-byte sectors): storages and streams as a tree,
/// enough to build the containers offices write (a workbook carrying a Word attachment in a sub-storage,
/// a Works document). Streams are padded to the 4096-byte mini-stream cutoff so no miniFAT is needed.
/// </summary>
internal sealed class CfbWriter
{
    internal sealed class Node
    {
        public required string Name { get; init; }
        public byte[]? Data { get; init; }
        public List<Node> Children { get; } = new();
        public bool IsStorage => Data is null;
        public int Id;
    }

    public Node Root { get; } = new() { Name = "Root Entry" };

    public static Node Stream(string name, byte[] data) => new() { Name = name, Data = data.Length >= 4096 ? data : data.Concat(new byte[4096 - data.Length]).ToArray() };
    public static Node Storage(string name, params Node[] children) { var n = new Node { Name = name }; n.Children.AddRange(children); return n; }

    public byte[] Build()
    {
        var all = new List<Node>();
        void Number(Node n) { n.Id = all.Count; all.Add(n); foreach (var c in n.Children) Number(c); }
        Number(Root);
        var sectors = new List<byte[]>();
        var fat = new List<uint>();
        var start = new Dictionary<Node, uint>();
        uint Chain(byte[] data)
        {
            uint first = (uint)sectors.Count;
            int count = Math.Max(1, (data.Length + 511) / 512);
            for (int i = 0; i < count; i++)
            {
                var s = new byte[512];
                Buffer.BlockCopy(data, i * 512, s, 0, Math.Min(512, data.Length - i * 512));
                sectors.Add(s);
                fat.Add(i == count - 1 ? 0xFFFFFFFE : (uint)sectors.Count);
            }
            return first;
        }
        foreach (var n in all) if (n.Data is { Length: > 0 } d) start[n] = Chain(d);
        var dir = new byte[((all.Count + 3) / 4) * 4 * 128];
        foreach (var n in all)
        {
            int o = n.Id * 128;
            var name = Encoding.Unicode.GetBytes(n.Name + "\0");
            name.CopyTo(dir, o);
            BitConverter.GetBytes((ushort)name.Length).CopyTo(dir, o + 64);
            dir[o + 66] = (byte)(n == Root ? 5 : n.IsStorage ? 1 : 2);
            dir[o + 67] = 1;
            BitConverter.GetBytes(-1).CopyTo(dir, o + 68);
            BitConverter.GetBytes(-1).CopyTo(dir, o + 72);
            BitConverter.GetBytes(n.Children.Count > 0 ? n.Children[0].Id : -1).CopyTo(dir, o + 76);
            BitConverter.GetBytes(start.TryGetValue(n, out var s) ? s : 0xFFFFFFFE).CopyTo(dir, o + 116);
            BitConverter.GetBytes(n.Data?.Length ?? 0).CopyTo(dir, o + 120);
        }
        // Siblings as a chain of right links (a degenerate but valid red-black tree), after every entry is written.
        foreach (var n in all)
            for (int i = 0; i + 1 < n.Children.Count; i++) BitConverter.GetBytes(n.Children[i + 1].Id).CopyTo(dir, n.Children[i].Id * 128 + 72);
        for (int i = all.Count; i < dir.Length / 128; i++) { BitConverter.GetBytes(-1).CopyTo(dir, i * 128 + 68); BitConverter.GetBytes(-1).CopyTo(dir, i * 128 + 72); BitConverter.GetBytes(-1).CopyTo(dir, i * 128 + 76); }
        uint dirStart = Chain(dir);
        int fatSectors = 1;
        while ((sectors.Count + fatSectors) > fatSectors * 128) fatSectors++;
        uint fatStart = (uint)sectors.Count;
        for (int i = 0; i < fatSectors; i++) fat.Add(0xFFFFFFFD);
        while (fat.Count % 128 != 0) fat.Add(0xFFFFFFFF);
        for (int i = 0; i < fatSectors; i++)
        {
            var s = new byte[512];
            for (int j = 0; j < 128; j++) BitConverter.GetBytes(fat[i * 128 + j]).CopyTo(s, j * 4);
            sectors.Add(s);
        }
        var h = new byte[512];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(h, 0);
        BitConverter.GetBytes((ushort)0x3E).CopyTo(h, 0x18);
        BitConverter.GetBytes((ushort)3).CopyTo(h, 0x1A);
        BitConverter.GetBytes((ushort)0xFFFE).CopyTo(h, 0x1C);
        BitConverter.GetBytes((ushort)9).CopyTo(h, 0x1E);
        BitConverter.GetBytes((ushort)6).CopyTo(h, 0x20);
        BitConverter.GetBytes(fatSectors).CopyTo(h, 0x2C);
        BitConverter.GetBytes(dirStart).CopyTo(h, 0x30);
        BitConverter.GetBytes(4096).CopyTo(h, 0x38);
        BitConverter.GetBytes(-2).CopyTo(h, 0x3C);
        BitConverter.GetBytes(-2).CopyTo(h, 0x44);
        for (int i = 0; i < 109; i++) BitConverter.GetBytes(i < fatSectors ? fatStart + (uint)i : 0xFFFFFFFF).CopyTo(h, 0x4C + i * 4);
        var file = new MemoryStream();
        file.Write(h);
        foreach (var s in sectors) file.Write(s);
        return file.ToArray();
    }
}
