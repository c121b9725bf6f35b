/* lunxun search: a Chinese-aware engine behind Material for MkDocs' search box.
 *
 * Material's search box talks to a web worker with four messages (SETUP, READY, QUERY,
 * RESULT) and documents that worker as replaceable; the lunxun plugin points the theme's
 * configuration at this file. It reads the same search_index.json, whose Chinese text the
 * build has already cut into words with jieba (fed the site's own terms) and joined with
 * zero-width spaces.
 *
 * Why not Material's own worker: it never looks a query up whole (人民调解 is searched as
 * 人民 or 人), adds a trailing wildcard to every word (会诊 finds every word starting with 会)
 * and treats a query's words as alternatives, so pages that mention any of them come back.
 * Here a query is cut with the index's own vocabulary, a run of Chinese characters typed
 * without spaces must occur as written, every part of the query must be found on a page,
 * and a single character (the steps 听 辨 劝 借 让 和) is looked up as a whole word in
 * headings first, since as a character it occurs on every page.
 *
 * The same file also runs on the page itself when the site is opened from file://, where
 * browsers refuse to start workers (see search-shim.js).
 */
(function (scope) {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var TITLE = 0, TEXT = 1, TAGS = 2;
  var WEIGHT = [8, 1, 6];
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var HAN_RUNS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
  var ONLY_PUNCTUATION = /^[\p{P}\p{S}]*$/u;
  var SEPARATOR = /[\s\u200b\u3000\-、。，．？！；：:,.!?;（）()“”‘’"'《》〈〉【】\[\]]+/;
  var STEP_NUMBER = /^\d+\.\s*/;
  var LONGEST_WORD = 12;
  var MAX_TEASERS = 2;
  var MAX_SECTIONS = 6;  // per page; Material folds all but the best under "more" anyway
  var MARKED_PAGES = 50;  // Material shows ten results and more on scrolling: mark the first

  /* ---------------------------------------------------------------- text */

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

  /* --------------------------------------------------------------- index */

  function Index(data) {
    var config = data.config || {};
    this.separator = config.separator ? new RegExp(config.separator + "|" + SEPARATOR.source) : SEPARATOR;
    this.docs = [];
    this.pages = new Map();       // page location → indexes of its docs, the article first
    this.vocabulary = new Map();  // word → postings [doc << 2 | field, count, ...]
    this.lengths = [[], [], []];
    this.average = [0, 0, 0];
    this.cache = new Map();
    var docs = data.docs || [];
    for (var i = 0; i < docs.length; i++) this.add(docs[i]);
    for (var field = 0; field < 3; field++) {
      var total = 0;
      for (var d = 0; d < this.docs.length; d++) total += this.lengths[field][d] || 0;
      this.average[field] = total / Math.max(1, this.docs.length) || 1;
    }
    this.words = Array.from(this.vocabulary.keys());
  }

  Index.prototype.add = function (doc) {
    var id = this.docs.length;
    var page = doc.location.split("#")[0];
    var title = (doc.title || "").replace(STEP_NUMBER, "");
    var entry = {
      doc: doc,
      page: page,
      title: plain(title),
      text: plain(doc.text || ""),
      tags: (doc.tags || []).map(function (tag) { return normalize(tag); }),
      boost: typeof doc.boost === "number" ? doc.boost : 1
    };
    this.docs.push(entry);
    if (!this.pages.has(page)) this.pages.set(page, []);
    this.pages.get(page).push(id);
    this.post(id, TITLE, words(title, this.separator));
    this.post(id, TEXT, words(doc.text || "", this.separator));
    this.post(id, TAGS, entry.tags);
  };

  Index.prototype.post = function (id, field, list) {
    var counts = new Map();
    for (var i = 0; i < list.length; i++) counts.set(list[i], (counts.get(list[i]) || 0) + 1);
    counts.forEach(function (count, word) {
      var postings = this.vocabulary.get(word);
      if (!postings) this.vocabulary.set(word, postings = []);
      postings.push(id << 2 | field, count);
    }, this);
    this.lengths[field][id] = list.length;
  };

  /** Words of the vocabulary that contain a word, with how well they match it. */
  Index.prototype.related = function (word) {
    var found = this.cache.get(word);
    if (found) return found;
    found = [];
    if (this.vocabulary.has(word)) found.push([word, 1]);
    if (word.length > 1) {
      for (var i = 0; i < this.words.length; i++) {
        var other = this.words[i];
        if (other === word || other.length <= word.length) continue;
        var at = other.indexOf(word);
        if (at === 0) found.push([other, 0.8]);
        else if (at > 0) found.push([other, at + word.length === other.length ? 0.7 : 0.6]);
      }
    }
    if (this.cache.size > 500) this.cache.clear();
    this.cache.set(word, found);
    return found;
  };

  /** Cut a run of Chinese characters into the fewest words the vocabulary knows. */
  Index.prototype.segment = function (run) {
    var n = run.length, cost = [0], back = [0];
    for (var i = 1; i <= n; i++) {
      cost[i] = Infinity;
      for (var j = Math.max(0, i - LONGEST_WORD); j < i; j++) {
        var piece = run.slice(j, i);
        var step = this.vocabulary.has(piece) ? 1 : (i - j === 1 ? 1.5 : Infinity);
        if (cost[j] + step < cost[i]) { cost[i] = cost[j] + step; back[i] = j; }
      }
    }
    var out = [];
    for (var k = n; k > 0; k = back[k]) out.unshift(run.slice(back[k], k));
    return out;
  };

  /** How much a heading is about a query: 3 when it is the query (会诊 is step 会诊), less
   * the more else it says (a day's title 民主议事与以和为贵 mentions 以和为贵 in passing). */
  Index.prototype.heading = function (id, text) {
    var title = this.docs[id].title;
    if (title === text) return 3;
    return 0.25 + 0.75 * Math.min(1, text.length / Math.max(1, title.length));
  };

  /* --------------------------------------------------------------- query */

  /** A query as parts that must all be found: each a run of text typed without a break. */
  function parse(query, index) {
    var parts = [];
    var pieces = query.normalize("NFKC").toLowerCase().split(index.separator);
    for (var i = 0; i < pieces.length; i++) {
      var piece = pieces[i].replace(EDGE_PUNCTUATION, "");
      if (!piece) continue;
      var runs = piece.match(HAN_RUNS) || [];
      for (var r = 0; r < runs.length; r++) {
        var run = normalize(runs[r]);
        if (!run) continue;
        var han = HAN.test(run);
        parts.push({
          text: run,
          words: han && run.length > 1 ? index.segment(run) : [run],
          single: han && run.length === 1
        });
      }
    }
    return parts;
  }

  function bm25(count, length, average) {
    var k1 = 1.2, b = 0.5;
    return count * (k1 + 1) / (count + k1 * (1 - b + b * length / average));
  }

  /** Scores of the docs that contain one part of a query: Map doc → score. */
  Index.prototype.match = function (part) {
    var scores = new Map();
    var total = this.docs.length;
    var self = this;
    function collect(word, quality, fields) {
      var postings = self.vocabulary.get(word);
      if (!postings) return;
      var idf = Math.log(1 + (total - postings.length / 2 + 0.5) / (postings.length / 2 + 0.5));
      for (var p = 0; p < postings.length; p += 2) {
        var id = postings[p] >> 2, field = postings[p] & 3;
        if (fields.indexOf(field) < 0) continue;
        var score = quality * WEIGHT[field] * idf * bm25(postings[p + 1], self.lengths[field][id], self.average[field]);
        if (field === TITLE) score *= self.heading(id, part.text);
        scores.set(id, (scores.get(id) || 0) + score);
      }
    }
    if (part.single) {
      collect(part.text, 1, [TITLE, TAGS]);
      if (!scores.size) collect(part.text, 1, [TEXT]);
    } else if (part.words.length === 1) {
      this.related(part.text).forEach(function (pair) { collect(pair[0], pair[1], [TITLE, TEXT, TAGS]); });
    } else {
      // several words: find the docs by their rarest word, keep those where the run occurs as typed
      var rarest = part.words.slice().sort(function (a, b) {
        return (self.vocabulary.get(a) || []).length - (self.vocabulary.get(b) || []).length;
      });
      var seed = rarest.find(function (word) { return word.length > 1; }) || rarest[0];
      this.related(seed).forEach(function (pair) { collect(pair[0], 0.9, [TITLE, TEXT, TAGS]); });
      scores.forEach(function (_, id) {
        var doc = self.docs[id];
        if (doc.title.indexOf(part.text) < 0 && doc.text.indexOf(part.text) < 0 &&
            doc.tags.indexOf(part.text) < 0) scores.delete(id);
      });
    }
    return scores;
  };

  /* ------------------------------------------------------------- results */

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /** Wrap every occurrence of the parts in <mark>, looking through zero-width spaces. */
  function highlight(html, parts) {
    if (!parts.length) return html;
    var pattern = new RegExp(parts.map(function (part) {
      return Array.from(part).map(escapeRegExp).join("\u200b?");
    }).join("|"), "gi");
    return html.replace(/(<[^>]*>)|([^<]+)/g, function (_, tag, text) {
      return tag || text.replace(pattern, "<mark>$&</mark>");
    });
  }

  /** Material shows at most two blocks of a section's text: the ones with matches. */
  function teaser(html) {
    var blocks = html.match(/<(p|li|dd|dt|td|h\d)\b[^>]*>[\s\S]*?<\/\1>/g) || [html];
    var marked = blocks.filter(function (block) { return block.indexOf("<mark>") >= 0; });
    return (marked.length ? marked : blocks).slice(0, MAX_TEASERS).join("");
  }

  function item(entry, score, parts, found, marked) {
    var words = marked ? parts.map(function (part) { return part.text; }) : [];
    var terms = {};
    parts.forEach(function (part, i) { terms[part.text] = found[i]; });
    var doc = entry.doc;
    var out = {
      location: doc.location,
      title: highlight(doc.title || "", words),
      text: score > 0 ? teaser(highlight(doc.text || "", words)) : doc.text || "",
      score: score,
      terms: terms
    };
    if (doc.tags) out.tags = doc.tags;
    return out;
  }

  Index.prototype.search = function (query) {
    var parts = parse(query, this);
    if (!parts.length) return { items: [] };
    var matches = parts.map(this.match, this);
    var pages = new Map();
    matches.forEach(function (scores, i) {
      scores.forEach(function (score, id) {
        var page = this.docs[id].page;
        var hits = pages.get(page);
        if (!hits) pages.set(page, hits = { docs: new Map(), parts: new Set() });
        hits.parts.add(i);
        var doc = hits.docs.get(id) || { score: 0, found: parts.map(function () { return false; }) };
        doc.score += score * this.docs[id].boost;
        doc.found[i] = true;
        hits.docs.set(id, doc);
      }, this);
    }, this);
    var ranked = [];
    pages.forEach(function (hits, page) {
      if (hits.parts.size < parts.length) return;  // every part of the query must be on the page
      var sections = Array.from(hits.docs.entries()).sort(function (a, b) { return b[1].score - a[1].score; })
        .slice(0, MAX_SECTIONS);
      var best = sections[0][1].score;
      var rest = sections.slice(1).reduce(function (sum, s) { return sum + s[1].score; }, 0);
      ranked.push({ page: page, score: best + 0.1 * rest, sections: sections });
    });
    ranked.sort(function (a, b) { return b.score - a.score || (a.page < b.page ? -1 : 1); });
    var self = this;
    return {
      items: ranked.map(function (hit, rank) {
        var article = self.pages.get(hit.page)[0];
        var marked = rank < MARKED_PAGES;
        var group = hit.sections.map(function (s) {
          return item(self.docs[s[0]], s[1].score, parts, s[1].found, marked);
        });
        if (!hit.sections.some(function (s) { return s[0] === article; })) {
          group.push(item(self.docs[article], 0, parts, parts.map(function () { return false; }), marked));
        }
        return group;
      })
    };
  };

  /* ------------------------------------------------------------ messages */

  var index = null;

  function handle(message) {
    switch (message.type) {
      case SETUP:
        index = new Index(message.data);
        return { type: READY };
      case QUERY:
        return { type: RESULT, data: index ? index.search(message.data) : { items: [] } };
      default:
        throw new TypeError("Invalid message type");
    }
  }

  scope.lunxunSearch = { handle: handle, Index: Index };
  if (typeof WorkerGlobalScope !== "undefined" && scope instanceof WorkerGlobalScope) {
    scope.addEventListener("message", function (event) {
      scope.postMessage(handle(event.data));
    });
  }
})(self);
