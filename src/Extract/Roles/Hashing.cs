namespace Jixiao.Extract;

/// <summary>Character n-grams hashed into a fixed number of buckets (FNV-1a: stable across runs and machines).</summary>
internal static class Hashing
{
    /// <summary>Adds the 1..n-grams of <paramref name="text"/> (first 40 characters, digits read as 0 so numbers generalize).</summary>
    public static void Grams(string text, int n, Span<float> into)
    {
        if (text.Length > 40) text = text[..40];
        Span<char> t = stackalloc char[text.Length + 2];
        t[0] = '^';
        for (int i = 0; i < text.Length; i++) t[i + 1] = char.IsDigit(text[i]) ? '0' : text[i];
        t[^1] = '$';
        for (int len = 1; len <= n; len++)
            for (int i = 0; i + len <= t.Length; i++)
            {
                if (len == 1 && (i == 0 || i == t.Length - 1)) continue;
                uint h = 2166136261u ^ (uint)len;
                for (int k = 0; k < len; k++) { h ^= t[i + k]; h *= 16777619u; }
                into[(int)(h % (uint)into.Length)] += 1;
            }
    }
}
