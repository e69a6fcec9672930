using System.Text;

namespace Jixiao.Cli.Report;

/// <summary>The page frame with its inline style and script: the report is static files with no outside assets.</summary>
internal static class ReportAssets
{
    public static void Head(StringBuilder sb, string title)
    {
        sb.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
          .Append("<title>").Append(Html.Text(title)).Append(" — jixiao report</title><style>").Append(Css).Append("</style></head><body>");
    }

    public static void Tail(StringBuilder sb) => sb.Append("<script>").Append(Script).Append("</script></body></html>");

    const string Css = """
        :root{--line:#c8ccd2;--hl:#ffd54a;--hover:#fff3c4;--flag:#c62828;--muted:#5f6b7a}
        *{box-sizing:border-box}
        body{margin:0;padding:12px 18px;font:14px/1.45 "Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;color:#1d2330;background:#f6f7f9}
        h1{font-size:20px;margin:4px 0}h2{font-size:16px;margin:0 0 8px}h3{font-size:14px;margin:12px 0 4px;color:#34495e}
        a{color:#1565c0}.meta,.hint{color:var(--muted);margin:2px 0}.hint{font-size:12px}
        .error{color:var(--flag);font-weight:600}.note{background:#fff8e1;border-left:4px solid #f9a825;padding:4px 8px}
        .status{padding:0 6px;border-radius:3px;background:#e0e0e0}.status.ok{background:#c8e6c9}.status.failed{background:#ffcdd2}.status.empty{background:#ffe0b2}.status.duplicate{background:#d1c4e9}
        .flag{color:var(--flag);font-weight:600;font-size:13px}
        section.form{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 12px;margin:14px 0;content-visibility:auto;contain-intrinsic-size:auto 600px}
        section.form.flagged{border-left:6px solid var(--flag)}
        section.review{background:#fdecea;border:1px solid #f5c2c0;border-radius:6px;padding:6px 12px;margin:10px 0}
        .pair{display:grid;grid-template-columns:minmax(0,1.25fr) minmax(0,1fr);gap:14px;align-items:start}
        .pane{max-height:82vh;overflow:auto;border:1px solid #e3e6ea;border-radius:4px;padding:6px;background:#fff}
        table{border-collapse:collapse;margin:4px 0 10px}
        table.grid{font-size:13px;min-width:100%}
        table.grid caption{caption-side:top;text-align:left;color:var(--muted);font-size:11px}
        table.grid td,table.grid th{border:1px solid #9aa3ad;padding:3px 5px;vertical-align:middle;white-space:pre-wrap;word-break:break-word}
        table.grid th.rn{background:#eef0f3;color:#8a94a0;font-weight:400;font-size:10px;width:1.8em;text-align:right;padding:1px 3px}
        table.grid td.nw,table.grid th.rn{white-space:nowrap}
        table.grid td.hole{background:repeating-linear-gradient(45deg,#f3f3f3,#f3f3f3 4px,#fff 4px,#fff 8px)}
        table.grid td.src{background:#f1f8ff;cursor:pointer}
        table.grid td.dt{color:#8a94a0;text-align:center}
        div.chunk{content-visibility:auto;contain-intrinsic-size:auto 2400px}
        table.grid.cont{margin-top:-10px}
        p.para{margin:4px 0;color:#37474f;white-space:pre-wrap}
        table.facts{width:100%;font-size:13px}
        table.facts th,table.facts td{border:1px solid #dde1e6;padding:3px 6px;text-align:left;vertical-align:top;word-break:break-word}
        table.facts thead th{background:#eef2f7;position:sticky;top:-6px;white-space:nowrap}
        table.facts td{min-width:2.5em}
        table.header th{width:9em;background:#f7f8fa;font-weight:500}
        tr.fact{cursor:pointer}tr.fact.nolink{cursor:default;color:#555}
        tr.fact.approx td:last-child{border-bottom:1px dashed #90a4ae}
        .hover{background:var(--hover)!important}
        tr.hover-row>td{background:#fffbea}
        .hl{background:var(--hl)!important;outline:2px solid #e65100;outline-offset:-2px}
        tr.hl-row>td{background:#fff3c4}
        table.docs td,table.docs th{border:1px solid #dde1e6;padding:4px 8px;text-align:left;background:#fff}
        table.docs th{background:#eef2f7}
        td.num{text-align:right}
        svg text{font-family:inherit}
        """;

    /// <summary>
    /// Facts carry data-src (their cell's id), cells carry data-facts (their facts' ids). Hover shows the link,
    /// click pins it (class hl) and scrolls the other side into view.
    /// </summary>
    const string Script = """
        (function(){
          function byIds(s){return (s||'').split(' ').filter(Boolean).map(function(id){return document.getElementById(id);}).filter(Boolean);}
          function clear(cls){document.querySelectorAll('.'+cls+',.'+cls+'-row').forEach(function(e){e.classList.remove(cls);e.classList.remove(cls+'-row');});}
          function mark(cls,facts,cells){
            clear(cls);
            facts.forEach(function(f){f.classList.add(cls);});
            cells.forEach(function(c){c.classList.add(cls);var tr=c.closest('tr');if(tr&&c.tagName==='TD')tr.classList.add(cls+'-row');});
          }
          function reveal(els){if(els.length)els[0].scrollIntoView({block:'center',inline:'nearest'});}
          function pick(e){
            var f=e.target.closest('[data-src]');if(f)return {facts:[f],cells:byIds(f.dataset.src),from:'fact'};
            var c=e.target.closest('[data-facts]');if(c)return {facts:byIds(c.dataset.facts),cells:[c],from:'cell'};
            return null;
          }
          document.addEventListener('mouseover',function(e){var p=pick(e);if(p)mark('hover',p.facts,p.cells);else clear('hover');});
          document.addEventListener('click',function(e){
            var p=pick(e);if(!p)return;
            mark('hl',p.facts,p.cells);
            reveal(p.from==='fact'?p.cells:p.facts);
          });
        })();
        """;
}
