/* Storage: what lunxun keeps in this browser's localStorage, as JSON under "lunxun:v1:<key>".
   Shared by quiz.js and progress.js (both bundles include this section).

   Every read goes through a shape check (`clean`), because stored values are not ours alone:
   on file:// every local page shares one localStorage, a trainee may edit it, and an older or
   broken version may have written it. A value that is not JSON, or that its check rejects or
   has to repair, is never thrown on: its text is first set aside under
   "lunxun:v1:broken:<time>:<key>" (a copy is always kept), then the repaired value (or none)
   takes its place. Storage that is disabled or full is not an error either: reads give the
   fallback and writes report false. */
const STORE_PREFIX = 'lunxun:v1:';

function storedText(key) {
  try { return localStorage.getItem(STORE_PREFIX + key); } catch (error) { return null; }
}

const store = {
  // clean(value) gives the value to use (repaired if need be), or undefined when nothing is usable.
  get(key, clean, fallback) {
    const text = storedText(key);
    if (text == null) return fallback;
    let parsed;
    try { parsed = JSON.parse(text); } catch (error) { parsed = undefined; }
    const usable = parsed === undefined ? undefined : clean(parsed);
    if (usable !== undefined && JSON.stringify(usable) === JSON.stringify(parsed)) return usable;  // sound as stored
    // broken or repaired: keep a copy of the original, then store what is used from now on
    if (store.setAside(key, text)) {
      if (usable === undefined) store.del(key); else store.set(key, usable);
    }
    return usable === undefined ? fallback : usable;
  },
  set(key, value) {
    try { localStorage.setItem(STORE_PREFIX + key, JSON.stringify(value)); return true; } catch (error) { return false; }
  },
  del(key) {
    try { localStorage.removeItem(STORE_PREFIX + key); } catch (error) { /* disabled: nothing to remove */ }
  },
  setAside(key, text) {
    try { localStorage.setItem(STORE_PREFIX + 'broken:' + Date.now() + ':' + key, text); return true; } catch (error) { return false; }
  },
};

/* Shapes shared by both scripts */
const isMap = value => value !== null && typeof value === 'object' && !Array.isArray(value);
const isNumber = value => typeof value === 'number' && isFinite(value);
const numberOr = (value, fallback) => (isNumber(value) ? value : fallback);
const stringOr = (value, fallback) => (typeof value === 'string' ? value : fallback);

/* "history:<bank>": the finished attempts [{finishedAt, score, passed, points, max, seconds, seed,
   code, cert?}], written by the quiz engine, read by it (attempts left, 本机作答记录) and by progress.js
   (passed). cert, on a passed attempt of a browser-graded bank, is what its certificate shows:
   {name, unit, id, title, programme, issuer, hours?}. Entries that are not objects carry nothing and are
   dropped (their text stays in the set-aside copy); a wrong field is replaced by a neutral value
   (a cert that is not an object is dropped), so no attempt is lost and a broken list never counts
   as attempts used. */
const CERT_FIELDS = ['name', 'unit', 'id', 'title', 'programme', 'issuer'];
// hours came later: a certificate kept before has none and keeps none (a backup restores it as it was)
const cleanCert = cert => (isMap(cert) ? Object.assign({}, cert, ...CERT_FIELDS.map(field => ({[field]: stringOr(cert[field], '')})),
  'hours' in cert ? {hours: stringOr(cert.hours, '')} : {}) : undefined);
function cleanHistory(list) {
  if (!Array.isArray(list)) return undefined;
  return list.filter(isMap).map(entry => Object.assign({}, entry, reviewShape(entry), {
    finishedAt: numberOr(entry.finishedAt, 0), score: numberOr(entry.score, 0), passed: entry.passed === true,
    points: numberOr(entry.points, 0), max: numberOr(entry.max, 0), seconds: numberOr(entry.seconds, 0),
    seed: numberOr(entry.seed, 0), code: stringOr(entry.code, ''), cert: cleanCert(entry.cert),
  }));
}
/* A trainer-graded attempt's entry also keeps what its released review needs (quiz/67-review.js,
   which checks it against the bank): version, order, optionOrder, answers, startedAt, deadline,
   and reviewed (its answers are in the 错题本). They are kept only when all are of the right shape. */
const REVIEW_FIELDS = ['version', 'order', 'optionOrder', 'answers', 'startedAt', 'deadline'];
const isIdList = value => Array.isArray(value) && value.every(id => typeof id === 'string');
const reviewShape = entry => Object.assign({reviewed: entry.reviewed === true || undefined},
  typeof entry.version === 'string' && isIdList(entry.order) && isMap(entry.answers) && isNumber(entry.startedAt)
  && isMap(entry.optionOrder) && Object.values(entry.optionOrder).every(perm => Array.isArray(perm) && perm.every(Number.isInteger))
  && (entry.deadline === null || isNumber(entry.deadline)) ? {} : Object.fromEntries(REVIEW_FIELDS.map(field => [field, undefined])));
const readHistory = bankId => store.get('history:' + bankId, cleanHistory, []);
