// argmap -f html: the page's script, inlined. User text reaches the DOM only as textContent.
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
function showArgument(a){panel.textContent="";
 panel.appendChild(text("h2",a.address));panel.appendChild(text("p","Together: "+a.premises.join(" + "),"text"));
 if(a.tags)panel.appendChild(text("p","Tags: "+a.tags.join(", "),"meta"));
 if(a.note)panel.appendChild(text("p","Note: "+a.note,"meta"));
 if(a.schemes)showSchemes(a.schemes)}
function showSchemes(steps){steps.forEach(function(st){
 panel.appendChild(text("h2","Critical questions: "+st.name+" ("+st.at+")"));
 var ol=document.createElement("ol");ol.className="questions";
 st.questions.forEach(function(q){var li=document.createElement("li");
  li.className=q[3].length?"answered":"open";
  li.appendChild(text("span",q[1]));li.appendChild(text("span"," "+q[0]+" · "+q[2]+(q[3].length?" · answered by ":" · open"),"meta"));
  q[3].forEach(function(ans,n){var b=text("button",ans[1],"answer");b.type="button";
   b.setAttribute("data-answer",ans[0]);if(n)li.appendChild(document.createTextNode(", "));li.appendChild(b)});
  ol.appendChild(li)});
 panel.appendChild(ol)})}
panel.addEventListener("click",function(ev){var b=ev.target.closest("button[data-answer]");if(!b)return;
 var li=tree.querySelector('[role=treeitem][data-address="'+CSS.escape(b.getAttribute("data-answer"))+'"]');
 if(li)select(li)});
function showPanel(key){panel.textContent="";var s=data.statements[key];if(!s){
 panel.appendChild(text("p","This statement is not part of the page.","hint"));return}
 panel.appendChild(text("h2",s.address));panel.appendChild(text("p",s.text,"text"));
 if(s.by)panel.appendChild(text("p","— "+s.by,"meta"));
 if(s.tags)panel.appendChild(text("p","Tags: "+s.tags.join(", "),"meta"));
 if(s.note)panel.appendChild(text("p","Note: "+s.note,"meta"));
 if(s.at)panel.appendChild(text("p","Used at: "+s.at.join(", "),"meta"));
 if(s.answers)panel.appendChild(text("p","Answers: "+s.answers.join(", "),"meta"));
 if(s.schemes)showSchemes(s.schemes);
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
function junctionOf(arg){return svg&&svg.querySelector('g.node[data-argument="'+CSS.escape(arg)+'"]')}
function select(li,fromDiagram){var key=keyOf(li);
 var old=tree.querySelectorAll("[aria-selected=true]");for(var i=0;i<old.length;i++)old[i].removeAttribute("aria-selected");
 li.setAttribute("aria-selected","true");revealItem(li);focusItem(li);
 var arg=li.getAttribute("data-argument");if(arg){showArgument(data.arguments[arg]);
  if(current)current.classList.remove("selected");current=junctionOf(arg);
  if(current){current.classList.add("selected");if(!fromDiagram)centre(current)}return}
 showPanel(key);
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
// Case- and accent-insensitive: "Pena" finds "Peña".
function fold(t){return t.normalize("NFD").replace(/[\u0300-\u036f]/g,"").toLowerCase()}
// What a statement is found by: its row, and its tags, note, quotes and cited sources'
// authors and titles (the panel's data).
function hay(li){var t=li.firstElementChild.textContent,s=data.statements[li.getAttribute("data-address")],j,c,src;
 if(s){if(s.tags)t+=" "+s.tags.join(" ");if(s.note)t+=" "+s.note;
  for(j=0;s.cites&&j<s.cites.length;j++){c=s.cites[j];if(c[2])t+=" "+c[2];
   src=data.sources[String(c[0])];if(src)t+=" "+src.line}}
 return fold(t)}
function filter(){var q=fold(search.value.trim()),list=items(),i,li;
 if(!index){index=[];for(i=0;i<list.length;i++)index.push(hay(list[i]))}
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
  g=target&&target.closest&&target.closest("g.node[data-address],g.node[data-argument]");
  if(g){var a=g.getAttribute("data-argument"),li=a?tree.querySelector('[data-argument="'+CSS.escape(a)+'"]'):
    tree.querySelector('[data-address="'+CSS.escape(g.getAttribute("data-address"))+'"]');
   if(li){if(current)current.classList.remove("selected");select(li,true)}}});
 viewport.addEventListener("click",function(ev){if(ev.target.closest("g.node[data-address],g.node[data-argument]"))ev.preventDefault()});
 viewport.addEventListener("keydown",function(ev){var s=view.w/10;
  if(ev.key==="+"||ev.key==="=")zoom(1/1.25);else if(ev.key==="-")zoom(1.25);
  else if(ev.key==="ArrowLeft")view.x-=s;else if(ev.key==="ArrowRight")view.x+=s;
  else if(ev.key==="ArrowUp")view.y-=s;else if(ev.key==="ArrowDown")view.y+=s;else return;
  apply();ev.preventDefault()});
 document.querySelector(".zoom").addEventListener("click",function(ev){var z=ev.target.getAttribute("data-zoom");
  if(z==="in")zoom(1/1.25);else if(z==="out")zoom(1.25);
  else if(z==="fit"){view={x:home.x,y:home.y,w:home.w,h:home.h};apply()}});
 // argmap serve keeps the zoom across a live update: it reads the view and sets it back
 viewport.argmapView=function(v){if(v){view={x:v.x,y:v.y,w:v.w,h:v.h};apply()}return view}}
function centre(){}
// A link from another map's page (other.html#ID, a project's ref) selects that statement.
if(location.hash.length>1){var at=tree.querySelector('[data-address="'+
 CSS.escape(decodeURIComponent(location.hash.slice(1)))+'"]');if(at)select(at)}
})();
