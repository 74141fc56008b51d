"""The HTML page's stylesheet and script, inlined into every page (no file, no request).

Kept as Python strings so the page needs no package data. The script builds
nothing from markup: user text reaches the DOM only as ``textContent``.
"""

CSS = """
:root{--bg:#fff;--ink:#1b1f24;--faint:#5c6670;--line:#d6dbe0;--pane:#f6f8fa;--sel:#fff3c4;
--selline:#b58400;--pro:#1a7f37;--con:#cf222e;--undercut:#bc4c00;--claim:#0550ae;--match:#fff8a0}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--ink:#e6edf3;--faint:#9aa5b1;
--line:#30363d;--pane:#161b22;--sel:#3a3000;--selline:#e3b341;--pro:#3fb950;--con:#ff7b72;
--undercut:#f0883e;--claim:#79c0ff;--match:#4d4300}
.viewport svg{filter:invert(1) hue-rotate(180deg)}}
*{box-sizing:border-box}
html,body{margin:0;background:var(--bg);color:var(--ink);
font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
header{padding:.6rem 1rem .5rem;border-bottom:1px solid var(--line)}
h1{font-size:1.25rem;margin:0 0 .25rem}
.context{margin:.2rem 0;color:var(--faint);white-space:pre-line;max-width:70rem}
.legend{margin:.2rem 0;color:var(--faint);font-size:.85rem}
.tools{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin-top:.4rem}
.tools input{flex:1 1 16rem;max-width:28rem;font:inherit;padding:.3rem .5rem;
border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--ink)}
button{font:inherit;font-size:.85rem;padding:.25rem .6rem;border:1px solid var(--line);
border-radius:6px;background:var(--pane);color:var(--ink);cursor:pointer}
button:hover{border-color:var(--faint)}
#count{color:var(--faint);font-size:.85rem}
main{display:grid;grid-template-columns:minmax(20rem,2fr) 3fr;
grid-template-rows:minmax(0,3fr) minmax(8rem,2fr);grid-template-areas:"outline diagram" "outline panel";
height:calc(100vh - var(--head,9rem));min-height:28rem}
.outline{grid-area:outline;overflow:auto;padding:.5rem .5rem 2rem;border-right:1px solid var(--line)}
.diagram{grid-area:diagram;position:relative;overflow:hidden;border-bottom:1px solid var(--line)}
.panel{grid-area:panel;overflow:auto;padding:.6rem 1rem;background:var(--pane)}
ul[role=tree],ul[role=group]{list-style:none;margin:0;padding:0}
ul[role=group]{padding-left:1.1rem;border-left:1px dotted var(--line);margin-left:.45rem}
[role=treeitem]{outline:none}
.row{padding:.12rem .3rem .12rem 1.1rem;border-radius:4px;cursor:pointer;position:relative;
white-space:pre-line;overflow-wrap:anywhere}
.row:hover{background:var(--pane)}
[role=treeitem]:focus-visible>.row{outline:2px solid var(--selline);outline-offset:-1px}
[aria-selected=true]>.row{background:var(--sel)}
.toggle{position:absolute;left:0;top:.15rem;width:1rem;text-align:center;color:var(--faint)}
[aria-expanded=true]>.row>.toggle::before{content:"▾"}
[aria-expanded=false]>.row>.toggle::before{content:"▸"}
[aria-expanded=false]>[role=group]{display:none}
.mk{font-weight:700}
.mk.claim{color:var(--claim)}.mk.pro{color:var(--pro)}.mk.con{color:var(--con)}
.mk.undercut{color:var(--undercut)}
.claim>.row>.tx{font-weight:650}
.w{color:#9a6700;letter-spacing:-1px}
.cite{color:var(--claim);font-size:.85em}
.by,.more{color:var(--faint)}
.more{font-style:italic;font-size:.85rem;padding-left:1.1rem}
.ref>.row{font-style:italic;color:var(--faint)}
.status{font-weight:700}.status.in{color:var(--pro)}.status.out{color:var(--con)}
.status.undecided{color:#9a6700}
.status-out>.row>.tx{opacity:.6;text-decoration:line-through}
.filtered{display:none}
.match>.row>.tx{background:var(--match)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.viewport{width:100%;height:100%;cursor:grab;touch-action:none;outline:none}
.viewport:active{cursor:grabbing}
.viewport svg{width:100%;height:100%;display:block}
.viewport g.node{cursor:pointer}
.viewport g.node.selected path,.viewport g.node.selected polygon{stroke:#b58400;stroke-width:4px}
.zoom{position:absolute;right:.5rem;top:.5rem;display:flex;gap:.25rem;z-index:1}
.note{padding:1rem;color:var(--faint)}
.panel h2{font-size:1rem;margin:.2rem 0 .4rem}
.panel .text{white-space:pre-line;margin:.2rem 0 .5rem}
.panel .meta{color:var(--faint);font-size:.9rem;margin:.2rem 0}
.panel blockquote{margin:.3rem 0 .3rem .2rem;padding-left:.7rem;border-left:3px solid var(--line);
white-space:pre-line}
.panel ol{padding-left:1.4rem;margin:.3rem 0}
.panel li{margin:.3rem 0}
.hint{color:var(--faint)}
a{color:var(--claim);overflow-wrap:anywhere}
footer{padding:.5rem 1rem 1.5rem;border-top:1px solid var(--line);font-size:.9rem}
footer h2{font-size:1rem}
@media (max-width:50rem){main{display:flex;flex-direction:column;height:auto}
.outline{border-right:0;max-height:60vh;border-bottom:1px solid var(--line)}
.panel{order:2;min-height:6rem}
.diagram{order:3;height:60vh;border-top:1px solid var(--line)}}
@media print{.tools,.zoom,.panel,.toggle{display:none}
main{display:block;height:auto}.outline{overflow:visible}
[role=group]{display:block!important}.filtered{display:block!important}
.diagram{height:auto;overflow:visible;break-before:page}
.viewport svg{filter:none;height:auto;max-height:95vh}
[aria-selected=true]>.row{background:none}
html,body{background:#fff;color:#000;font-size:11pt}}
"""

SCRIPT = r"""
(function(){
"use strict";
var tree=document.getElementById("tree"),panel=document.getElementById("panel"),
search=document.getElementById("search"),count=document.getElementById("count"),
data=JSON.parse(document.getElementById("argmap-data").textContent),
viewport=document.getElementById("viewport"),svg=viewport&&viewport.querySelector("svg"),
header=document.querySelector("header");
function fitHead(){document.documentElement.style.setProperty("--head",header.offsetHeight+"px")}
fitHead();window.addEventListener("resize",fitHead);
function items(){return tree.querySelectorAll("[role=treeitem]")}
function shown(li){for(var e=li;e&&e!==tree;e=e.parentElement){
 if(e.classList.contains("filtered"))return false;
 if(e.getAttribute("role")==="group"&&e.parentElement.getAttribute("aria-expanded")==="false")return false}
 return true}
function visible(){return Array.prototype.filter.call(items(),shown)}
function parentItem(li){var g=li.parentElement;return g&&g.getAttribute("role")==="group"?g.parentElement:null}
function focusItem(li){var old=tree.querySelector("[role=treeitem][tabindex='0']");
 if(old)old.setAttribute("tabindex","-1");li.setAttribute("tabindex","0");li.focus({preventScroll:true});
 li.firstElementChild.scrollIntoView({block:"nearest"})}
function setOpen(li,open){if(li.hasAttribute("aria-expanded"))li.setAttribute("aria-expanded",open?"true":"false")}
function revealItem(li){for(var p=parentItem(li);p;p=parentItem(p))setOpen(p,true)}
function keyOf(li){return li.getAttribute("data-address")||li.getAttribute("data-ref")}
function text(tag,t,cls){var e=document.createElement(tag);e.textContent=t;if(cls)e.className=cls;return e}
function showPanel(key){panel.textContent="";var s=data.statements[key];if(!s){
 panel.appendChild(text("p","This statement is not part of the page.","hint"));return}
 panel.appendChild(text("h2",s.address));panel.appendChild(text("p",s.text,"text"));
 if(s.by)panel.appendChild(text("p","— "+s.by,"meta"));
 if(s.tags)panel.appendChild(text("p","Tags: "+s.tags.join(", "),"meta"));
 if(s.note)panel.appendChild(text("p","Note: "+s.note,"meta"));
 if(s.at)panel.appendChild(text("p","Used at: "+s.at.join(", "),"meta"));
 if(!s.cites){panel.appendChild(text("p","No sources cited.","hint"));return}
 var ol=document.createElement("ol");ol.className="cites";
 s.cites.forEach(function(c){var li=document.createElement("li"),src=data.sources[String(c[0])];
  if(c[0])li.value=c[0];
  li.appendChild(text("span",src?src.line:c[1]));
  if(src&&src.url){li.appendChild(document.createTextNode(" "));
   if(/^https?:\/\//i.test(src.url)){var a=text("a",src.url);a.href=src.url;a.rel="noopener noreferrer";
    a.target="_blank";li.appendChild(a)}else li.appendChild(text("span",src.url))}
  if(c[2])li.appendChild(text("blockquote","“"+c[2]+"”"+(c[3]?" ("+c[3]+")":"")));
  else if(c[3])li.appendChild(text("p","("+c[3]+")","meta"));
  ol.appendChild(li)});
 panel.appendChild(text("h2","Sources"));panel.appendChild(ol)}
var current=null;
function nodeOf(key){return svg&&svg.querySelector('g.node[data-address="'+CSS.escape(key)+'"]')}
function select(li,fromDiagram){var key=keyOf(li);
 var old=tree.querySelectorAll("[aria-selected=true]");for(var i=0;i<old.length;i++)old[i].removeAttribute("aria-selected");
 li.setAttribute("aria-selected","true");revealItem(li);focusItem(li);showPanel(key);
 if(svg){if(current)current.classList.remove("selected");current=nodeOf(key);
  if(current){current.classList.add("selected");if(!fromDiagram)centre(current)}}}
tree.addEventListener("click",function(ev){var row=ev.target.closest(".row");if(!row)return;
 var li=row.parentElement;if(ev.target.classList.contains("toggle")){
  setOpen(li,li.getAttribute("aria-expanded")==="false");focusItem(li);return}
 select(li,false)});
tree.addEventListener("keydown",function(ev){var li=ev.target.closest("[role=treeitem]");if(!li)return;
 var all,i,k=ev.key,open=li.getAttribute("aria-expanded");
 if(k==="ArrowDown"||k==="ArrowUp"){all=visible();i=all.indexOf(li)+(k==="ArrowDown"?1:-1);
  if(i>=0&&i<all.length)focusItem(all[i])}
 else if(k==="ArrowRight"){if(open==="false")setOpen(li,true);
  else if(open==="true"){var c=li.querySelector("[role=group]>[role=treeitem]:not(.filtered)");if(c)focusItem(c)}}
 else if(k==="ArrowLeft"){if(open==="true")setOpen(li,false);else{var p=parentItem(li);if(p)focusItem(p)}}
 else if(k==="Home"){all=visible();focusItem(all[0])}
 else if(k==="End"){all=visible();focusItem(all[all.length-1])}
 else if(k==="Enter"||k===" "){select(li,false)}
 else if(k==="*"){var sib=li.parentElement.children;for(i=0;i<sib.length;i++)setOpen(sib[i],true)}
 else return;
 ev.preventDefault()});
function all(open){var e=tree.querySelectorAll("[aria-expanded]");for(var i=0;i<e.length;i++)
 e[i].setAttribute("aria-expanded",open?"true":"false")}
document.getElementById("expand-all").addEventListener("click",function(){all(true)});
document.getElementById("collapse-all").addEventListener("click",function(){all(false)});
var index=null;
function filter(){var q=search.value.trim().toLowerCase(),list=items(),i,li;
 if(!index){index=[];for(i=0;i<list.length;i++)index.push(list[i].firstElementChild.textContent.toLowerCase())}
 if(!q){for(i=0;i<list.length;i++)list[i].classList.remove("filtered","match");count.textContent="";return}
 var keep=new Set(),n=0;
 for(i=0;i<list.length;i++){if(index[i].indexOf(q)>=0){n++;list[i].classList.add("match");
   for(li=list[i];li&&!keep.has(li);li=parentItem(li)){keep.add(li);if(li!==list[i])setOpen(li,true)}}
  else list[i].classList.remove("match")}
 for(i=0;i<list.length;i++)list[i].classList.toggle("filtered",!keep.has(list[i]));
 count.textContent=n===1?"1 match":n+" matches"}
search.addEventListener("input",filter);
if(svg){var box=svg.viewBox.baseVal,home={x:box.x,y:box.y,w:box.width,h:box.height},
 view={x:box.x,y:box.y,w:box.width,h:box.height};
 function apply(){svg.setAttribute("viewBox",view.x+" "+view.y+" "+view.w+" "+view.h)}
 function zoom(f,cx,cy){if(cx===undefined){cx=view.x+view.w/2;cy=view.y+view.h/2}
  var w=Math.min(Math.max(view.w*f,home.w/50),home.w*4),r=w/view.w;
  view.x=cx-(cx-view.x)*r;view.y=cy-(cy-view.y)*r;view.w=w;view.h*=r;apply()}
 function point(ev){var p=svg.createSVGPoint();p.x=ev.clientX;p.y=ev.clientY;
  return p.matrixTransform(svg.getScreenCTM().inverse())}
 centre=function(g){var b=g.getBBox(),p=svg.createSVGPoint();p.x=b.x+b.width/2;p.y=b.y+b.height/2;
  p=p.matrixTransform(g.getScreenCTM()).matrixTransform(svg.getScreenCTM().inverse());
  if(view.w>home.w/2.5){var r=Math.max(b.width*4,home.w/6)/view.w;if(r<1){view.w*=r;view.h*=r}}
  view.x=p.x-view.w/2;view.y=p.y-view.h/2;apply()};
 viewport.addEventListener("wheel",function(ev){ev.preventDefault();var p=point(ev);
  zoom(ev.deltaY>0?1.15:1/1.15,p.x,p.y)},{passive:false});
 var drag=null;
 viewport.addEventListener("pointerdown",function(ev){drag={x:ev.clientX,y:ev.clientY,moved:false};
  viewport.setPointerCapture(ev.pointerId)});
 viewport.addEventListener("pointermove",function(ev){if(!drag)return;
  var s=view.w/svg.getBoundingClientRect().width,dx=ev.clientX-drag.x,dy=ev.clientY-drag.y;
  if(Math.abs(dx)+Math.abs(dy)>3)drag.moved=true;
  if(drag.moved){view.x-=dx*s;view.y-=dy*s;drag.x=ev.clientX;drag.y=ev.clientY;apply()}});
 viewport.addEventListener("pointerup",function(ev){var moved=drag&&drag.moved;drag=null;
  if(moved)return;var target=document.elementFromPoint(ev.clientX,ev.clientY),
  g=target&&target.closest&&target.closest("g.node[data-address]");
  if(g){var li=tree.querySelector('[data-address="'+CSS.escape(g.getAttribute("data-address"))+'"]');
   if(li){if(current)current.classList.remove("selected");select(li,true)}}});
 viewport.addEventListener("click",function(ev){if(ev.target.closest("g.node[data-address]"))ev.preventDefault()});
 viewport.addEventListener("keydown",function(ev){var s=view.w/10;
  if(ev.key==="+"||ev.key==="=")zoom(1/1.25);else if(ev.key==="-")zoom(1.25);
  else if(ev.key==="ArrowLeft")view.x-=s;else if(ev.key==="ArrowRight")view.x+=s;
  else if(ev.key==="ArrowUp")view.y-=s;else if(ev.key==="ArrowDown")view.y+=s;else return;
  apply();ev.preventDefault()});
 document.querySelector(".zoom").addEventListener("click",function(ev){var z=ev.target.getAttribute("data-zoom");
  if(z==="in")zoom(1/1.25);else if(z==="out")zoom(1.25);
  else if(z==="fit"){view={x:home.x,y:home.y,w:home.w,h:home.h};apply()}})}
function centre(){}
})();
"""
