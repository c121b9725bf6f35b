/* LX2 result codes: each payload of tests/data/lx2_cases.json encoded by the engine
   (quiz/52-result-code.js) must give the code generator/results/exam_code.py wrote for it;
   tests/results/test_lx2_cases.py writes the table and decodes every code on the Python side. */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const {QUIZ_CORE, load, table} = require('./engine.js');

const engine = load(QUIZ_CORE, ['makeExamCode', 'examCodeFor', 'lx2BankTag', 'lx2Sha256', 'lx2Sha512', 'lx2HmacSha512',
  'lx2CheckSymbol', 'LX2_ALPHABET']);
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

// A presented question as the page ships it, with as many options, blanks, items or pairs as the slot says.
const shipped = slot => Object.assign({id: slot.id, type: slot.type}, {
  single: {options: Array(slot.size).fill('x')}, multiple: {options: Array(slot.size).fill('x')}, judge: {},
  blank: {blanks: slot.size}, order: {items: Array(slot.size).fill('x')}, match: {pairs: Array(slot.size).fill(['a', 'b'])},
}[slot.type]);

for (const row of cases.filter(row => !row.payload.ticket && row.payload.key === 'lunxun:self-declared')) {
  test(`LX2 code of a finished attempt: ${row.name}`, () => {
    const p = row.payload, byId = {case: {id: 'case', type: 'case', questions: []}};
    p.slots.forEach(slot => { byId[slot.id] = shipped(slot); });
    const scored = {ids: ['case'].concat(p.slots.map(slot => slot.id)), answers: p.answers};
    const attempt = {seed: p.seed, startedAt: p.started * 1000 + 999};
    const profile = {name: p.name, unit: p.unit, id: p.trainee_id};
    assert.equal(engine.lx2BankTag(p.bank_id), p.bank_tag);
    assert.equal(engine.examCodeFor({id: p.bank_id, version: p.version}, attempt, scored, profile, p.finished * 1000 + 500, byId), row.code);
  });
}

test('the finish time of a code is capped at the deadline', () => {
  const p = cases[0].payload, byId = {};
  p.slots.forEach(slot => { byId[slot.id] = shipped(slot); });
  const attempt = {seed: p.seed, startedAt: p.started * 1000, deadline: p.finished * 1000};
  const late = engine.examCodeFor({id: p.bank_id, version: p.version}, attempt, {ids: p.slots.map(s => s.id), answers: p.answers},
    {name: p.name, unit: p.unit, id: p.trainee_id}, p.finished * 1000 + 3600e3, byId);  // an hour after the deadline
  assert.equal(late, cases[0].code);
});

test('SHA-256 agrees with node:crypto', () => {
  for (const size of [0, 1, 55, 56, 63, 64, 65, 200]) {
    const data = crypto.randomBytes(size);
    assert.equal(Buffer.from(engine.lx2Sha256(new Uint8Array(data))).toString('hex'), crypto.createHash('sha256').update(data).digest('hex'));
  }
});

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
