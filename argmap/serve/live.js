// argmap serve: follow the map file's saves in place, keeping what the reader has done
// (scroll, zoom, selection, collapsed statements, search). User text reaches the DOM
// only as textContent.
(function(){
"use strict";
var config=JSON.parse(document.getElementById("argmap-live").textContent),version=config.version;
function keyOf(li){return li.getAttribute("data-address")||li.getAttribute("data-argument")||li.getAttribute("data-ref")}
function find(key){var tree=document.getElementById("tree"),k=CSS.escape(key);
 return tree&&tree.querySelector('[data-address="'+k+'"],[data-argument="'+k+'"],[data-ref="'+k+'"]')}
function capture(){var s={x:window.scrollX,y:window.scrollY,closed:[],selected:null,search:"",outline:0,view:null},
 tree=document.getElementById("tree"),nav=document.querySelector("nav.outline"),
 search=document.getElementById("search"),viewport=document.getElementById("viewport");
 if(tree){tree.querySelectorAll('[aria-expanded="false"]').forEach(function(li){s.closed.push(keyOf(li))});
  var selected=tree.querySelector('[aria-selected="true"]');if(selected)s.selected=keyOf(selected)}
 if(nav)s.outline=nav.scrollTop;
 if(search)s.search=search.value;
 if(viewport&&viewport.argmapView){var v=viewport.argmapView();s.view={x:v.x,y:v.y,w:v.w,h:v.h}}
 return s}
function restore(s){s.closed.forEach(function(k){var li=find(k);
  if(li&&li.hasAttribute("aria-expanded"))li.setAttribute("aria-expanded","false")});
 if(s.selected){var li=find(s.selected),row=li&&li.querySelector(".row");if(row)row.click()}
 var search=document.getElementById("search");
 if(search&&s.search){search.value=s.search;search.dispatchEvent(new Event("input"))}
 var viewport=document.getElementById("viewport");
 if(viewport&&viewport.argmapView&&s.view)viewport.argmapView(s.view);
 var nav=document.querySelector("nav.outline");if(nav)nav.scrollTop=s.outline;
 window.scrollTo(s.x,s.y)}
function swap(html){var doc=new DOMParser().parseFromString(html,"text/html"),s=capture(),
 body=document.importNode(doc.body,true);
 document.title=doc.title;document.body.replaceWith(body);
 // Scripts parsed from a string do not run: the page's own script runs again as a new element.
 body.querySelectorAll("script").forEach(function(old){
  if(old.type==="application/json"||old.id==="argmap-live-script")return;
  var run=document.createElement("script");run.textContent=old.textContent;old.replaceWith(run)});
 restore(s)}
function show(errors){var box=document.getElementById("argmap-live-errors");if(!box)return;
 box.textContent=errors.join("\n");box.hidden=!errors.length}
function done(){document.documentElement.setAttribute("data-live-version",String(version))}
var events=new EventSource(config.events);
events.addEventListener("state",function(ev){var state=JSON.parse(ev.data);
 if(state.version===version){show(state.errors);done();return}
 version=state.version;
 if(state.errors.length){show(state.errors);done();return}  // a bad save: over the last good map
 if(!config.page){location.reload();return}  // the first good save of a file that had none
 fetch(config.page,{cache:"no-store"}).then(function(r){return r.text()}).then(function(html){
  swap(html);show([]);done()})});
window.addEventListener("pagehide",function(){events.close()});
})();
