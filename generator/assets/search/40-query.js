/* lunxun search, queries: a query as the parts a page must hold, each with the ways of writing it. */

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
