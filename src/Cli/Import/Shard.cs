using System.Security.Cryptography;
using System.Text;

namespace Jixiao.Cli.Import;

/// <summary>
/// A deterministic share of the files (`--shard K/N`): file f belongs to share hash(f) mod N, the hash being
/// SHA-256 of its absolute path, so every worker computes the same division without talking to the others.
/// K comes from the option, or (`auto/N`, or nothing in a Slurm array) from the scheduler's task index:
/// JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID (Slurm job array).
/// </summary>
internal sealed record Shard(int Index, int Count)
{
    public bool Owns(string path) => Of(path, Count) == Index;

    public static int Of(string path, int count) =>
        (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(path))), 0) % (uint)count);

    /// <summary>The share to import, null for all; false with a one-line reason when the option or environment is malformed.</summary>
    public static bool TryResolve(string? option, Func<string, string?> env, out Shard? shard, out string error)
    {
        shard = null;
        error = "";
        if (string.IsNullOrWhiteSpace(option))
        {
            // A Slurm array says both its task index and its size; Kubernetes gives only the index (pass --shard auto/N).
            if (int.TryParse(env("SLURM_ARRAY_TASK_ID"), out var id) && env("SLURM_ARRAY_TASK_COUNT") is { } n)
                option = $"{id - (int.TryParse(env("SLURM_ARRAY_TASK_MIN"), out var min) ? min : 0)}/{n}";
            else return true;
        }
        var parts = option.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var count) || count < 1)
        {
            error = $"expected K/N (e.g. 3/8, or auto/8), got '{option}'";
            return false;
        }
        int index;
        if (parts[0].Trim() == "auto")
        {
            var from = env("JOB_COMPLETION_INDEX") ?? env("SLURM_ARRAY_TASK_ID");
            if (from is null || !int.TryParse(from, out index))
            {
                error = "auto needs JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID (Slurm array) in the environment";
                return false;
            }
            if (env("JOB_COMPLETION_INDEX") is null && int.TryParse(env("SLURM_ARRAY_TASK_MIN"), out var min)) index -= min;
        }
        else if (!int.TryParse(parts[0], out index))
        {
            error = $"expected K/N (e.g. 3/8, or auto/8), got '{option}'";
            return false;
        }
        if (index < 0 || index >= count)
        {
            error = $"share {index} does not exist in {count} shares (K counts from 0 to N-1)";
            return false;
        }
        shard = new Shard(index, count);
        return true;
    }
}
