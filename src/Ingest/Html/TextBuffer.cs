using System.Text;

namespace Jixiao.Ingest.Html;

/// <summary>
/// Collects the text of inline content and renders it as a browser would: runs of HTML white space
/// collapse to one space, except that a source line break between two CJK characters disappears
/// (CSS Text segment-break rule; Word's HTML export wraps long Chinese lines mid-sentence).
/// U+00A0 (&amp;nbsp;) and full-width spaces are kept. Breaks come in two strengths: &lt;br&gt; always
/// starts a new line, a block boundary only when the current line has content.
/// </summary>
internal sealed class TextBuffer
{
    const char HardBreak = '\u0001';
    readonly StringBuilder _raw = new();

    public void Append(string text) => _raw.Append(text);

    /// <summary>&lt;br&gt; or a preserved newline.</summary>
    public void LineBreak() => _raw.Append(HardBreak);

    /// <summary>A block boundary (p, div, li…): ends the current line if it has anything on it.</summary>
    public void BlockBreak()
    {
        for (int i = _raw.Length - 1; i >= 0; i--)
        {
            var c = _raw[i];
            if (c == HardBreak) return;
            if (!IsHtmlSpace(c)) { _raw.Append(HardBreak); return; }
        }
    }

    public bool IsEmpty => _raw.Length == 0;

    /// <summary>The rendered lines, collapsed and trimmed; empty leading and trailing lines dropped. Clears the buffer.</summary>
    public List<string> TakeLines()
    {
        var lines = new List<string>();
        foreach (var raw in _raw.ToString().Split(HardBreak)) lines.Add(Collapse(raw));
        _raw.Clear();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        return lines;
    }

    static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            if (!IsHtmlSpace(s[i]))
            {
                sb.Append(s[i++]);
                continue;
            }
            int start = i;
            bool segmentBreak = false;
            while (i < s.Length && IsHtmlSpace(s[i]))
            {
                if (s[i] is '\n' or '\r') segmentBreak = true;
                i++;
            }
            if (start == 0 || i == s.Length) continue; // trimmed at line ends
            if (segmentBreak && IsWide(s[start - 1]) && IsWide(s[i])) continue;
            sb.Append(' ');
        }
        return sb.ToString();
    }

    static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    /// <summary>East Asian wide characters: CJK ideographs, CJK punctuation, kana, full-width forms.</summary>
    static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F'
            or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' or >= '\uAC00' and <= '\uD7A3';
}
