/* The engine's QR encoder (quiz/55-qr.js) against tests/data/qr_cases.json: symbols written by the
   original library it was trimmed from and read back by zxing-cpp (tests/assets/test_qr_cases.py). */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {load, plain, table} = require('./engine.js');

const {qrEncode} = load(['quiz/55-qr.js'], ['qrEncode']);
const cases = table('qr_cases.json').cases;

test('the table has symbols from version 1 to past 26', () => {
  assert.ok(cases.length >= 15 && Math.max(...cases.map(c => c.version)) > 26);
});

for (const row of cases) {
  test(`QR code of ${row.text.length} characters: version ${row.version}, mask ${row.mask}`, () => {
    const rows = plain(qrEncode(row.text).map(line => line.map(Number).join('')));
    assert.equal(rows.length, row.version * 4 + 17);
    assert.deepEqual(rows, row.rows);
  });
}

test('text outside the alphanumeric set, or too long for version 40, is refused', () => {
  assert.throws(() => qrEncode('lx2abc'), {name: 'RangeError'});
  assert.throws(() => qrEncode('成绩码'), {name: 'RangeError'});
  assert.throws(() => qrEncode('A'.repeat(3392)), {name: 'RangeError', message: /too long/});  // version 40-M holds 3391
  assert.equal(qrEncode('A'.repeat(3391)).length, 177);
});
