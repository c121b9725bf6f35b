/* The search index (about 110 KB gzipped) and the engine load when the trainee first uses the
 * search box, not with the page. Material fetches the index as soon as its bundle runs: on a
 * phone at 400 kbit/s that nearly doubled the time a first visit takes, for a search most
 * visits never use. Until then the index's request (an XMLHttpRequest online, a <script>
 * from file://) is held; the first focus of the box, the header's search button, or a search
 * link (?q=, ?h=) lets it go, and the results line says 「正在加载搜索…」 until the engine
 * answers (Material then writes its own text there). */

var INDEX = /\/search\/search_index\.js(on)?(\?|#|$)/;
var LOADING = "正在加载搜索…";
var FAILED = "搜索没有加载成功：请检查网络，刷新页面后再试。";

var used = false;
var held = [];  // what waits for the first use: each a function that lets it go
var head = document.head;
var append = head.appendChild;

function whenUsed(release) {
  if (used) release(); else held.push(release);
}

/** The results line under the search box. */
function say(text) {
  var meta = document.querySelector(".md-search-result__meta");
  if (meta) meta.textContent = text;
}

function use() {
  if (used) return;
  used = true;
  say(LOADING);
  held.splice(0).forEach(function (release) { release(); });
}

function failed() {
  say(FAILED);
}

function watchForFirstUse() {
  document.addEventListener("focusin", function (event) {
    if (isSearchBox(event.target)) use();
  }, true);
  document.addEventListener("change", function (event) {  // the header's search button toggles a checkbox
    var toggle = event.target;
    if (toggle && toggle.getAttribute && toggle.getAttribute("data-md-toggle") === "search" && toggle.checked) use();
  }, true);
  // a search link (?q=) opens the box at once; a result's page (?h=) needs the index to mark the words
  if (/[?&][qh]=/.test(location.search)) used = true;
}

/** Online, Material fetches search_index.json with an XMLHttpRequest: send it on first use. */
function holdIndexRequest() {
  if (typeof WeakSet !== "function") return;
  var requests = new WeakSet();
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (INDEX.test(String(url))) requests.add(this); else requests.delete(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!requests.has(this)) return send.apply(this, arguments);
    var request = this, body = arguments;
    request.addEventListener("error", failed);
    request.addEventListener("load", function () { if (request.status >= 400) failed(); });
    whenUsed(function () { send.apply(request, body); });
  };
}

/** From file://, Material adds search/search_index.js (var __index = …) to <head>: add it on first use. */
function holdIndexScript() {
  head.appendChild = function (node) {
    if (!(node && node.tagName === "SCRIPT" && INDEX.test(node.src))) return append.call(this, node);
    node.addEventListener("error", failed);
    whenUsed(function () { append.call(head, node); });
    return node;
  };
}
