/* lunxun 长辈版 (large print): a switch in every page's header that sets html.lx-elder, which
   elder.css styles (large text, wide line spacing, 60 px targets). The choice is kept in
   localStorage under the engine's prefix, so every page and the next visit open the same way. */
(function () {
  "use strict";
  var KEY = "lunxun:v1:elder";
  var root = document.documentElement;

  function stored() {
    try { return localStorage.getItem(KEY) === "1"; } catch (e) { return false; }  // storage off: standard
  }

  function store(on) {
    try {
      if (on) localStorage.setItem(KEY, "1"); else localStorage.removeItem(KEY);
    } catch (e) { /* private mode without storage: the switch still works on this page */ }
  }

  function apply(on) {
    root.classList.toggle("lx-elder", on);
    var buttons = document.querySelectorAll(".lx-elder-switch");
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
  }

  function addSwitch() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".lx-elder-switch")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button lx-elder-switch";
    button.title = "长辈版：大字、宽行距、大按钮。再点一次回到标准版";
    var mark = button.appendChild(document.createElement("span"));
    mark.className = "lx-elder-mark";
    mark.setAttribute("aria-hidden", "true");
    button.appendChild(document.createTextNode("长辈版"));
    button.addEventListener("click", function () {
      var on = !root.classList.contains("lx-elder");
      store(on);
      apply(on);
    });
    var search = header.querySelector('label[for="__search"]');
    header.insertBefore(button, search);  // before the search button, or last when there is none
    apply(root.classList.contains("lx-elder"));
  }

  apply(stored());
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addSwitch);
  else addSwitch();
  // another tab switched: follow it
  window.addEventListener("storage", function (event) { if (event.key === KEY) apply(event.newValue === "1"); });
})();
