namespace Jixiao.Ingest.Text;

internal enum TextLineKind { Blank, Cell, Plain }

/// <summary>One line of the flattened text, classified.</summary>
internal readonly record struct TextLine(TextLineKind Kind, string Text, int Number);

/// <summary>Splits the text into lines and classifies each: a TAB-led cell line, a blank line, or a plain line.</summary>
internal static class TextLineLexer
{
    public static List<TextLine> Lex(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var result = new List<TextLine>(lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            // A cell line keeps everything after its one leading TAB, even if that is blank (an empty cell).
            if (line.StartsWith('\t')) result.Add(new TextLine(TextLineKind.Cell, line[1..], i + 1));
            else if (string.IsNullOrWhiteSpace(line)) result.Add(new TextLine(TextLineKind.Blank, "", i + 1));
            else result.Add(new TextLine(TextLineKind.Plain, line, i + 1));
        }
        return result;
    }
}
