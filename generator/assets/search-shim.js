/* The page's side of lunxun's search, loaded before Material's bundle (as a polyfill).
 *
 * 1. Every page: Material reads the search box on `keyup` only, so text that arrives
 *    without a key being released never starts a search: pasted from the long-press menu,
 *    spoken (voice input), or picked from an IME's candidate list on a phone, whose
 *    keyboards send no keyup for it. Each `input` outside a composition and each
 *    `compositionend` is passed on as the keyup Material waits for; Material drops a
 *    query it has just searched, so a real keyup after it costs nothing.
 *
 * 2. Pages opened from file:// (a copy on a USB stick, a shared folder): browsers refuse to
 *    start web workers there, and Material hides its search box when `new Worker` throws.
 *    Material's offline plugin fills the gap with a shim it loads from unpkg.com, which an
 *    intranet or a laptop without network cannot reach, so search disappeared. For
 *    lunxun's search script this runs the engine on the page itself and answers like a
 *    worker would.
 */
(function () {
  "use strict";

  function isSearchBox(target) {
    return !!(target && target.classList && target.classList.contains("md-search__input"));
  }

  function keyup(box) {
    var event;
    try {
      event = new KeyboardEvent("keyup", { bubbles: true });
    } catch (error) {  // WebViews too old for event constructors
      event = document.createEvent("Event");
      event.initEvent("keyup", true, true);
    }
    box.dispatchEvent(event);
  }

  document.addEventListener("input", function (event) {
    if (isSearchBox(event.target) && !event.isComposing) keyup(event.target);
  }, true);
  document.addEventListener("compositionend", function (event) {
    if (isSearchBox(event.target)) keyup(event.target);
  }, true);

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
