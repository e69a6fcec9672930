using System.IO.Compression;
using System.Reflection;

namespace Jixiao.Extract;

/// <summary>
/// The two trained models: cell roles (<see cref="CellFeatures"/> → <see cref="CellRole"/>) and form kinds
/// (<see cref="FormSignals"/> → <see cref="FormKind"/>). Shipped as Roles/Model/*.zip, embedded in the
/// assembly, written by `jixiao train`.
/// </summary>
internal sealed class RoleModels
{
    public const string RolesFile = "cell-roles.zip", KindsFile = "form-kind.zip";

    public required Classifier Roles { get; init; }
    public required Classifier Kinds { get; init; }

    public static RoleModels? LoadShipped()
    {
        var asm = Assembly.GetExecutingAssembly();
        using var roles = asm.GetManifestResourceStream("Roles." + RolesFile);
        using var kinds = asm.GetManifestResourceStream("Roles." + KindsFile);
        if (roles is null || kinds is null) return null;
        return new RoleModels { Roles = Classifier.Load(roles), Kinds = Classifier.Load(kinds) };
    }

    public static RoleModels Load(string dir)
    {
        using var roles = File.OpenRead(Path.Combine(dir, RolesFile));
        using var kinds = File.OpenRead(Path.Combine(dir, KindsFile));
        return new RoleModels { Roles = Classifier.Load(roles), Kinds = Classifier.Load(kinds) };
    }

    public void Save(string dir)
    {
        Directory.CreateDirectory(dir);
        using (var s = File.Create(Path.Combine(dir, RolesFile))) Roles.Save(s);
        using (var s = File.Create(Path.Combine(dir, KindsFile))) Kinds.Save(s);
    }
}
