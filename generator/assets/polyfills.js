/* Stand-ins that keep Material for MkDocs from fetching polyfills from the internet.
 *
 * On browsers without ResizeObserver (older Android WebViews) Material loads
 * the resize-observer-polyfill package from the unpkg CDN, which an intranet cannot reach and which
 * would break the header and sidebars. This small stand-in polls the observed elements'
 * sizes instead; it is defined only where the browser has none.
 */
(function () {
  "use strict";
  if (typeof window.ResizeObserver !== "undefined") return;

  function ResizeObserver(callback) {
    this.callback = callback;
    this.targets = [];
    this.timer = null;
  }

  ResizeObserver.prototype.observe = function (target) {
    if (this.targets.some(function (t) { return t.element === target; })) return;
    this.targets.push({ element: target, width: -1, height: -1 });
    var self = this;
    if (!this.timer) this.timer = setInterval(function () { self.check(); }, 200);
    setTimeout(function () { self.check(); }, 0);
  };

  ResizeObserver.prototype.unobserve = function (target) {
    this.targets = this.targets.filter(function (t) { return t.element !== target; });
  };

  ResizeObserver.prototype.disconnect = function () {
    this.targets = [];
    clearInterval(this.timer);
    this.timer = null;
  };

  ResizeObserver.prototype.check = function () {
    var entries = [];
    this.targets.forEach(function (t) {
      var width = t.element.offsetWidth, height = t.element.offsetHeight;
      if (width !== t.width || height !== t.height) {
        t.width = width;
        t.height = height;
        entries.push({ target: t.element, contentRect: { x: 0, y: 0, width: width, height: height } });
      }
    });
    if (entries.length) this.callback(entries, this);
  };

  window.ResizeObserver = ResizeObserver;
})();
