/* The engine's worker, started on first use. Pages opened from file:// (a copy on a USB
 * stick, a shared folder): browsers refuse to start web workers there, and Material hides
 * its search box when `new Worker` throws. Material's offline plugin fills the gap with a
 * shim it loads from unpkg.com, which an intranet or a laptop without network cannot reach,
 * so search disappeared. There the engine runs on the page itself and answers like a worker
 * would. */

var ENGINE = /\/lunxun\/search\.js(\?|#|$)/;
var NativeWorker = window.Worker;

/** The engine on the page, answering like a worker. */
function PageWorker(url) {
  var target = document.createDocumentFragment();  // any EventTarget will do
  var queue = [];
  var ready = false;
  var script = document.createElement("script");
  script.src = url;
  script.onload = function () {
    ready = true;
    queue.splice(0).forEach(answer);
  };
  script.onerror = failed;
  append.call(head, script);

  function answer(data) {
    var reply = window.lunxunSearch.handle(data);
    target.dispatchEvent(new MessageEvent("message", { data: reply }));
  }

  target.postMessage = function (data) {
    // answer asynchronously, as a worker would, so the page stays responsive while typing
    setTimeout(function () { if (ready) answer(data); else queue.push(data); }, 0);
  };
  target.terminate = function () {};
  return target;
}

function startEngine(url, options) {
  if (location.protocol === "file:") return PageWorker(url);
  try {
    return new NativeWorker(url, options);
  } catch (error) {  // a browser or policy that refuses this worker: run the engine on the page
    return PageWorker(url);
  }
}

/** What Material gets for the engine's worker: it starts the engine on first use, and the
 * messages sent before then wait. */
function LaterWorker(url, options) {
  var target = document.createDocumentFragment();
  var worker = null;
  var queue = [];
  whenUsed(function () {
    worker = startEngine(url, options);
    worker.addEventListener("message", function (event) {
      target.dispatchEvent(new MessageEvent("message", { data: event.data }));
    });
    worker.addEventListener("error", failed);
    queue.splice(0).forEach(function (data) { worker.postMessage(data); });
  });
  target.postMessage = function (data) {
    if (worker) worker.postMessage(data); else queue.push(data);
  };
  target.terminate = function () {
    if (worker) worker.terminate();
  };
  return target;
}

if (typeof NativeWorker !== "undefined") {  // none at all: Material hides its search box
  watchForFirstUse();
  holdIndexRequest();
  holdIndexScript();
  window.Worker = function (url, options) {
    if (ENGINE.test(String(url))) return LaterWorker(String(url), options);
    return new NativeWorker(url, options);
  };
}
