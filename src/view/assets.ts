/**
 * The viewer's own stylesheet and script: small, dependency-free, the same in the local viewer and
 * in a self-contained report. The script only reads data the page embeds (or the viewer's own JSON
 * API) and writes text with `textContent`, never markup.
 */

export const STYLES = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--good:#1a7f37;--bad:#cf222e;--active:#9a6700;--neutral:#59636e;--link:#0969da;font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
*{box-sizing:border-box}body{margin:0}a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
header.top{display:flex;gap:16px;align-items:baseline;padding:10px 24px;border-bottom:1px solid var(--line);background:var(--soft)}
header.top .brand{font-weight:600;font-size:16px;color:var(--fg)}header.top .where{color:var(--muted);font-size:12px;overflow-wrap:anywhere}
main{padding:16px 24px 48px;max-width:1280px}
h1{font-size:20px;margin:8px 0 4px}h2{font-size:16px;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}h3{font-size:14px;margin:16px 0 6px}
.meta{color:var(--muted);display:flex;flex-wrap:wrap;gap:4px 16px;margin:4px 0 12px}.meta b{color:var(--fg);font-weight:600}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}th{background:var(--soft);font-weight:600;font-size:12px;color:var(--muted)}
td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:8px 10px;overflow:auto;max-height:420px;white-space:pre-wrap;overflow-wrap:anywhere;margin:4px 0}
.badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.tone-good{color:var(--good)}.tone-bad{color:var(--bad)}.tone-active{color:var(--active)}.tone-neutral{color:var(--neutral)}
.tag{display:inline-block;padding:0 6px;margin-left:4px;border-radius:4px;background:var(--soft);border:1px solid var(--line);font-size:11px;color:var(--muted)}
.flag{display:inline-block;padding:0 6px;border-radius:4px;font-size:11px;font-weight:600;background:#fff1e5;color:#bc4c00;border:1px solid #ffb77c}
.muted{color:var(--muted)}.failure{border-left:4px solid var(--bad);background:#ffebe9;padding:8px 12px;border-radius:4px;margin:8px 0}
.notice{border-left:4px solid var(--active);background:#fff8c5;padding:8px 12px;border-radius:4px;margin:8px 0}
input.search{width:100%;max-width:520px;padding:6px 10px;border:1px solid var(--line);border-radius:6px;font:inherit;margin:4px 0 8px}
tr.hidden{display:none}details>summary{cursor:pointer}details{margin:2px 0}
.run-chip{display:inline-block;min-width:22px;text-align:center;padding:0 4px;margin:1px;border-radius:4px;font-weight:600;border:1px solid currentColor}
.run-chip.chip-flaky{border-style:dashed}
.bar{fill:#8c959f}.bar.bad{fill:var(--bad)}.bar.gap{fill:#bc4c00}
svg.dag{max-width:100%;height:auto;border:1px solid var(--line);border-radius:6px;background:var(--soft)}
svg.dag .node rect{fill:#fff;stroke:#8c959f;stroke-width:1.5}svg.dag .node text{font:12px ui-monospace,Menlo,Consolas,monospace;fill:var(--fg)}svg.dag .node text.sub{font-size:11px;fill:var(--muted)}
svg.dag .node.state-completed rect{stroke:var(--good);fill:#dafbe1}svg.dag .node.state-failed rect{stroke:var(--bad);fill:#ffebe9;stroke-width:2.5}
svg.dag .node.state-running rect{stroke:var(--active);fill:#fff8c5;stroke-dasharray:5 3}svg.dag .node.state-paused rect{stroke:var(--active);fill:#fff8c5}
svg.dag .node.state-skipped rect{stroke:#d1d9e0;fill:#f6f8fa}svg.dag .node.state-skipped text{fill:#8c959f}
svg.dag a:focus-visible{outline:none}svg.dag a:focus-visible rect{stroke:var(--link);stroke-width:3}svg.dag a:hover rect{stroke-width:2.5}
tr:target>td{background:#ddf4ff}
svg.dag .edge{fill:none;stroke:#8c959f;stroke-width:1.5}svg.dag marker path{fill:#8c959f}
.timeline{list-style:none;padding:0;margin:0;border-left:3px solid var(--line)}.timeline>li{position:relative;margin:0 0 14px 0;padding-left:18px}
.timeline>li::before{content:"";position:absolute;left:-8px;top:4px;width:13px;height:13px;border-radius:50%;background:var(--bg);border:3px solid var(--line)}
.timeline>li.dot-good::before{border-color:var(--good)}.timeline>li.dot-bad::before{border-color:var(--bad)}.timeline>li.dot-neutral::before{border-color:var(--neutral)}.timeline>li.dot-active::before{border-color:var(--active)}
pre:empty{display:none}
.timeline .step{font-weight:600;color:var(--fg)}.step-kind{display:inline-block;min-width:76px;text-transform:uppercase;font-size:11px;letter-spacing:.04em;color:var(--muted)}
section.record{margin-bottom:48px}section.record+section.record{border-top:3px double var(--line);padding-top:8px}
.chart{margin:8px 0 4px}
`;

/** Runs once the page has loaded. Everything it shows goes through textContent. */
export const CLIENT_SCRIPT = `
(function(){
  'use strict';
  function filterRows(input){
    var words=input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var rows=document.querySelectorAll('[data-search]');var shown=0;
    for(var i=0;i<rows.length;i++){var text=rows[i].getAttribute('data-search');
      var ok=words.every(function(w){return text.indexOf(w)>=0});rows[i].classList.toggle('hidden',!ok);if(ok)shown++}
    var count=document.getElementById('shown-count');if(count)count.textContent=String(shown);
  }
  var search=document.querySelector('input[data-search-input]');
  if(search){search.addEventListener('input',function(){filterRows(search)});if(search.value)filterRows(search)}

  var charts=document.querySelectorAll('[data-chart]');
  for(var c=0;c<charts.length;c++){(function(host){
    if(typeof uPlot==='undefined')return;
    var source=document.getElementById(host.getAttribute('data-chart'));if(!source)return;
    var chart=JSON.parse(source.textContent);
    var palette=['#0969da','#cf222e','#1a7f37','#9a6700','#8250df','#bc4c00','#1b7c83','#6e7781'];
    var series=[{label:'suite started'}].concat(chart.series.map(function(name,i){
      return {label:name,stroke:palette[i%palette.length],width:2,points:{show:true,size:6},spanGaps:true,
        value:function(u,v){return v==null?'–':v+'%'}}}));
    var width=Math.max(320,Math.min(host.clientWidth||900,1200));
    new uPlot({width:width,height:260,series:series,scales:{y:{range:[0,100]}},
      axes:[{},{values:function(u,ticks){return ticks.map(function(t){return t+'%'})}}]},
      [chart.x].concat(chart.values),host);
  })(charts[c])}

  var live=document.querySelector('[data-live]');
  if(live){
    var url=live.getAttribute('data-live');var status=live.getAttribute('data-status');
    var poll=function(){
      fetch(url,{cache:'no-store'}).then(function(r){return r.ok?r.json():null}).then(function(run){
        if(!run)return;
        run.nodes.forEach(function(node){
          var g=document.querySelector('svg.dag [data-node="'+CSS.escape(node.id)+'"]');
          if(g){g.setAttribute('class','node state-'+node.state);var sub=g.querySelector('text.sub');if(sub)sub.textContent=node.label}
          var cells=document.querySelectorAll('[data-node-cell][data-node-id="'+CSS.escape(node.id)+'"]');
          for(var i=0;i<cells.length;i++){var field=cells[i].getAttribute('data-node-cell');var value=node[field];
            cells[i].textContent=value==null?'':String(value);
            if(field==='state')cells[i].className='badge tone-'+node.tone}
        });
        var badge=document.getElementById('run-status');if(badge){badge.textContent=run.status;badge.className='badge tone-'+run.tone}
        if(!run.active){if(run.status!==status)location.reload();return}
        setTimeout(poll,1000);
      }).catch(function(){setTimeout(poll,3000)});
    };
    setTimeout(poll,1000);
  }
})();
`;
