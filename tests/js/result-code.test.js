/* Result codes: each payload of tests/data/result_codes.json encoded by the engine must give the
   table's code, which generator/results/code.py decodes (tests/test_shared_tables.py). */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {QUIZ_CORE, load, table} = require('./engine.js');

const engine = load(QUIZ_CORE, ['makeResultCode', 'crc32Hex', 'resultPayload', 'scoreAttempt']);

for (const row of table('result_codes.json').codes) {
  test(`code: ${row.name}`, () => {
    assert.equal(engine.makeResultCode(row.payload), row.code);
    const [prefix, body, crc] = row.code.split('.');
    assert.equal(prefix, 'LX1');
    assert.match(body, /^[A-Za-z0-9_-]+$/);  // base64url without padding: safe in chat apps
    assert.equal(engine.crc32Hex(body), crc);
    assert.deepEqual(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')), row.payload);
  });
}

test('CRC-32 of known texts (zlib\'s polynomial)', () => {
  assert.equal(engine.crc32Hex(''), '00000000');
  assert.equal(engine.crc32Hex('123456789'), 'cbf43926');
  assert.equal(engine.crc32Hex('The quick brown fox jumps over the lazy dog'), '414fa339');
});

test('the payload of a finished attempt: keys in the order of the code, time capped at the deadline', () => {
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
