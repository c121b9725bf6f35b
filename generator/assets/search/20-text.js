/* lunxun search, text: the plain text and the words of an index field as the build cut them. */

function decode(text) {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, function (_, name) {
    return { amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'", "#x27": "'" }[name];
  });
}

function normalize(word) {
  return word.normalize("NFKC").toLowerCase().replace(EDGE_PUNCTUATION, "");
}

/** Plain text of an HTML field, without the segmenter's zero-width spaces. */
function plain(html) {
  return decode(html.replace(/<[^>]*>/g, " ")).replace(/\u200b/g, "").normalize("NFKC").toLowerCase();
}

/** The words of a field as the index has cut them. */
function words(html, separator) {
  var out = [];
  var parts = decode(html.replace(/<[^>]*>/g, " ")).split(separator);
  for (var i = 0; i < parts.length; i++) {
    var word = normalize(parts[i]);
    if (word && !ONLY_PUNCTUATION.test(word)) out.push(word);
  }
  return out;
}
