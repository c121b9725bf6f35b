/* Stored values are checked on read (issue 11, item 16): corrupt values never throw, never lock a
   trainee out, never lose an attempt, and their text is kept under lunxun:v1:broken:<time>:<key>. */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {QUIZ_CORE, load, plain, memoryStorage} = require('./engine.js');

const NAMES = ['store', 'readHistory', 'readProfile', 'readWrongBook', 'noteAnswer', 'attemptCleaner', 'freshAttempt',
  'scoreAttempt', 'entriesByDue', 'isDue'];
const P = 'lunxun:v1:';
const ENTRY = {finishedAt: 1796169600000, score: 75, passed: true, points: 3, max: 4, seconds: 605, seed: 9, code: 'LX1.e30.00000000'};

// The engine over a localStorage holding `entries` (raw texts, by key without the prefix).
function engineWith(entries, refuse = false) {
  const storage = memoryStorage(Object.fromEntries(Object.entries(entries).map(([k, v]) => [P + k, v])), refuse);
  const crypto = {getRandomValues: array => { array[0] = 123456789; return array; }};
  return Object.assign(load(QUIZ_CORE, NAMES, {localStorage: storage, crypto}), {storage});
}
const setAside = storage => [...storage.items.keys()].filter(key => key.startsWith(P + 'broken:'));

for (const [label, text] of [['{}', '{}'], ['null', 'null'], ['a string', '"abc"'], ['a number', '3'],
  ['not JSON', '[{"finishedAt":'], ['a list of junk', '[1, "x", null, [2]]']]) {
  test(`history:<bank> holding ${label} reads as no attempts, and its text is kept`, () => {
    const engine = engineWith({'history:kaoshi': text});
    assert.deepEqual(plain(engine.readHistory('kaoshi')), []);
    const [backup] = setAside(engine.storage);
    assert.match(backup, /^lunxun:v1:broken:\d+:history:kaoshi$/);
    assert.equal(engine.storage.items.get(backup), text);
    assert.ok([null, '[]'].includes(engine.storage.getItem(P + 'history:kaoshi')));  // removed, or repaired to no entries
    // the next attempt is stored normally, on top of nothing
    engine.store.set('history:kaoshi', engine.readHistory('kaoshi').concat([ENTRY]));
    assert.deepEqual(plain(engine.readHistory('kaoshi')), [ENTRY]);
    assert.equal(setAside(engine.storage).length, 1);
  });
}

test('history keeps every attempt that is an object, with wrong fields made neutral', () => {
  const stored = [ENTRY, 'junk', Object.assign({}, ENTRY, {score: '90', passed: 'yes', code: 5, extra: 'kept'})];
  const engine = engineWith({'history:b': JSON.stringify(stored)});
  const read = plain(engine.readHistory('b'));
  assert.equal(read.length, 2);
  assert.deepEqual(read[0], ENTRY);
  assert.deepEqual(read[1], Object.assign({}, ENTRY, {score: 0, passed: false, code: '', extra: 'kept'}));
  assert.equal(engine.storage.items.get(setAside(engine.storage)[0]), JSON.stringify(stored));
  assert.deepEqual(JSON.parse(engine.storage.getItem(P + 'history:b')), read);  // repaired in place
});

test('a sound value is read as stored and nothing is set aside', () => {
  const engine = engineWith({'history:b': JSON.stringify([ENTRY]), profile: JSON.stringify({name: '张三', unit: '红旗村', id: ''})});
  assert.deepEqual(plain(engine.readHistory('b')), [ENTRY]);
  assert.deepEqual(plain(engine.readProfile()), {name: '张三', unit: '红旗村', id: ''});
  assert.deepEqual(setAside(engine.storage), []);
});

test('storage that is disabled gives the fallbacks and refuses writes without throwing', () => {
  const engine = engineWith({}, true);
  assert.deepEqual(plain(engine.readHistory('b')), []);
  assert.deepEqual(plain(engine.readProfile()), {});
  assert.equal(engine.store.set('profile', {}), false);
  assert.doesNotThrow(() => engine.store.del('profile'));
});

test('a broken profile gives empty fields, not an error', () => {
  const engine = engineWith({profile: JSON.stringify({name: 7, unit: null})});
  assert.deepEqual(plain(engine.readProfile()), {name: '', unit: '', id: ''});
  assert.equal(engineWith({profile: '"张三"'}).readProfile().name, undefined);
});

/* attempts under way */
const BANK = {id: 'b', version: 'v1', shuffleOptions: true, timeLimit: 10, questions: [
  {id: 's', type: 'single', options: ['a', 'b', 'c'], answer: 1, points: 1},
  {id: 'o', type: 'order', items: ['x', 'y', 'z'], points: 1},
  {id: 'c', type: 'case', questions: [{id: 'c1', type: 'blank', stem: '____', answer: [['情']], points: 1},
    {id: 'c2', type: 'match', pairs: [['a', '1'], ['b', '2']], points: 1}]},
]};
const BY_ID = {s: BANK.questions[0], o: BANK.questions[1], c: BANK.questions[2], c1: BANK.questions[2].questions[0], c2: BANK.questions[2].questions[1]};
const TOP = {s: 's', o: 'o', c: 'c', c1: 'c', c2: 'c'};

test('a sound attempt under way is resumed exactly as stored', () => {
  const engine = engineWith({});
  const attempt = plain(engine.freshAttempt(BANK, BY_ID));
  Object.assign(attempt.answers, {o: [2, 0], s: 'C', c1: ['情'], c2: [null, 1]});
  attempt.flags.push('o');
  attempt.current = 2;
  assert.deepEqual(plain(engine.attemptCleaner(BANK, BY_ID, TOP)(attempt)), attempt);
});

test('answers of the wrong shape, unknown flags and a wrong position are dropped; the rest is kept', () => {
  const engine = engineWith({});
  const attempt = plain(engine.freshAttempt(BANK, BY_ID));
  Object.assign(attempt, {answers: {s: 'C', o: 'xyz', c1: {}, c2: [9, 9], ghost: 'A'}, flags: ['o', 'zz', 'o'], checked: 'all', current: 99});
  const cleaned = plain(engine.attemptCleaner(BANK, BY_ID, TOP)(attempt));
  assert.deepEqual(cleaned.answers, {s: 'C'});
  assert.deepEqual([cleaned.flags, cleaned.checked, cleaned.current], [['o'], [], 0]);
  assert.equal(cleaned.seed, attempt.seed);
  // a broken deadline is the start plus the time limit, not an endless attempt
  assert.equal(engine.attemptCleaner(BANK, BY_ID, TOP)(Object.assign({}, attempt, {deadline: 'never'})).deadline,
    attempt.startedAt + 10 * 60000);
});

test('an attempt whose draw cannot be reproduced is unusable; another version is handed back to be dropped', () => {
  const engine = engineWith({});
  const clean = engine.attemptCleaner(BANK, BY_ID, TOP), attempt = plain(engine.freshAttempt(BANK, BY_ID));
  for (const broken of [{seed: -1}, {seed: 'x'}, {order: ['s', 'ghost']}, {order: ['c1']}, {order: []}, {order: ['s', 's']},
    {optionOrder: {}}, {optionOrder: Object.assign({}, attempt.optionOrder, {o: [0, 0, 1]})}, {startedAt: null}]) {
    assert.equal(clean(Object.assign({}, attempt, broken)), undefined, JSON.stringify(broken));
  }
  for (const junk of [null, 'abc', [], 5]) assert.equal(clean(junk), undefined);
  const old = Object.assign({}, attempt, {version: 'v0', order: 'whatever'});
  assert.equal(clean(old), old);
});

test('the whole attempt survives a broken "attempt:" text: it is set aside and null comes back', () => {
  const engine = engineWith({'attempt:b': '{"version":"v1","seed":"x"}'});
  assert.equal(engine.store.get('attempt:b', engine.attemptCleaner(BANK, BY_ID, TOP), null), null);
  assert.equal(engine.storage.items.get(setAside(engine.storage)[0]), '{"version":"v1","seed":"x"}');
});

/* the wrong-answer book */
test('the 错题本 keeps the entries it can show and sets the rest aside', () => {
  const good = {bank: 'b', bankTitle: '练习', question: {id: 's', type: 'single', options: ['a', 'b'], answer: 1, points: 1},
    review: {s: 0.212, d: 6.4133, last: 5, due: 5 + 864e5}, added: 5, refHref: null, shuffle: true};
  const book = {'b/s': good, 'b/x': {bank: 'b', question: {id: 'x', type: 'single', options: 'ab', answer: 0}},
    'b/y': 'junk', 'b/z': Object.assign({}, good, {question: {id: 'z', type: 'evil'}})};
  const engine = engineWith({wrong: JSON.stringify(book)});
  assert.deepEqual(plain(engine.readWrongBook()), {'b/s': good});
  assert.equal(setAside(engine.storage).length, 1);
  for (const junk of ['[]', '"x"', 'null', '{']) assert.deepEqual(plain(engineWith({wrong: junk}).readWrongBook()), {});
});

test('the 错题本 remembers whether the bank shuffles options (an older entry without it: shuffled)', () => {
  const engine = engineWith({wrong: '{}'});
  const question = {id: 's', type: 'judge', answer: true, points: 1};
  engine.noteAnswer({bank: 'b', title: '练习', id: 's', shuffle: false}, question, false, null, null);
  engine.noteAnswer({bank: 'c', title: '练习', id: 's'}, question, false, null, null);
  const book = plain(engine.readWrongBook());
  assert.deepEqual([book['b/s'].shuffle, book['c/s'].shuffle], [false, true]);
});

test('noteAnswer: a wrong answer enters due the next day; right answers at their due dates take it out, even over a broken book', () => {
  const engine = engineWith({wrong: '"broken"'});
  const question = {id: 's', type: 'judge', answer: true, points: 1, src: {bank: 'b'}};
  const source = {bank: 'b', title: '练习', id: 's'}, day = 864e5, start = Date.UTC(2026, 11, 1, 8);
  const entry = plain(engine.noteAnswer(source, question, false, null, null, start));
  assert.deepEqual([entry.review.last, entry.review.due, entry.added], [start, start + day, start]);
  assert.equal(plain(engine.readWrongBook())['b/s'].question.src, undefined);
  // the intervals py-fsrs gives (tests/assets/test_fsrs_reference.py): 2, 6, then 17 days, past the 15 of 已掌握
  let when = start + day;
  for (const days of [2, 6]) {
    const kept = plain(engine.noteAnswer(source, question, true, null, null, when));
    assert.equal(Math.round((kept.review.due - when) / day), days);
    when = kept.review.due;
  }
  assert.equal(engine.noteAnswer(source, question, true, null, null, when), null);
  assert.deepEqual(plain(engine.readWrongBook()), {});
  assert.equal(engine.noteAnswer(source, question, true, null, null, when), null);  // right, never wrong: never in the book
});

test('a right answer on the same day does not master a question: the review must be spaced', () => {
  const engine = engineWith({wrong: '{}'});
  const question = {id: 's', type: 'judge', answer: true, points: 1}, source = {bank: 'b', title: '练习', id: 's'};
  const start = Date.UTC(2026, 11, 1, 8);
  engine.noteAnswer(source, question, false, null, null, start);
  for (let k = 1; k <= 10; k++) assert.ok(engine.noteAnswer(source, question, true, null, null, start + k * 60000));
});

test('older entries (a streak, no schedule) are due at once; the book lists what is due first', () => {
  const old = {bank: 'b', bankTitle: '练习', question: {id: 's', type: 'judge', answer: true, points: 1}, streak: 1, added: 5,
    refHref: null, shuffle: true};
  const later = Object.assign({}, old, {question: {id: 't', type: 'judge', answer: false, points: 1},
    review: {s: 3, d: 5, last: 1, due: Date.now() + 3 * 864e5}});
  const engine = engineWith({wrong: JSON.stringify({'b/t': later, 'b/s': old})});
  const book = engine.readWrongBook();
  assert.equal(book['b/s'].review.due, 0);
  assert.deepEqual(plain(engine.entriesByDue(book).map(entry => entry.question.id)), ['s', 't']);
  assert.deepEqual([engine.isDue(book['b/s'], Date.now()), engine.isDue(book['b/t'], Date.now())], [true, false]);
  assert.equal(setAside(engine.storage).length, 1);  // the repaired book's original is kept
});

test('a sound value written with other spacing is not taken for a broken one', () => {
  const engine = engineWith({'history:b': JSON.stringify([ENTRY], null, 2)});
  assert.deepEqual(plain(engine.readHistory('b')), [ENTRY]);
  assert.deepEqual(setAside(engine.storage), []);
});
