/* search-shim.js, the page's side of lunxun's search, loaded before Material's bundle (as a
 * polyfill); see ../search/README.md.
 *
 * Every page: Material reads the search box on `keyup` only, so text that arrives without a
 * key being released never starts a search: pasted from the long-press menu, spoken (voice
 * input), or picked from an IME's candidate list on a phone, whose keyboards send no keyup
 * for it. Each `input` outside a composition and each `compositionend` is passed on as the
 * keyup Material waits for; Material drops a query it has just searched, so a real keyup
 * after it costs nothing. */

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
