using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Jixiao.Ingest.Html;

/// <summary>
/// Walks the body in document order. Text of each block-level element (p, div, h1–h6, li…) becomes a
/// Paragraph, &lt;br&gt; inside it a '\n'; a table's caption becomes a Paragraph before its tables.
/// In Markdown mode (a .md file that embeds HTML tables) every non-empty source line outside the
/// tables is a Paragraph, with its heading marks ("# ") removed.
/// </summary>
internal sealed partial class HtmlBlockWalker(SourceDocument doc, bool markdown, CancellationToken cancel)
{
    readonly TextBuffer _buffer = new();
    int _line;

    public void Walk(INode root)
    {
        VisitChildren(root);
        Flush();
    }

    void VisitChildren(INode parent)
    {
        foreach (var child in parent.ChildNodes) Visit(child);
    }

    void Visit(INode node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node)
        {
            case IText text:
                if (markdown) AppendMarkdown(text.Data);
                else _buffer.Append(text.Data);
                break;
            case IElement e:
                cancel.ThrowIfCancellationRequested();
                if (HtmlElements.IsSkipped(e)) return;
                if (HtmlElements.IsLineBreak(e)) { _buffer.LineBreak(); return; }
                if (HtmlElements.IsTable(e) && !HtmlElements.IsTextBoxLayoutTable(e) && !HtmlElements.IsLayoutTable(e))
                {
                    Flush();
                    AddTable(e);
                    return;
                }
                if (HtmlElements.FormControlText(e) is { } glyph) { _buffer.Append(glyph); return; }
                bool block = HtmlElements.IsBlock(e);
                if (block) Flush();
                if (e.SourceReference is { } s && _buffer.IsEmpty) _line = s.Position.Line;
                VisitChildren(e);
                if (block) Flush();
                break;
        }
    }

    void AddTable(IElement table)
    {
        var position = table.SourceReference is { } s ? new SourcePosition(1, s.Position.Line) : SourcePosition.None;
        if (HtmlTableReader.Caption(table) is { } caption)
            doc.Blocks.Add(new Paragraph(caption) { Position = position });
        doc.Blocks.AddRange(HtmlTableReader.Read(table, 1, cancel));
    }

    void AppendMarkdown(string data)
    {
        var lines = data.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0) _buffer.LineBreak();
            _buffer.Append(lines[i]);
        }
    }

    void Flush()
    {
        if (_buffer.IsEmpty) return;
        var lines = _buffer.TakeLines();
        // Text directly in an implied <body> (Markdown) has no element to take a source line from.
        var position = new SourcePosition(1, _line > 0 ? _line : doc.Blocks.Count + 1);
        if (markdown)
        {
            foreach (var line in lines)
            {
                var text = HeadingMark().Replace(line, "");
                if (!string.IsNullOrWhiteSpace(text)) doc.Blocks.Add(new Paragraph(text) { Position = position });
            }
            return;
        }
        var joined = string.Join('\n', lines);
        if (!string.IsNullOrWhiteSpace(joined)) doc.Blocks.Add(new Paragraph(joined) { Position = position });
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex HeadingMark();
}
