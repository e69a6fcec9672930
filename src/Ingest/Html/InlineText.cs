using System.Runtime.CompilerServices;
using AngleSharp.Dom;

namespace Jixiao.Ingest.Html;

/// <summary>
/// Flattens the content of one element (a table cell, a caption) into a <see cref="TextBuffer"/>:
/// &lt;br&gt; and block boundaries become line breaks, tables inside are set aside for the caller.
/// </summary>
internal sealed class InlineText(TextBuffer buffer, List<IElement> nestedTables)
{
    public void VisitChildren(INode parent)
    {
        foreach (var child in parent.ChildNodes) Visit(child);
    }

    void Visit(INode node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node)
        {
            case IText text:
                buffer.Append(text.Data);
                break;
            case IElement e:
                if (HtmlElements.IsSkipped(e)) return;
                if (HtmlElements.IsLineBreak(e)) { buffer.LineBreak(); return; }
                if (HtmlElements.IsTable(e))
                {
                    buffer.BlockBreak();
                    nestedTables.Add(e);
                    return;
                }
                if (HtmlElements.FormControlText(e) is { } glyph) { buffer.Append(glyph); return; }
                bool block = HtmlElements.IsBlock(e);
                if (block) buffer.BlockBreak();
                VisitChildren(e);
                if (block) buffer.BlockBreak();
                break;
        }
    }
}
