/* The result payload a finished attempt shows (score, time capped at the deadline). The code
   handed to the trainer is LX2 (tests/js/lx2-code.test.js); LX1 codes already handed in are
   still read by generator/results/code.py (tests/grading/test_shared_tables.py). */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {QUIZ_CORE, load} = require('./engine.js');

const engine = load(QUIZ_CORE, ['resultPayload']);

test('the payload of a finished attempt (shown and downloaded): its keys, time capped at the deadline', () => {
  const bank = {id: 'b', version: 'v1', passMark: 60};
  const attempt = {seed: 7, startedAt: 1000000, deadline: 1000000 + 60000};
  const scored = {ids: ['x'], answers: {x: 'A'}, correct: {x: 1}, points: 1, max: 1, score: 100};
  const payload = engine.resultPayload(bank, attempt, scored, {name: '张三', unit: '红旗村'}, 1000000 + 90000);
  assert.deepEqual(Object.keys(payload), ['v', 'b', 'bv', 's', 'n', 'u', 'i', 'q', 'a', 'r', 'p', 'm', 'sc', 'ok', 't', 'f']);
  assert.equal(payload.t, 60);  // finished after the deadline: counted up to it
  assert.equal(payload.i, '');
  assert.equal(payload.ok, 1);
  assert.equal(engine.resultPayload(bank, attempt, Object.assign({}, scored, {score: 59.9}), {}, 1000000 + 5000).ok, 0);
});
