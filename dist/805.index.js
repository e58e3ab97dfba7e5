export const id = 805;
export const ids = [805];
export const modules = {

/***/ 86805:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderReportHtml: () => (/* binding */ renderReportHtml)
});

// UNUSED EXPORTS: renderReport

// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(60310);
// EXTERNAL MODULE: ./src/lib/text.ts
var lib_text = __webpack_require__(79112);
;// CONCATENATED MODULE: ./src/view/html.ts

/**
 * HTML built from templates that escape every interpolated value unless it is already `Html`. Agent
 * answers, request bodies, issue titles and node outputs all reach pages through here, so a value can
 * never become markup by forgetting to escape it, and terminal escape sequences (colours, OSC 8
 * links) captured from a program's output are dropped rather than shown as stray `[31m`.
 */
class Html {
    value;
    constructor(value) {
        this.value = value;
    }
    toString() {
        return this.value;
    }
}
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}
function render(part) {
    if (part === null || part === undefined || part === false)
        return '';
    if (part instanceof Html)
        return part.value;
    if (Array.isArray(part))
        return part.map(render).join('');
    return escapeHtml((0,lib_text/* stripAnsi */.aJ)(String(part)));
}
/** `html\`<td>${text}</td>\``: literal parts are markup, interpolated parts are text (or `Html`, or lists of them). */
function html(strings, ...values) {
    let out = strings[0];
    for (let index = 0; index < values.length; index++)
        out += render(values[index]) + strings[index + 1];
    return new Html(out);
}
/** Markup that is trusted as is (our own constants: CSS, scripts, SVG built from escaped parts). */
function raw(markup) {
    return new Html(markup);
}
/** A link target from recorded data: only http(s) URLs; anything else (javascript:, data:) is no link. */
function safeUrl(url) {
    if (!url)
        return undefined;
    try {
        const parsed = new URL(url);
        return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * JSON inside `<script type="application/json">`: `<` is escaped so that no value (an answer holding
 * `</script>`) can close the element.
 */
function jsonScript(id, value) {
    const text = JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
    return raw(`<script type="application/json" id="${escapeHtml(id)}">${text}</script>`);
}
/** Pretty JSON (or the text itself) for a `<pre>`, clipped so that one huge body cannot bloat a page. */
function pretty(value, max = 64 * 1024) {
    const text = typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? 'null');
    return text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters)` : text;
}
function html_formatDuration(ms) {
    if (ms === null || ms === undefined || !Number.isFinite(ms))
        return '–';
    if (ms < 10)
        return `${Number(ms.toFixed(1))} ms`;
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const minutes = Math.floor(ms / 60_000);
    return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}
/** `2026-01-31 14:05:09 UTC`: one fixed form, the same in the viewer and in a report opened anywhere. */
function formatTime(iso) {
    if (!iso)
        return '–';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime()))
        return iso;
    return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/view/assets.ts
/**
 * The viewer's own stylesheet and script: small, dependency-free, the same in the local viewer and
 * in a self-contained report. The script only reads data the page embeds (or the viewer's own JSON
 * API) and writes text with `textContent`, never markup.
 */
const STYLES = `
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
const CLIENT_SCRIPT = `
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

;// CONCATENATED MODULE: ./src/view/vendor/uplot.ts
// Generated by `npm run generate` from uplot 1.6.32 (dist/uPlot.iife.min.js, dist/uPlot.min.css). Do not edit.
// The MIT License (MIT)
//
// Copyright (c) 2022 Leon Sorokin
//
// Permission is hereby granted, free of charge, to any person obtaining a copy
// of this software and associated documentation files (the "Software"), to deal
// in the Software without restriction, including without limitation the rights
// to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
// copies of the Software, and to permit persons to whom the Software is
// furnished to do so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in
// all copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
// THE SOFTWARE.
const UPLOT_VERSION = "1.6.32";
const UPLOT_JS = "/*! https://github.com/leeoniya/uPlot (v1.6.32) */\nvar uPlot=function(){\"use strict\";const l=\"u-off\",e=\"u-label\",t=\"width\",n=\"height\",i=\"top\",o=\"bottom\",s=\"left\",r=\"right\",u=\"#000\",a=u+\"0\",f=\"mousemove\",c=\"mousedown\",h=\"mouseup\",d=\"mouseenter\",p=\"mouseleave\",m=\"dblclick\",g=\"change\",x=\"dppxchange\",w=\"--\",_=\"undefined\"!=typeof window,b=_?document:null,v=_?window:null,k=_?navigator:null;let y,M;function S(l,e){if(null!=e){let t=l.classList;!t.contains(e)&&t.add(e)}}function T(l,e){let t=l.classList;t.contains(e)&&t.remove(e)}function E(l,e,t){l.style[e]=t+\"px\"}function z(l,e,t,n){let i=b.createElement(l);return null!=e&&S(i,e),null!=t&&t.insertBefore(i,n),i}function D(l,e){return z(\"div\",l,e)}const P=new WeakMap;function A(e,t,n,i,o){let s=\"translate(\"+t+\"px,\"+n+\"px)\";s!=P.get(e)&&(e.style.transform=s,P.set(e,s),0>t||0>n||t>i||n>o?S(e,l):T(e,l))}const W=new WeakMap;function Y(l,e,t){let n=e+t;n!=W.get(l)&&(W.set(l,n),l.style.background=e,l.style.borderColor=t)}const C=new WeakMap;function H(l,e,t,n){let i=e+\"\"+t;i!=C.get(l)&&(C.set(l,i),l.style.height=t+\"px\",l.style.width=e+\"px\",l.style.marginLeft=n?-e/2+\"px\":0,l.style.marginTop=n?-t/2+\"px\":0)}const F={passive:!0},R={...F,capture:!0};function G(l,e,t,n){e.addEventListener(l,t,n?R:F)}function I(l,e,t){e.removeEventListener(l,t,F)}function L(l,e,t,n){let i;t=t||0;let o=2147483647>=(n=n||e.length-1);for(;n-t>1;)i=o?t+n>>1:sl((t+n)/2),l>e[i]?t=i:n=i;return l-e[t]>e[n]-l?n:t}function O(l){return(e,t,n)=>{let i=-1,o=-1;for(let o=t;n>=o;o++)if(l(e[o])){i=o;break}for(let i=n;i>=t;i--)if(l(e[i])){o=i;break}return[i,o]}}_&&function l(){let e=devicePixelRatio;y!=e&&(y=e,M&&I(g,M,l),M=matchMedia(`(min-resolution: ${y-.001}dppx) and (max-resolution: ${y+.001}dppx)`),G(g,M,l),v.dispatchEvent(new CustomEvent(x)))}();const N=l=>null!=l,j=l=>null!=l&&l>0,U=O(N),V=O(j);function B(l,e,t,n){let i=hl(l),o=hl(e);l==e&&(-1==i?(l*=t,e/=t):(l/=t,e*=t));let s=10==t?dl:pl,r=1==o?ul:sl,u=(1==i?sl:ul)(s(ol(l))),a=r(s(ol(e))),f=cl(t,u),c=cl(t,a);return 10==t&&(0>u&&(f=Al(f,-u)),0>a&&(c=Al(c,-a))),n||2==t?(l=f*i,e=c*o):(l=Pl(l,f),e=Dl(e,c)),[l,e]}function $(l,e,t,n){let i=B(l,e,t,n);return 0==l&&(i[0]=0),0==e&&(i[1]=0),i}const J=.1,q={mode:3,pad:J},K={pad:0,soft:null,mode:0},X={min:K,max:K};function Z(l,e,t,n){return Ol(t)?ll(l,e,t):(K.pad=t,K.soft=n?0:null,K.mode=n?3:0,ll(l,e,X))}function Q(l,e){return null==l?e:l}function ll(l,e,t){let n=t.min,i=t.max,o=Q(n.pad,0),s=Q(i.pad,0),r=Q(n.hard,-gl),u=Q(i.hard,gl),a=Q(n.soft,gl),f=Q(i.soft,-gl),c=Q(n.mode,0),h=Q(i.mode,0),d=e-l,p=dl(d),m=fl(ol(l),ol(e)),g=dl(m),x=ol(g-p);(1e-24>d||x>10)&&(d=0,0!=l&&0!=e||(d=1e-24,2==c&&a!=gl&&(o=0),2==h&&f!=-gl&&(s=0)));let w=d||m||1e3,_=dl(w),b=cl(10,sl(_)),v=Al(Pl(l-w*(0==d?0==l?.1:1:o),b/10),24),k=a>l||1!=c&&(3!=c||v>a)&&(2!=c||a>v)?gl:a,y=fl(r,k>v&&l>=k?k:al(k,v)),M=Al(Dl(e+w*(0==d?0==e?.1:1:s),b/10),24),S=e>f||1!=h&&(3!=h||f>M)&&(2!=h||M>f)?-gl:f,T=al(u,M>S&&S>=e?S:fl(S,M));return y==T&&0==y&&(T=100),[y,T]}const el=new Intl.NumberFormat(_?k.language:\"en-US\"),tl=l=>el.format(l),nl=Math,il=nl.PI,ol=nl.abs,sl=nl.floor,rl=nl.round,ul=nl.ceil,al=nl.min,fl=nl.max,cl=nl.pow,hl=nl.sign,dl=nl.log10,pl=nl.log2,ml=(l,e=1)=>nl.asinh(l/e),gl=1/0;function xl(l){return 1+(0|dl((l^l>>31)-(l>>31)))}function wl(l,e,t){return al(fl(l,e),t)}function _l(l){return\"function\"==typeof l}function bl(l){return _l(l)?l:()=>l}const vl=l=>l,kl=(l,e)=>e,yl=()=>null,Ml=()=>!0,Sl=(l,e)=>l==e,Tl=/\\.\\d*?(?=9{6,}|0{6,})/gm,El=l=>{if(Il(l)||Wl.has(l))return l;const e=\"\"+l,t=e.match(Tl);if(null==t)return l;let n=t[0].length-1;if(-1!=e.indexOf(\"e-\")){let[l,t]=e.split(\"e\");return+`${El(l)}e${t}`}return Al(l,n)};function zl(l,e){return El(Al(El(l/e))*e)}function Dl(l,e){return El(ul(El(l/e))*e)}function Pl(l,e){return El(sl(El(l/e))*e)}function Al(l,e=0){if(Il(l))return l;let t=10**e;return rl(l*t*(1+Number.EPSILON))/t}const Wl=new Map;function Yl(l){return((\"\"+l).split(\".\")[1]||\"\").length}function Cl(l,e,t,n){let i=[],o=n.map(Yl);for(let s=e;t>s;s++){let e=ol(s),t=Al(cl(l,s),e);for(let r=0;n.length>r;r++){let u=10==l?+`${n[r]}e${s}`:n[r]*t,a=(0>s?e:0)+(o[r]>s?o[r]:0),f=10==l?u:Al(u,a);i.push(f),Wl.set(f,a)}}return i}const Hl={},Fl=[],Rl=[null,null],Gl=Array.isArray,Il=Number.isInteger;function Ll(l){return\"string\"==typeof l}function Ol(l){let e=!1;if(null!=l){let t=l.constructor;e=null==t||t==Object}return e}function Nl(l){return null!=l&&\"object\"==typeof l}const jl=Object.getPrototypeOf(Uint8Array),Ul=\"__proto__\";function Vl(l,e=Ol){let t;if(Gl(l)){let n=l.find((l=>null!=l));if(Gl(n)||e(n)){t=Array(l.length);for(let n=0;l.length>n;n++)t[n]=Vl(l[n],e)}else t=l.slice()}else if(l instanceof jl)t=l.slice();else if(e(l)){t={};for(let n in l)n!=Ul&&(t[n]=Vl(l[n],e))}else t=l;return t}function Bl(l){let e=arguments;for(let t=1;e.length>t;t++){let n=e[t];for(let e in n)e!=Ul&&(Ol(l[e])?Bl(l[e],Vl(n[e])):l[e]=Vl(n[e]))}return l}function $l(l,e,t){for(let n,i=0,o=-1;e.length>i;i++){let s=e[i];if(s>o){for(n=s-1;n>=0&&null==l[n];)l[n--]=null;for(n=s+1;t>n&&null==l[n];)l[o=n++]=null}}}const Jl=\"undefined\"==typeof queueMicrotask?l=>Promise.resolve().then(l):queueMicrotask,ql=[\"January\",\"February\",\"March\",\"April\",\"May\",\"June\",\"July\",\"August\",\"September\",\"October\",\"November\",\"December\"],Kl=[\"Sunday\",\"Monday\",\"Tuesday\",\"Wednesday\",\"Thursday\",\"Friday\",\"Saturday\"];function Xl(l){return l.slice(0,3)}const Zl=Kl.map(Xl),Ql=ql.map(Xl),le={MMMM:ql,MMM:Ql,WWWW:Kl,WWW:Zl};function ee(l){return(10>l?\"0\":\"\")+l}const te={YYYY:l=>l.getFullYear(),YY:l=>(l.getFullYear()+\"\").slice(2),MMMM:(l,e)=>e.MMMM[l.getMonth()],MMM:(l,e)=>e.MMM[l.getMonth()],MM:l=>ee(l.getMonth()+1),M:l=>l.getMonth()+1,DD:l=>ee(l.getDate()),D:l=>l.getDate(),WWWW:(l,e)=>e.WWWW[l.getDay()],WWW:(l,e)=>e.WWW[l.getDay()],HH:l=>ee(l.getHours()),H:l=>l.getHours(),h:l=>{let e=l.getHours();return 0==e?12:e>12?e-12:e},AA:l=>12>l.getHours()?\"AM\":\"PM\",aa:l=>12>l.getHours()?\"am\":\"pm\",a:l=>12>l.getHours()?\"a\":\"p\",mm:l=>ee(l.getMinutes()),m:l=>l.getMinutes(),ss:l=>ee(l.getSeconds()),s:l=>l.getSeconds(),fff:l=>function(l){return(10>l?\"00\":100>l?\"0\":\"\")+l}(l.getMilliseconds())};function ne(l,e){e=e||le;let t,n=[],i=/\\{([a-z]+)\\}|[^{]+/gi;for(;t=i.exec(l);)n.push(\"{\"==t[0][0]?te[t[1]]:t[0]);return l=>{let t=\"\";for(let i=0;n.length>i;i++)t+=\"string\"==typeof n[i]?n[i]:n[i](l,e);return t}}const ie=(new Intl.DateTimeFormat).resolvedOptions().timeZone,oe=l=>l%1==0,se=[1,2,2.5,5],re=Cl(10,-32,0,se),ue=Cl(10,0,32,se),ae=ue.filter(oe),fe=re.concat(ue),ce=\"{YYYY}\",he=\"\\n\"+ce,de=\"{M}/{D}\",pe=\"\\n\"+de,me=pe+\"/{YY}\",ge=\"{aa}\",xe=\"{h}:{mm}\"+ge,we=\"\\n\"+xe,_e=\":{ss}\",be=null;function ve(l){let e=1e3*l,t=60*e,n=60*t,i=24*n,o=30*i,s=365*i;return[(1==l?Cl(10,0,3,se).filter(oe):Cl(10,-3,0,se)).concat([e,5*e,10*e,15*e,30*e,t,5*t,10*t,15*t,30*t,n,2*n,3*n,4*n,6*n,8*n,12*n,i,2*i,3*i,4*i,5*i,6*i,7*i,8*i,9*i,10*i,15*i,o,2*o,3*o,4*o,6*o,s,2*s,5*s,10*s,25*s,50*s,100*s]),[[s,ce,be,be,be,be,be,be,1],[28*i,\"{MMM}\",he,be,be,be,be,be,1],[i,de,he,be,be,be,be,be,1],[n,\"{h}\"+ge,me,be,pe,be,be,be,1],[t,xe,me,be,pe,be,be,be,1],[e,_e,me+\" \"+xe,be,pe+\" \"+xe,be,we,be,1],[l,_e+\".{fff}\",me+\" \"+xe,be,pe+\" \"+xe,be,we,be,1]],function(e){return(r,u,a,f,c,h)=>{let d=[],p=c>=s,m=c>=o&&s>c,g=e(a),x=Al(g*l,3),w=Pe(g.getFullYear(),p?0:g.getMonth(),m||p?1:g.getDate()),_=Al(w*l,3);if(m||p){let t=m?c/o:0,n=p?c/s:0,i=x==_?x:Al(Pe(w.getFullYear()+n,w.getMonth()+t,1)*l,3),r=new Date(rl(i/l)),u=r.getFullYear(),a=r.getMonth();for(let o=0;f>=i;o++){let s=Pe(u+n*o,a+t*o,1),r=s-e(Al(s*l,3));i=Al((+s+r)*l,3),i>f||d.push(i)}}else{let o=i>c?c:i,s=_+(sl(a)-sl(x))+Dl(x-_,o);d.push(s);let p=e(s),m=p.getHours()+p.getMinutes()/t+p.getSeconds()/n,g=c/n,w=h/r.axes[u]._space;for(;s=Al(s+c,1==l?0:3),f>=s;)if(g>1){let l=sl(Al(m+g,6))%24,t=e(s).getHours()-l;t>1&&(t=-1),s-=t*n,m=(m+g)%24,.7>Al((s-d[d.length-1])/c,3)*w||d.push(s)}else d.push(s)}return d}}]}const[ke,ye,Me]=ve(1),[Se,Te,Ee]=ve(.001);function ze(l,e){return l.map((l=>l.map(((t,n)=>0==n||8==n||null==t?t:e(1==n||0==l[8]?t:l[1]+t)))))}function De(l,e){return(t,n,i,o,s)=>{let r,u,a,f,c,h,d=e.find((l=>s>=l[0]))||e[e.length-1];return n.map((e=>{let t=l(e),n=t.getFullYear(),i=t.getMonth(),o=t.getDate(),s=t.getHours(),p=t.getMinutes(),m=t.getSeconds(),g=n!=r&&d[2]||i!=u&&d[3]||o!=a&&d[4]||s!=f&&d[5]||p!=c&&d[6]||m!=h&&d[7]||d[1];return r=n,u=i,a=o,f=s,c=p,h=m,g(t)}))}}function Pe(l,e,t){return new Date(l,e,t)}function Ae(l,e){return e(l)}function We(l,e){return(t,n,i,o)=>null==o?w:e(l(n))}Cl(2,-53,53,[1]);const Ye={show:!0,live:!0,isolate:!1,mount:()=>{},markers:{show:!0,width:2,stroke:function(l,e){let t=l.series[e];return t.width?t.stroke(l,e):t.points.width?t.points.stroke(l,e):null},fill:function(l,e){return l.series[e].fill(l,e)},dash:\"solid\"},idx:null,idxs:null,values:[]},Ce=[0,0];function He(l,e,t,n=!0){return l=>{0==l.button&&(!n||l.target==e)&&t(l)}}function Fe(l,e,t,n=!0){return l=>{(!n||l.target==e)&&t(l)}}const Re={show:!0,x:!0,y:!0,lock:!1,move:function(l,e,t){return Ce[0]=e,Ce[1]=t,Ce},points:{one:!1,show:function(l,e){let i=l.cursor.points,o=D(),s=i.size(l,e);E(o,t,s),E(o,n,s);let r=s/-2;E(o,\"marginLeft\",r),E(o,\"marginTop\",r);let u=i.width(l,e,s);return u&&E(o,\"borderWidth\",u),o},size:function(l,e){return l.series[e].points.size},width:0,stroke:function(l,e){let t=l.series[e].points;return t._stroke||t._fill},fill:function(l,e){let t=l.series[e].points;return t._fill||t._stroke}},bind:{mousedown:He,mouseup:He,click:He,dblclick:He,mousemove:Fe,mouseleave:Fe,mouseenter:Fe},drag:{setScale:!0,x:!0,y:!1,dist:0,uni:null,click:(l,e)=>{e.stopPropagation(),e.stopImmediatePropagation()},_x:!1,_y:!1},focus:{dist:(l,e,t,n,i)=>n-i,prox:-1,bias:0},hover:{skip:[void 0],prox:null,bias:0},left:-10,top:-10,idx:null,dataIdx:null,idxs:null,event:null},Ge={show:!0,stroke:\"rgba(0,0,0,0.07)\",width:2},Ie=Bl({},Ge,{filter:kl}),Le=Bl({},Ie,{size:10}),Oe=Bl({},Ge,{show:!1}),Ne='12px system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"Noto Sans\", sans-serif, \"Apple Color Emoji\", \"Segoe UI Emoji\", \"Segoe UI Symbol\", \"Noto Color Emoji\"',je=\"bold \"+Ne,Ue={show:!0,scale:\"x\",stroke:u,space:50,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:je,side:2,grid:Ie,ticks:Le,border:Oe,font:Ne,lineGap:1.5,rotate:0},Ve={show:!0,scale:\"x\",auto:!1,sorted:1,min:gl,max:-gl,idxs:[]};function Be(l,e){return e.map((l=>null==l?\"\":tl(l)))}function $e(l,e,t,n,i,o,s){let r=[],u=Wl.get(i)||0;for(let l=t=s?t:Al(Dl(t,i),u);n>=l;l=Al(l+i,u))r.push(Object.is(l,-0)?0:l);return r}function Je(l,e,t,n,i){const o=[],s=l.scales[l.axes[e].scale].log,r=sl((10==s?dl:pl)(t));i=cl(s,r),10==s&&(i=fe[L(i,fe)]);let u=t,a=i*s;10==s&&(a=fe[L(a,fe)]);do{o.push(u),u+=i,10!=s||Wl.has(u)||(u=Al(u,Wl.get(i))),a>u||(a=(i=u)*s,10==s&&(a=fe[L(a,fe)]))}while(n>=u);return o}function qe(l,e,t,n,i){let o=l.scales[l.axes[e].scale].asinh,s=n>o?Je(l,e,fl(o,t),n,i):[o],r=0>n||t>0?[]:[0];return(-o>t?Je(l,e,fl(o,-n),-t,i):[o]).reverse().map((l=>-l)).concat(r,s)}const Ke=/./,Xe=/[12357]/,Ze=/[125]/,Qe=/1/,lt=(l,e,t,n)=>l.map(((l,i)=>4==e&&0==l||i%n==0&&t.test(l.toExponential()[0>l?1:0])?l:null));function et(l,e,t){let n=l.axes[t],i=n.scale,o=l.scales[i],s=l.valToPos,r=n._space,u=s(10,i),a=s(9,i)-u<r?s(7,i)-u<r?s(5,i)-u<r?Qe:Ze:Xe:Ke;if(a==Qe){let l=ol(s(1,i)-u);if(r>l)return lt(e.slice().reverse(),o.distr,a,ul(r/l)).reverse()}return lt(e,o.distr,a,1)}function tt(l,e,t){let n=l.axes[t],i=n.scale,o=n._space,s=l.valToPos,r=ol(s(1,i)-s(2,i));return o>r?lt(e.slice().reverse(),3,Ke,ul(o/r)).reverse():e}function nt(l,e,t,n){return null==n?w:null==e?\"\":tl(e)}const it={show:!0,scale:\"y\",stroke:u,space:30,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:je,side:3,grid:Ie,ticks:Le,border:Oe,font:Ne,lineGap:1.5,rotate:0},ot={scale:null,auto:!0,sorted:0,min:gl,max:-gl},st=(l,e,t,n,i)=>i,rt={show:!0,auto:!0,sorted:0,gaps:st,alpha:1,facets:[Bl({},ot,{scale:\"x\"}),Bl({},ot,{scale:\"y\"})]},ut={scale:\"y\",auto:!0,sorted:0,show:!0,spanGaps:!1,gaps:st,alpha:1,points:{show:function(l,e){let{scale:t,idxs:n}=l.series[0],i=l._data[0],o=l.valToPos(i[n[0]],t,!0),s=l.valToPos(i[n[1]],t,!0);return ol(s-o)/(l.series[e].points.space*y)>=n[1]-n[0]},filter:null},values:null,min:gl,max:-gl,idxs:[],path:null,clip:null};function at(l,e,t){return t/10}const ft={time:!0,auto:!0,distr:1,log:10,asinh:1,min:null,max:null,dir:1,ori:0},ct=Bl({},ft,{time:!1,ori:1}),ht={};function dt(l){let e=ht[l];return e||(e={key:l,plots:[],sub(l){e.plots.push(l)},unsub(l){e.plots=e.plots.filter((e=>e!=l))},pub(l,t,n,i,o,s,r){for(let u=0;e.plots.length>u;u++)e.plots[u]!=t&&e.plots[u].pub(l,t,n,i,o,s,r)}},null!=l&&(ht[l]=e)),e}function pt(l,e,t){const n=l.mode,i=l.series[e],o=2==n?l._data[e]:l._data,s=l.scales,r=l.bbox;let u=o[0],a=2==n?o[1]:o[e],f=2==n?s[i.facets[0].scale]:s[l.series[0].scale],c=2==n?s[i.facets[1].scale]:s[i.scale],h=r.left,d=r.top,p=r.width,m=r.height,g=l.valToPosH,x=l.valToPosV;return 0==f.ori?t(i,u,a,f,c,g,x,h,d,p,m,kt,Mt,Tt,zt,Pt):t(i,u,a,f,c,x,g,d,h,m,p,yt,St,Et,Dt,At)}function mt(l,e){let t=0,n=0,i=Q(l.bands,Fl);for(let l=0;i.length>l;l++){let o=i[l];o.series[0]==e?t=o.dir:o.series[1]==e&&(n|=1==o.dir?1:2)}return[t,1==n?-1:2==n?1:3==n?2:0]}function gt(l,e,t,n,i){let o=l.series[e],s=l.scales[2==l.mode?o.facets[1].scale:o.scale];return-1==i?s.min:1==i?s.max:3==s.distr?1==s.dir?s.min:s.max:0}function xt(l,e,t,n,i,o){return pt(l,e,((l,e,s,r,u,a,f,c,h,d,p)=>{let m=l.pxRound;const g=0==r.ori?Mt:St;let x,w;1==r.dir*(0==r.ori?1:-1)?(x=t,w=n):(x=n,w=t);let _=m(a(e[x],r,d,c)),b=m(f(s[x],u,p,h)),v=m(a(e[w],r,d,c)),k=m(f(1==o?u.max:u.min,u,p,h)),y=new Path2D(i);return g(y,v,k),g(y,_,k),g(y,_,b),y}))}function wt(l,e,t,n,i,o){let s=null;if(l.length>0){s=new Path2D;const r=0==e?Tt:Et;let u=t;for(let e=0;l.length>e;e++){let t=l[e];if(t[1]>t[0]){let l=t[0]-u;l>0&&r(s,u,n,l,n+o),u=t[1]}}let a=t+i-u,f=10;a>0&&r(s,u,n-f/2,a,n+o+f)}return s}function _t(l,e,t,n,i,o,s){let r=[],u=l.length;for(let a=1==i?t:n;a>=t&&n>=a;a+=i)if(null===e[a]){let f=a,c=a;if(1==i)for(;++a<=n&&null===e[a];)c=a;else for(;--a>=t&&null===e[a];)c=a;let h=o(l[f]),d=c==f?h:o(l[c]),p=f-i;h=s>0||0>p||p>=u?h:o(l[p]);let m=c+i;d=0>s||0>m||m>=u?d:o(l[m]),h>d||r.push([h,d])}return r}function bt(l){return 0==l?vl:1==l?rl:e=>zl(e,l)}function vt(l){let e=0==l?kt:yt,t=0==l?(l,e,t,n,i,o)=>{l.arcTo(e,t,n,i,o)}:(l,e,t,n,i,o)=>{l.arcTo(t,e,i,n,o)},n=0==l?(l,e,t,n,i)=>{l.rect(e,t,n,i)}:(l,e,t,n,i)=>{l.rect(t,e,i,n)};return(l,i,o,s,r,u=0,a=0)=>{0==u&&0==a?n(l,i,o,s,r):(u=al(u,s/2,r/2),a=al(a,s/2,r/2),e(l,i+u,o),t(l,i+s,o,i+s,o+r,u),t(l,i+s,o+r,i,o+r,a),t(l,i,o+r,i,o,a),t(l,i,o,i+s,o,u),l.closePath())}}const kt=(l,e,t)=>{l.moveTo(e,t)},yt=(l,e,t)=>{l.moveTo(t,e)},Mt=(l,e,t)=>{l.lineTo(e,t)},St=(l,e,t)=>{l.lineTo(t,e)},Tt=vt(0),Et=vt(1),zt=(l,e,t,n,i,o)=>{l.arc(e,t,n,i,o)},Dt=(l,e,t,n,i,o)=>{l.arc(t,e,n,i,o)},Pt=(l,e,t,n,i,o,s)=>{l.bezierCurveTo(e,t,n,i,o,s)},At=(l,e,t,n,i,o,s)=>{l.bezierCurveTo(t,e,i,n,s,o)};function Wt(){return(l,e,t,n,i)=>pt(l,e,((e,o,s,r,u,a,f,c,h,d,p)=>{let m,g,{pxRound:x,points:w}=e;0==r.ori?(m=kt,g=zt):(m=yt,g=Dt);const _=Al(w.width*y,3);let b=(w.size-w.width)/2*y,v=Al(2*b,3),k=new Path2D,M=new Path2D,{left:S,top:T,width:E,height:z}=l.bbox;Tt(M,S-v,T-v,E+2*v,z+2*v);const D=l=>{if(null!=s[l]){let e=x(a(o[l],r,d,c)),t=x(f(s[l],u,p,h));m(k,e+b,t),g(k,e,t,b,0,2*il)}};if(i)i.forEach(D);else for(let l=t;n>=l;l++)D(l);return{stroke:_>0?k:null,fill:k,clip:M,flags:3}}))}function Yt(l){return(e,t,n,i,o,s)=>{n!=i&&(o!=n&&s!=n&&l(e,t,n),o!=i&&s!=i&&l(e,t,i),l(e,t,s))}}const Ct=Yt(Mt),Ht=Yt(St);function Ft(l){const e=Q(l?.alignGaps,0);return(l,t,n,i)=>pt(l,t,((o,s,r,u,a,f,c,h,d,p,m)=>{[n,i]=U(r,n,i);let g,x,w=o.pxRound,_=l=>w(f(l,u,p,h)),b=l=>w(c(l,a,m,d));0==u.ori?(g=Mt,x=Ct):(g=St,x=Ht);const v=u.dir*(0==u.ori?1:-1),k={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:1},y=k.stroke;let M=!1;if(i-n<4*p)for(let l=1==v?n:i;l>=n&&i>=l;l+=v){let e=r[l];null===e?M=!0:null!=e&&g(y,_(s[l]),b(e))}else{let e,t,o,a=e=>l.posToVal(e,u.key,!0),f=null,c=null,h=_(s[1==v?n:i]),d=_(s[n]),p=_(s[i]),m=a(1==v?d+1:p-1);for(let l=1==v?n:i;l>=n&&i>=l;l+=v){let n=s[l],i=(1==v?m>n:n>m)?h:_(n),o=r[l];i==h?null!=o?(t=o,null==f?(g(y,i,b(t)),e=f=c=t):f>t?f=t:t>c&&(c=t)):null===o&&(M=!0):(null!=f&&x(y,h,b(f),b(c),b(e),b(t)),null!=o?(t=o,g(y,i,b(t)),f=c=e=t):(f=c=null,null===o&&(M=!0)),h=i,m=a(h+v))}null!=f&&f!=c&&o!=h&&x(y,h,b(f),b(c),b(e),b(t))}let[S,T]=mt(l,t);if(null!=o.fill||0!=S){let e=k.fill=new Path2D(y),r=b(o.fillTo(l,t,o.min,o.max,S)),u=_(s[n]),a=_(s[i]);-1==v&&([a,u]=[u,a]),g(e,a,r),g(e,u,r)}if(!o.spanGaps){let a=[];M&&a.push(..._t(s,r,n,i,v,_,e)),k.gaps=a=o.gaps(l,t,n,i,a),k.clip=wt(a,u.ori,h,d,p,m)}return 0!=T&&(k.band=2==T?[xt(l,t,n,i,y,-1),xt(l,t,n,i,y,1)]:xt(l,t,n,i,y,T)),k}))}function Rt(l,e,t,n,i,o,s=gl){if(l.length>1){let r=null;for(let u=0,a=1/0;l.length>u;u++)if(void 0!==e[u]){if(null!=r){let e=ol(l[u]-l[r]);a>e&&(a=e,s=ol(t(l[u],n,i,o)-t(l[r],n,i,o)))}r=u}}return s}function Gt(l,e,t,n,i){const o=l.length;if(2>o)return null;const s=new Path2D;if(t(s,l[0],e[0]),2==o)n(s,l[1],e[1]);else{let t=Array(o),n=Array(o-1),r=Array(o-1),u=Array(o-1);for(let t=0;o-1>t;t++)r[t]=e[t+1]-e[t],u[t]=l[t+1]-l[t],n[t]=r[t]/u[t];t[0]=n[0];for(let l=1;o-1>l;l++)0===n[l]||0===n[l-1]||n[l-1]>0!=n[l]>0?t[l]=0:(t[l]=3*(u[l-1]+u[l])/((2*u[l]+u[l-1])/n[l-1]+(u[l]+2*u[l-1])/n[l]),isFinite(t[l])||(t[l]=0));t[o-1]=n[o-2];for(let n=0;o-1>n;n++)i(s,l[n]+u[n]/3,e[n]+t[n]*u[n]/3,l[n+1]-u[n]/3,e[n+1]-t[n+1]*u[n]/3,l[n+1],e[n+1])}return s}const It=new Set;function Lt(){for(let l of It)l.syncRect(!0)}_&&(G(\"resize\",v,Lt),G(\"scroll\",v,Lt,!0),G(x,v,(()=>{en.pxRatio=y})));const Ot=Ft(),Nt=Wt();function jt(l,e,t,n){return(n?[l[0],l[1]].concat(l.slice(2)):[l[0]].concat(l.slice(1))).map(((l,n)=>Ut(l,n,e,t)))}function Ut(l,e,t,n){return Bl({},0==e?t:n,l)}function Vt(l,e,t){return null==e?Rl:[e,t]}const Bt=Vt;function $t(l,e,t){return null==e?Rl:Z(e,t,J,!0)}function Jt(l,e,t,n){return null==e?Rl:B(e,t,l.scales[n].log,!1)}const qt=Jt;function Kt(l,e,t,n){return null==e?Rl:$(e,t,l.scales[n].log,!1)}const Xt=Kt;function Zt(l,e,t,n,i){let o=fl(xl(l),xl(e)),s=e-l,r=L(i/n*s,t);do{let l=t[r],e=n*l/s;if(e>=i&&17>=o+(5>l?Wl.get(l):0))return[l,e]}while(++r<t.length);return[0,0]}function Qt(l){let e,t;return[l=l.replace(/(\\d+)px/,((l,n)=>(e=rl((t=+n)*y))+\"px\")),e,t]}function ln(l){l.show&&[l.font,l.labelFont].forEach((l=>{let e=Al(l[2]*y,1);l[0]=l[0].replace(/[0-9.]+px/,e+\"px\"),l[1]=e}))}function en(u,g,_){const k={mode:Q(u.mode,1)},M=k.mode;function P(l,e,t,n){let i=e.valToPct(l);return n+t*(-1==e.dir?1-i:i)}function W(l,e,t,n){let i=e.valToPct(l);return n+t*(-1==e.dir?i:1-i)}function C(l,e,t,n){return 0==e.ori?P(l,e,t,n):W(l,e,t,n)}k.valToPosH=P,k.valToPosV=W;let F=!1;k.status=0;const R=k.root=D(\"uplot\");null!=u.id&&(R.id=u.id),S(R,u.class),u.title&&(D(\"u-title\",R).textContent=u.title);const O=z(\"canvas\"),K=k.ctx=O.getContext(\"2d\"),X=D(\"u-wrap\",R);G(\"click\",X,(l=>{l.target===el&&(Nn!=Gn||jn!=In)&&Zn.click(k,l)}),!0);const ll=k.under=D(\"u-under\",X);X.appendChild(O);const el=k.over=D(\"u-over\",X),tl=+Q((u=Vl(u)).pxAlign,1),sl=bt(tl);(u.plugins||[]).forEach((l=>{l.opts&&(u=l.opts(k,u)||u)}));const hl=u.ms||.001,pl=k.series=1==M?jt(u.series||[],Ve,ut,!1):function(l,e){return l.map(((l,t)=>0==t?{}:Bl({},e,l)))}(u.series||[null],rt),xl=k.axes=jt(u.axes||[],Ue,it,!0),vl=k.scales={},Tl=k.bands=u.bands||[];Tl.forEach((l=>{l.fill=bl(l.fill||null),l.dir=Q(l.dir,-1)}));const El=2==M?pl[1].facets[0].scale:pl[0].scale,Dl={axes:function(){for(let l=0;xl.length>l;l++){let e=xl[l];if(!e.show||!e._show)continue;let t,n,u=e.side,a=u%2,f=e.stroke(k,l),c=0==u||3==u?-1:1,[h,d]=e._found;if(null!=e.label){let s=rl((e._lpos+e.labelGap*c)*y);_n(e.labelFont[0],f,\"center\",2==u?i:o),K.save(),1==a?(t=n=0,K.translate(s,rl(lt+st/2)),K.rotate((3==u?-il:il)/2)):(t=rl(Qe+ot/2),n=s);let r=_l(e.label)?e.label(k,l,h,d):e.label;K.fillText(r,t,n),K.restore()}if(0==d)continue;let p=vl[e.scale],m=0==a?ot:st,g=0==a?Qe:lt,x=e._splits,w=2==p.distr?x.map((l=>pn[l])):x,_=2==p.distr?pn[x[1]]-pn[x[0]]:h,b=e.ticks,v=e.border,M=b.show?b.size:0,S=rl(M*y),T=rl((2==e.alignTo?e._size-M-e.gap:e.gap)*y),E=e._rotate*-il/180,z=sl(e._pos*y),D=z+(S+T)*c;n=0==a?D:0,t=1==a?D:0,_n(e.font[0],f,1==e.align?s:2==e.align?r:E>0?s:0>E?r:0==a?\"center\":3==u?r:s,E||1==a?\"middle\":2==u?i:o);let P=e.font[1]*e.lineGap,A=x.map((l=>sl(C(l,p,m,g)))),W=e._values;for(let l=0;W.length>l;l++){let e=W[l];if(null!=e){0==a?t=A[l]:n=A[l],e=\"\"+e;let i=-1==e.indexOf(\"\\n\")?[e]:e.split(/\\n/gm);for(let l=0;i.length>l;l++){let e=i[l];E?(K.save(),K.translate(t,n+l*P),K.rotate(E),K.fillText(e,0,0),K.restore()):K.fillText(e,t,n+l*P)}}}b.show&&zn(A,b.filter(k,w,l,d,_),a,u,z,S,Al(b.width*y,3),b.stroke(k,l),b.dash,b.cap);let Y=e.grid;Y.show&&zn(A,Y.filter(k,w,l,d,_),a,0==a?2:1,0==a?lt:Qe,0==a?st:ot,Al(Y.width*y,3),Y.stroke(k,l),Y.dash,Y.cap),v.show&&zn([z],[1],0==a?1:0,0==a?1:2,1==a?lt:Qe,1==a?st:ot,Al(v.width*y,3),v.stroke(k,l),v.dash,v.cap)}Ci(\"drawAxes\")},series:function(){if(Gt>0){let l=pl.some((l=>l._focus))&&dn!=Tt.alpha;l&&(K.globalAlpha=dn=Tt.alpha),pl.forEach(((l,e)=>{if(e>0&&l.show&&(kn(e,!1),kn(e,!0),null==l._paths)){let t=dn;dn!=l.alpha&&(K.globalAlpha=dn=l.alpha);let n=2==M?[0,g[e][0].length-1]:function(l){let e=wl(Lt-1,0,Gt-1),t=wl(en+1,0,Gt-1);for(;null==l[e]&&e>0;)e--;for(;null==l[t]&&Gt-1>t;)t++;return[e,t]}(g[e]);l._paths=l.paths(k,e,n[0],n[1]),dn!=t&&(K.globalAlpha=dn=t)}})),pl.forEach(((l,e)=>{if(e>0&&l.show){let t=dn;dn!=l.alpha&&(K.globalAlpha=dn=l.alpha),null!=l._paths&&yn(e,!1);{let t=null!=l._paths?l._paths.gaps:null,n=l.points.show(k,e,Lt,en,t),i=l.points.filter(k,e,n,t);(n||i)&&(l.points._paths=l.points.paths(k,e,Lt,en,i),yn(e,!0))}dn!=t&&(K.globalAlpha=dn=t),Ci(\"drawSeries\",e)}})),l&&(K.globalAlpha=dn=1)}}},Pl=(u.drawOrder||[\"axes\",\"series\"]).map((l=>Dl[l]));function Cl(l){const e=3==l.distr?e=>dl(e>0?e:l.clamp(k,e,l.min,l.max,l.key)):4==l.distr?e=>ml(e,l.asinh):100==l.distr?e=>l.fwd(e):l=>l;return t=>{let n=e(t),{_min:i,_max:o}=l;return(n-i)/(o-i)}}function Il(l){let e=vl[l];if(null==e){let t=(u.scales||Hl)[l]||Hl;if(null!=t.from){Il(t.from);let e=Bl({},vl[t.from],t,{key:l});e.valToPct=Cl(e),vl[l]=e}else{e=vl[l]=Bl({},l==El?ft:ct,t),e.key=l;let n=e.time,i=e.range,o=Gl(i);if((l!=El||2==M&&!n)&&(!o||null!=i[0]&&null!=i[1]||(i={min:null==i[0]?q:{mode:1,hard:i[0],soft:i[0]},max:null==i[1]?q:{mode:1,hard:i[1],soft:i[1]}},o=!1),!o&&Ol(i))){let l=i;i=(e,t,n)=>null==t?Rl:Z(t,n,l)}e.range=bl(i||(n?Bt:l==El?3==e.distr?qt:4==e.distr?Xt:Vt:3==e.distr?Jt:4==e.distr?Kt:$t)),e.auto=bl(!o&&e.auto),e.clamp=bl(e.clamp||at),e._min=e._max=null,e.valToPct=Cl(e)}}}Il(\"x\"),Il(\"y\"),1==M&&pl.forEach((l=>{Il(l.scale)})),xl.forEach((l=>{Il(l.scale)}));for(let l in u.scales)Il(l);const jl=vl[El],Ul=jl.distr;let $l,ql;0==jl.ori?(S(R,\"u-hz\"),$l=P,ql=W):(S(R,\"u-vt\"),$l=W,ql=P);const Kl={};for(let l in vl){let e=vl[l];null==e.min&&null==e.max||(Kl[l]={min:e.min,max:e.max},e.min=e.max=null)}const Xl=u.tzDate||(l=>new Date(rl(l/hl))),Zl=u.fmtDate||ne,Ql=1==hl?Me(Xl):Ee(Xl),le=De(Xl,ze(1==hl?ye:Te,Zl)),ee=We(Xl,Ae(\"{YYYY}-{MM}-{DD} {h}:{mm}{aa}\",Zl)),te=[],ie=k.legend=Bl({},Ye,u.legend),oe=k.cursor=Bl({},Re,{drag:{y:2==M}},u.cursor),se=ie.show,re=oe.show,ue=ie.markers;let ce,he,de;ie.idxs=te,ue.width=bl(ue.width),ue.dash=bl(ue.dash),ue.stroke=bl(ue.stroke),ue.fill=bl(ue.fill);let pe,me=[],ge=[],xe=!1,we={};if(ie.live){const l=pl[1]?pl[1].values:null;xe=null!=l,pe=xe?l(k,1,0):{_:0};for(let l in pe)we[l]=w}if(se)if(ce=z(\"table\",\"u-legend\",R),de=z(\"tbody\",null,ce),ie.mount(k,ce),xe){he=z(\"thead\",null,ce,de);let l=z(\"tr\",null,he);for(var _e in z(\"th\",null,l),pe)z(\"th\",e,l).textContent=_e}else S(ce,\"u-inline\"),ie.live&&S(ce,\"u-live\");const be={show:!0},ve={show:!1},Pe=new Map;function Ce(l,e,t,n=!0){const i=Pe.get(e)||{},o=oe.bind[l](k,e,t,n);o&&(G(l,e,i[l]=o),Pe.set(e,i))}function He(l,e){const t=Pe.get(e)||{};for(let n in t)null!=l&&n!=l||(I(n,e,t[n]),delete t[n]);null==l&&Pe.delete(e)}let Fe=0,Ge=0,Ie=0,Le=0,Oe=0,Ne=0,je=Oe,Ke=Ne,Xe=Ie,Ze=Le,Qe=0,lt=0,ot=0,st=0;k.bbox={};let ht=!1,pt=!1,mt=!1,xt=!1,wt=!1,_t=!1;function vt(l,e,t){(t||l!=k.width||e!=k.height)&&kt(l,e),An(!1),mt=!0,pt=!0,Jn()}function kt(l,e){k.width=Fe=Ie=l,k.height=Ge=Le=e,Oe=Ne=0,function(){let l=!1,e=!1,t=!1,n=!1;xl.forEach((i=>{if(i.show&&i._show){let{side:o,_size:s}=i,r=s+(null!=i.label?i.labelSize:0);r>0&&(o%2?(Ie-=r,3==o?(Oe+=r,n=!0):t=!0):(Le-=r,0==o?(Ne+=r,l=!0):e=!0))}})),Ct[0]=l,Ct[1]=t,Ct[2]=e,Ct[3]=n,Ie-=Rt[1]+Rt[3],Oe+=Rt[3],Le-=Rt[2]+Rt[0],Ne+=Rt[0]}(),function(){let l=Oe+Ie,e=Ne+Le,t=Oe,n=Ne;function i(i,o){switch(i){case 1:return l+=o,l-o;case 2:return e+=o,e-o;case 3:return t-=o,t+o;case 0:return n-=o,n+o}}xl.forEach((l=>{if(l.show&&l._show){let e=l.side;l._pos=i(e,l._size),null!=l.label&&(l._lpos=i(e,l.labelSize))}}))}();let t=k.bbox;Qe=t.left=zl(Oe*y,.5),lt=t.top=zl(Ne*y,.5),ot=t.width=zl(Ie*y,.5),st=t.height=zl(Le*y,.5)}const yt=3;if(k.setSize=function({width:l,height:e}){vt(l,e)},null==oe.dataIdx){let l=oe.hover,e=l.skip=new Set(l.skip??[]);e.add(void 0);let t=l.prox=bl(l.prox),n=l.bias??=0;oe.dataIdx=(l,i,o,s)=>{if(0==i)return o;let r=o,u=t(l,i,o,s)??gl,a=u>=0&&gl>u,f=0==jl.ori?Ie:Le,c=oe.left,h=g[0],d=g[i];if(e.has(d[o])){r=null;let l,t=null,i=null;if(0==n||-1==n)for(l=o;null==t&&l-- >0;)e.has(d[l])||(t=l);if(0==n||1==n)for(l=o;null==i&&l++<d.length;)e.has(d[l])||(i=l);if(null!=t||null!=i)if(a){let l=c-(null==t?-1/0:$l(h[t],jl,f,0)),e=(null==i?1/0:$l(h[i],jl,f,0))-c;l>e?e>u||(r=i):l>u||(r=t)}else r=null==i?t:null==t||o-t>i-o?i:t}else a&&ol(c-$l(h[o],jl,f,0))>u&&(r=null);return r}}const Mt=l=>{oe.event=l};oe.idxs=te,oe._lock=!1;let St=oe.points;St.show=bl(St.show),St.size=bl(St.size),St.stroke=bl(St.stroke),St.width=bl(St.width),St.fill=bl(St.fill);const Tt=k.focus=Bl({},u.focus||{alpha:.3},oe.focus),Et=Tt.prox>=0,zt=Et&&St.one;let Dt=[],Pt=[],At=[];function Wt(l,e){let t=St.show(k,e);if(t instanceof HTMLElement)return S(t,\"u-cursor-pt\"),S(t,l.class),A(t,-10,-10,Ie,Le),el.insertBefore(t,Dt[e]),t}function Yt(t,n){if(1==M||n>0){let l=1==M&&vl[t.scale].time,e=t.value;t.value=l?Ll(e)?We(Xl,Ae(e,Zl)):e||ee:e||nt,t.label=t.label||(l?\"Time\":\"Value\")}if(zt||n>0){t.width=null==t.width?1:t.width,t.paths=t.paths||Ot||yl,t.fillTo=bl(t.fillTo||gt),t.pxAlign=+Q(t.pxAlign,tl),t.pxRound=bt(t.pxAlign),t.stroke=bl(t.stroke||null),t.fill=bl(t.fill||null),t._stroke=t._fill=t._paths=t._focus=null;let l=function(l){return Al(1*(3+2*(l||1)),3)}(fl(1,t.width)),e=t.points=Bl({},{size:l,width:fl(1,.2*l),stroke:t.stroke,space:2*l,paths:Nt,_stroke:null,_fill:null},t.points);e.show=bl(e.show),e.filter=bl(e.filter),e.fill=bl(e.fill),e.stroke=bl(e.stroke),e.paths=bl(e.paths),e.pxAlign=t.pxAlign}if(se){let i=function(t,n){if(0==n&&(xe||!ie.live||2==M))return Rl;let i=[],o=z(\"tr\",\"u-series\",de,de.childNodes[n]);S(o,t.class),t.show||S(o,l);let s=z(\"th\",null,o);if(ue.show){let l=D(\"u-marker\",s);if(n>0){let e=ue.width(k,n);e&&(l.style.border=e+\"px \"+ue.dash(k,n)+\" \"+ue.stroke(k,n)),l.style.background=ue.fill(k,n)}}let r=D(e,s);for(var u in t.label instanceof HTMLElement?r.appendChild(t.label):r.textContent=t.label,n>0&&(ue.show||(r.style.color=t.width>0?ue.stroke(k,n):ue.fill(k,n)),Ce(\"click\",s,(l=>{if(oe._lock)return;Mt(l);let e=pl.indexOf(t);if((l.ctrlKey||l.metaKey)!=ie.isolate){let l=pl.some(((l,t)=>t>0&&t!=e&&l.show));pl.forEach(((t,n)=>{n>0&&oi(n,l?n==e?be:ve:be,!0,Fi.setSeries)}))}else oi(e,{show:!t.show},!0,Fi.setSeries)}),!1),Et&&Ce(d,s,(l=>{oe._lock||(Mt(l),oi(pl.indexOf(t),ai,!0,Fi.setSeries))}),!1)),pe){let l=z(\"td\",\"u-value\",o);l.textContent=\"--\",i.push(l)}return[o,i]}(t,n);me.splice(n,0,i[0]),ge.splice(n,0,i[1]),ie.values.push(null)}if(re){te.splice(n,0,null);let l=null;zt?0==n&&(l=Wt(t,n)):n>0&&(l=Wt(t,n)),Dt.splice(n,0,l),Pt.splice(n,0,0),At.splice(n,0,0)}Ci(\"addSeries\",n)}k.addSeries=function(l,e){e=null==e?pl.length:e,l=1==M?Ut(l,e,Ve,ut):Ut(l,e,{},rt),pl.splice(e,0,l),Yt(pl[e],e)},k.delSeries=function(l){if(pl.splice(l,1),se){ie.values.splice(l,1),ge.splice(l,1);let e=me.splice(l,1)[0];He(null,e.firstChild),e.remove()}re&&(te.splice(l,1),Dt.splice(l,1)[0].remove(),Pt.splice(l,1),At.splice(l,1)),Ci(\"delSeries\",l)};const Ct=[!1,!1,!1,!1];function Ht(l,e,t){let[n,i,o,s]=t,r=e%2,u=0;return 0==r&&(s||i)&&(u=0==e&&!n||2==e&&!o?rl(Ue.size/3):0),1==r&&(n||o)&&(u=1==e&&!i||3==e&&!s?rl(it.size/2):0),u}const Ft=k.padding=(u.padding||[Ht,Ht,Ht,Ht]).map((l=>bl(Q(l,Ht)))),Rt=k._padding=Ft.map(((l,e)=>l(k,e,Ct,0)));let Gt,Lt=null,en=null;const tn=1==M?pl[0].idxs:null;let nn,on,sn,rn,un,an,fn,cn,hn,dn,pn=null,mn=!1;function gn(l,e){if(k.data=k._data=g=null==l?[]:l,2==M){Gt=0;for(let l=1;pl.length>l;l++)Gt+=g[l][0].length}else{0==g.length&&(k.data=k._data=g=[[]]),pn=g[0],Gt=pn.length;let l=g;if(2==Ul){l=g.slice();let e=l[0]=Array(Gt);for(let l=0;Gt>l;l++)e[l]=l}k._data=g=l}if(An(!0),Ci(\"setData\"),2==Ul&&(mt=!0),!1!==e){let l=jl;l.auto(k,mn)?xn():ii(El,l.min,l.max),xt=xt||oe.left>=0,_t=!0,Jn()}}function xn(){let l,e;mn=!0,1==M&&(Gt>0?(Lt=tn[0]=0,en=tn[1]=Gt-1,l=g[0][Lt],e=g[0][en],2==Ul?(l=Lt,e=en):l==e&&(3==Ul?[l,e]=B(l,l,jl.log,!1):4==Ul?[l,e]=$(l,l,jl.log,!1):jl.time?e=l+rl(86400/hl):[l,e]=Z(l,e,J,!0))):(Lt=tn[0]=l=null,en=tn[1]=e=null)),ii(El,l,e)}function wn(l,e,t,n,i,o){l??=a,t??=Fl,n??=\"butt\",i??=a,o??=\"round\",l!=nn&&(K.strokeStyle=nn=l),i!=on&&(K.fillStyle=on=i),e!=sn&&(K.lineWidth=sn=e),o!=un&&(K.lineJoin=un=o),n!=an&&(K.lineCap=an=n),t!=rn&&K.setLineDash(rn=t)}function _n(l,e,t,n){e!=on&&(K.fillStyle=on=e),l!=fn&&(K.font=fn=l),t!=cn&&(K.textAlign=cn=t),n!=hn&&(K.textBaseline=hn=n)}function bn(l,e,t,n,i=0){if(n.length>0&&l.auto(k,mn)&&(null==e||null==e.min)){let e=Q(Lt,0),o=Q(en,n.length-1),s=null==t.min?function(l,e,t,n=0,i=!1){let o=i?V:U,s=i?j:N;[e,t]=o(l,e,t);let r=l[e],u=l[e];if(e>-1)if(1==n)r=l[e],u=l[t];else if(-1==n)r=l[t],u=l[e];else for(let n=e;t>=n;n++){let e=l[n];s(e)&&(r>e?r=e:e>u&&(u=e))}return[r??gl,u??-gl]}(n,e,o,i,3==l.distr):[t.min,t.max];l.min=al(l.min,t.min=s[0]),l.max=fl(l.max,t.max=s[1])}}k.setData=gn;const vn={min:null,max:null};function kn(l,e){let t=e?pl[l].points:pl[l];t._stroke=t.stroke(k,l),t._fill=t.fill(k,l)}function yn(l,e){let t=e?pl[l].points:pl[l],{stroke:n,fill:i,clip:o,flags:s,_stroke:r=t._stroke,_fill:u=t._fill,_width:a=t.width}=t._paths;a=Al(a*y,3);let f=null,c=a%2/2;e&&null==u&&(u=a>0?\"#fff\":r);let h=1==t.pxAlign&&c>0;if(h&&K.translate(c,c),!e){let l=Qe-a/2,e=lt-a/2,t=ot+a,n=st+a;f=new Path2D,f.rect(l,e,t,n)}e?Sn(r,a,t.dash,t.cap,u,n,i,s,o):function(l,e,t,n,i,o,s,r,u,a,f){let c=!1;0!=u&&Tl.forEach(((h,d)=>{if(h.series[0]==l){let l,p=pl[h.series[1]],m=g[h.series[1]],x=(p._paths||Hl).band;Gl(x)&&(x=1==h.dir?x[0]:x[1]);let w=null;p.show&&x&&function(l,e,t){for(e=Q(e,0),t=Q(t,l.length-1);t>=e;){if(null!=l[e])return!0;e++}return!1}(m,Lt,en)?(w=h.fill(k,d)||o,l=p._paths.clip):x=null,Sn(e,t,n,i,w,s,r,u,a,f,l,x),c=!0}})),c||Sn(e,t,n,i,o,s,r,u,a,f)}(l,r,a,t.dash,t.cap,u,n,i,s,f,o),h&&K.translate(-c,-c)}const Mn=3;function Sn(l,e,t,n,i,o,s,r,u,a,f,c){wn(l,e,t,n,i),(u||a||c)&&(K.save(),u&&K.clip(u),a&&K.clip(a)),c?(r&Mn)==Mn?(K.clip(c),f&&K.clip(f),En(i,s),Tn(l,o,e)):2&r?(En(i,s),K.clip(c),Tn(l,o,e)):1&r&&(K.save(),K.clip(c),f&&K.clip(f),En(i,s),K.restore(),Tn(l,o,e)):(En(i,s),Tn(l,o,e)),(u||a||c)&&K.restore()}function Tn(l,e,t){t>0&&(e instanceof Map?e.forEach(((l,e)=>{K.strokeStyle=nn=e,K.stroke(l)})):null!=e&&l&&K.stroke(e))}function En(l,e){e instanceof Map?e.forEach(((l,e)=>{K.fillStyle=on=e,K.fill(l)})):null!=e&&l&&K.fill(e)}function zn(l,e,t,n,i,o,s,r,u,a){let f=s%2/2;1==tl&&K.translate(f,f),wn(r,s,u,a,r),K.beginPath();let c,h,d,p,m=i+(0==n||3==n?-o:o);0==t?(h=i,p=m):(c=i,d=m);for(let n=0;l.length>n;n++)null!=e[n]&&(0==t?c=d=l[n]:h=p=l[n],K.moveTo(c,h),K.lineTo(d,p));K.stroke(),1==tl&&K.translate(-f,-f)}function Dn(l){let e=!0;return xl.forEach(((t,n)=>{if(!t.show)return;let i=vl[t.scale];if(null==i.min)return void(t._show&&(e=!1,t._show=!1,An(!1)));t._show||(e=!1,t._show=!0,An(!1));let o=t.side,s=o%2,{min:r,max:u}=i,[a,f]=function(l,e,t,n){let i,o=xl[l];if(n>0){let s=o._space=o.space(k,l,e,t,n);i=Zt(e,t,o._incrs=o.incrs(k,l,e,t,n,s),n,s)}else i=[0,0];return o._found=i}(n,r,u,0==s?Ie:Le);if(0==f)return;let c=t._splits=t.splits(k,n,r,u,a,f,2==i.distr),h=2==i.distr?c.map((l=>pn[l])):c,d=2==i.distr?pn[c[1]]-pn[c[0]]:a,p=t._values=t.values(k,t.filter(k,h,n,f,d),n,f,d);t._rotate=2==o?t.rotate(k,p,n,f):0;let m=t._size;t._size=ul(t.size(k,p,n,l)),null!=m&&t._size!=m&&(e=!1)})),e}function Pn(l){let e=!0;return Ft.forEach(((t,n)=>{let i=t(k,n,Ct,l);i!=Rt[n]&&(e=!1),Rt[n]=i})),e}function An(l){pl.forEach(((e,t)=>{t>0&&(e._paths=null,l&&(1==M?(e.min=null,e.max=null):e.facets.forEach((l=>{l.min=null,l.max=null}))))}))}let Wn,Yn,Cn,Hn,Fn,Rn,Gn,In,Ln,On,Nn,jn,Un=!1,Vn=!1,Bn=[];function $n(){Vn=!1;for(let l=0;Bn.length>l;l++)Ci(...Bn[l]);Bn.length=0}function Jn(){Un||(Jl(qn),Un=!0)}function qn(){if(ht&&(function(){for(let l in vl){let e=vl[l];null==Kl[l]&&(null==e.min||null!=Kl[El]&&e.auto(k,mn))&&(Kl[l]=vn)}for(let l in vl){let e=vl[l];null==Kl[l]&&null!=e.from&&null!=Kl[e.from]&&(Kl[l]=vn)}null!=Kl[El]&&An(!0);let l={};for(let e in Kl){let t=Kl[e];if(null!=t){let n=l[e]=Vl(vl[e],Nl);if(null!=t.min)Bl(n,t);else if(e!=El||2==M)if(0==Gt&&null==n.from){let l=n.range(k,null,null,e);n.min=l[0],n.max=l[1]}else n.min=gl,n.max=-gl}}if(Gt>0){pl.forEach(((e,t)=>{if(1==M){let n=e.scale,i=Kl[n];if(null==i)return;let o=l[n];if(0==t){let l=o.range(k,o.min,o.max,n);o.min=l[0],o.max=l[1],Lt=L(o.min,g[0]),en=L(o.max,g[0]),en-Lt>1&&(o.min>g[0][Lt]&&Lt++,g[0][en]>o.max&&en--),e.min=pn[Lt],e.max=pn[en]}else e.show&&e.auto&&bn(o,i,e,g[t],e.sorted);e.idxs[0]=Lt,e.idxs[1]=en}else if(t>0&&e.show&&e.auto){let[n,i]=e.facets,o=n.scale,s=i.scale,[r,u]=g[t],a=l[o],f=l[s];null!=a&&bn(a,Kl[o],n,r,n.sorted),null!=f&&bn(f,Kl[s],i,u,i.sorted),e.min=i.min,e.max=i.max}}));for(let e in l){let t=l[e],n=Kl[e];if(null==t.from&&(null==n||null==n.min)){let l=t.range(k,t.min==gl?null:t.min,t.max==-gl?null:t.max,e);t.min=l[0],t.max=l[1]}}}for(let e in l){let t=l[e];if(null!=t.from){let n=l[t.from];if(null==n.min)t.min=t.max=null;else{let l=t.range(k,n.min,n.max,e);t.min=l[0],t.max=l[1]}}}let e={},t=!1;for(let n in l){let i=l[n],o=vl[n];if(o.min!=i.min||o.max!=i.max){o.min=i.min,o.max=i.max;let l=o.distr;o._min=3==l?dl(o.min):4==l?ml(o.min,o.asinh):100==l?o.fwd(o.min):o.min,o._max=3==l?dl(o.max):4==l?ml(o.max,o.asinh):100==l?o.fwd(o.max):o.max,e[n]=t=!0}}if(t){pl.forEach(((l,t)=>{2==M?t>0&&e.y&&(l._paths=null):e[l.scale]&&(l._paths=null)}));for(let l in e)mt=!0,Ci(\"setScale\",l);re&&oe.left>=0&&(xt=_t=!0)}for(let l in Kl)Kl[l]=null}(),ht=!1),mt&&(function(){let l=!1,e=0;for(;!l;){e++;let t=Dn(e),n=Pn(e);l=e==yt||t&&n,l||(kt(k.width,k.height),pt=!0)}}(),mt=!1),pt){if(E(ll,s,Oe),E(ll,i,Ne),E(ll,t,Ie),E(ll,n,Le),E(el,s,Oe),E(el,i,Ne),E(el,t,Ie),E(el,n,Le),E(X,t,Fe),E(X,n,Ge),O.width=rl(Fe*y),O.height=rl(Ge*y),xl.forEach((({_el:e,_show:t,_size:n,_pos:i,side:o})=>{if(null!=e)if(t){let t=o%2==1;E(e,t?\"left\":\"top\",i-(3===o||0===o?n:0)),E(e,t?\"width\":\"height\",n),E(e,t?\"top\":\"left\",t?Ne:Oe),E(e,t?\"height\":\"width\",t?Le:Ie),T(e,l)}else S(e,l)})),nn=on=sn=un=an=fn=cn=hn=rn=null,dn=1,_i(!0),Oe!=je||Ne!=Ke||Ie!=Xe||Le!=Ze){An(!1);let l=Ie/Xe,e=Le/Ze;if(re&&!xt&&oe.left>=0){oe.left*=l,oe.top*=e,Cn&&A(Cn,rl(oe.left),0,Ie,Le),Hn&&A(Hn,0,rl(oe.top),Ie,Le);for(let t=0;Dt.length>t;t++){let n=Dt[t];null!=n&&(Pt[t]*=l,At[t]*=e,A(n,ul(Pt[t]),ul(At[t]),Ie,Le))}}if(ei.show&&!wt&&ei.left>=0&&ei.width>0){ei.left*=l,ei.width*=l,ei.top*=e,ei.height*=e;for(let l in ki)E(ti,l,ei[l])}je=Oe,Ke=Ne,Xe=Ie,Ze=Le}Ci(\"setSize\"),pt=!1}Fe>0&&Ge>0&&(K.clearRect(0,0,O.width,O.height),Ci(\"drawClear\"),Pl.forEach((l=>l())),Ci(\"draw\")),ei.show&&wt&&(ni(ei),wt=!1),re&&xt&&(xi(null,!0,!1),xt=!1),ie.show&&ie.live&&_t&&(mi(),_t=!1),F||(F=!0,k.status=1,Ci(\"ready\")),mn=!1,Un=!1}function Kn(l,e){let t=vl[l];if(null==t.from){if(0==Gt){let n=t.range(k,e.min,e.max,l);e.min=n[0],e.max=n[1]}if(e.min>e.max){let l=e.min;e.min=e.max,e.max=l}if(Gt>1&&null!=e.min&&null!=e.max&&1e-16>e.max-e.min)return;l==El&&2==t.distr&&Gt>0&&(e.min=L(e.min,g[0]),e.max=L(e.max,g[0]),e.min==e.max&&e.max++),Kl[l]=e,ht=!0,Jn()}}k.batch=function(l,e=!1){Un=!0,Vn=e,l(k),qn(),e&&Bn.length>0&&queueMicrotask($n)},k.redraw=(l,e)=>{mt=e||!1,!1!==l?ii(El,jl.min,jl.max):Jn()},k.setScale=Kn;let Xn=!1;const Zn=oe.drag;let Qn=Zn.x,li=Zn.y;re&&(oe.x&&(Wn=D(\"u-cursor-x\",el)),oe.y&&(Yn=D(\"u-cursor-y\",el)),0==jl.ori?(Cn=Wn,Hn=Yn):(Cn=Yn,Hn=Wn),Nn=oe.left,jn=oe.top);const ei=k.select=Bl({show:!0,over:!0,left:0,width:0,top:0,height:0},u.select),ti=ei.show?D(\"u-select\",ei.over?el:ll):null;function ni(l,e){if(ei.show){for(let e in l)ei[e]=l[e],e in ki&&E(ti,e,l[e]);!1!==e&&Ci(\"setSelect\")}}function ii(l,e,t){Kn(l,{min:e,max:t})}function oi(e,t,n,i){null!=t.focus&&function(l){if(l!=ui){let e=null==l,t=1!=Tt.alpha;pl.forEach(((n,i)=>{if(1==M||i>0){let o=e||0==i||i==l;n._focus=e?null:o,t&&function(l,e){pl[l].alpha=e,re&&null!=Dt[l]&&(Dt[l].style.opacity=e),se&&me[l]&&(me[l].style.opacity=e)}(i,o?1:Tt.alpha)}})),ui=l,t&&Jn()}}(e),null!=t.show&&pl.forEach(((n,i)=>{0>=i||e!=i&&null!=e||(n.show=t.show,function(e){if(pl[e].show)se&&T(me[e],l);else if(se&&S(me[e],l),re){let l=zt?Dt[0]:Dt[e];null!=l&&A(l,-10,-10,Ie,Le)}}(i),2==M?(ii(n.facets[0].scale,null,null),ii(n.facets[1].scale,null,null)):ii(n.scale,null,null),Jn())})),!1!==n&&Ci(\"setSeries\",e,t),i&&Ii(\"setSeries\",k,e,t)}let si,ri,ui;k.setSelect=ni,k.setSeries=oi,k.addBand=function(l,e){l.fill=bl(l.fill||null),l.dir=Q(l.dir,-1),Tl.splice(e=null==e?Tl.length:e,0,l)},k.setBand=function(l,e){Bl(Tl[l],e)},k.delBand=function(l){null==l?Tl.length=0:Tl.splice(l,1)};const ai={focus:!0};function fi(l,e,t){let n=vl[e];t&&(l=l/y-(1==n.ori?Ne:Oe));let i=Ie;1==n.ori&&(i=Le,l=i-l),-1==n.dir&&(l=i-l);let o=n._min,s=o+l/i*(n._max-o),r=n.distr;return 3==r?cl(10,s):4==r?((l,e=1)=>nl.sinh(l)*e)(s,n.asinh):100==r?n.bwd(s):s}function ci(l,e){E(ti,s,ei.left=l),E(ti,t,ei.width=e)}function hi(l,e){E(ti,i,ei.top=l),E(ti,n,ei.height=e)}se&&Et&&Ce(p,ce,(l=>{oe._lock||(Mt(l),null!=ui&&oi(null,ai,!0,Fi.setSeries))})),k.valToIdx=l=>L(l,g[0]),k.posToIdx=function(l,e){return L(fi(l,El,e),g[0],Lt,en)},k.posToVal=fi,k.valToPos=(l,e,t)=>0==vl[e].ori?P(l,vl[e],t?ot:Ie,t?Qe:0):W(l,vl[e],t?st:Le,t?lt:0),k.setCursor=(l,e,t)=>{Nn=l.left,jn=l.top,xi(null,e,t)};let di=0==jl.ori?ci:hi,pi=1==jl.ori?ci:hi;function mi(l,e){if(null!=l&&(l.idxs?l.idxs.forEach(((l,e)=>{te[e]=l})):(l=>void 0===l)(l.idx)||te.fill(l.idx),ie.idx=te[0]),se&&ie.live){for(let l=0;pl.length>l;l++)(l>0||1==M&&!xe)&&gi(l,te[l]);!function(){if(se&&ie.live)for(let l=2==M?1:0;pl.length>l;l++){if(0==l&&xe)continue;let e=ie.values[l],t=0;for(let n in e)ge[l][t++].firstChild.nodeValue=e[n]}}()}_t=!1,!1!==e&&Ci(\"setLegend\")}function gi(l,e){let t,n=pl[l],i=0==l&&2==Ul?pn:g[l];xe?t=n.values(k,l,e)??we:(t=n.value(k,null==e?null:i[e],l,e),t=null==t?we:{_:t}),ie.values[l]=t}function xi(l,e,t){let n;Ln=Nn,On=jn,[Nn,jn]=oe.move(k,Nn,jn),oe.left=Nn,oe.top=jn,re&&(Cn&&A(Cn,rl(Nn),0,Ie,Le),Hn&&A(Hn,0,rl(jn),Ie,Le)),si=gl,ri=null;let i=0==jl.ori?Ie:Le,o=1==jl.ori?Ie:Le;if(0>Nn||0==Gt||Lt>en){n=oe.idx=null;for(let l=0;pl.length>l;l++){let e=Dt[l];null!=e&&A(e,-10,-10,Ie,Le)}Et&&oi(null,ai,!0,null==l&&Fi.setSeries),ie.live&&(te.fill(n),_t=!0)}else{let l,e,t;1==M&&(l=0==jl.ori?Nn:jn,e=fi(l,El),n=oe.idx=L(e,g[0],Lt,en),t=$l(g[0][n],jl,i,0));let s=-10,r=-10,u=0,a=0,f=!0,c=\"\",h=\"\";for(let l=2==M?1:0;pl.length>l;l++){let d=pl[l],p=te[l],m=null==p?null:1==M?g[l][p]:g[l][1][p],x=oe.dataIdx(k,l,n,e),w=null==x?null:1==M?g[l][x]:g[l][1][x];if(_t=_t||w!=m||x!=p,te[l]=x,l>0&&d.show){let e=null==x?-10:x==n?t:$l(1==M?g[0][x]:g[l][0][x],jl,i,0),p=null==w?-10:ql(w,1==M?vl[d.scale]:vl[d.facets[1].scale],o,0);if(Et&&null!=w){let e=1==jl.ori?Nn:jn,t=ol(Tt.dist(k,l,x,p,e));if(si>t){let n=Tt.bias;if(0!=n){let i=fi(e,d.scale),o=0>i?-1:1;o!=(0>w?-1:1)||(1==o?1==n?i>w:w>i:1==n?w>i:i>w)||(si=t,ri=l)}else si=t,ri=l}}if(_t||zt){let t,n;0==jl.ori?(t=e,n=p):(t=p,n=e);let i,o,d,m,g,x,w=!0,_=St.bbox;if(null!=_){w=!1;let e=_(k,l);d=e.left,m=e.top,i=e.width,o=e.height}else d=t,m=n,i=o=St.size(k,l);if(x=St.fill(k,l),g=St.stroke(k,l),zt)l!=ri||si>Tt.prox||(s=d,r=m,u=i,a=o,f=w,c=x,h=g);else{let e=Dt[l];null!=e&&(Pt[l]=d,At[l]=m,H(e,i,o,w),Y(e,x,g),A(e,ul(d),ul(m),Ie,Le))}}}}if(zt){let l=Tt.prox;if(_t||(null==ui?l>=si:si>l||ri!=ui)){let l=Dt[0];null!=l&&(Pt[0]=s,At[0]=r,H(l,u,a,f),Y(l,c,h),A(l,ul(s),ul(r),Ie,Le))}}}if(ei.show&&Xn)if(null!=l){let[e,t]=Fi.scales,[n,s]=Fi.match,[r,u]=l.cursor.sync.scales,a=l.cursor.drag;if(Qn=a._x,li=a._y,Qn||li){let a,f,c,h,d,{left:p,top:m,width:g,height:x}=l.select,w=l.scales[r].ori,_=l.posToVal,b=null!=e&&n(e,r),v=null!=t&&s(t,u);b&&Qn?(0==w?(a=p,f=g):(a=m,f=x),c=vl[e],h=$l(_(a,r),c,i,0),d=$l(_(a+f,r),c,i,0),di(al(h,d),ol(d-h))):di(0,i),v&&li?(1==w?(a=p,f=g):(a=m,f=x),c=vl[t],h=ql(_(a,u),c,o,0),d=ql(_(a+f,u),c,o,0),pi(al(h,d),ol(d-h))):pi(0,o)}else yi()}else{let l=ol(Ln-Fn),e=ol(On-Rn);if(1==jl.ori){let t=l;l=e,e=t}Qn=Zn.x&&l>=Zn.dist,li=Zn.y&&e>=Zn.dist;let t,n,s=Zn.uni;null!=s?Qn&&li&&(Qn=l>=s,li=e>=s,Qn||li||(e>l?li=!0:Qn=!0)):Zn.x&&Zn.y&&(Qn||li)&&(Qn=li=!0),Qn&&(0==jl.ori?(t=Gn,n=Nn):(t=In,n=jn),di(al(t,n),ol(n-t)),li||pi(0,o)),li&&(1==jl.ori?(t=Gn,n=Nn):(t=In,n=jn),pi(al(t,n),ol(n-t)),Qn||di(0,i)),Qn||li||(di(0,0),pi(0,0))}if(Zn._x=Qn,Zn._y=li,null==l){if(t){if(null!=Ri){let[l,e]=Fi.scales;Fi.values[0]=null!=l?fi(0==jl.ori?Nn:jn,l):null,Fi.values[1]=null!=e?fi(1==jl.ori?Nn:jn,e):null}Ii(f,k,Nn,jn,Ie,Le,n)}if(Et){let l=t&&Fi.setSeries,e=Tt.prox;null==ui?si>e||oi(ri,ai,!0,l):si>e?oi(null,ai,!0,l):ri!=ui&&oi(ri,ai,!0,l)}}_t&&(ie.idx=n,mi()),!1!==e&&Ci(\"setCursor\")}k.setLegend=mi;let wi=null;function _i(l=!1){l?wi=null:(wi=el.getBoundingClientRect(),Ci(\"syncRect\",wi))}function bi(l,e,t,n,i,o){oe._lock||Xn&&null!=l&&0==l.movementX&&0==l.movementY||(vi(l,e,t,n,i,o,0,!1,null!=l),null!=l?xi(null,!0,!0):xi(e,!0,!1))}function vi(l,e,t,n,i,o,s,r,u){if(null==wi&&_i(!1),Mt(l),null!=l)t=l.clientX-wi.left,n=l.clientY-wi.top;else{if(0>t||0>n)return Nn=-10,void(jn=-10);let[l,s]=Fi.scales,r=e.cursor.sync,[u,a]=r.values,[f,c]=r.scales,[h,d]=Fi.match,p=e.axes[0].side%2==1,m=0==jl.ori?Ie:Le,g=1==jl.ori?Ie:Le,x=p?o:i,w=p?i:o,_=p?n:t,b=p?t:n;if(t=null!=f?h(l,f)?C(u,vl[l],m,0):-10:m*(_/x),n=null!=c?d(s,c)?C(a,vl[s],g,0):-10:g*(b/w),1==jl.ori){let l=t;t=n,n=l}}!u||null!=e&&e.cursor.event.type!=f||(t>1&&Ie-1>t||(t=zl(t,Ie)),n>1&&Le-1>n||(n=zl(n,Le))),r?(Fn=t,Rn=n,[Gn,In]=oe.move(k,t,n)):(Nn=t,jn=n)}Object.defineProperty(k,\"rect\",{get:()=>(null==wi&&_i(!1),wi)});const ki={width:0,height:0,left:0,top:0};function yi(){ni(ki,!1)}let Mi,Si,Ti,Ei;function zi(l,e,t,n,i,o){Xn=!0,Qn=li=Zn._x=Zn._y=!1,vi(l,e,t,n,i,o,0,!0,!1),null!=l&&(Ce(h,b,Di,!1),Ii(c,k,Gn,In,Ie,Le,null));let{left:s,top:r,width:u,height:a}=ei;Mi=s,Si=r,Ti=u,Ei=a}function Di(l,e,t,n,i,o){Xn=Zn._x=Zn._y=!1,vi(l,e,t,n,i,o,0,!1,!0);let{left:s,top:r,width:u,height:a}=ei,f=u>0||a>0,c=Mi!=s||Si!=r||Ti!=u||Ei!=a;if(f&&c&&ni(ei),Zn.setScale&&f&&c){let l=s,e=u,t=r,n=a;if(1==jl.ori&&(l=r,e=a,t=s,n=u),Qn&&ii(El,fi(l,El),fi(l+e,El)),li)for(let l in vl){let e=vl[l];l!=El&&null==e.from&&e.min!=gl&&ii(l,fi(t+n,l),fi(t,l))}yi()}else oe.lock&&(oe._lock=!oe._lock,xi(e,!0,null!=l));null!=l&&(He(h,b),Ii(h,k,Nn,jn,Ie,Le,null))}function Pi(l){oe._lock||(Mt(l),xn(),yi(),null!=l&&Ii(m,k,Nn,jn,Ie,Le,null))}function Ai(){xl.forEach(ln),vt(k.width,k.height,!0)}G(x,v,Ai);const Wi={};Wi.mousedown=zi,Wi.mousemove=bi,Wi.mouseup=Di,Wi.dblclick=Pi,Wi.setSeries=(l,e,t,n)=>{-1!=(t=(0,Fi.match[2])(k,e,t))&&oi(t,n,!0,!1)},re&&(Ce(c,el,zi),Ce(f,el,bi),Ce(d,el,(l=>{Mt(l),_i(!1)})),Ce(p,el,(function(l){if(oe._lock)return;Mt(l);let e=Xn;if(Xn){let l,e,t=!0,n=!0,i=10;0==jl.ori?(l=Qn,e=li):(l=li,e=Qn),l&&e&&(t=i>=Nn||Nn>=Ie-i,n=i>=jn||jn>=Le-i),l&&t&&(Nn=Gn>Nn?0:Ie),e&&n&&(jn=In>jn?0:Le),xi(null,!0,!0),Xn=!1}Nn=-10,jn=-10,te.fill(null),xi(null,!0,!0),e&&(Xn=e)})),Ce(m,el,Pi),It.add(k),k.syncRect=_i);const Yi=k.hooks=u.hooks||{};function Ci(l,e,t){Vn?Bn.push([l,e,t]):l in Yi&&Yi[l].forEach((l=>{l.call(null,k,e,t)}))}(u.plugins||[]).forEach((l=>{for(let e in l.hooks)Yi[e]=(Yi[e]||[]).concat(l.hooks[e])}));const Hi=(l,e,t)=>t,Fi=Bl({key:null,setSeries:!1,filters:{pub:Ml,sub:Ml},scales:[El,pl[1]?pl[1].scale:null],match:[Sl,Sl,Hi],values:[null,null]},oe.sync);2==Fi.match.length&&Fi.match.push(Hi),oe.sync=Fi;const Ri=Fi.key,Gi=dt(Ri);function Ii(l,e,t,n,i,o,s){Fi.filters.pub(l,e,t,n,i,o,s)&&Gi.pub(l,e,t,n,i,o,s)}function Li(){Ci(\"init\",u,g),gn(g||u.data,!1),Kl[El]?Kn(El,Kl[El]):xn(),wt=ei.show&&(ei.width>0||ei.height>0),xt=_t=!0,vt(u.width,u.height)}return Gi.sub(k),k.pub=function(l,e,t,n,i,o,s){Fi.filters.sub(l,e,t,n,i,o,s)&&Wi[l](null,e,t,n,i,o,s)},k.destroy=function(){Gi.unsub(k),It.delete(k),Pe.clear(),I(x,v,Ai),R.remove(),ce?.remove(),Ci(\"destroy\")},pl.forEach(Yt),xl.forEach((function(l,e){if(l._show=l.show,l.show){let t=vl[l.scale];null==t&&(l.scale=l.side%2?pl[1].scale:El,t=vl[l.scale]);let n=t.time;l.size=bl(l.size),l.space=bl(l.space),l.rotate=bl(l.rotate),Gl(l.incrs)&&l.incrs.forEach((l=>{!Wl.has(l)&&Wl.set(l,Yl(l))})),l.incrs=bl(l.incrs||(2==t.distr?ae:n?1==hl?ke:Se:fe)),l.splits=bl(l.splits||(n&&1==t.distr?Ql:3==t.distr?Je:4==t.distr?qe:$e)),l.stroke=bl(l.stroke),l.grid.stroke=bl(l.grid.stroke),l.ticks.stroke=bl(l.ticks.stroke),l.border.stroke=bl(l.border.stroke);let i=l.values;l.values=Gl(i)&&!Gl(i[0])?bl(i):n?Gl(i)?De(Xl,ze(i,Zl)):Ll(i)?function(l,e){let t=ne(e);return(e,n)=>n.map((e=>t(l(e))))}(Xl,i):i||le:i||Be,l.filter=bl(l.filter||(3>t.distr||10!=t.log?3==t.distr&&2==t.log?tt:kl:et)),l.font=Qt(l.font),l.labelFont=Qt(l.labelFont),l._size=l.size(k,null,e,0),l._space=l._rotate=l._incrs=l._found=l._splits=l._values=null,l._size>0&&(Ct[e]=!0,l._el=D(\"u-axis\",X))}})),_?_ instanceof HTMLElement?(_.appendChild(R),Li()):_(k,Li):Li(),k}en.assign=Bl,en.fmtNum=tl,en.rangeNum=Z,en.rangeLog=B,en.rangeAsinh=$,en.orient=pt,en.pxRatio=y,en.join=function(l,e){if(function(l){let e=l[0][0],t=e.length;for(let n=1;l.length>n;n++){let i=l[n][0];if(i.length!=t)return!1;if(i!=e)for(let l=0;t>l;l++)if(i[l]!=e[l])return!1}return!0}(l)){let e=l[0].slice();for(let t=1;l.length>t;t++)e.push(...l[t].slice(1));return function(l,e=100){const t=l.length;if(1>=t)return!0;let n=0,i=t-1;for(;i>=n&&null==l[n];)n++;for(;i>=n&&null==l[i];)i--;if(n>=i)return!0;const o=fl(1,sl((i-n+1)/e));for(let e=l[n],t=n+o;i>=t;t+=o){const n=l[t];if(null!=n){if(e>=n)return!1;e=n}}return!0}(e[0])||(e=function(l){let e=l[0],t=e.length,n=Array(t);for(let l=0;n.length>l;l++)n[l]=l;n.sort(((l,t)=>e[l]-e[t]));let i=[];for(let e=0;l.length>e;e++){let o=l[e],s=Array(t);for(let l=0;t>l;l++)s[l]=o[n[l]];i.push(s)}return i}(e)),e}let t=new Set;for(let e=0;l.length>e;e++){let n=l[e][0],i=n.length;for(let l=0;i>l;l++)t.add(n[l])}let n=[Array.from(t).sort(((l,e)=>l-e))],i=n[0].length,o=new Map;for(let l=0;i>l;l++)o.set(n[0][l],l);for(let t=0;l.length>t;t++){let s=l[t],r=s[0];for(let l=1;s.length>l;l++){let u=s[l],a=Array(i).fill(void 0),f=e?e[t][l]:1,c=[];for(let l=0;u.length>l;l++){let e=u[l],t=o.get(r[l]);null===e?0!=f&&(a[t]=e,2==f&&c.push(t)):a[t]=e}$l(a,c,i),n.push(a)}}return n},en.fmtDate=ne,en.tzDate=function(l,e){let t;return\"UTC\"==e||\"Etc/UTC\"==e?t=new Date(+l+6e4*l.getTimezoneOffset()):e==ie?t=l:(t=new Date(l.toLocaleString(\"en-US\",{timeZone:e})),t.setMilliseconds(l.getMilliseconds())),t},en.sync=dt;{en.addGap=function(l,e,t){let n=l[l.length-1];n&&n[0]==e?n[1]=t:l.push([e,t])},en.clipGaps=wt;let l=en.paths={points:Wt};l.linear=Ft,l.stepped=function(l){const e=Q(l.align,1),t=Q(l.ascDesc,!1),n=Q(l.alignGaps,0),i=Q(l.extend,!1);return(l,o,s,r)=>pt(l,o,((u,a,f,c,h,d,p,m,g,x,w)=>{[s,r]=U(f,s,r);let _=u.pxRound,{left:b,width:v}=l.bbox,k=l=>_(d(l,c,x,m)),M=l=>_(p(l,h,w,g)),S=0==c.ori?Mt:St;const T={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:1},E=T.stroke,z=c.dir*(0==c.ori?1:-1);let D=M(f[1==z?s:r]),P=k(a[1==z?s:r]),A=P,W=P;i&&-1==e&&(W=b,S(E,W,D)),S(E,P,D);for(let l=1==z?s:r;l>=s&&r>=l;l+=z){let t=f[l];if(null==t)continue;let n=k(a[l]),i=M(t);1==e?S(E,n,D):S(E,A,i),S(E,n,i),D=i,A=n}let Y=A;i&&1==e&&(Y=b+v,S(E,Y,D));let[C,H]=mt(l,o);if(null!=u.fill||0!=C){let e=T.fill=new Path2D(E),t=M(u.fillTo(l,o,u.min,u.max,C));S(e,Y,t),S(e,W,t)}if(!u.spanGaps){let i=[];i.push(..._t(a,f,s,r,z,k,n));let h=u.width*y/2,d=t||1==e?h:-h,p=t||-1==e?-h:h;i.forEach((l=>{l[0]+=d,l[1]+=p})),T.gaps=i=u.gaps(l,o,s,r,i),T.clip=wt(i,c.ori,m,g,x,w)}return 0!=H&&(T.band=2==H?[xt(l,o,s,r,E,-1),xt(l,o,s,r,E,1)]:xt(l,o,s,r,E,H)),T}))},l.bars=function(l){const e=Q((l=l||Hl).size,[.6,gl,1]),t=l.align||0,n=l.gap||0;let i=l.radius;i=null==i?[0,0]:\"number\"==typeof i?[i,0]:i;const o=bl(i),s=1-e[0],r=Q(e[1],gl),u=Q(e[2],1),a=Q(l.disp,Hl),f=Q(l.each,(()=>{})),{fill:c,stroke:h}=a;return(l,e,i,d)=>pt(l,e,((p,m,g,x,w,_,b,v,k,M,S)=>{let T,E,z=p.pxRound,D=t,P=n*y,A=r*y,W=u*y;0==x.ori?[T,E]=o(l,e):[E,T]=o(l,e);const Y=x.dir*(0==x.ori?1:-1);let C,H,F,R=0==x.ori?Tt:Et,G=0==x.ori?f:(l,e,t,n,i,o,s)=>{f(l,e,t,i,n,s,o)},I=Q(l.bands,Fl).find((l=>l.series[0]==e)),L=p.fillTo(l,e,p.min,p.max,null!=I?I.dir:0),O=z(b(L,w,S,k)),N=M,j=z(p.width*y),U=!1,V=null,B=null,$=null,J=null;null==c||0!=j&&null==h||(U=!0,V=c.values(l,e,i,d),B=new Map,new Set(V).forEach((l=>{null!=l&&B.set(l,new Path2D)})),j>0&&($=h.values(l,e,i,d),J=new Map,new Set($).forEach((l=>{null!=l&&J.set(l,new Path2D)}))));let{x0:q,size:K}=a;if(null!=q&&null!=K){D=1,m=q.values(l,e,i,d),2==q.unit&&(m=m.map((e=>l.posToVal(v+e*M,x.key,!0))));let t=K.values(l,e,i,d);H=2==K.unit?t[0]*M:_(t[0],x,M,v)-_(0,x,M,v),N=Rt(m,g,_,x,M,v,N),F=N-H+P}else N=Rt(m,g,_,x,M,v,N),F=N*s+P,H=N-F;1>F&&(F=0),H/2>j||(j=0),5>F&&(z=vl);let X=F>0;H=z(wl(N-F-(X?j:0),W,A)),C=(0==D?H/2:D==Y?0:H)-D*Y*((0==D?P/2:0)+(X?j/2:0));const Z={stroke:null,fill:null,clip:null,band:null,gaps:null,flags:0},ll=U?null:new Path2D;let el=null;if(null!=I)el=l.data[I.series[1]];else{let{y0:t,y1:n}=a;null!=t&&null!=n&&(g=n.values(l,e,i,d),el=t.values(l,e,i,d))}let tl=T*H,nl=E*H;for(let t=1==Y?i:d;t>=i&&d>=t;t+=Y){let n=g[t];if(null==n)continue;if(null!=el){let l=el[t]??0;if(n-l==0)continue;O=b(l,w,S,k)}let i=_(2!=x.distr||null!=a?m[t]:t,x,M,v),o=b(Q(n,L),w,S,k),s=z(i-C),r=z(fl(o,O)),u=z(al(o,O)),f=r-u;if(null!=n){let i=0>n?nl:tl,o=0>n?tl:nl;U?(j>0&&null!=$[t]&&R(J.get($[t]),s,u+sl(j/2),H,fl(0,f-j),i,o),null!=V[t]&&R(B.get(V[t]),s,u+sl(j/2),H,fl(0,f-j),i,o)):R(ll,s,u+sl(j/2),H,fl(0,f-j),i,o),G(l,e,t,s-j/2,u,H+j,f)}}return j>0?Z.stroke=U?J:ll:U||(Z._fill=0==p.width?p._fill:p._stroke??p._fill,Z.width=0),Z.fill=U?B:ll,Z}))},l.spline=function(l){return function(l,e){const t=Q(e?.alignGaps,0);return(e,n,i,o)=>pt(e,n,((s,r,u,a,f,c,h,d,p,m,g)=>{[i,o]=U(u,i,o);let x,w,_,b=s.pxRound,v=l=>b(c(l,a,m,d)),k=l=>b(h(l,f,g,p));0==a.ori?(x=kt,_=Mt,w=Pt):(x=yt,_=St,w=At);const y=a.dir*(0==a.ori?1:-1);let M=v(r[1==y?i:o]),S=M,T=[],E=[];for(let l=1==y?i:o;l>=i&&o>=l;l+=y)if(null!=u[l]){let e=v(r[l]);T.push(S=e),E.push(k(u[l]))}const z={stroke:l(T,E,x,_,w,b),fill:null,clip:null,band:null,gaps:null,flags:1},D=z.stroke;let[P,A]=mt(e,n);if(null!=s.fill||0!=P){let l=z.fill=new Path2D(D),t=k(s.fillTo(e,n,s.min,s.max,P));_(l,S,t),_(l,M,t)}if(!s.spanGaps){let l=[];l.push(..._t(r,u,i,o,y,v,t)),z.gaps=l=s.gaps(e,n,i,o,l),z.clip=wt(l,a.ori,d,p,m,g)}return 0!=A&&(z.band=2==A?[xt(e,n,i,o,D,-1),xt(e,n,i,o,D,1)]:xt(e,n,i,o,D,A)),z}))}(Gt,l)}}return en}();";
const UPLOT_CSS = ".uplot, .uplot *, .uplot *::before, .uplot *::after {box-sizing: border-box;}.uplot {font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"Noto Sans\", sans-serif, \"Apple Color Emoji\", \"Segoe UI Emoji\", \"Segoe UI Symbol\", \"Noto Color Emoji\";line-height: 1.5;width: min-content;}.u-title {text-align: center;font-size: 18px;font-weight: bold;}.u-wrap {position: relative;user-select: none;}.u-over, .u-under {position: absolute;}.u-under {overflow: hidden;}.uplot canvas {display: block;position: relative;width: 100%;height: 100%;}.u-axis {position: absolute;}.u-legend {font-size: 14px;margin: auto;text-align: center;}.u-inline {display: block;}.u-inline * {display: inline-block;}.u-inline tr {margin-right: 16px;}.u-legend th {font-weight: 600;}.u-legend th > * {vertical-align: middle;display: inline-block;}.u-legend .u-marker {width: 1em;height: 1em;margin-right: 4px;background-clip: padding-box !important;}.u-inline.u-live th::after {content: \":\";vertical-align: middle;}.u-inline:not(.u-live) .u-value {display: none;}.u-series > * {padding: 4px;}.u-series th {cursor: pointer;}.u-legend .u-off > * {opacity: 0.3;}.u-select {background: rgba(0,0,0,0.07);position: absolute;pointer-events: none;}.u-cursor-x, .u-cursor-y {position: absolute;left: 0;top: 0;pointer-events: none;will-change: transform;}.u-hz .u-cursor-x, .u-vt .u-cursor-y {height: 100%;border-right: 1px dashed #607D8B;}.u-hz .u-cursor-y, .u-vt .u-cursor-x {width: 100%;border-bottom: 1px dashed #607D8B;}.u-cursor-pt {position: absolute;top: 0;left: 0;border-radius: 50%;border: 0 solid;pointer-events: none;will-change: transform;/*this has to be !important since we set inline \"background\" shorthand */background-clip: padding-box !important;}.u-axis.u-off, .u-select.u-off, .u-cursor-x.u-off, .u-cursor-y.u-off, .u-cursor-pt.u-off {display: none;}";

;// CONCATENATED MODULE: ./src/view/layout.ts




function newNonce() {
    return (0,external_node_crypto_.randomBytes)(18).toString('base64');
}
/**
 * The content security policy of every page. Scripts and styles run only with the page's nonce, so
 * markup that slipped into a record could not run even if it escaped escaping; a report may make no
 * request at all (`connect-src 'none'`, no images but data: URLs).
 */
function contentSecurityPolicy(mode, nonce) {
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src 'nonce-${nonce}'`,
        'img-src data:',
        `connect-src ${mode === 'viewer' ? "'self'" : "'none'"}`,
        "base-uri 'none'",
        `form-action ${mode === 'viewer' ? "'self'" : "'none'"}`,
    ].join('; ');
}
function documentHtml(options) {
    const nonce = options.nonce ?? newNonce();
    const home = options.links.list;
    return `<!doctype html>
${html `<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${raw(contentSecurityPolicy(options.mode, nonce))}" />
    <meta name="referrer" content="no-referrer" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title} · Archal</title>
    <style nonce="${nonce}">
      ${raw(STYLES)}${options.chart ? raw(UPLOT_CSS) : ''}
    </style>
  </head>
  <body>
    <header class="top">
      ${home ? html `<a class="brand" href="${home}">Archal</a>` : html `<span class="brand">Archal</span>`}<span
        class="where"
        >${options.mode === 'report' ? 'report of ' : ''}${options.where}</span
      >
    </header>
    <main>${options.body}</main>
    ${options.chart
        ? html `<script nonce="${nonce}">
            ${raw(inlineScript(UPLOT_JS))};
          </script>`
        : ''}
    <script nonce="${nonce}">
      ${raw(CLIENT_SCRIPT)};
    </script>
  </body>
</html>`}
`;
}
/** Our own script text inside <script>: `</script` cannot appear in it, whatever it holds. */
function inlineScript(code) {
    return code.replace(/<\/script/gi, '<\\/script');
}
function badge(text, tone, id) {
    return html `<span class="badge tone-${tone}" ${id ? html ` id="${id}"` : ''}>${text}</span>`;
}
/** A link when the target exists in this rendering, else the text alone. */
function layout_link(href, text) {
    return href ? html `<a href="${href}">${text}</a>` : html `${text}`;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/preprod/schema.ts
var schema = __webpack_require__(19977);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
;// CONCATENATED MODULE: ./src/view/records/json-files.ts


/**
 * Parsed JSON files, re-read only when their size or modification time changes: the viewer lists the
 * same records on every request, and most of them never change once written.
 */
class JsonFileCache {
    schema;
    entries = new Map();
    constructor(schema) {
        this.schema = schema;
    }
    read(file) {
        let stats;
        try {
            stats = (0,external_node_fs_.statSync)(file);
        }
        catch {
            this.entries.delete(file);
            return undefined;
        }
        const cached = this.entries.get(file);
        if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size)
            return cached.result;
        const result = this.parse(file);
        this.entries.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, result });
        return result;
    }
    parse(file) {
        let data;
        try {
            data = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        }
        catch (error) {
            return { ok: false, problem: { file, message: `not readable JSON: ${(0,errors/* errorMessage */.g)(error)}` } };
        }
        const parsed = this.schema.safeParse(data);
        if (parsed.success)
            return { ok: true, value: parsed.data };
        const issue = parsed.error.issues[0];
        const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
        return { ok: false, problem: { file, message: `unexpected shape at ${where}: ${issue.message}` } };
    }
}

;// CONCATENATED MODULE: ./src/view/records/types.ts
/** What the viewer lists: scenario suites, pre-prod loops and workflow runs. */
const RECORD_KINDS = (/* unused pure expression or super */ null && (['suite', 'preprod', 'workflow']));
/** What each kind of record is called in messages. */
const RECORD_NAMES = {
    suite: 'suite',
    run: 'scenario run',
    preprod: 'pre-prod loop',
    workflow: 'workflow run',
};
/** A reference that names no record, several, or one whose file cannot be read. */
class RecordLookupError extends Error {
    reason;
    constructor(message, reason) {
        super(message);
        this.reason = reason;
        this.name = 'RecordLookupError';
    }
}
function addMs(iso, ms) {
    const start = Date.parse(iso);
    if (Number.isNaN(start))
        return iso;
    return new Date(start + (ms ?? 0)).toISOString();
}

;// CONCATENATED MODULE: ./src/view/records/preprod.ts






const RESULT_FILE = 'preprod-result.json';
/** Stable across restarts: the same file of the same loop always has the same id. */
function loopId(file, result) {
    return (0,external_node_crypto_.createHash)('sha256').update(`preprod:${file}:${result.startedAt}`).digest('hex').slice(0, 32);
}
class PreprodRecords {
    repo;
    extraDirs;
    cache = new JsonFileCache(schema/* preprodResultSchema */.vl);
    constructor(repo, 
    /** Read on every look: `.archal.json` may change while the viewer runs. */
    extraDirs = () => []) {
        this.repo = repo;
        this.extraDirs = extraDirs;
    }
    candidates() {
        const archal = (0,external_node_path_.join)(this.repo, '.archal');
        const dirs = [(0,external_node_path_.join)(archal, 'preprod'), archal, ...this.extraDirs().map((dir) => (0,external_node_path_.resolve)(this.repo, dir))];
        if ((0,external_node_fs_.existsSync)(archal))
            for (const entry of (0,external_node_fs_.readdirSync)(archal, { withFileTypes: true }))
                if (entry.isDirectory() && entry.name !== 'cache' && entry.name !== 'logs')
                    dirs.push((0,external_node_path_.join)(archal, entry.name));
        return [...new Set(dirs.map((dir) => (0,external_node_path_.join)(dir, RESULT_FILE)))];
    }
    list(problems = []) {
        const loops = [];
        for (const file of this.candidates()) {
            const read = this.cache.read(file);
            if (!read)
                continue;
            if (!read.ok)
                problems.push(read.problem);
            else
                loops.push({ id: loopId(file, read.value), file, result: read.value });
        }
        return loops.sort((a, b) => b.result.startedAt.localeCompare(a.result.startedAt));
    }
    loop(id) {
        return this.list().find((entry) => entry.id === id);
    }
    /** A loop named by its file (or the directory holding it), for `archal report <path>`. */
    fromPath(path) {
        const file = path.endsWith('.json') ? path : (0,external_node_path_.join)(path, RESULT_FILE);
        const read = this.cache.read(file);
        if (!read)
            return undefined;
        if (!read.ok)
            return { problem: read.problem };
        return { id: loopId(file, read.value), file, result: read.value };
    }
}
function loopTone(result) {
    switch (result.status) {
        case 'passed':
            return 'good';
        case 'planned':
        case 'dry_run':
            return 'neutral';
        case 'blocked':
        case 'budget_exhausted':
        case 'validation_failed':
        case 'pr_failed':
            return 'bad';
    }
}
function loopSummary(entry) {
    const { result } = entry;
    const fixes = result.attempts.filter((attempt) => attempt.attempt > 0).length;
    const last = result.attempts.at(-1);
    const runs = last?.scenarios.reduce((sum, scenario) => sum + scenario.runs, 0) ?? 0;
    const passed = last?.scenarios.reduce((sum, scenario) => sum + scenario.passedRuns, 0) ?? 0;
    const parts = [
        `${result.scenarios.length} scenario(s)`,
        last ? `last attempt ${passed}/${runs} runs passed` : 'no scenario ran',
        `${fixes} fix attempt(s)`,
    ];
    if (result.pr?.url)
        parts.push(`PR #${result.pr.number ?? '?'}`);
    const titles = result.scenarios.map((scenario) => scenario.title);
    return {
        kind: 'preprod',
        id: entry.id,
        title: `Pre-prod loop: ${result.message}`,
        status: result.status,
        tone: loopTone(result),
        startedAt: result.startedAt,
        at: addMs(result.startedAt, result.durationMs),
        durationMs: result.durationMs,
        detail: [...parts, titles.slice(0, 3).join(', ') + (titles.length > 3 ? ` +${titles.length - 3} more` : '')]
            .filter(Boolean)
            .join(' · '),
        tags: result.stopReason === result.status ? [] : [result.stopReason],
    };
}

;// CONCATENATED MODULE: ./src/view/pages/preprod.ts



function step(kind, title, tone, content = '') {
    return html `<li class="dot-${tone}" data-step="${kind}">
    <span class="step-kind">${kind}</span> <span class="step">${title}</span>${content}
  </li>`;
}
function runLinks(runIds, links) {
    return html `${runIds.map((runId, index) => html `${index > 0 ? ' ' : ''}${layout_link(links.run(runId), html `<code>${runId.slice(0, 8)}</code>`)}`)}`;
}
function commandDetails(result) {
    return html `<div class="meta">
      <span><code>${result.command}</code></span
      ><span>exit <b>${result.exitCode ?? '–'}</b>${result.timedOut ? ' (timed out)' : ''}</span
      ><span>took <b>${html_formatDuration(result.durationMs)}</b></span>
    </div>
    ${result.outputTail
        ? html `<details>
            <summary class="muted">output (tail)</summary>
            <pre>${result.outputTail}</pre>
          </details>`
        : ''}`;
}
function scenariosTable(attempt, links) {
    return html `<table>
    <thead>
      <tr>
        <th>Scenario</th>
        <th class="num">Satisfaction</th>
        <th class="num">Passed</th>
        <th>Runs</th>
      </tr>
    </thead>
    <tbody>
      ${attempt.scenarios.map((scenario) => html `<tr>
            <td>
              ${scenario.title}
              <div class="muted mono">${scenario.file}</div>
            </td>
            <td class="num">
              ${badge(`${scenario.satisfaction}%`, scenario.passedRuns === scenario.runs ? 'good' : 'bad')}
            </td>
            <td class="num">${scenario.passedRuns}/${scenario.runs}</td>
            <td>${runLinks(scenario.runIds, links)}</td>
          </tr>`)}
    </tbody>
  </table>`;
}
function failureBlock(failure, links) {
    return html `<div class="failure" data-failure="${failure.id}">
    <b>${failure.category}</b>${failure.flaky ? html ` <span class="flag">flaky</span>` : ''} —
    <code>${failure.id}</code> <span class="muted">(${failure.failedRuns}/${failure.runs} runs failed)</span>
    ${failure.criterion ? html `<div>[${failure.criterion.kind}] ${failure.criterion.text}</div>` : ''}
    <div>Hint: ${failure.hint}</div>
    <div class="muted">Evidence</div>
    <ul>
      ${failure.evidence.map((evidence) => html `<li>
            run
            ${layout_link(links.run(evidence.runId), html `<code>${evidence.runId.slice(0, 8)}</code>`)}${evidence.criterion
        ? html ` · criterion <code>${evidence.criterion.id}</code>: ${evidence.criterion.detail}`
        : ''}${evidence.request ? html ` · request <code>${evidence.request.method} ${evidence.request.path} → ${evidence.request.status}</code>` : ''}
            <pre>${evidence.excerpt}</pre>
          </li>`)}
    </ul>
  </div>`;
}
function attemptSteps(attempt, links) {
    const steps = [];
    if (attempt.fix) {
        const fix = attempt.fix;
        const ok = fix.exitCode === 0 && !fix.timedOut;
        const workflowHref = fix.workflowRunId ? links.workflow(fix.workflowRunId) : null;
        steps.push(step('fix', `Fix attempt ${attempt.attempt} (${fix.kind === 'workflow' ? 'workflow' : 'command'})`, ok ? 'good' : 'bad', html `${commandDetails(fix)}${fix.workflowRunId ? html `<div>workflow run ${layout_link(workflowHref, html `<code>${fix.workflowRunId}</code>`)}</div>` : ''}${attempt.usage ? html `<div class="muted">usage: ${pretty(attempt.usage)}</div>` : ''}`));
    }
    const runs = attempt.scenarios.reduce((sum, scenario) => sum + scenario.runs, 0);
    const passed = attempt.scenarios.reduce((sum, scenario) => sum + scenario.passedRuns, 0);
    steps.push(step(attempt.attempt === 0 ? 'run' : 'rerun', `${attempt.attempt === 0 ? 'Ran' : 'Reran'} every scenario: ${passed}/${runs} runs passed`, passed === runs ? 'good' : 'bad', html `<div class="meta">
          <span>started <b>${formatTime(attempt.startedAt)}</b></span
          ><span>took <b>${html_formatDuration(attempt.durationMs)}</b></span>
        </div>
        ${scenariosTable(attempt, links)}`));
    steps.push(step('classify', attempt.failures.length === 0 ? 'No failure left' : `${attempt.failures.length} failure(s) classified`, attempt.failures.length === 0 ? 'good' : 'bad', html `${attempt.failures.map((failure) => failureBlock(failure, links))}${attempt.failuresFile ? html `<div class="muted">written to <code>${attempt.failuresFile}</code></div>` : ''}`));
    return steps;
}
function prStep(pr) {
    const url = safeUrl(pr.url);
    const title = url
        ? html `Draft PR <a href="${url}" data-pr-link>#${pr.number ?? '?'} ${url}</a> ${pr.action}`
        : html `Pull request: ${pr.action}${pr.url ? html ` <code>${pr.url}</code>` : ''}`;
    return step('pr', title, pr.verified ? 'good' : 'bad', html `<div class="meta">
        <span>publisher <b>${pr.publisher}</b></span
        ><span>verified <b>${pr.verified ? 'yes' : 'no'}</b></span
        >${pr.branch ? html `<span>branch <code>${pr.branch}</code></span>` : ''}${pr.headSha ? html `<span>head <code>${pr.headSha.slice(0, 12)}</code></span>` : ''}
      </div>
      ${pr.files.length > 0
        ? html `<div class="muted">files</div>
              <ul>
                ${pr.files.map((file) => html `<li><code>${file}</code></li>`)}
              </ul>`
        : ''}
      ${pr.problems.length > 0 ? html `<div class="failure">${pr.problems.map((problem) => html `<div>${problem}</div>`)}</div>` : ''}
      ${pr.command ? commandDetails(pr.command) : ''}`);
}
function preprodPage(entry, options) {
    const { result } = entry;
    const { links } = options;
    const steps = [];
    if (result.preflight)
        steps.push(step('preflight', result.preflight.passed ? 'The harness started' : 'The harness failed its preflight', result.preflight.passed ? 'good' : 'bad', html `<div class="muted">${result.preflight.detail} · ${html_formatDuration(result.preflight.durationMs)}</div>`));
    for (const attempt of result.attempts)
        steps.push(...attemptSteps(attempt, links));
    if (result.validation)
        steps.push(step('validate', `Validation ${result.validation.passed ? 'passed' : 'failed'}`, result.validation.passed ? 'good' : 'bad', commandDetails(result.validation)));
    if (result.pr)
        steps.push(prStep(result.pr));
    steps.push(step('stop', html `${result.status}: ${result.message}`, loopTone(result), html `<div class="muted">stop reason <code>${result.stopReason}</code></div>`));
    const usage = result.usage;
    const body = html `<h1>Pre-prod loop ${badge(result.status, loopTone(result))}</h1>
    <div class="meta">
      <span>started <b>${formatTime(result.startedAt)}</b></span
      ><span>took <b>${html_formatDuration(result.durationMs)}</b></span>
      <span><b>${result.scenarios.length}</b> scenario(s)</span
      ><span><b>${result.attempts.filter((attempt) => attempt.attempt > 0).length}</b> fix attempt(s)</span>
      <span class="mono">${result.repo}</span>
    </div>
    <p>${result.message}</p>
    <h2>Attempts</h2>
    <ol class="timeline">
      ${steps}
    </ol>
    <h2>Usage and timings</h2>
    <p class="meta">
      <span>fix attempts <b>${usage.attempts}</b></span
      >${usage.costUsd !== undefined ? html `<span>cost <b>$${usage.costUsd.toFixed(4)}</b></span>` : ''}${usage.inputTokens !== undefined
        ? html `<span>tokens <b>${usage.inputTokens}</b> in / <b>${usage.outputTokens ?? 0}</b> out</span>`
        : ''}${usage.model ? html `<span>model <b>${usage.model}</b></span>` : ''}
    </p>
    <table>
      <thead>
        <tr>
          <th>Phase</th>
          <th class="num">Took</th>
        </tr>
      </thead>
      <tbody>
        ${Object.entries(result.timings).map(([phase, ms]) => html `<tr>
              <td>${phase}</td>
              <td class="num">${html_formatDuration(ms)}</td>
            </tr>`)}
      </tbody>
    </table>
    <details>
      <summary>Options the loop ran with</summary>
      <pre>${pretty(result.options)}</pre>
    </details>
    <p class="muted">Recorded in <code>${entry.file}</code>.</p>`;
    return { title: `Pre-prod loop ${formatTime(result.startedAt)}`, body, chart: false };
}

;// CONCATENATED MODULE: ./src/view/pages/scenario-run.ts


const FORM_LABELS = {
    phrase: 'phrase',
    expression: 'expression',
    judged: 'judged',
    judged_not_deterministic: 'judged, not deterministic',
    not_evaluated: 'not evaluated',
};
const STATUS_TONES = {
    passed: 'good',
    failed: 'bad',
    error: 'bad',
    not_evaluated: 'neutral',
};
const value = (input) => (input === undefined ? '' : pretty(input, 4000));
function criterionRow(criterion) {
    const compared = criterion.expected !== undefined || criterion.actual !== undefined
        ? html `<div><span class="muted">expected</span> <code data-expected>${value(criterion.expected)}</code></div>
          <div><span class="muted">actual</span> <code data-actual>${value(criterion.actual)}</code></div>`
        : '';
    const how = criterion.expression ?? criterion.pattern;
    return html `<tr data-criterion="${criterion.id}" data-status="${criterion.status}">
    <td>${badge(criterion.status.replace('_', ' '), STATUS_TONES[criterion.status])}</td>
    <td>
      <code>[${criterion.kind}] ${criterion.id}</code> ${criterion.text}
      <span class="muted">line ${criterion.line}</span>
    </td>
    <td>${FORM_LABELS[criterion.form]}</td>
    <td>${compared}</td>
    <td>
      ${criterion.detail}${how
        ? html `<details>
              <summary class="muted">${criterion.pattern ? 'phrase and expression' : 'expression'}</summary>
              ${criterion.pattern ? html `<div>phrase: <code>${criterion.pattern}</code></div>` : ''}${criterion.expression ? html `<pre>${criterion.expression}</pre>` : ''}
            </details>`
        : ''}
    </td>
  </tr>`;
}
/** A small bar: where in the run the request happened and how long it took. */
function waterfall(request, start, span) {
    const at = request.at ? Date.parse(request.at) : NaN;
    if (Number.isNaN(at) || span <= 0)
        return html ``;
    const width = 120;
    const x = Math.min(width - 1, ((at - start) / span) * width);
    const w = Math.max(1.5, Math.min(width - x, ((request.durationMs ?? 0) / span) * width));
    const tone = request.notImplemented ? 'gap' : request.status >= 400 ? 'bad' : '';
    return html `<svg width="${width}" height="10" aria-hidden="true">
    <rect class="bar ${tone}" x="${x.toFixed(1)}" y="1" width="${w.toFixed(1)}" height="8" rx="1" />
  </svg>`;
}
/**
 * What a request's bodies and changes show at most: an agent that lists big issues a hundred times
 * would make pages of tens of megabytes. The run's record file keeps them whole, and the page says so.
 */
const BODY_CHARS = 8 * 1024;
/** The rows of the requests table, and whether a body or change list was cut to BODY_CHARS. */
function requestRows(requests) {
    let cut = false;
    const body = (value) => {
        const text = typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? 'null');
        if (text.length > BODY_CHARS)
            cut = true;
        return pretty(text, BODY_CHARS);
    };
    const times = requests.map((request) => (request.at ? Date.parse(request.at) : NaN)).filter((t) => !Number.isNaN(t));
    const start = times.length > 0 ? Math.min(...times) : 0;
    const end = Math.max(start, ...requests.map((request) => (request.at ? Date.parse(request.at) + (request.durationMs ?? 0) : start)));
    const rows = html `${requests.map((request, index) => {
        const offset = request.at ? Date.parse(request.at) - start : NaN;
        const changes = request.changes ?? [];
        return html `<tr data-request="${index + 1}" ${request.notImplemented ? html ` data-not-implemented` : ''}>
      <td class="num">${index + 1}</td>
      <td class="num">${Number.isNaN(offset) ? '' : `+${html_formatDuration(offset)}`}</td>
      <td>${waterfall(request, start, end - start)}</td>
      <td class="mono">${request.method}</td>
      <td class="mono">
        <details>
          <summary>${request.path}${request.query ? `?${request.query}` : ''}</summary>
          ${request.actor ? html `<div class="muted">as ${request.actor}</div>` : ''}
          ${request.requestBody !== undefined && request.requestBody !== null
            ? html `<div class="muted">request body</div>
                  <pre>${body(request.requestBody)}</pre>`
            : ''}
          ${request.responseBody !== undefined && request.responseBody !== null
            ? html `<div class="muted">response body</div>
                  <pre>${body(request.responseBody)}</pre>`
            : ''}
          ${changes.length > 0
            ? html `<div class="muted">changes</div>
                  <pre>${body(changes)}</pre>`
            : ''}
        </details>
      </td>
      <td class="num">${badge(String(request.status), request.status >= 400 ? 'bad' : 'good')}</td>
      <td class="num">${html_formatDuration(request.durationMs)}</td>
      <td class="mono">${request.operationId ?? html `<span class="muted">–</span>`}</td>
      <td>
        ${request.notImplemented ? html `<span class="flag">not implemented</span>` : ''}${changes.length > 0 ? html `<span class="tag">${changes.length} change(s)</span>` : ''}
      </td>
    </tr>`;
    })}`;
    return { rows, cut };
}
/** A short name for a record of the clone's state: `acme/widgets#3 Title`, a label's name… */
function describeRecord(record, keys) {
    if (!record || typeof record !== 'object')
        return String(record);
    const row = record;
    const key = keys.get(String(row.id));
    const name = ['title', 'name', 'login', 'ref', 'body']
        .map((field) => row[field])
        .find((field) => typeof field === 'string' && field.length > 0);
    const where = key ?? (typeof row.repo === 'string' && row.number !== undefined ? `${row.repo}#${row.number}` : `id ${row.id}`);
    return name ? `${where} ${name.length > 120 ? `${name.slice(0, 120)}…` : name}` : where;
}
function collectionDiff(name, diff, keys) {
    return html `<div data-collection-diff="${name}">
    <h3 data-collection="${name}">
      ${name}: ${diff.created.length} created, ${diff.updated.length} updated, ${diff.deleted.length} deleted
    </h3>
    ${diff.created.map((record) => html `<details>
          <summary><span class="badge tone-good">created</span> ${describeRecord(record, keys)}</summary>
          <pre>${pretty(record)}</pre>
        </details>`)}
    ${diff.updated.length > 0
        ? html `<table class="diff">
            <thead>
              <tr>
                <th>Updated</th>
                <th>Field</th>
                <th>From</th>
                <th>To</th>
              </tr>
            </thead>
            <tbody>
              ${diff.updated.map((update) => {
            const fields = Object.entries(update.changes);
            return fields.map(([field, change], index) => html `<tr>
                      ${index === 0 ? html `<td rowspan="${fields.length}">${describeRecord({ id: update.id }, keys)}</td>` : ''}
                      <td class="mono">${field}</td>
                      <td><code>${pretty(change.from, 2000)}</code></td>
                      <td><code>${pretty(change.to, 2000)}</code></td>
                    </tr>`);
        })}
            </tbody>
          </table>`
        : ''}
    ${diff.deleted.map((record) => html `<details>
          <summary><span class="badge tone-bad">deleted</span> ${describeRecord(record, keys)}</summary>
          <pre>${pretty(record)}</pre>
        </details>`)}
  </div>`;
}
/** Record ids to the keys the request log gave them (`acme/widgets#3`). */
function recordKeys(requests) {
    const keys = new Map();
    for (const request of requests)
        for (const change of request.changes ?? [])
            if (change.key && change.id !== undefined)
                keys.set(String(change.id), change.key);
    return keys;
}
function scenarioRunPage(record, options) {
    const { result, requests } = record;
    const table = requestRows(requests);
    const notImplemented = requests.filter((request) => request.notImplemented).length;
    const failed = requests.filter((request) => request.status >= 400).length;
    const keys = recordKeys(requests);
    const diffs = Object.entries(record.diff).flatMap(([clone, collections]) => Object.entries(collections).map(([name, diff]) => ({ clone, name, diff })));
    const suiteHref = options.suiteId ? options.links.suite(options.suiteId) : null;
    const body = html `<h1>
      ${record.scenario.title}
      <span class="muted">— run ${result.run}</span>
      ${badge(result.passed ? 'passed' : 'failed', result.passed ? 'good' : 'bad')}
    </h1>
    <div class="meta">
      <span class="mono">${record.scenario.file}</span><span>took <b>${html_formatDuration(result.durationMs)}</b></span>
      <span
        >agent
        <b>${result.harness.outcome}</b
        >${result.harness.exitCode !== null ? ` (exit ${result.harness.exitCode})` : ''}</span
      >
      <span><b>${requests.length}</b> request(s)</span
      >${typeof record.scenario.seed === 'string' ? html `<span>seed <b>${record.scenario.seed}</b></span>` : ''}
      <span class="mono">${record.id}</span>${options.suiteId ? html `<span>${layout_link(suiteHref, 'its suite')}</span>` : ''}
    </div>
    ${result.passed
        ? ''
        : html `<div class="failure" data-failure-kind="${result.failureKind ?? ''}">
            <b>Failure: ${result.failureKind ?? 'unknown'}</b> — ${result.failureSummary ?? ''}
          </div>`}
    <h2>Criteria</h2>
    ${result.criteria.length === 0
        ? html `<p class="muted">This scenario has no criteria.</p>`
        : html `<table class="criteria">
            <thead>
              <tr>
                <th>Verdict</th>
                <th>Criterion</th>
                <th>Form</th>
                <th>Compared</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              ${result.criteria.map(criterionRow)}
            </tbody>
          </table>`}
    <h2>Answer</h2>
    <p class="muted">Format: ${result.harness.answerFormat}</p>
    <pre data-answer>${result.harness.answer || '(empty)'}</pre>
    ${result.harness.detail ? html `<p>${result.harness.detail}</p>` : ''}
    <h2>Requests</h2>
    <p class="meta">
      <span><b>${requests.length}</b> in order</span><span><b>${failed}</b> answered ≥ 400</span
      ><span><b>${notImplemented}</b> not implemented by the clone</span>
    </p>
    ${requests.length === 0
        ? html `<p class="muted">The agent made no request to its clone.</p>`
        : html `<table class="requests">
            <thead>
              <tr>
                <th class="num">#</th>
                <th class="num">At</th>
                <th>Timeline</th>
                <th>Method</th>
                <th>Path</th>
                <th class="num">Status</th>
                <th class="num">Took</th>
                <th>Operation</th>
                <th>Notes</th>
              </tr>
            </thead>
            <tbody>
              ${table.rows}
            </tbody>
          </table>`}
    ${table.cut
        ? html `<p class="muted" data-bodies-cut>
            Bodies longer than ${BODY_CHARS / 1024} KB are cut here; <code>${record.file}</code> holds them whole.
          </p>`
        : ''}
    <h2>State changes</h2>
    ${diffs.length === 0 ? html `<p class="muted">The run changed nothing in the clone's state.</p>` : diffs.map(({ clone, name, diff }) => collectionDiff(diffs.some((other) => other.clone !== clone) ? `${clone} ${name}` : name, diff, keys))}
    <h2>Stderr (tail)</h2>
    <pre data-stderr>${result.harness.stderrTail || '(empty)'}</pre>
    ${record.harness.trace !== undefined
        ? html `<h2>Agent trace</h2>
            <details>
              <summary>AGENT_TRACE_FILE</summary>
              <pre data-trace>${pretty(record.harness.trace)}</pre>
            </details>`
        : ''}
    ${record.harness.metrics !== undefined
        ? html `<h2>Agent metrics</h2>
            <pre data-metrics>${pretty(record.harness.metrics)}</pre>`
        : ''}
    ${result.usage ? html `<p class="muted">Judge usage: ${result.usage.inputTokens} input and ${result.usage.outputTokens} output tokens${result.usage.costUsd !== undefined ? `, $${result.usage.costUsd.toFixed(4)}` : ''}.</p>` : ''}
    <p class="muted">Recorded in <code>${record.file}</code>.</p>`;
    return { title: `${record.scenario.title} — run ${result.run}`, body, chart: false };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 4 modules
var schemas = __webpack_require__(41514);
// EXTERNAL MODULE: ./src/runner/results.ts
var results = __webpack_require__(50360);
;// CONCATENATED MODULE: ./src/view/records/scenarios.ts







/**
 * What lists, charts and lookups read of a suite: parsing only these fields keeps a list of
 * thousands of suites cheap; a suite's page reads the whole file.
 */
const suiteHeadSchema = results/* suiteResultSchema */.tO
    .pick({ suiteId: true, startedAt: true, durationMs: true, passThreshold: true, passed: true, totals: true })
    .extend({
    scenarios: schemas/* array */.YOg(results/* scenarioResultSchema */.$D
        .pick({ title: true, file: true, runs: true, passedRuns: true, satisfaction: true })
        .extend({ results: schemas/* array */.YOg(schemas/* object */.Ikc({ runId: schemas/* string */.YjP() })) })),
});
const changeSchema = schemas/* looseObject */._H3({
    op: schemas/* string */.YjP(),
    kind: schemas/* string */.YjP(),
    id: schemas/* unknown */.L5J().optional(),
    key: schemas/* string */.YjP().nullable().optional(),
    fields: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* object */.Ikc({ from: schemas/* unknown */.L5J(), to: schemas/* unknown */.L5J() })).optional(),
});
const requestSchema = schemas/* object */.Ikc({
    at: schemas/* string */.YjP().optional(),
    kind: schemas/* string */.YjP().optional(),
    method: schemas/* string */.YjP(),
    path: schemas/* string */.YjP(),
    query: schemas/* string */.YjP().optional(),
    operationId: schemas/* string */.YjP().nullable().optional(),
    notImplemented: schemas/* boolean */.zMY().optional(),
    status: schemas/* number */.aig(),
    durationMs: schemas/* number */.aig().optional(),
    actor: schemas/* string */.YjP().nullable().optional(),
    requestBody: schemas/* unknown */.L5J().optional(),
    responseBody: schemas/* unknown */.L5J().optional(),
    changes: schemas/* array */.YOg(changeSchema).optional(),
});
const collectionDiffSchema = schemas/* object */.Ikc({
    created: schemas/* array */.YOg(schemas/* unknown */.L5J()),
    updated: schemas/* array */.YOg(schemas/* object */.Ikc({ id: schemas/* unknown */.L5J(), changes: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* object */.Ikc({ from: schemas/* unknown */.L5J(), to: schemas/* unknown */.L5J() })) })),
    deleted: schemas/* array */.YOg(schemas/* unknown */.L5J()),
});
/** The full record of one scenario run (`.archal/cache/runs/<runId>.json`), as far as the viewer reads it. */
const runRecordSchema = schemas/* object */.Ikc({
    scenario: schemas/* object */.Ikc({ title: schemas/* string */.YjP(), file: schemas/* string */.YjP(), seed: schemas/* unknown */.L5J().optional() }),
    result: results/* runResultSchema */.sp,
    /** What the agent wrote to AGENT_TRACE_FILE and AGENT_METRICS_FILE, when it did. */
    harness: schemas/* object */.Ikc({ trace: schemas/* unknown */.L5J().optional(), metrics: schemas/* unknown */.L5J().optional() }).default({}),
    requests: schemas/* array */.YOg(requestSchema).default([]),
    /** Per clone (`github`), per collection. */
    diff: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* record */.g1P(schemas/* string */.YjP(), collectionDiffSchema)).default({}),
});
/** A suite written before suites had ids (an older last-run.json): named after when it started. */
function derivedSuiteId(suite) {
    return (0,external_node_crypto_.createHash)('sha256').update(`suite:${suite.startedAt}`).digest('hex').slice(0, 32);
}
class ScenarioRecords {
    cacheDir;
    heads = new JsonFileCache(suiteHeadSchema);
    suites = new JsonFileCache(results/* suiteResultSchema */.tO);
    runs = new JsonFileCache(runRecordSchema);
    constructor(cacheDir) {
        this.cacheDir = cacheDir;
    }
    /** Every recorded suite, newest first; last-run.json counts when no suite file has its id. */
    listSuites(problems = []) {
        const byId = new Map();
        const add = (file) => {
            const read = this.heads.read(file);
            if (!read)
                return;
            if (!read.ok)
                return void problems.push(read.problem);
            const id = read.value.suiteId ?? derivedSuiteId(read.value);
            if (!byId.has(id))
                byId.set(id, { id, file, suite: read.value });
        };
        const dir = (0,external_node_path_.join)(this.cacheDir, 'suites');
        if ((0,external_node_fs_.existsSync)(dir))
            for (const name of (0,external_node_fs_.readdirSync)(dir).sort())
                if (name.endsWith('.json'))
                    add((0,external_node_path_.join)(dir, name));
        add((0,external_node_path_.join)(this.cacheDir, 'last-run.json'));
        return [...byId.values()].sort((a, b) => b.suite.startedAt.localeCompare(a.suite.startedAt));
    }
    /** A suite's JSON anywhere (`archal run -o json` saved to a file). */
    suiteFromFile(file) {
        const read = this.suites.read(file);
        if (!read)
            return undefined;
        if (!read.ok)
            return { problem: read.problem };
        return { id: read.value.suiteId ?? derivedSuiteId(read.value), file, suite: read.value };
    }
    suite(id) {
        const head = this.listSuites().find((entry) => entry.id === id);
        const read = head && this.suites.read(head.file);
        return read?.ok ? { id, file: head.file, suite: read.value } : undefined;
    }
    /** Why a listed suite's whole file cannot be read, though what the list needs of it can. */
    suiteProblem(id) {
        const head = this.listSuites().find((entry) => entry.id === id);
        const read = head && this.suites.read(head.file);
        return read && !read.ok ? read.problem : undefined;
    }
    /** Ids of the recorded runs (file names), for lookups by prefix. */
    runIds() {
        const dir = (0,external_node_path_.join)(this.cacheDir, 'runs');
        if (!(0,external_node_fs_.existsSync)(dir))
            return [];
        return (0,external_node_fs_.readdirSync)(dir)
            .filter((name) => name.endsWith('.json'))
            .map((name) => name.slice(0, -'.json'.length));
    }
    /** Where a run's full record is kept. */
    runFile(id) {
        return (0,external_node_path_.join)(this.cacheDir, 'runs', `${id}.json`);
    }
    /** A run's full record; a record that exists but cannot be read is an error the page shows. */
    run(id) {
        if (!/^[A-Za-z0-9._-]+$/.test(id) || id.startsWith('.'))
            return undefined;
        const file = this.runFile(id);
        const read = this.runs.read(file);
        if (!read)
            return undefined;
        if (!read.ok)
            return { ok: false, problem: read.problem };
        return { ok: true, record: { ...read.value, id, file } };
    }
}
/** A scenario is flaky in a suite when it passed some of its runs but not all. */
function isFlaky(scenario) {
    return scenario.passedRuns > 0 && scenario.passedRuns < scenario.runs;
}
function suiteSummary(entry, tags = []) {
    const { suite } = entry;
    const titles = suite.scenarios.map((scenario) => scenario.title);
    const shown = titles.slice(0, 3).join(', ') + (titles.length > 3 ? ` +${titles.length - 3} more` : '');
    const flaky = suite.scenarios.filter(isFlaky).length;
    return {
        kind: 'suite',
        id: entry.id,
        title: shown || '(no scenarios)',
        status: suite.passed ? 'passed' : 'failed',
        tone: suite.passed ? 'good' : 'bad',
        startedAt: suite.startedAt,
        at: addMs(suite.startedAt, suite.durationMs),
        durationMs: suite.durationMs,
        detail: `${suite.totals.passedRuns}/${suite.totals.runs} runs passed · ${suite.totals.scenarios} scenario(s) · threshold ${suite.passThreshold}%` +
            (flaky > 0 ? ` · ${flaky} flaky` : ''),
        tags,
    };
}

;// CONCATENATED MODULE: ./src/view/pages/suite.ts



/** Suites drawn in the satisfaction chart at most (the most recent). */
const CHART_SUITES = 200;
/**
 * Satisfaction of this suite's scenarios in every recorded suite up to it (scenarios are matched by
 * file); null when fewer than two suites ran any of them.
 */
function satisfactionChart(entry, suites) {
    const files = entry.suite.scenarios.map((scenario) => scenario.file);
    const history = suites
        .filter((other) => other.suite.startedAt <= entry.suite.startedAt)
        .filter((other) => other.suite.scenarios.some((scenario) => files.includes(scenario.file)))
        .sort((a, b) => a.suite.startedAt.localeCompare(b.suite.startedAt))
        .slice(-CHART_SUITES);
    if (history.length < 2)
        return null;
    return {
        x: history.map((other) => Math.round(Date.parse(other.suite.startedAt) / 1000)),
        series: entry.suite.scenarios.map((scenario) => scenario.title),
        values: files.map((file) => history.map((other) => other.suite.scenarios.find((scenario) => scenario.file === file)?.satisfaction ?? null)),
    };
}
/** A run as a chip; the runs of a flaky scenario are drawn dashed. */
function runChip(run, links, flaky) {
    const label = `${run.passed ? '✓' : '✗'}${run.run}`;
    const title = (run.passed ? `run ${run.run} passed` : `run ${run.run}: ${run.failureKind} — ${run.failureSummary ?? ''}`) +
        (flaky ? ' (flaky scenario)' : '');
    const chip = html `<span
    class="run-chip tone-${run.passed ? 'good' : 'bad'}${flaky ? ' chip-flaky' : ''}"
    title="${title}"
    ${flaky ? html `data-flaky` : ''}
    >${label}</span
  >`;
    const href = links.run(run.runId);
    return href ? html `<a href="${href}" title="${title}">${chip}</a>` : chip;
}
/** Green only at 100%, red below the threshold or at 0%, amber in between. */
function satisfactionTone(scenario) {
    if (scenario.satisfaction >= 100)
        return 'good';
    return !scenario.meetsThreshold || scenario.satisfaction === 0 ? 'bad' : 'active';
}
function scenarioRow(scenario, links) {
    const flaky = isFlaky(scenario);
    return html `<tr>
    <td>
      <b>${scenario.title}</b
      >${flaky ? html ` <span class="flag">flaky</span>` : ''}${scenario.tags.map((tag) => html `<span class="tag">${tag}</span>`)}
      <div class="muted mono">${scenario.file}</div>
    </td>
    <td class="num">${badge(`${scenario.satisfaction}%`, satisfactionTone(scenario))}</td>
    <td class="num">${scenario.passedRuns}/${scenario.runs}</td>
    <td>${scenario.results.map((run) => runChip(run, links, flaky))}</td>
    <td>
      ${scenario.failingCriteria.length === 0
        ? html `<span class="muted">–</span>`
        : scenario.failingCriteria.map((criterion) => html `<div>
                  <code>${criterion.id}</code> ${criterion.text}
                  <span class="muted">(${criterion.failedRuns}/${scenario.runs} runs)</span>
                </div>`)}
    </td>
  </tr>`;
}
function suitePage(entry, options) {
    const { suite } = entry;
    const chart = satisfactionChart(entry, options.suites);
    const flaky = suite.scenarios.filter(isFlaky);
    const loopHref = options.loopAttempt ? options.links.loop(options.loopAttempt.loopId) : null;
    const body = html `<h1>Scenario suite ${badge(suite.passed ? 'passed' : 'failed', suite.passed ? 'good' : 'bad')}</h1>
    <div class="meta">
      <span>started <b>${formatTime(suite.startedAt)}</b></span
      ><span>took <b>${html_formatDuration(suite.durationMs)}</b></span>
      <span
        ><b>${suite.totals.passedRuns}/${suite.totals.runs}</b> runs passed across
        <b>${suite.totals.scenarios}</b> scenario(s)</span
      >
      <span>pass threshold <b>${suite.passThreshold}%</b></span
      ><span class="mono">${entry.id}</span>
      ${options.loopAttempt ? html `<span>${layout_link(loopHref, `pre-prod loop, attempt ${options.loopAttempt.attempt}`)}</span>` : ''}
    </div>
    ${flaky.length > 0 ? html `<div class="notice">${flaky.length} flaky scenario(s): passed some runs and failed others — ${flaky.map((scenario) => scenario.title).join(', ')}.</div>` : ''}
    ${chart
        ? html `<h2>Satisfaction over time</h2>
            <p class="muted">Each point is one recorded suite (${chart.x.length} up to this one).</p>
            <div class="chart" data-chart="satisfaction-data"></div>
            ${jsonScript('satisfaction-data', chart)}`
        : ''}
    <h2>Scenarios</h2>
    <table>
      <thead>
        <tr>
          <th>Scenario</th>
          <th class="num">Satisfaction</th>
          <th class="num">Passed</th>
          <th>Runs</th>
          <th>Failing criteria</th>
        </tr>
      </thead>
      <tbody>
        ${suite.scenarios.map((scenario) => scenarioRow(scenario, options.links))}
      </tbody>
    </table>
    ${suite.warnings.length > 0
        ? html `<h2>Warnings</h2>
            <ul>
              ${suite.warnings.map((warning) => html `<li>${warning}</li>`)}
            </ul>`
        : ''}`;
    return { title: `Suite ${formatTime(suite.startedAt)}`, body, chart: chart !== null };
}

// EXTERNAL MODULE: ./node_modules/@dagrejs/dagre/dist/dagre.esm.js
var dagre_esm = __webpack_require__(42440);
;// CONCATENATED MODULE: ./src/view/dag.ts


/**
 * A workflow's DAG as inline SVG, laid out on the server with dagre: the page needs no graph library
 * of its own, and a report draws it with no script at all.
 */
const CHAR_WIDTH = 7.4;
const NODE_HEIGHT = 44;
const PADDING = 16;
/** The second line of a node's box: its state, and its duration once known. */
function dag_nodeLabel(node) {
    const parts = [node.state];
    if (node.durationMs !== null)
        parts.push(html_formatDuration(node.durationMs));
    if (node.state === 'skipped' && node.skipReason)
        parts.push(node.skipReason.replace(/_/g, ' '));
    return parts.join(' · ');
}
/**
 * `rowHref` names where each node's details are (its row in the nodes table): a node is then a link,
 * so a click or Enter on the failed node of a large graph goes to its output and error.
 */
function dagSvg(nodes, edges, rowHref) {
    if (nodes.length === 0)
        return html `<p class="muted">No node has run yet.</p>`;
    const graph = new dagre_esm/* default.graphlib */.Ay.graphlib.Graph();
    graph.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 56, marginx: PADDING, marginy: PADDING });
    graph.setDefaultEdgeLabel(() => ({}));
    for (const node of nodes) {
        // Wide enough for the label the node will have when it finishes, so live updates fit.
        const longest = Math.max(node.id.length, dag_nodeLabel(node).length, 'completed · 59.9 s'.length);
        graph.setNode(node.id, { width: Math.max(96, Math.round(longest * CHAR_WIDTH) + 24), height: NODE_HEIGHT });
    }
    for (const edge of edges)
        graph.setEdge(edge.from, edge.to);
    dagre_esm/* default.layout */.Ay.layout(graph);
    const { width = 0, height = 0 } = graph.graph();
    const paths = graph.edges().map((edge) => {
        const points = graph.edge(edge).points ?? [];
        const d = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`);
        return html `<path class="edge" d="${d.join(' ')}" marker-end="url(#arrow)" data-edge="${edge.v}->${edge.w}" />`;
    });
    const boxes = nodes.map((node) => {
        const box = graph.node(node.id);
        const x = box.x - box.width / 2;
        const y = box.y - box.height / 2;
        const shape = html `<g
      class="node state-${node.state}"
      data-node="${node.id}"
      transform="translate(${x.toFixed(1)},${y.toFixed(1)})"
    >
      <title>${node.id}: ${node.state}${node.error ? ` — ${node.error}` : ''}</title>
      <rect width="${box.width}" height="${box.height}" rx="6" />
      <text x="10" y="18">${node.id}</text>
      <text class="sub" x="10" y="35">${dag_nodeLabel(node)}</text>
    </g>`;
        return rowHref ? html `<a href="${rowHref(node.id)}">${shape}</a>` : shape;
    });
    return html `<svg
    class="dag"
    xmlns="http://www.w3.org/2000/svg"
    width="${Math.ceil(width)}"
    height="${Math.ceil(height)}"
    viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}"
    role="img"
    aria-label="workflow graph"
  >
    <defs>
      <marker
        id="arrow"
        viewBox="0 0 10 10"
        refX="9"
        refY="5"
        markerWidth="7"
        markerHeight="7"
        orient="auto-start-reverse"
      >
        <path d="M0,0 L10,5 L0,10 z" />
      </marker>
    </defs>
    ${paths} ${boxes}
  </svg>`;
}

// EXTERNAL MODULE: ./src/lib/paths.ts
var paths = __webpack_require__(9927);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/workflows/schema.ts + 1 modules
var workflows_schema = __webpack_require__(42258);
;// CONCATENATED MODULE: ./src/view/records/workflows.ts





const NODE_STATES = (/* unused pure expression or super */ null && (['pending', 'running', 'completed', 'failed', 'skipped', 'paused']));
const ACTIVE = new Set(['pending', 'running', 'paused']);
const MAX_STORE_RUNS = 2000;
function workflows_workflowTone(status) {
    if (status === 'completed')
        return 'good';
    if (status === 'failed' || status === 'cancelled')
        return 'bad';
    if (ACTIVE.has(status))
        return 'active';
    return 'neutral';
}
/**
 * Workflow runs of one repository: those in the run store whose working path is the repository
 * (or inside it, or one of its worktrees), and those known only from a transcript in
 * `.archal/logs/<runId>.jsonl` (a store on another machine, a copied artifact).
 */
class WorkflowRecords {
    repo;
    store;
    worktrees;
    definitions = new Map();
    constructor(repo, store, worktrees = []) {
        this.repo = repo;
        this.store = store;
        this.worktrees = worktrees;
    }
    belongs(path) {
        return (0,paths/* isAtOrUnder */.Xb)(path, [this.repo, ...this.worktrees]);
    }
    logsDir() {
        return (0,external_node_path_.join)(this.repo, '.archal', 'logs');
    }
    transcriptIds() {
        const dir = this.logsDir();
        if (!(0,external_node_fs_.existsSync)(dir))
            return [];
        return (0,external_node_fs_.readdirSync)(dir)
            .filter((name) => name.endsWith('.jsonl'))
            .map((name) => name.slice(0, -'.jsonl'.length));
    }
    async list() {
        // Filtered in the store, so that a busier repository's runs do not crowd this one's out of the
        // limit; and again here, for a reader a host wrote that does not know the filter.
        const runs = this.store
            ? (await this.store.listRuns({ workingPathUnder: [this.repo, ...this.worktrees], limit: MAX_STORE_RUNS })).filter((run) => this.belongs(run.workingPath))
            : [];
        const known = new Set(runs.map((run) => run.id));
        const summaries = runs.map((run) => runSummary(run));
        for (const id of this.transcriptIds()) {
            if (known.has(id))
                continue;
            const view = this.fromTranscript(id);
            if (view)
                summaries.push(viewSummary(view));
        }
        return summaries;
    }
    /** Ids that start with `prefix`, in the store and in transcripts. */
    async idsStartingWith(prefix) {
        const ids = new Set(this.transcriptIds().filter((id) => id.startsWith(prefix)));
        if (this.store)
            for (const run of await this.store.findRunsByPrefix(prefix))
                if (this.belongs(run.workingPath))
                    ids.add(run.id);
        return [...ids];
    }
    async run(id) {
        const found = await this.store?.getRun(id);
        // The run store is per user: another repository's runs are not this viewer's to show.
        const stored = found && this.belongs(found.workingPath) ? found : undefined;
        if (!stored)
            return this.fromTranscript(id);
        const events = await this.store.listEvents(id);
        // Events are in the store; a store that lost them (or never had them) leaves the transcript.
        const transcript = events.length > 0
            ? { events, problems: [] }
            : (readTranscriptFile((0,external_node_path_.join)(stored.workingPath, '.archal', 'logs', `${id}.jsonl`)) ?? {
                events: [],
                problems: [],
            });
        return this.buildView({
            id: stored.id,
            workflowName: stored.workflowName,
            status: stored.status,
            workingPath: stored.workingPath,
            userMessage: stored.userMessage,
            startedAt: stored.startedAt,
            completedAt: stored.completedAt,
            lastActivityAt: stored.lastActivityAt,
            error: stored.metadata.error ?? null,
            approval: stored.metadata.approval ?? null,
            usage: stored.metadata.usage ?? null,
            branch: stored.metadata.branch ?? null,
            source: 'store',
            definitionFile: stored.metadata.workflowFile ?? null,
        }, transcript);
    }
    fromTranscript(id) {
        if (!/^[A-Za-z0-9._-]+$/.test(id) || id.startsWith('.'))
            return undefined;
        const transcript = readTranscriptFile((0,external_node_path_.join)(this.logsDir(), `${id}.jsonl`));
        if (!transcript || transcript.events.length === 0)
            return undefined;
        const { events } = transcript;
        const started = events.find((event) => event.type === 'workflow_started');
        const last = events.at(-1);
        const terminal = [...events].reverse().find((event) => TERMINAL_EVENTS[event.type] !== undefined);
        const status = terminal ? TERMINAL_EVENTS[terminal.type] : 'unfinished';
        const data = started?.data ?? {};
        return this.buildView({
            id,
            workflowName: typeof data.workflowName === 'string' ? data.workflowName : '(unknown workflow)',
            status,
            workingPath: typeof data.cwd === 'string' ? data.cwd : this.repo,
            userMessage: typeof data.userMessage === 'string' ? data.userMessage : '',
            startedAt: started?.ts ?? events[0].ts,
            completedAt: terminal && status !== 'paused' ? terminal.ts : null,
            lastActivityAt: last.ts,
            error: terminal && typeof terminal.data.error === 'string' ? terminal.data.error : null,
            approval: null,
            usage: null,
            branch: null,
            source: 'transcript',
            definitionFile: null,
        }, transcript);
    }
    buildView(run, { events, problems }) {
        const defined = run.definitionFile ? this.definition(run.definitionFile) : null;
        const nodes = nodeViews(defined ?? [], events);
        const ids = new Set(nodes.map((node) => node.id));
        const edges = nodes.flatMap((node) => node.dependsOn.filter((dep) => ids.has(dep)).map((dep) => ({ from: dep, to: node.id })));
        return {
            ...run,
            active: ACTIVE.has(run.status),
            nodes,
            edges,
            events: events.map(({ runId: _runId, ...event }) => event),
            problems,
        };
    }
    /** The nodes of a workflow file and their dependencies, read leniently: the file may have changed since. */
    definition(file) {
        let mtimeMs;
        try {
            mtimeMs = (0,external_node_fs_.statSync)(file).mtimeMs;
        }
        catch {
            return null;
        }
        const cached = this.definitions.get(file);
        if (cached && cached.mtimeMs === mtimeMs)
            return cached.nodes;
        const nodes = readDefinition(file);
        this.definitions.set(file, { mtimeMs, nodes });
        return nodes;
    }
}
function readDefinition(file) {
    try {
        const doc = (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(file, 'utf8'));
        if (!Array.isArray(doc?.nodes))
            return null;
        return doc.nodes.flatMap((node) => {
            if (!node || typeof node !== 'object')
                return [];
            const record = node;
            if (typeof record.id !== 'string')
                return [];
            const dependsOn = Array.isArray(record.depends_on)
                ? record.depends_on.filter((dep) => typeof dep === 'string')
                : [];
            return [{ id: record.id, kind: workflows_schema/* NODE_KINDS */.xA.find((kind) => kind in record) ?? null, dependsOn }];
        });
    }
    catch {
        return null;
    }
}
const TERMINAL_EVENTS = {
    workflow_completed: 'completed',
    workflow_failed: 'failed',
    workflow_cancelled: 'cancelled',
    workflow_paused: 'paused',
};
function readTranscriptFile(file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return undefined;
    }
    const events = [];
    const unreadable = [];
    text.split('\n').forEach((line, index) => {
        if (!line.trim())
            return;
        try {
            const event = JSON.parse(line);
            if (typeof event?.type === 'string' && typeof event.ts === 'string')
                events.push({ ...event, data: event.data ?? {}, seq: events.length + 1 });
            else
                unreadable.push(index + 1);
        }
        catch {
            // A line cut short by a crash: the events around it still tell most of the story.
            unreadable.push(index + 1);
        }
    });
    const shown = unreadable.slice(0, 10).join(', ') + (unreadable.length > 10 ? ', …' : '');
    const problems = unreadable.length > 0
        ? [
            `${unreadable.length} line(s) of ${file} are not events (line ${shown}): node states may be missing what they recorded.`,
        ]
        : [];
    return { events, problems };
}
const workflows_text = (value) => (typeof value === 'string' ? value : null);
const number = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
/** Each node's state, timing, output and error, as its events tell them. */
function nodeViews(defined, events) {
    const nodes = new Map();
    const node = (id) => {
        let view = nodes.get(id);
        if (!view) {
            view = {
                id,
                kind: null,
                dependsOn: [],
                state: 'pending',
                startedAt: null,
                durationMs: null,
                attempts: null,
                output: null,
                error: null,
                skipReason: null,
            };
            nodes.set(id, view);
        }
        return view;
    };
    for (const entry of defined)
        Object.assign(node(entry.id), { kind: entry.kind, dependsOn: entry.dependsOn });
    for (const event of events) {
        if (!event.nodeId || !event.type.startsWith('node_') || event.type === 'node_retrying') {
            if (event.nodeId && event.type === 'approval_requested')
                node(event.nodeId).state = 'paused';
            continue;
        }
        const view = node(event.nodeId);
        const data = event.data;
        switch (event.type) {
            case 'node_started':
                Object.assign(view, { state: 'running', startedAt: event.ts, error: null, durationMs: null });
                view.kind ??= workflows_text(data.kind);
                break;
            case 'node_completed':
            case 'node_skipped_prior_success':
                view.state = 'completed';
                view.output = workflows_text(data.node_output) ?? view.output;
                view.durationMs = number(data.duration_ms) ?? view.durationMs;
                view.attempts = number(data.attempts) ?? view.attempts;
                if (event.type === 'node_skipped_prior_success')
                    view.skipReason = 'prior_success';
                break;
            case 'node_failed':
                view.state = 'failed';
                view.error = workflows_text(data.error);
                view.durationMs = number(data.duration_ms) ?? view.durationMs;
                view.attempts = number(data.attempts) ?? view.attempts;
                break;
            case 'node_skipped':
                view.state = 'skipped';
                view.skipReason = workflows_text(data.reason);
                break;
            default:
                break;
        }
    }
    return [...nodes.values()];
}
function runSummary(run) {
    const counts = run.metadata.nodeCounts;
    const detail = counts
        ? Object.entries(counts)
            .filter(([, count]) => count > 0)
            .map(([state, count]) => `${count} ${state}`)
            .join(' · ')
        : '';
    return {
        kind: 'workflow',
        id: run.id,
        title: `Workflow ${run.workflowName}${run.userMessage ? `: ${run.userMessage}` : ''}`,
        status: run.status,
        tone: workflows_workflowTone(run.status),
        startedAt: run.startedAt,
        at: run.completedAt ?? run.lastActivityAt,
        durationMs: run.completedAt ? Date.parse(run.completedAt) - Date.parse(run.startedAt) : null,
        detail: [detail, run.metadata.error?.split('\n')[0]].filter(Boolean).join(' · '),
        tags: run.metadata.branch ? [run.metadata.branch] : [],
    };
}
function viewSummary(view) {
    const counts = new Map();
    for (const node of view.nodes)
        counts.set(node.state, (counts.get(node.state) ?? 0) + 1);
    return {
        kind: 'workflow',
        id: view.id,
        title: `Workflow ${view.workflowName}${view.userMessage ? `: ${view.userMessage}` : ''}`,
        status: view.status,
        tone: workflows_workflowTone(view.status),
        startedAt: view.startedAt,
        at: view.completedAt ?? view.lastActivityAt,
        durationMs: view.completedAt ? Date.parse(view.completedAt) - Date.parse(view.startedAt) : null,
        detail: [...counts].map(([state, count]) => `${count} ${state}`).join(' · '),
        tags: ['transcript only'],
    };
}

;// CONCATENATED MODULE: ./src/view/pages/workflow.ts





const NODE_TONES = {
    pending: 'neutral',
    running: 'active',
    completed: 'good',
    failed: 'bad',
    skipped: 'neutral',
    paused: 'active',
};
/**
 * What a live page polls: the run's status and each node's, as the page shows them (text without
 * terminal escape sequences, as the page's templates render it).
 */
function workflowState(view) {
    return {
        id: view.id,
        status: view.status,
        tone: workflowTone(view.status),
        active: view.active,
        nodes: view.nodes.map((node) => ({
            id: node.id,
            state: node.state,
            tone: NODE_TONES[node.state],
            label: nodeLabel(node),
            duration: node.durationMs === null ? '' : formatDuration(node.durationMs),
            attempts: node.attempts ?? '',
            output: stripAnsi(node.output ?? ''),
            error: stripAnsi(node.error ?? ''),
        })),
    };
}
/** The id of a node's row: unique in a report that holds several runs. */
const rowId = (runId, nodeId) => `node-${runId}-${nodeId}`;
function nodeRow(runId, node) {
    const cell = (field, content, className = '') => html `<td${className ? html ` class="${className}"` : ''}><span data-node-cell="${field}" data-node-id="${node.id}">${content}</span></td>`;
    return html `<tr id="${rowId(runId, node.id)}" data-node-row="${node.id}">
    <td class="mono">${node.id}</td>
    <td>${node.kind ?? html `<span class="muted">–</span>`}</td>
    <td>
      <span class="badge tone-${NODE_TONES[node.state]}" data-node-cell="state" data-node-id="${node.id}"
        >${node.state}</span
      >${node.skipReason ? html ` <span class="muted">${node.skipReason.replace(/_/g, ' ')}</span>` : ''}
    </td>
    ${cell('duration', node.durationMs === null ? '' : html_formatDuration(node.durationMs), 'num')}
    ${cell('attempts', node.attempts === null ? '' : String(node.attempts), 'num')}
    <td><pre data-node-cell="output" data-node-id="${node.id}">${node.output ?? ''}</pre></td>
    <td><pre data-node-cell="error" data-node-id="${node.id}">${node.error ?? ''}</pre></td>
  </tr>`;
}
/**
 * Events a page lists unless asked for all: a long agent session records thousands (every tool call
 * twice), and listing them all would make a page of tens of megabytes that takes seconds to open. The
 * newest are kept: they say how the run ended.
 */
const SHOWN_EVENTS = 500;
function eventsSection(view, { links, allEvents }) {
    const total = view.events.length;
    const cut = !allEvents && total > SHOWN_EVENTS;
    const shown = cut ? view.events.slice(-SHOWN_EVENTS) : view.events;
    const allHref = cut ? links.allWorkflowEvents(view.id) : null;
    const count = total.toLocaleString('en-US');
    // Asked for all of them: the list is what the reader came for, opened and scrolled to.
    return html `<details id="events" data-events ${allEvents ? html ` open` : ''}>
    <summary>${count} event(s)${cut ? `, the newest ${SHOWN_EVENTS} shown` : ''}</summary>
    ${cut ? html `<p class="muted">${(total - SHOWN_EVENTS).toLocaleString('en-US')} earlier event(s) are not listed: ${allHref ? html `<a href="${allHref}" data-all-events>show all ${count}</a>` : html `<code>archal view</code> shows them all`}.</p>` : ''}
    <table class="events">
      <thead>
        <tr>
          <th class="num">#</th>
          <th>Time</th>
          <th>Type</th>
          <th>Node</th>
          <th>Data</th>
        </tr>
      </thead>
      <tbody>
        ${shown.map((event) => html `<tr>
              <td class="num">${event.seq}</td>
              <td class="num">${formatTime(event.ts)}</td>
              <td class="mono">${event.type}</td>
              <td class="mono">${event.nodeId ?? ''}</td>
              <td><code>${pretty(event.data, 2000)}</code></td>
            </tr>`)}
      </tbody>
    </table>
  </details>`;
}
function workflowPage(view, options) {
    const liveUrl = view.active ? options.links.workflowState(view.id) : null;
    const took = view.completedAt ? Date.parse(view.completedAt) - Date.parse(view.startedAt) : null;
    const failed = view.nodes.filter((node) => node.state === 'failed');
    const body = html `<div${liveUrl ? html ` data-live="${liveUrl}" data-status="${view.status}"` : ''}>
<h1>Workflow ${view.workflowName} ${badge(view.status, workflows_workflowTone(view.status), 'run-status')}</h1>
<div class="meta"><span class="mono">${view.id}</span><span>started <b>${formatTime(view.startedAt)}</b></span>
${took !== null ? html `<span>took <b>${html_formatDuration(took)}</b></span>` : html `<span>last activity <b>${formatTime(view.lastActivityAt)}</b></span>`}
<span class="mono">${view.workingPath}</span>${view.branch ? html `<span>branch <code>${view.branch}</code></span>` : ''}
${view.source === 'transcript' ? html `<span class="tag">from its transcript only</span>` : ''}</div>
${view.problems.map((problem) => html `<div class="failure" data-problem>${problem}</div>`)}
${view.userMessage ? html `<p>Message: <q>${view.userMessage}</q></p>` : ''}
${liveUrl ? html `<div class="notice">This run is ${view.status}; the page follows it as it goes.</div>` : ''}
${view.error
        ? html `<div class="failure">
        <b>Error</b>
        <pre>${view.error}</pre>
      </div>`
        : ''}
${view.approval && !view.approval.resolved ? html `<div class="notice">Waiting for approval at <code>${view.approval.nodeId}</code>: ${view.approval.message}<br /><code>archal workflow approve ${view.id}</code> or <code>archal workflow reject ${view.id}</code></div>` : ''}
<h2>Graph</h2>
${failed.length > 0 ? html `<p>Failed: ${failed.map((node) => html `<code>${node.id}</code> `)}</p>` : ''}
${dagSvg(view.nodes, view.edges, (nodeId) => `#${rowId(view.id, nodeId)}`)}
${view.definitionFile ? html `<p class="muted">Edges from <code>${view.definitionFile}</code>.</p>` : view.edges.length === 0 && view.nodes.length > 1 ? html `<p class="muted">The workflow file is not available: nodes are shown without their dependencies.</p>` : ''}
<h2>Nodes</h2>
<table class="nodes"><thead><tr><th>Node</th><th>Kind</th><th>State</th><th class="num">Took</th><th class="num">Attempts</th><th>Output</th><th>Error</th></tr></thead>
<tbody>${view.nodes.map((node) => nodeRow(view.id, node))}</tbody></table>
${view.usage ? html `<p class="muted">Usage: ${pretty(view.usage)}</p>` : ''}
<h2>Events</h2>
${eventsSection(view, options)}
</div>`;
    return { title: `Workflow ${view.workflowName}`, body, chart: false };
}

;// CONCATENATED MODULE: ./src/view/render.ts






/** The page of one record; undefined when there is no such record. */
async function recordPage(ref, context) {
    const { source, links, redactor } = context;
    switch (ref.kind) {
        case 'suite': {
            const entry = source.suite(ref.id);
            if (!entry) {
                const problem = source.problem(ref);
                return problem && unreadablePage(`Suite ${ref.id}`, problem, redactor);
            }
            const firstRun = entry.suite.scenarios.flatMap((scenario) => scenario.results)[0];
            return suitePage(redactor.value(entry), {
                links,
                suites: source.suites(),
                loopAttempt: firstRun ? source.loopAttemptOf(firstRun.runId) : undefined,
            });
        }
        case 'run': {
            const read = source.run(ref.id);
            if (!read)
                return missingRunPage(ref.id, context);
            if (!read.ok)
                return unreadablePage(`Run ${ref.id}`, read.problem, redactor);
            const suite = source
                .suites()
                .find((entry) => entry.suite.scenarios.some((scenario) => scenario.results.some((run) => run.runId === ref.id)));
            return scenarioRunPage(redactor.value(read.record), { links, suiteId: suite?.id });
        }
        case 'preprod': {
            const loop = source.loop(ref.id);
            return loop ? preprodPage(redactor.value(loop), { links }) : undefined;
        }
        case 'workflow': {
            const view = await source.workflowRun(ref.id);
            return view ? workflowPage(redactor.value(view), { links, allEvents: context.allEvents }) : undefined;
        }
    }
}
/**
 * A run a suite lists whose record file is gone (removed, or the suite was recorded elsewhere): what
 * the suite kept of it, and where its record was looked for. Undefined when no suite lists it.
 */
function missingRunPage(runId, { source, links, redactor }) {
    for (const head of source.suites()) {
        if (!head.suite.scenarios.some((scenario) => scenario.results.some((run) => run.runId === runId)))
            continue;
        const scenario = source
            .suite(head.id)
            ?.suite.scenarios.find((entry) => entry.results.some((run) => run.runId === runId));
        const run = scenario?.results.find((entry) => entry.runId === runId);
        const title = `${scenario?.title ?? 'Scenario'} — run ${run?.run ?? '?'}`;
        return {
            title,
            body: html `<h1>
          ${redactor.text(title)} ${run ? badge(run.passed ? 'passed' : 'failed', run.passed ? 'good' : 'bad') : ''}
        </h1>
        <div class="failure" data-missing>
          The record of this run, <code>${source.scenarios.runFile(runId)}</code>, does not exist (removed, or recorded
          on another machine): only what its suite kept is shown.
        </div>
        ${run?.failureSummary ? html `<p>${redactor.text(run.failureSummary)}</p>` : ''}
        <p>${layout_link(links.suite(head.id), 'Its suite')}</p>`,
            chart: false,
        };
    }
    return undefined;
}
/** A record that exists but cannot be read: which file, and why. */
function unreadablePage(title, problem, redactor) {
    return {
        title,
        body: html `<h1>${title}</h1>
      <div class="failure" data-unreadable>
        The record <code>${problem.file}</code> cannot be read: ${redactor.text(problem.message)}
      </div>`,
        chart: false,
    };
}
/** The records a report of `ref` carries besides `ref` itself: the runs of a suite or of a loop's attempts. */
async function relatedRecords(ref, source) {
    switch (ref.kind) {
        case 'suite': {
            const entry = source.suite(ref.id);
            return (entry?.suite.scenarios ?? []).flatMap((scenario) => scenario.results.map((run) => ({ kind: 'run', id: run.runId })));
        }
        case 'preprod': {
            const loop = source.loop(ref.id);
            if (!loop)
                return [];
            const related = [];
            for (const attempt of loop.result.attempts) {
                if (attempt.fix?.workflowRunId && (await source.workflowRun(attempt.fix.workflowRunId)))
                    related.push({ kind: 'workflow', id: attempt.fix.workflowRunId });
                for (const scenario of attempt.scenarios)
                    for (const runId of scenario.runIds)
                        related.push({ kind: 'run', id: runId });
            }
            return related;
        }
        case 'run':
        case 'workflow':
            return [];
    }
}

;// CONCATENATED MODULE: ./src/view/records/source.ts






const MIN_PREFIX = 4;
/** Everything the viewer shows, read from what runs already wrote. Nothing here writes. */
class RecordSource {
    options;
    scenarios;
    preprod;
    workflows;
    /** Records named by a path outside the usual places (`archal report results.json`). */
    extraSuites = new Map();
    extraLoops = new Map();
    constructor(options) {
        this.options = options;
        this.scenarios = new ScenarioRecords((0,external_node_path_.join)(options.repo, '.archal', 'cache'));
        const dirs = options.preprodDirs ?? [];
        this.preprod = new PreprodRecords(options.repo, typeof dirs === 'function' ? dirs : () => dirs);
        this.workflows = new WorkflowRecords(options.repo, options.runs, options.worktrees);
    }
    /** Suites, pre-prod loops and workflow runs, the most recent first. */
    async list() {
        const problems = [];
        const loops = this.preprod.list(problems);
        const attempts = attemptsByRun(loops);
        const records = [
            ...this.scenarios.listSuites(problems).map((entry) => suiteSummary(entry, suiteTags(entry, attempts))),
            ...loops.map(loopSummary),
            ...(await this.workflows.list()),
        ];
        records.sort((a, b) => b.at.localeCompare(a.at) || b.startedAt.localeCompare(a.startedAt));
        return { records, problems };
    }
    suite(id) {
        return this.scenarios.suite(id) ?? this.extraSuites.get(id);
    }
    /** Every suite's head (what lists and charts need), newest first. */
    suites() {
        return this.scenarios.listSuites();
    }
    /** Why a record that exists cannot be read (its file and the parse error); undefined when it can, or is not there. */
    problem(ref) {
        switch (ref.kind) {
            case 'suite':
                return this.extraSuites.has(ref.id) ? undefined : this.scenarios.suiteProblem(ref.id);
            case 'run': {
                const read = this.scenarios.run(ref.id);
                return read && !read.ok ? read.problem : undefined;
            }
            case 'preprod':
            case 'workflow':
                // Loops that cannot be read have no id, and workflow runs are read leniently event by event.
                return undefined;
        }
    }
    run(id) {
        return this.scenarios.run(id);
    }
    loop(id) {
        return this.preprod.loop(id) ?? this.extraLoops.get(id);
    }
    loopAttemptOf(runId) {
        return attemptsByRun(this.preprod.list()).get(runId);
    }
    workflowRun(id) {
        return this.workflows.run(id);
    }
    /**
     * What a reference names: `last` (the record at the top of the list), a suite, scenario run, pre-prod
     * loop or workflow run id or a unique prefix of one (at least 4 characters), or the path of a
     * pre-prod artifacts directory or its preprod-result.json.
     */
    async resolve(reference) {
        const ref = reference.trim();
        if (ref === 'last') {
            const newest = (await this.list()).records[0];
            if (!newest)
                throw new RecordLookupError(`There is no record yet in ${this.options.repo}: run \`archal run\`, \`archal preprod run\` or \`archal workflow run\` first.`, 'not_found');
            return { kind: newest.kind, id: newest.id };
        }
        const path = (0,external_node_path_.resolve)(this.options.cwd ?? this.options.repo, ref);
        // Ids never hold a path separator nor end in .json: such a reference is a path or nothing.
        if (ref.includes('/') || ref.includes(external_node_path_.sep) || ref.endsWith('.json')) {
            if ((0,external_node_fs_.existsSync)(path))
                return this.fromPath(path);
            throw new RecordLookupError(`${path} does not exist.`, 'not_found');
        }
        const candidates = await this.candidates(ref);
        const exact = candidates.filter((candidate) => candidate.id === ref);
        const matches = exact.length > 0 ? exact : ref.length >= MIN_PREFIX ? candidates : [];
        if (matches.length === 1)
            return matches[0];
        // A bare name that is no id may still be a directory here (`archal report artifacts`).
        if (matches.length === 0 && ref !== '' && (0,external_node_fs_.existsSync)(path))
            return this.fromPath(path);
        if (matches.length === 0)
            throw new RecordLookupError(`No suite, scenario run, pre-prod loop or workflow run is named '${ref}'` +
                (ref.length < MIN_PREFIX ? ` (a prefix needs at least ${MIN_PREFIX} characters)` : '') +
                '. `archal view` lists them; `last` names the most recent.', 'not_found');
        throw new RecordLookupError(`'${ref}' names more than one record: ${matches
            .slice(0, 6)
            .map((match) => `${match.kind} ${match.id}`)
            .join(', ')}. Give more characters.`, 'ambiguous');
    }
    /** A pre-prod result (or its directory), or a suite's JSON (`archal run -o json`, last-run.json). */
    fromPath(path) {
        const file = (0,external_node_fs_.statSync)(path).isDirectory() ? (0,external_node_path_.join)(path, 'preprod-result.json') : path;
        const loop = this.preprod.fromPath(file);
        if (loop && !('problem' in loop)) {
            this.extraLoops.set(loop.id, loop);
            return { kind: 'preprod', id: loop.id };
        }
        const suite = this.scenarios.suiteFromFile(file);
        if (suite && !('problem' in suite)) {
            this.extraSuites.set(suite.id, suite);
            return { kind: 'suite', id: suite.id };
        }
        const loopProblem = loop && 'problem' in loop ? loop.problem : undefined;
        const suiteProblem = suite && 'problem' in suite ? suite.problem : undefined;
        const problem = (0,external_node_path_.basename)(file).startsWith('preprod')
            ? (loopProblem ?? suiteProblem)
            : (suiteProblem ?? loopProblem);
        throw new RecordLookupError(problem
            ? `${file} is neither a pre-prod result nor a suite's results: ${problem.message}`
            : `${file} does not exist.`, 'not_found');
    }
    async candidates(ref) {
        const starts = (id) => id.startsWith(ref);
        return [
            ...this.scenarios
                .listSuites()
                .filter((entry) => starts(entry.id))
                .map((entry) => ({ kind: 'suite', id: entry.id })),
            ...this.scenarios
                .runIds()
                .filter(starts)
                .map((id) => ({ kind: 'run', id })),
            ...this.preprod
                .list()
                .filter((entry) => starts(entry.id))
                .map((entry) => ({ kind: 'preprod', id: entry.id })),
            ...(await this.workflows.idsStartingWith(ref)).map((id) => ({ kind: 'workflow', id })),
        ];
    }
}
function attemptsByRun(loops) {
    const byRun = new Map();
    for (const loop of loops)
        for (const attempt of loop.result.attempts)
            for (const scenario of attempt.scenarios)
                for (const runId of scenario.runIds)
                    byRun.set(runId, { loopId: loop.id, attempt: attempt.attempt });
    return byRun;
}
function suiteTags(entry, attempts) {
    const firstRun = entry.suite.scenarios.flatMap((scenario) => scenario.results)[0];
    const attempt = firstRun && attempts.get(firstRun.runId);
    return attempt ? [`pre-prod attempt ${attempt.attempt}`] : [];
}

;// CONCATENATED MODULE: ./src/view/report.ts






const report_anchor = (kind, id) => `${kind}-${id}`;
/**
 * One self-contained HTML file for a record and what it refers to (a suite with its runs, a pre-prod
 * loop with every run of every attempt): styles, scripts and data inline, and a content security
 * policy that allows no request, so it opens the same from a CI artifact, a mail or a disk.
 */
async function renderReportHtml(options) {
    const source = new RecordSource(options);
    const ref = await source.resolve(options.reference);
    return renderReport(source, ref, new redact/* SecretRedactor */.pE([], (options.env ?? {})));
}
async function renderReport(source, ref, redactor) {
    const problem = source.problem(ref);
    if (problem)
        throw new RecordLookupError(`The record of ${RECORD_NAMES[ref.kind]} ${ref.id} cannot be read: ${problem.file}: ${redactor.text(problem.message)}`, 'unreadable');
    const refs = [ref, ...(await relatedRecords(ref, source))];
    const included = new Set();
    // Links point at sections of this file, so only records that made it in are linked.
    const links = {
        list: null,
        suite: (id) => (included.has(report_anchor('suite', id)) ? `#${report_anchor('suite', id)}` : null),
        run: (id) => (included.has(report_anchor('run', id)) ? `#${report_anchor('run', id)}` : null),
        loop: (id) => (included.has(report_anchor('preprod', id)) ? `#${report_anchor('preprod', id)}` : null),
        workflow: (id) => (included.has(report_anchor('workflow', id)) ? `#${report_anchor('workflow', id)}` : null),
        workflowState: () => null,
        allWorkflowEvents: () => null,
    };
    for (const candidate of refs) {
        const key = report_anchor(candidate.kind, candidate.id);
        if (included.has(key))
            continue;
        if (await recordExists(candidate, source))
            included.add(key);
        else if (candidate === ref)
            throw new RecordLookupError(`The ${RECORD_NAMES[ref.kind]} ${ref.id} has no readable record.`, 'not_found');
    }
    const pages = [];
    for (const candidate of refs) {
        const key = report_anchor(candidate.kind, candidate.id);
        if (!included.has(key) || pages.some((entry) => entry.key === key))
            continue;
        const page = await recordPage(candidate, { source, links, redactor });
        if (page)
            pages.push({ key, page });
    }
    const sections = pages.map(({ key, page }) => html `<section class="record" id="${key}">${page.body}</section>`);
    const chart = pages.some(({ page }) => page.chart);
    const title = pages[0].page.title;
    return {
        html: documentHtml({
            title,
            body: html `${sections}`,
            where: redactor.text(source.options.repo),
            mode: 'report',
            links,
            chart,
        }),
        ref,
        title,
    };
}
async function recordExists(ref, source) {
    switch (ref.kind) {
        case 'suite':
            return source.suite(ref.id) !== undefined;
        case 'run':
            return source.run(ref.id) !== undefined;
        case 'preprod':
            return source.loop(ref.id) !== undefined;
        case 'workflow':
            return (await source.workflowRun(ref.id)) !== undefined;
    }
}


/***/ })

};
