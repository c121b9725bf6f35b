/* The one grading table (tests/data/grading_cases.json) through the browser engine's sections;
   tests/grading/test_exam_grading.py runs the same table through generator/grading. */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {QUIZ_CORE, load, plain, table} = require('./engine.js');

const TABLE = table('grading_cases.json');
const engine = load(QUIZ_CORE, ['isRight', 'mulberry32', 'shuffle', 'presentation', 'scoreAttempt', 'TYPES']);

for (const item of TABLE.cases) {
  test(`grading: ${item.name}`, () => {
    assert.equal(engine.isRight(item.question, item.answer), item.right);
  });
}

test('mulberry32 gives the table\'s floats and Fisher–Yates its shuffles', () => {
  for (const [seed, floats] of TABLE.prng.floats) {
    const random = engine.mulberry32(seed);
    assert.deepEqual(floats.map(() => random()), floats);
  }
  for (const [seed, order] of TABLE.prng.shuffles) {
    assert.deepEqual(plain(engine.shuffle([...order.keys()], engine.mulberry32(seed))), order);
  }
});

for (const draw of TABLE.draws) {
  test(`draw and shuffles from seed ${draw.seed} (shuffleQuestions ${draw.bank.shuffleQuestions})`, () => {
    const byId = {};
    draw.bank.questions.forEach(q => { byId[q.id] = q; (q.questions || []).forEach(sub => { byId[sub.id] = sub; }); });
    assert.deepEqual(plain(engine.presentation(draw.bank, byId, draw.seed)), {order: draw.order, perms: draw.perms});
  });
}

test('scores: percent with one decimal, halves rounded up as Math.round does', () => {
  for (const [points, possible, percent] of TABLE.scores) {
    // one question earned in full, one missed, so the attempt's total is `possible`
    const got = {id: 'got', type: 'judge', answer: true, points};
    const missed = {id: 'missed', type: 'judge', answer: true, points: Math.round((possible - points) * 100) / 100};
    const questions = possible ? [got, missed] : [];
    const byId = Object.fromEntries(questions.map(q => [q.id, q]));
    const scored = engine.scoreAttempt(byId, questions.map(q => q.id), {got: 1});
    assert.equal(scored.score, percent, `${points} / ${possible}`);
  }
});

test('a whole attempt: ids with a case and its parts, answers kept, correctness and points', () => {
  const draw = TABLE.draws[0], byId = {};
  draw.bank.questions.forEach(q => { byId[q.id] = q; (q.questions || []).forEach(sub => { byId[sub.id] = sub; }); });
  const scored = plain(engine.scoreAttempt(byId, ['q1', 'c1', 'q3'], {q1: 'A', c1a: 'A', q3: 1}));
  assert.deepEqual(scored, {ids: ['q1', 'c1', 'c1a', 'c1b', 'q3'], answers: {q1: 'A', c1a: 'A', q3: 1},
    correct: {q1: 1, c1a: 0, c1b: 0, q3: 1}, points: 2, max: 4, score: 50});
});

test('every type that can be answered says which stored answers fit it', () => {
  const single = {type: 'single', options: ['a', 'b', 'c'], answer: 1};
  assert.ok(engine.TYPES.single.answerFits(single, 'C'));
  assert.ok(!engine.TYPES.single.answerFits(single, 'D'));
  assert.ok(engine.TYPES.multiple.answerFits(single, 'AC'));
  assert.ok(!engine.TYPES.multiple.answerFits(single, 'CA'));
  assert.ok(!engine.TYPES.multiple.answerFits(single, 'AA'));
  const order = {type: 'order', items: ['x', 'y', 'z']};
  assert.ok(engine.TYPES.order.answerFits(order, [2]));
  assert.ok(!engine.TYPES.order.answerFits(order, [2, 2]));
  assert.ok(!engine.TYPES.order.answerFits(order, {}));
  const match = {type: 'match', pairs: [['a', '1'], ['b', '2']]};
  assert.ok(engine.TYPES.match.answerFits(match, [null, 0]));
  assert.ok(!engine.TYPES.match.answerFits(match, [5, 0]));
  const blank = {type: 'blank', answer: [['x'], ['y']]};
  assert.ok(engine.TYPES.blank.answerFits(blank, ['', 'y']));
  assert.ok(!engine.TYPES.blank.answerFits(blank, 'xy'));
});
