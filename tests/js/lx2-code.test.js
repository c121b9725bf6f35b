/* LX2 result codes: each payload of tests/data/lx2_cases.json encoded by the engine
   (quiz/52-result-code.js) must give the code generator/results/exam_code.py wrote for it;
   tests/test_lx2_cases.py writes the table and decodes every code on the Python side. */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const {QUIZ_CORE, load, table} = require('./engine.js');

const engine = load(QUIZ_CORE, ['makeExamCode', 'lx2Sha512', 'lx2HmacSha512', 'lx2CheckSymbol', 'LX2_ALPHABET']);
const cases = table('lx2_cases.json').cases;

test('the table has cases', () => assert.ok(cases.length >= 5));

for (const row of cases) {
  test(`LX2 code: ${row.name}`, () => {
    const p = row.payload;
    const code = engine.makeExamCode({
      bankTag: p.bank_tag, versionTag: p.version_tag, seed: p.seed, started: p.started, finished: p.finished,
      ticket: p.ticket, name: p.name, unit: p.unit, traineeId: p.trainee_id, sitting: p.sitting,
      slots: p.slots, answers: p.answers, key: p.key,
    });
    assert.equal(code, row.code);
    assert.match(code, /^LX2[0-9A-HJKMNP-TV-Z]+$/);  // capitals and digits only: chat apps leave them alone
  });
}

test('SHA-512 and HMAC-SHA512 agree with node:crypto', () => {
  for (const size of [0, 1, 111, 112, 127, 128, 129, 300]) {
    const data = crypto.randomBytes(size);
    assert.equal(Buffer.from(engine.lx2Sha512(new Uint8Array(data))).toString('hex'),
      crypto.createHash('sha512').update(data).digest('hex'));
    const key = crypto.randomBytes(size % 200);
    assert.equal(Buffer.from(engine.lx2HmacSha512(new Uint8Array(key), new Uint8Array(data))).toString('hex'),
      crypto.createHmac('sha512', key).update(data).digest('hex'));
  }
});

test('the check symbol catches every single wrong symbol and every swap of neighbours', () => {
  const symbols = Array.from(cases[0].code.slice(3), char => engine.LX2_ALPHABET.indexOf(char));
  const holds = list => engine.lx2CheckSymbol(list.slice(0, -1)) === list[list.length - 1];
  assert.ok(holds(symbols));
  for (let i = 0; i < symbols.length; i++) {
    for (let v = 0; v < 32; v++) {
      if (v === symbols[i]) continue;
      const changed = symbols.slice();
      changed[i] = v;
      assert.ok(!holds(changed), `symbol ${i} → ${v}`);
    }
    if (i + 1 < symbols.length && symbols[i] !== symbols[i + 1]) {
      const swapped = symbols.slice();
      [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
      assert.ok(!holds(swapped), `swap at ${i}`);
    }
  }
});
