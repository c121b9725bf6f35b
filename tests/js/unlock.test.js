/* The released review: tests/data/unlock_cases.json is written by tests/grading/test_exam_unlock.py
   (Python seals with PyNaCl); the engine (quiz/66-secretbox.js, quiz/67-review.js) must read the
   typed codes the same way, open every box with its code and with no other, put the keyed bank
   back as a browser-graded page ships it, and grade the opened attempt to the trainer's score. */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {QUIZ_CORE, load, plain, table, memoryStorage} = require('./engine.js');

const SECTIONS = QUIZ_CORE.concat(['quiz/66-secretbox.js', 'quiz/67-review.js']);
const NAMES = ['normaliseUnlock', 'openKey', 'keyedQuestion', 'authoredAttempt', 'presentation', 'scoreAttempt', 'cleanHistory',
  'store', 'releasedKey', 'secretboxOpen'];
const engine = (storage = memoryStorage()) => load(SECTIONS, NAMES, {TextDecoder, localStorage: storage});
const cases = table('unlock_cases.json');
const {normaliseUnlock, openKey, keyedQuestion, authoredAttempt, presentation, scoreAttempt, cleanHistory} = engine();

for (const [typed, code] of cases.typed) {
  test(`typed ${JSON.stringify(typed)} reads as ${code}`, () => assert.equal(normaliseUnlock(typed), code));
}

for (const row of cases.codes) {
  test(`box of ${row.bank.id} opens with its code, typed as announced`, () => {
    assert.match(row.shown, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}$/);
    assert.deepEqual(plain(openKey(row.bank, normaliseUnlock(row.shown.toLowerCase()))), JSON.parse(row.plaintext));
  });
  test(`box of ${row.bank.id} refuses every code one symbol off, another version and a changed byte`, () => {
    for (let k = 0; k < row.code.length; k++) {
      const other = row.code.slice(0, k) + (row.code[k] === '0' ? '1' : '0') + row.code.slice(k + 1);
      assert.equal(openKey(row.bank, other), null, other);
    }
    assert.equal(openKey(Object.assign({}, row.bank, {version: row.bank.version + '0'}), row.code), null);
    const box = Buffer.from(row.bank.sealed.box, 'base64');
    box[box.length - 1] ^= 1;
    assert.equal(openKey(Object.assign({}, row.bank, {sealed: {nonce: row.bank.sealed.nonce, box: box.toString('base64')}}), row.code), null);
    assert.equal(openKey(Object.assign({}, row.bank, {sealed: {nonce: '!!', box: '??'}}), row.code), null);  // mangled: no throw
  });
}

// The page's bank of a review case, as the engine builds it: every question and sub-question by id.
const byIdOf = questions => {
  const byId = {};
  questions.forEach(q => [q, ...(q.questions || [])].forEach(part => { byId[part.id] = part; }));
  return byId;
};

for (const row of cases.reviews) {
  test(`review ${row.name}: the keyed questions are the browser-graded bank's`, () => {
    const keys = openKey(row.page, row.code);
    assert.ok(keys);
    assert.deepEqual(plain(row.page.questions.map(q => keyedQuestion(q, keys))), row.keyed);
  });
  test(`review ${row.name}: the opened attempt grades to the trainer's score`, () => {
    const keys = openKey(row.page, row.code), shippedById = byIdOf(row.page.questions);
    const {order, perms} = presentation(row.page, shippedById, row.seed);  // the draw the trainee was shown
    const entry = {version: row.page.version, seed: row.seed, order, optionOrder: perms, answers: row.answers, startedAt: 0, deadline: null};
    const keyed = row.page.questions.map(q => keyedQuestion(q, keys)), byId = byIdOf(keyed);
    const attempt = authoredAttempt(entry, byId, keys);
    const scored = scoreAttempt(byId, attempt.order, attempt.answers);
    assert.deepEqual([scored.score, scored.points, scored.max, scored.score >= row.page.passMark],
      [row.graded.score, row.graded.points, row.graded.max, row.graded.passed]);
    assert.deepEqual(plain(scored.correct), row.graded.correct);
    // the display orders follow: an order item keeps its text, a match option the right side it showed
    Object.keys(perms).filter(id => byId[id].type === 'order').forEach(id => assert.deepEqual(
      attempt.optionOrder[id].map(k => byId[id].items[k]), perms[id].map(k => shippedById[id].items[k])));
  });
}

test('the device remembers the code of this version only', () => {
  const row = cases.reviews[0], storage = memoryStorage();
  const fresh = engine(storage);
  fresh.store.set('unlock:' + row.page.id, {version: row.page.version, code: row.code});
  assert.ok(fresh.releasedKey({bank: row.page}));
  fresh.store.set('unlock:' + row.page.id, {version: 'older', code: row.code});
  assert.equal(fresh.releasedKey({bank: row.page}), null);
  fresh.store.set('unlock:' + row.page.id, {version: row.page.version, code: 'not a code'});
  assert.equal(fresh.releasedKey({bank: row.page}), null);
  assert.ok([...storage.items.keys()].some(key => key.startsWith('lunxun:v1:broken:')));  // the bad value is set aside
});

test('a history entry keeps its review fields when sound and loses them all when one is broken', () => {
  const sound = {finishedAt: 5, score: 0, passed: false, points: 0, max: 0, seconds: 60, seed: 7, code: 'LX2AB', version: 'abc',
    order: ['q1', 'q2'], optionOrder: {q1: [1, 0]}, answers: {q1: 'A'}, startedAt: 1, deadline: null, reviewed: true};
  assert.deepEqual(plain(cleanHistory([sound])), [sound]);
  for (const broken of [{order: 'q1'}, {optionOrder: {q1: ['x']}}, {answers: []}, {version: 3}, {startedAt: 'x'}, {deadline: 'soon'}]) {
    const cleaned = plain(cleanHistory([Object.assign({}, sound, broken)]))[0];
    assert.deepEqual(['version', 'order', 'optionOrder', 'answers', 'startedAt', 'deadline'].filter(field => field in cleaned), []);
    assert.equal(cleaned.code, 'LX2AB');  // the attempt itself is kept
  }
  assert.equal('reviewed' in plain(cleanHistory([Object.assign({}, sound, {reviewed: 'yes'})]))[0], false);
  const old = {finishedAt: 5, score: 0, passed: false, points: 0, max: 0, seconds: 60, seed: 7, code: 'LX2AB'};
  assert.deepEqual(plain(cleanHistory([old])), [old]);  // an entry from before: unchanged, nothing set aside
});

test('每日一练 reviews no 错题本 entry of a bank it does not list (a released trainer-graded exam)', () => {
  const storage = memoryStorage(), daily = load(QUIZ_CORE.concat(['quiz/80-daily.js']), ['dailyReviews', 'noteAnswer', 'store'],
    {localStorage: storage});
  const question = {id: 'q1', type: 'judge', stem: '?', answer: true, explain: ''};
  daily.noteAnswer({bank: 'lianxi', title: '练习', id: 'q1'}, question, false, null, null);
  daily.noteAnswer({bank: 'kaoshi', title: '考试', id: 'q1'}, question, false, null, null);
  const later = Date.now() + 3 * 86400e3;  // both entries fall due the next day
  assert.deepEqual(plain(daily.dailyReviews('2099-01-01', 5, later, {lianxi: {questions: []}})).map(entry => entry.bank), ['lianxi']);
  daily.store.del('daily-reviews');
  daily.noteAnswer({bank: 'constructor', title: '?', id: 'q1'}, question, false, null, null);  // a stored name, not a listed bank
  assert.deepEqual(plain(daily.dailyReviews('2099-01-02', 5, later, {})), []);
});
