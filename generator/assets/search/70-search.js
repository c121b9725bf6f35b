/* lunxun search, ranking: the pages that hold most of what a query means, best first, as result groups. */

Index.prototype.search = function (query) {
  var parts = parse(query, this);
  if (!parts.length) return { items: [] };
  var matches = parts.map(this.match, this);
  this.weigh(parts, matches);
  var total = parts.reduce(function (sum, part) { return sum + part.weight; }, 0);
  var strong = parts.some(function (part) { return !part.soft; });
  var meaning = parts.reduce(function (sum, part) { return sum + (part.soft ? 0 : part.weight); }, 0);
  if (strong && !meaning) return { items: [] };  // no page has any word of it that means something
  var pages = new Map();
  matches.forEach(function (scores, i) {
    scores.forEach(function (pair, id) {
      var page = this.docs[id].page;
      var hits = pages.get(page);
      if (!hits) pages.set(page, hits = { docs: new Map(), quality: parts.map(function () { return 0; }) });
      hits.quality[i] = Math.max(hits.quality[i], pair[1]);
      var doc = hits.docs.get(id) || { score: 0, found: parts.map(function () { return false; }) };
      doc.score += pair[0] * this.docs[id].boost;
      doc.found[i] = true;
      hits.docs.set(id, doc);
    }, this);
  }, this);
  var shares = new Map();  // page → the share of the query's meaning it holds
  var words = new Map();   // page → how many of the query's meaningful parts it holds
  pages.forEach(function (hits, page) {
    var held = 0, meant = 0, count = 0;
    parts.forEach(function (part, i) {
      held += part.weight * hits.quality[i];
      if (!part.soft) meant += part.weight * hits.quality[i];
      if (!part.soft && hits.quality[i]) count++;
    });
    shares.set(page, strong ? meant / meaning : held / total);
    words.set(page, count);
  });
  // most of what the query means; its generic words only help a page rank. A long pasted
  // question that no page holds most of: the pages holding most of what any page holds
  var bar = ENOUGH - 1e-9;
  var most = Math.max.apply(null, Array.from(shares.values()).concat([0]));
  var meaningful = parts.filter(function (part) { return !part.soft; }).length;
  var lowered = most < bar && meaningful >= 3;
  if (lowered) bar = ENOUGH * most - 1e-9;
  var ranked = [];
  pages.forEach(function (hits, page) {
    var share = shares.get(page);
    if (share < bar || (lowered && words.get(page) < 2)) return;
    var sections = Array.from(hits.docs.entries()).sort(function (a, b) { return b[1].score - a[1].score; })
      .slice(0, MAX_SECTIONS);
    var best = sections[0][1].score;
    var rest = sections.slice(1).reduce(function (sum, s) { return sum + s[1].score; }, 0);
    // a page holding half of what the query means ranks as if it matched a quarter as well
    ranked.push({ page: page, score: (best + 0.1 * rest) * share * share, sections: sections });
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
