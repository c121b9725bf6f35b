/* lunxun search, scoring: BM25 per part and way of writing it, and what each part weighs. */

function bm25(count, length, average) {
  var k1 = 1.2, b = 0.5;
  return count * (k1 + 1) / (count + k1 * (1 - b + b * length / average));
}

/** Scores of the docs that contain one way of writing a part: Map doc → score. */
Index.prototype.matchText = function (text, quality, single) {
  var scores = new Map();
  var total = this.docs.length;
  var self = this;
  function collect(word, wordQuality, fields) {
    var postings = self.vocabulary.get(word);
    if (!postings) return;
    var idf = Math.log(1 + (total - postings.length / 2 + 0.5) / (postings.length / 2 + 0.5));
    for (var p = 0; p < postings.length; p += 2) {
      var id = postings[p] >> 2, field = postings[p] & 3;
      if (fields.indexOf(field) < 0) continue;
      var score = quality * wordQuality * WEIGHT[field] * idf *
        bm25(postings[p + 1], self.lengths[field][id], self.average[field]);
      if (field === TITLE) score *= self.heading(id, text);
      scores.set(id, (scores.get(id) || 0) + score);
    }
  }
  var han = HAN.test(text);
  var pieces = han && text.length > 1 ? this.segment(text) : [text];
  if (single) {
    collect(text, 1, [TITLE, TAGS]);
    // a heading that is the character (step 和) says what was meant: 和 in 党务公开和居务公开 is "and"
    var exact = Array.from(scores.keys()).filter(function (id) {
      return self.docs[id].title === text || self.docs[id].tags.indexOf(text) >= 0;
    });
    if (exact.length) {
      scores.forEach(function (_, id) { if (exact.indexOf(id) < 0) scores.delete(id); });
    }
    if (!scores.size) collect(text, 1, [TEXT]);
  } else if (pieces.length === 1 || pieces.every(function (piece) { return piece.length === 1; })) {
    // one word, or one the index never cut out (共建 inside 共驻共建): the words that hold it
    this.related(text).forEach(function (pair) { collect(pair[0], pair[1], [TITLE, TEXT, TAGS]); });
  } else {
    // several words: find the docs by their rarest word, keep those where the run occurs as typed
    var rarest = pieces.slice().sort(function (a, b) {
      return (self.vocabulary.get(a) || []).length - (self.vocabulary.get(b) || []).length;
    });
    var seed = rarest.find(function (word) { return word.length > 1; }) || rarest[0];
    this.related(seed).forEach(function (pair) { collect(pair[0], pair[1] * 0.9, [TITLE, TEXT, TAGS]); });
    scores.forEach(function (_, id) {
      var doc = self.docs[id];
      if (doc.title.indexOf(text) < 0 && doc.text.indexOf(text) < 0 &&
          doc.tags.indexOf(text) < 0) scores.delete(id);
    });
  }
  return scores;
};

/** Scores of the docs that contain a part, written any of its ways: Map doc → [score, quality]. */
Index.prototype.match = function (part) {
  var found = new Map();
  part.variants.forEach(function (variant) {
    this.matchText(variant[0], variant[1], part.single).forEach(function (score, id) {
      var before = found.get(id);
      if (!before || score > before[0]) found.set(id, [score, Math.max(variant[1], before ? before[1] : 0)]);
      else before[1] = Math.max(before[1], variant[1]);
    });
  }, this);
  return found;
};

/** What each part counts towards a page holding "most of" the query: the rarer its word,
 * the more (as in BM25's idf, scaled to 0–1); a question's generic nouns and words on
 * most pages count little and can never make a page on their own, words no page has
 * nothing. */
Index.prototype.weigh = function (parts, matches) {
  var pageCount = Math.max(2, this.pages.size);
  parts.forEach(function (part, i) {
    var pages = new Set();
    matches[i].forEach(function (_, id) { pages.add(this.docs[id].page); }, this);
    if (parts.length === 1) return;
    if (!pages.size) {
      part.weight = 0;  // a word no page has tells no page from another (Material shows it as missing)
    } else if (part.soft || pages.size > COMMON_PAGES * pageCount) {
      part.soft = true;
      part.weight = SOFT_WEIGHT;
    } else {
      part.weight = Math.max(SOFT_WEIGHT, Math.log(pageCount / pages.size) / Math.log(pageCount));
    }
  }, this);
  if (parts.every(function (part) { return part.soft; })) {
    parts.forEach(function (part) { part.weight = 1; });
  }
};
