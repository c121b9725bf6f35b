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
 * Here a query is cut with the index's own vocabulary, and a run of Chinese characters
 * typed without spaces is looked up as written when some page has it as written. A single
 * character (the steps 听 辨 劝 借 让 和) is looked up as a whole word in headings first,
 * since as a character it occurs on every page.
 *
 * Trainees type questions (邻里纠纷怎么调解, 村里开会怎么表决): question and filler words are
 * dropped, a run that no page has as written is taken word by word, and a page must hold
 * most of the query's words (two of three, every one of two), the rare ones counting more
 * than words every page has. Common slips and everyday words (调节 for 调解, 开会 for 会议)
 * are tried through a small table, Chinese numerals as digits (四加二 is 4+2).
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

  /* How much of a query a page must hold (by weight), and what a word counts that tells
   * pages apart poorly: one of the question's generic nouns (方法), or one on most pages. */
  var ENOUGH = 0.6;
  var SOFT_WEIGHT = 0.3;
  var COMMON_PAGES = 0.5;  // share of the pages above which a word is common
  var NEAR_QUALITY = 0.9;  // a page found through the table ranks below one found as typed

  /* Question and filler words: never looked up unless the query is nothing else. Longer
   * phrases first, so 什么是 goes before 什么 does. */
  var FILLERS = [
    "怎么样", "怎么办", "怎么做", "怎么搞", "怎么弄", "怎么写", "怎么开", "怎么才能",
    "怎样才能", "如何才能", "什么是", "什么叫", "是什么", "有哪些", "有什么", "为什么",
    "怎么", "怎样", "如何", "咋样", "咋办", "什么", "哪些", "哪个", "哪里", "为何",
    "有没有", "是不是", "能不能", "可不可以", "应该", "应当", "需要", "可以", "请问",
    "是指", "指的是", "指什么", "是啥", "啥", "哪几步", "哪几个", "哪几种", "哪几", "几步",
    "几个", "几种", "几项", "几条", "多少", "遇到", "碰到", "发生", "出现", "要有", "要走",
    "关于", "有关", "一下", "一些", "主要", "具体", "进行", "开展", "工作中",
    "的", "地", "得", "了", "吗", "呢", "吧", "啊", "呀", "嘛", "么", "咋",
    "是", "有", "在", "把", "被", "对", "给", "用", "和", "与", "及", "或", "跟", "同",
    "要", "该", "去", "来", "做", "搞", "弄", "让", "将", "从", "向", "里", "中", "上", "下"
  ];
  var FILLER = new Set(FILLERS);
  var QUESTION = new RegExp(FILLERS.filter(function (word) { return word.length > 1; }).join("|"));

  /* Generic nouns and verbs of a question (调节矛盾的方法, 村里开会怎么表决): they may help a
   * page rank, never make it. */
  var SOFT = new Set(["方法", "办法", "做法", "措施", "经验", "工作", "问题", "情况", "内容",
    "流程", "步骤", "作用", "意义", "要求", "原则", "制度", "机制", "工作法", "事情", "事",
    "处理", "解决", "落实", "做好", "搞好", "开会", "办理", "注意", "注意事项"]);

  /* Near-misses and everyday words → the words the training material uses. Each target is
   * a term of the site's material (tests/test_search_words.py checks them against the
   * built index); a slip whose target a site does not have finds nothing there, as before. */
  var NEAR = {
    // slips of the pinyin keyboard: same sound, other characters
    "调节": ["调解"], "条解": ["调解"], "纠份": ["纠纷"], "纠分": ["纠纷"],
    "公式": ["公示"], "轮询": ["轮训"], "轮巡": ["轮训"], "底保": ["低保"],
    "突发时间": ["突发事件"], "事件处置": ["处置"], "议是": ["议事"], "意事": ["议事"],
    "帮服": ["帮扶"], "慰向": ["慰问"], "党务工开": ["党务公开"], "居务工开": ["居务公开"],
    "设岗定职": ["设岗定责"], "网络化": ["网格化"], "排察": ["排查"], "调出": ["调处"],
    "拆危": ["拆违"], "物业废": ["物业费"], "测平": ["测评"], "互平": ["互评"],
    "自平": ["自评"], "应激": ["应急"], "胆试": ["胆识"], "见试": ["见识"],
    // how people say it → how the material says it
    "吵架": ["纠纷", "矛盾"], "闹矛盾": ["矛盾"], "打架": ["纠纷"], "扯皮": ["纠纷"],
    "邻居": ["邻里"], "邻居纠纷": ["邻里纠纷"], "开会": ["会议"], "投票": ["表决"],
    "村里": ["村", "社区"], "村子": ["村", "社区"], "小区": ["社区"], "老百姓": ["群众", "居民"],
    "百姓": ["群众", "居民"], "居民群众": ["群众"], "上访": ["信访"], "维稳": ["稳控"],
    "困难户": ["困难群众", "困难党员"], "穷人": ["困难群众"], "贫困": ["困难"],
    "老年人": ["老人"], "孤寡老人": ["独居老人"], "空巢老人": ["独居老人"],
    "培训": ["轮训"], "集训": ["轮训"], "考勤": ["签到点名"], "点名": ["签到点名"],
    "打分": ["测评"], "评分": ["测评"], "评比": ["评议"], "看望": ["走访"], "探望": ["走访"],
    "拜访": ["走访"], "家访": ["走访", "入户"], "上门": ["走访", "入户"],
    "违建": ["拆违"], "违章建筑": ["违建"], "物业费收不上来": ["物业费收缴"],
    "治安巡查": ["治安巡逻"], "巡逻": ["治安巡逻"], "紧急情况": ["突发事件"], "突发情况": ["突发事件"],
    "出事": ["突发事件"], "公开透明": ["公开"], "表态": ["承诺"], "问责": ["过错追究"],
    "奖励": ["表彰激励"], "年轻干部": ["后备干部"], "接班人": ["后备干部"], "义工": ["志愿服务"]
  };

  /* Chinese numerals, to read 四加二 as 4+2 and 5个必访 as 五个必访. */
  var NUMERALS = "〇一二三四五六七八九十";
  var NUMERAL_SUM = /[一二三四五六七八九十](?:加[一二三四五六七八九十])+/g;
  var DIGIT_BEFORE_HAN = /(^|[^\d])([1-9]|10)(?=[\u3400-\u4dbf\u4e00-\u9fff])/g;

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

  /* --------------------------------------------------------------- query */

  /** A query's numerals as the material writes them: 四加二 → 4+2, 5个必访 → 五个必访,
   * each only where the query as typed is found nowhere and the rewritten one is. */
  function numerals(query, index) {
    var out = query.replace(NUMERAL_SUM, function (sum) {
      if (index.has(sum)) return sum;
      return sum.split("加").map(function (n) {
        return n.length === 1 ? String(NUMERALS.indexOf(n)) : n;
      }).join("+");
    });
    return out.replace(DIGIT_BEFORE_HAN, function (all, before, digit, at, whole) {
      var han = whole.slice(at + all.length).match(/^[\u3400-\u4dbf\u4e00-\u9fff]+/)[0];
      var spelt = NUMERALS[Number(digit)];
      return !index.has(digit + han) && index.has(spelt + han) ? before + spelt : all;
    });
  }

  /** Ways to find a run: as typed, then with the table's slips and synonyms put right. */
  function variants(run, index) {
    var out = [[run, 1]];
    var pieces = run.length > 1 ? index.segment(run) : [run];
    pieces.forEach(function (piece, i) {
      if (!NEAR.hasOwnProperty(piece)) return;
      NEAR[piece].forEach(function (target) {
        var text = pieces.slice(0, i).join("") + target + pieces.slice(i + 1).join("");
        if (!out.some(function (v) { return v[0] === text; })) out.push([text, NEAR_QUALITY]);
      });
    });
    return out.filter(function (v, i) { return i === 0 || index.has(v[0]); });
  }

  function term(text, index, decomposed) {
    var han = HAN.test(text);
    return {
      text: text,
      variants: han ? variants(text, index) : [[text, 1]],
      single: han && text.length === 1 && !decomposed,
      soft: SOFT.has(text) || (decomposed && text.length === 1),
      weight: 1
    };
  }

  /** The parts of a run of Chinese characters: itself when some page has it as written;
   * otherwise the stretches between its question words (怎么, 是指 …), each whole when some
   * page has it, else word by word without the one-character filler words (的, 了 …). */
  function runParts(run, index) {
    var whole = term(run, index, false);
    if (found(whole, index)) return [whole];
    var out = [];
    run.split(QUESTION).forEach(function (stretch) {
      var pieces = stretch ? index.segment(stretch) : [];
      while (pieces.length && FILLER.has(pieces[0])) pieces.shift();
      while (pieces.length && FILLER.has(pieces[pieces.length - 1])) pieces.pop();
      if (!pieces.length) return;
      var part = term(pieces.join(""), index, true);
      // kept whole when some page has it, and when it is no word at all (火星 cut as 火 星):
      // a word no page has must not vanish from the query
      var singles = pieces.every(function (piece) { return piece.length === 1; });
      if (pieces.length === 1 || found(part, index) || singles) { out.push(part); return; }
      pieces.forEach(function (piece) {
        if (!FILLER.has(piece)) out.push(term(piece, index, true));
      });
    });
    return out.length ? out : [whole];  // a query that is nothing but 怎么: take it at its word
  }

  function found(part, index) {
    return part.variants.some(function (v) { return index.has(v[0]); });
  }

  /** A query as parts to be found: each a run of text, or a word of a run no page has. */
  function parse(query, index) {
    var parts = [];
    var text = numerals(query.normalize("NFKC").toLowerCase(), index);
    var pieces = text.split(index.separator);
    for (var i = 0; i < pieces.length; i++) {
      var piece = pieces[i].replace(EDGE_PUNCTUATION, "");
      if (!piece) continue;
      var runs = piece.match(HAN_RUNS) || [];
      for (var r = 0; r < runs.length; r++) {
        var run = normalize(runs[r]);
        if (!run) continue;
        parts.push.apply(parts, HAN.test(run) ? runParts(run, index) : [term(run, index, false)]);
      }
    }
    var seen = new Set();
    parts = parts.filter(function (part) {
      if (seen.has(part.text)) return false;
      seen.add(part.text);
      return true;
    });
    if (parts.length > 1 && parts.some(function (part) { return !part.soft; })) {
      parts = parts.filter(function (part) { return !(part.soft && part.text.length === 1); });
    }
    return parts;
  }

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

  /* ------------------------------------------------------------- results */

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

  scope.lunxunSearch = { handle: handle, Index: Index, parse: parse, FILLERS: FILLERS, NEAR: NEAR };
  if (typeof WorkerGlobalScope !== "undefined" && scope instanceof WorkerGlobalScope) {
    scope.addEventListener("message", function (event) {
      scope.postMessage(handle(event.data));
    });
  }
})(self);
