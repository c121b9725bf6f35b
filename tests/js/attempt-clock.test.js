/* The attempt's clock and the one question count (issue 17, items 4 and 9): when 用时 starts,
   how a pause stops the countdown, what a stored pause may hold, how a result counts questions. */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {QUIZ_CORE, load, plain} = require('./engine.js');

// 63-practice-tools.js only defines functions besides resumedAttempt: it loads without a DOM
const engine = load([...QUIZ_CORE, 'quiz/63-practice-tools.js'], ['isUntouched', 'secondsLeft', 'resumedAttempt', 'questionTally', 'attemptCleaner']);

const judge = (id, points = 1) => ({id, type: 'judge', answer: true, points});
const QUESTIONS = [judge('a'), judge('b'), {id: 'c', type: 'case', scenario: '', questions: [judge('c1'), judge('c2'), judge('c3')]}];
const BY_ID = {}, TOP_OF = {};
QUESTIONS.forEach(q => { BY_ID[q.id] = q; TOP_OF[q.id] = q.id; (q.questions || []).forEach(s => { BY_ID[s.id] = s; TOP_OF[s.id] = q.id; }); });

test('an attempt is untouched until something is answered or checked', () => {
  assert.equal(engine.isUntouched({answers: {}, checked: []}), true);
  assert.equal(engine.isUntouched({answers: {a: true}, checked: []}), false);
  assert.equal(engine.isUntouched({answers: {}, checked: ['a']}), false);
});

test('the countdown runs until paused and stands still while paused', () => {
  const attempt = {startedAt: 0, deadline: 600000};
  assert.equal(engine.secondsLeft(attempt, 0), 600);
  assert.equal(engine.secondsLeft(attempt, 599001), 1);  // a started second counts as left
  assert.equal(engine.secondsLeft(attempt, 700000), 0);  // never below zero
  const paused = Object.assign({pausedAt: 120000}, attempt);
  assert.equal(engine.secondsLeft(paused, 120000), 480);
  assert.equal(engine.secondsLeft(paused, 9e9), 480);
});

test('继续 moves the start and the deadline on by the pause and drops the mark', () => {
  const attempt = {startedAt: 1000, deadline: 601000, pausedAt: 121000, answers: {a: true}};
  const resumed = plain(engine.resumedAttempt(attempt, 421000));
  assert.deepEqual(resumed, {startedAt: 301000, deadline: 901000, answers: {a: true}});
  assert.equal(engine.secondsLeft(resumed, 421000), 480);  // the 480 s left when paused
  assert.equal(attempt.pausedAt, 121000);  // the stored attempt is not changed in place
  // a clock set back while paused: no negative pause
  assert.deepEqual(plain(engine.resumedAttempt(attempt, 100000)), {startedAt: 1000, deadline: 601000, answers: {a: true}});
});

const stored = extra => Object.assign({version: 'v1', seed: 7, order: ['a', 'b', 'c'], optionOrder: {}, answers: {}, flags: [],
  current: 0, startedAt: 1000, deadline: 601000, checked: []}, extra);
const bank = extra => Object.assign({version: 'v1', timeLimit: 10, mode: 'practice', questions: QUESTIONS}, extra);

test('a stored pause is kept for a timed practice only', () => {
  const clean = b => engine.attemptCleaner(b, BY_ID, TOP_OF);
  assert.equal(clean(bank())(stored({pausedAt: 5000})).pausedAt, 5000);
  assert.equal(clean(bank({mode: 'exam'}))(stored({pausedAt: 5000})).pausedAt, undefined);  // exams are not pausable
  assert.equal(clean(bank({timeLimit: null}))(stored({pausedAt: 5000, deadline: null})).pausedAt, undefined);  // no clock
  assert.equal(clean(bank())(stored({pausedAt: 'soon'})).pausedAt, undefined);
  assert.equal(clean(bank())(stored({})).startedAt, 1000);  // a resumed attempt keeps its start
});

test('results count questions as the answer sheet does: a case is one, right when all its parts are', () => {
  const tally = correct => plain(engine.questionTally(BY_ID, ['a', 'b', 'c'], correct));
  assert.deepEqual(tally({a: 1, b: 1, c1: 1, c2: 1, c3: 1}), {total: 3, right: 3, partial: 0});
  assert.deepEqual(tally({a: 1, b: 0, c1: 1, c2: 0, c3: 1}), {total: 3, right: 1, partial: 1});
  assert.deepEqual(tally({a: 0, b: 0, c1: 0, c2: 0, c3: 0}), {total: 3, right: 0, partial: 0});
  assert.deepEqual(tally({}), {total: 3, right: 0, partial: 0});  // nothing answered
  assert.deepEqual(plain(engine.questionTally(BY_ID, ['c', 'a'], {c1: 1, c2: 1, c3: 1})), {total: 2, right: 1, partial: 0});
});
