/* Material's bundle on the first use of the page, written into each page in its place
 * (engines/theme.py, theme_on_first_use).
 *
 * Material's bundle (35 KB gzipped) was evaluated and started with every page: about 80 ms of
 * main-thread work on this machine, four times that on a weak phone, right after the text is
 * drawn (Lighthouse's Total Blocking Time on the home, programme and cohort pages was that work
 * and nothing else). What it adds — the back-to-top button, the header's title on scroll, the
 * table of contents' marker, tooltips, keyboard shortcuts, search — is for a reader who is using
 * the page: the bundle now loads at the first touch, key, pointer move, scroll or focus, and at
 * once on a search link (?q=, ?h=). The page itself reads and navigates without it (the drawer
 * and the menus are Material's CSS). Until then <html> keeps Material's no-js class and
 * lunxun.css shows the search box and button, which Material hides under no-js.
 * Material starts on DOMContentLoaded: when that has passed, its listener is called at once. */
(function (self) {
  var FIRST_USE = ["pointerdown", "touchstart", "mousemove", "keydown", "focusin", "wheel", "scroll"];
  var started = false;

  function start() {
    if (started) return;
    started = true;
    FIRST_USE.forEach(function (type) { window.removeEventListener(type, start, true); });
    var listen = document.addEventListener;
    document.addEventListener = function (type, listener) {
      if (type !== "DOMContentLoaded" || document.readyState === "loading") return listen.apply(this, arguments);
      setTimeout(function () {
        var event = new Event(type);
        if (typeof listener === "function") listener.call(document, event); else listener.handleEvent(event);
      });
    };
    var bundle = document.createElement("script");
    bundle.src = self.getAttribute("data-src");
    bundle.onload = bundle.onerror = function () { document.addEventListener = listen; };
    document.body.appendChild(bundle);
  }

  document.documentElement.classList.add("lx-js");
  if (/[?&][qh]=/.test(location.search)) start();
  else FIRST_USE.forEach(function (type) { window.addEventListener(type, start, { capture: true, passive: true }); });
})(document.currentScript);
