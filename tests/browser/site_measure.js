// What a large-print reader meets on the page as drawn: every visible text's computed size,
// line spacing and contrast, every control's box, and sideways scrolling. Run with
// page.evaluate; returns lists of offenders (empty lists: the page passes).
() => {
  const viewport = document.documentElement.clientWidth;
  const onScreen = (el) => {
    if (el.checkVisibility && !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) return false;
    const r = el.getBoundingClientRect();
    // Material's closed drawer and search sit off-canvas; screen-reader text is 1 px
    return r.width > 1 && r.height > 1 && r.right > 0 && r.left < viewport;
  };
  const rgba = (text) => {
    const m = text.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => {  // top colour with alpha laid over an opaque one
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  const background = (el) => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const c = rgba(getComputedStyle(node).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let colour = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
    return colour;
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const name = (el) => {
    const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "";
    return el.tagName.toLowerCase() + cls + " «" + (el.textContent || el.value || "").trim().slice(0, 20) + "»";
  };

  const small = [], tight = [], faint = [], targets = [];
  let smallest = Infinity;
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || !el || seen.has(el)) continue;
    seen.add(el);
    if (!onScreen(el) || el.closest("script, style, noscript, .md-search, .md-dialog")) continue;
    const cs = getComputedStyle(el);
    const size = parseFloat(cs.fontSize);
    smallest = Math.min(smallest, size);
    if (size < 18) small.push(`${name(el)} ${size}px`);
    const spacing = cs.lineHeight === "normal" ? 1.2 : parseFloat(cs.lineHeight) / size;
    if (spacing < 1.3) tight.push(`${name(el)} ${spacing.toFixed(2)}`);
    const fg = rgba(cs.color);
    const bg = background(el);
    const contrast = ratio(over(fg, bg), bg);
    if (contrast < 4.5) faint.push(`${name(el)} ${contrast.toFixed(2)}:1`);
  }
  // controls; a link inside running text is exempt (WCAG 2.5.8's inline exception)
  // a label names a text field; the field is the target (a box around a radio is counted as its input)
  const controls = document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, label.md-header__button, [role=button]");
  for (const el of controls) {
    if (!onScreen(el) || el.closest(".md-search, .md-dialog, .md-sidebar--secondary")) continue;
    const cs = getComputedStyle(el);
    let block = el.parentElement;  // the paragraph or item an inline link sits in
    while (block && getComputedStyle(block).display === "inline") block = block.parentElement;
    if (cs.display === "inline" && block && block.textContent.trim() !== el.textContent.trim()) continue;
    // an input inside its label: the label is what the finger touches
    const box = (el.matches("input") && el.closest("label")) ? el.closest("label") : el;
    const r = box.getBoundingClientRect();
    if (r.width < 60 || r.height < 60) targets.push(`${name(el)} ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return {
    smallest, small, tight, faint, targets,
    scroll: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
  };
}
