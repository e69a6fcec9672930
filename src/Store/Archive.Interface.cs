namespace Jixiao.Store;

/// <summary>The LiteDB archive as an <see cref="IArchive"/> (its members live in the other partial files).</summary>
public sealed partial class Archive : IArchive
{
    public string Location => Path;
}
