using System.Text;

namespace Jixiao.Cli.ConsoleOutput;

/// <summary>
/// Text from documents and file names made safe to print: control characters (C0 except tab, DEL, C1 —
/// ESC and OSC among them) are shown as \xNN escapes, so a file name or cell cannot move the cursor,
/// retitle the terminal or start a new line that forges a summary line.
/// </summary>
internal static class TerminalText
{
    public static string Safe(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        if (!s.Any(IsControl)) return s;
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
            if (IsControl(c)) sb.Append("\\x").Append(((int)c).ToString("X2"));
            else sb.Append(c);
        return sb.ToString();
    }

    /// <summary>As <see cref="Safe"/> but line breaks and tabs become spaces first (table cells).</summary>
    public static string OneLine(string? s) =>
        Safe((s ?? "").Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' '));

    static bool IsControl(char c) => (c < 0x20 && c != '\t') || (c >= 0x7F && c < 0xA0);
}
