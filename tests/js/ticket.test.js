/* Tickets: each typed 准考证号 and 密码 of tests/data/ticket_cases.json read by the engine
   (quiz/53-ticket.js) as generator/results/tickets.py reads it, and the table's ticketed code
   written by examCodeFor from the ticket as typed; tests/results/test_ticket_cases.py writes the table. */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {QUIZ_CORE, load, plain, table} = require('./engine.js');

const engine = load(QUIZ_CORE, ['normaliseSecret', 'ticketKey', 'ticketText', 'ticketProblems', 'signingOf', 'examCodeFor',
  'TICKET_SECRET', 'LX2_PUBLIC_KEY']);
const {cases, codes} = table('ticket_cases.json');

test('the table has valid and invalid secrets', () => {
  assert.ok(cases.some(row => row.valid) && cases.filter(row => !row.valid).length >= 5);
});

for (const row of cases) {
  test(`ticket: ${row.name}`, () => {
    assert.equal(engine.normaliseSecret(row.secret), row.normalised);
    assert.equal(engine.TICKET_SECRET.test(engine.normaliseSecret(row.secret)), row.valid);
    assert.equal(engine.ticketKey(row.number, row.secret), row.key);
    assert.equal(engine.normaliseSecret(row.normalised), row.normalised);  // what the attempt keeps reads the same again
  });
}

for (const row of codes) {
  test(`ticketed LX2 code of a finished attempt: ${row.name}`, () => {
    const p = row.payload, byId = {};
    p.slots.forEach(slot => {
      byId[slot.id] = {id: slot.id, type: slot.type, options: Array(slot.size).fill('x'), blanks: slot.size};
    });
    const attempt = {seed: p.seed, startedAt: p.started * 1000 + 1, ticket: engine.ticketText(` ${p.ticket}\u3000`),
      secret: engine.normaliseSecret(p.typed_secret), sitting: engine.ticketText(p.sitting)};
    const code = engine.examCodeFor({id: p.bank_id, version: p.version}, attempt, {ids: p.slots.map(s => s.id), answers: p.answers},
      {name: '张三', unit: '红旗村', id: ''}, p.finished * 1000 + 999, byId);
    assert.equal(code, row.code);  // the ticket, not the profile's name, and the ticket's key
  });
}

test('full-width digits of a 准考证号 or 考场口令 read as ASCII, spaces around them dropped', () => {
  assert.equal(engine.ticketText('\u3000０１０７ '), '0107');
  assert.equal(engine.ticketText(' 春季 ２ 班 '), '春季 2 班');
});

test('an attempt without a well-formed ticket is signed with nothing but its sitting code', () => {
  assert.deepEqual(plain(engine.signingOf({})), {sitting: ''});
  assert.deepEqual(plain(engine.signingOf({ticket: '001', secret: 'DBA8T-891B', sitting: 7})), {sitting: ''});
  assert.deepEqual(plain(engine.signingOf({ticket: {}, secret: 'DBA8T891B6', sitting: '1'})), {sitting: '1'});
  assert.deepEqual(plain(engine.signingOf({ticket: 'x'.repeat(21), secret: 'DBA8T891B6'})), {sitting: ''});
  assert.deepEqual(plain(engine.signingOf({ticket: '001', secret: 'dba8t891b6', sitting: '2719'})),
    {ticket: '001', key: 'lunxun-ticket:001:DBA8T891B6', sitting: '2719'});
});

test('考前登记 says what is wrong with each ticket field, all at once', () => {
  const bank = {tickets: true, sitting: true};
  const fields = entry => plain(engine.ticketProblems(entry, bank).map(([field]) => field));
  assert.deepEqual(fields({ticket: '001', secret: 'DBA8T891B6', sitting: '2719'}), []);
  assert.deepEqual(fields({ticket: '', secret: '', sitting: ''}), ['ticket', 'secret', 'sitting']);
  const message = entry => engine.ticketProblems(entry, bank).map(([, text]) => text).join(' ');
  assert.match(message({ticket: '001', secret: 'DBA8U891B6', sitting: '1'}), /不会有“U”/);
  assert.match(message({ticket: '001', secret: 'DBA8T891B', sitting: '1'}), /现在是 9 位/);
  assert.match(message({ticket: '001', secret: '', sitting: '1'}), /现在是 0 位/);
  assert.deepEqual(fields({ticket: '1'.repeat(21), secret: 'DBA8T891B6', sitting: '1'.repeat(21)}), ['ticket', 'sitting']);
  assert.deepEqual(engine.ticketProblems({sitting: ''}, {tickets: false, sitting: false}).length, 0);
});
