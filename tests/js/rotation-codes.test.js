/* LE1 and LA1 codes: each payload of tests/data/rotation_code_cases.json encoded by the pages'
   sections (assets/rotation/10-short-code.js) must give the code the Python encoder wrote
   (tests/rotation/test_rotation_code_cases.py writes the table and reads every code back). */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {load, table} = require('./engine.js');

const SECTIONS = ['shared/storage.js', 'quiz/52-result-code.js', 'quiz/53-ticket.js', 'rotation/10-short-code.js'];
const codes = load(SECTIONS, ['makeEvaluationCode', 'makeRollCallCode', 'ticketKey', 'ROLL_MARKS']);
const cases = table('rotation_code_cases.json');

test('the table has cases of both kinds', () => {
  assert.ok(cases.evaluations.length >= 3 && cases.rollcalls.length >= 3);
});

for (const row of cases.evaluations) {
  test(`LE1 code: ${row.name}`, () => {
    const p = row.payload;
    const code = codes.makeEvaluationCode({cohortTag: p.cohort_tag, scheduleTag: p.schedule_tag, minutes: p.minutes,
      ratings: p.ratings, overall: p.overall, comment: p.comment, key: p.ticket ? codes.ticketKey(...p.ticket) : undefined});
    assert.equal(code, row.code);
    assert.match(code, /^LE1[0-9A-HJKMNP-TV-Z]+$/);
  });
}

for (const row of cases.rollcalls) {
  test(`LA1 code: ${row.name}`, () => {
    const p = row.payload;
    const marks = {};
    for (const [session, seats] of Object.entries(p.marks)) {
      marks[session] = {};
      for (const [seat, mark] of Object.entries(seats)) marks[session][seat] = codes.ROLL_MARKS.indexOf(mark) + 1;
    }
    const code = codes.makeRollCallCode({cohortTag: p.cohort_tag, scheduleTag: p.schedule_tag, minutes: p.minutes, seats: p.seats, marks});
    assert.equal(code, row.code);
    assert.match(code, /^LA1[0-9A-HJKMNP-TV-Z]+$/);
  });
}

test('a comment longer than the page allows is cut, not refused', () => {
  const long = codes.makeEvaluationCode({cohortTag: 1, scheduleTag: 2, minutes: 3, ratings: [], overall: 5, comment: '好'.repeat(400), maxComment: 300});
  const exact = codes.makeEvaluationCode({cohortTag: 1, scheduleTag: 2, minutes: 3, ratings: [], overall: 5, comment: '好'.repeat(300), maxComment: 300});
  assert.equal(long, exact);
});

test('a lone surrogate in a comment becomes U+FFFD, as a well-formed comment would', () => {
  const broken = codes.makeEvaluationCode({cohortTag: 1, scheduleTag: 2, minutes: 3, ratings: [], overall: 5, comment: 'a\uD800b'});
  const replaced = codes.makeEvaluationCode({cohortTag: 1, scheduleTag: 2, minutes: 3, ratings: [], overall: 5, comment: 'a\uFFFDb'});
  assert.equal(broken, replaced);
});
