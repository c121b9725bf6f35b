/* lunxun search, results: highlighted titles and snippets that start at a word, as Material shows them. */

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Wrap every occurrence of the words in <mark>, looking through zero-width spaces. */
function highlight(html, texts) {
  if (!texts.length) return html;
  var pattern = new RegExp(texts.map(function (text) {
    return Array.from(text).map(escapeRegExp).join("\u200b?");
  }).join("|"), "gi");
  return html.replace(/(<[^>]*>)|([^<]+)/g, function (_, tag, text) {
    return tag || text.replace(pattern, "<mark>$&</mark>");
  });
}

var LEAD = 16;  // characters of context kept before a snippet's first mark
var CLAUSE_END = /[。！？；：，、!?;:,]/;
var NOT_A_START = /^[\s\u200b，、。；：！？,.;:!?]+/;

/** A block's text from a word a little before its first mark: after the end of a
 * clause when one is near (never from the 「，」 itself), else from a word boundary. */
function snippet(block) {
  var open = block.match(/^<[^>]*>/)[0];
  var close = block.match(/<\/[^>]*>$/)[0];
  // keep only the marks inside: Material shows the teaser as it is, links would be dead
  var inner = block.slice(open.length, block.length - close.length)
    .replace(/<(?!\/?mark>)[^>]*>/g, "");
  var at = inner.indexOf("<mark>");
  var start = 0;
  if (at > LEAD) {
    var before = inner.slice(0, at);
    start = at - LEAD;
    for (var i = at - 1; i >= at - LEAD * 2 && i > 0; i--) {
      if (CLAUSE_END.test(before[i])) { start = i + 1; break; }
    }
    if (start === at - LEAD) {  // no clause end near: start at a word, as the index cut it
      var space = before.lastIndexOf("\u200b", start);
      if (space > at - LEAD * 2) start = space + 1;
    }
  }
  var text = inner.slice(start).replace(NOT_A_START, "");
  return open + (start > 0 ? "…" : "") + text + close;
}

/** Material shows a section's text as given: the blocks with matches, each from a word
 * before its first match. The segmenter's zero-width spaces go: they would let a line
 * start with 「，」 (a break before punctuation the browser would otherwise never make). */
function teaser(html) {
  var blocks = html.match(/<(p|li|dd|dt|td|h\d)\b[^>]*>[\s\S]*?<\/\1>/g);
  if (!blocks) return display(html);
  var marked = blocks.filter(function (block) { return block.indexOf("<mark>") >= 0; });
  return display((marked.length ? marked : blocks).slice(0, MAX_TEASERS).map(snippet).join(""));
}

function display(html) {
  return html.replace(/\u200b/g, "");
}

function item(entry, score, parts, found, marked) {
  var texts = [];
  if (marked) {
    parts.forEach(function (part) {
      part.variants.forEach(function (variant) { texts.push(variant[0]); });
    });
  }
  var terms = {};
  parts.forEach(function (part, i) { if (!part.soft) terms[part.text] = found[i]; });
  var doc = entry.doc;
  var out = {
    location: doc.location,
    title: display(highlight(doc.title || "", texts)),
    text: score > 0 ? teaser(highlight(doc.text || "", texts)) : display(doc.text || ""),
    score: score,
    terms: terms
  };
  if (doc.tags) out.tags = doc.tags;
  return out;
}
