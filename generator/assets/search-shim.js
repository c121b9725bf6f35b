/* Search on pages opened from file:// (a copy on a USB stick, a shared folder).
 *
 * Browsers refuse to start web workers from file:// pages, and Material for MkDocs hides
 * its search box when `new Worker` throws. Material's offline plugin fills the gap with a
 * shim it loads from unpkg.com, which an intranet or a laptop without network cannot
 * reach, so search disappeared. This shim is local and smaller: for lunxun's search
 * script it runs the engine on the page itself and answers like a worker would.
 * It must load before Material's bundle, so the plugin lists it as a polyfill.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof window.Worker === "undefined") return;

  var NativeWorker = window.Worker;

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
    document.head.appendChild(script);

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

  window.Worker = function (url, options) {
    if (/\/lunxun\/search\.js(\?|$)/.test(String(url))) return PageWorker(String(url));
    return new NativeWorker(url, options);
  };
})();
