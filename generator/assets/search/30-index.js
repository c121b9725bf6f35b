/* lunxun search, the index: the docs of search_index.json with their words' postings, the
 * vocabulary's lookups and the cutting of a run of Chinese characters into its words. */

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
  // every field of every doc in one string, to ask whether anything has a run as written
  this.corpus = this.docs.map(function (entry) {
    return entry.title + "\n" + entry.text + "\n" + entry.tags.join("\n");
  }).join("\n");
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

/** Whether some doc has this text as written. */
Index.prototype.has = function (text) {
  return this.vocabulary.has(text) || this.corpus.indexOf(text) >= 0;
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

/** Cut a run of Chinese characters into the fewest words the vocabulary knows; filler
 * words and the table's words count as known, so 怎么 and 调节 come out whole. */
Index.prototype.segment = function (run) {
  var n = run.length, cost = [0], back = [0];
  for (var i = 1; i <= n; i++) {
    cost[i] = Infinity;
    for (var j = Math.max(0, i - LONGEST_WORD); j < i; j++) {
      var piece = run.slice(j, i);
      var known = this.vocabulary.has(piece) || FILLER.has(piece) || NEAR.hasOwnProperty(piece);
      var step = known ? 1 : (i - j === 1 ? 1.5 : Infinity);
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
