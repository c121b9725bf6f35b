/* DOM helpers: elements are built from data. Text is always inserted as text; only the `html`
   prop (bank HTML, sanitised by the generator) is parsed. */
const LETTERS = 'ABCDEFGH';
const PROPERTIES = ['checked', 'selected', 'disabled', 'value'];

function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value == null || value === false) continue;
    if (name === 'html') element.innerHTML = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (PROPERTIES.includes(name)) element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...flatKids(children));
  return element;
}
// Nested lists flattened; null, '' and booleans dropped (so `cond && h(...)` reads naturally).
const flatKids = children => children.reduce((all, child) => all.concat(Array.isArray(child) ? flatKids(child) : child), [])
  .filter(child => child != null && child !== '' && typeof child !== 'boolean');
const fill = (element, ...children) => { element.textContent = ''; element.append(...flatKids(children)); };
const button = (label, onclick, className, more) => h('button', Object.assign({type: 'button', class: className, onclick}, more), label);

let inertTemplate = null;  // a <template>'s content is inert: nothing in it loads or runs
const template = () => inertTemplate || (inertTemplate = document.createElement('template'));
const textOf = html => { const box = template(); box.innerHTML = html; return box.content.textContent.trim(); };

let idCount = 0;
const uniqueId = () => 'lx-' + (++idCount);

/* A polite live region and a function that speaks through it (repeats are still announced).
   Sighted trainees see the message too, in a status line after the block of the control just
   used (its buttons row, the code box), or after `at`: in the page's flow, so it covers nothing.
   The line is a copy for the eyes (aria-hidden): the region, which stays put so screen readers
   keep following it, is what is announced. iOS does not focus a tapped button: the last click counts. */
const CONTROL_BLOCKS = '.lx-nav, .lx-tools, .lx-code, .lx-panel';
let lastClicked = null;
const speaker = () => {
  if (!lastClicked) { lastClicked = document.body; document.addEventListener('click', event => { lastClicked = event.target; }, true); }
  const region = h('p', {class: 'lx-sr', role: 'status', 'aria-live': 'polite'}), line = h('p', {class: 'lx-status', 'aria-hidden': 'true'});
  let pinned = false;  // placed after `at`: not about the control last used (the clock's warning)
  const say = (message, at) => {
    pinned = !!at;
    region.textContent = message === region.textContent ? message + '\u200b' : message;
    const used = [document.activeElement, lastClicked].find(element => element && element.isConnected && element.closest(CONTROL_BLOCKS));
    const after = at || (used && used.closest(CONTROL_BLOCKS));
    line.textContent = message;
    if (!after) return line.remove();
    after.after(line);
    if (!at && line.scrollIntoView) line.scrollIntoView({block: 'nearest'});  // the control may sit at the screen's bottom edge
  };
  say.clear = keepPinned => { if (!(keepPinned && pinned)) line.remove(); };
  say.el = region;
  return say;
};

function siteRoot() {
  const link = document.querySelector('a.lx-site-root');
  if (link) return new URL('.', link.href).href;
  return window.__md_scope instanceof URL ? window.__md_scope.href : new URL('../../', location.href).href;
}
// A generated page's URL, in the URL style of the current page (directory URLs or .html, http or file://).
function pageUrl(path) {
  const here = location.pathname, flat = /\.html$/.test(here) && !/\/index\.html$/.test(here);
  return siteRoot() + path + (flat ? '.html' : location.protocol === 'file:' ? '/index.html' : '/');
}
