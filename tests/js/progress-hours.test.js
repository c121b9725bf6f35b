/* The progress panel's 学时 (progress/progress.js, issue 15 item 4): the sessions done (课堂) plus
   completion.quiz_hours of each browser-graded quiz passed on this device (测验); a trainer-graded
   exam's 学时 are never added by the browser, whatever its stored attempts say. */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {load, plain, memoryStorage} = require('./engine.js');

const P = 'lunxun:v1:';
const SECTIONS = ['shared/storage.js', 'shared/wechat.js', 'shared/visits.js', 'progress/progress.js'];

// progress.js as a page without a panel loads it: nothing runs before DOMContentLoaded.
function panel(entries = {}) {
  const localStorage = memoryStorage(Object.fromEntries(Object.entries(entries).map(([k, v]) => [P + k, JSON.stringify(v)])));
  const document = {currentScript: null, readyState: 'loading', addEventListener() {}};
  return load(SECTIONS, ['hoursEarned', 'evaluate'], {localStorage, document, window: {addEventListener() {}},
    navigator: {userAgent: 'Mozilla/5.0'}});
}

const attempt = passed => ({finishedAt: 1788739200000, score: passed ? 100 : 0, passed, points: passed ? 1 : 0, max: 1,
  seconds: 30, seed: 1, code: 'x'});
const CREDITS = [
  {id: 'xiaoce', title: '小测', hours: 1.5, trainer: false},
  {id: 'lianxi', title: '练习', hours: 0.5, trainer: false},
  {id: 'kaoshi', title: '结业考试', hours: 2, trainer: true},
];
// the data a programme page carries (render/programme.py progress_data), three sessions of 3 学时
const DATA = {
  id: 'xiaoban', title: '半日班', hours: 3, attendance: null, required: [],
  sessions: [
    {key: 'd1-0830', day: 1, time: '08:30-09:00', kind: '开班式', title: '开班', hours: 0.5, methods: [], quizzes: []},
    {key: 'd1-0900', day: 1, time: '09:00-11:00', kind: '专题辅导', title: '听情', hours: 2, methods: ['tingqing'], quizzes: []},
    {key: 'd1-1100', day: 1, time: '11:00-11:30', kind: '测验', title: '小测', hours: 0.5, methods: [], quizzes: ['xiaoce']},
  ],
  methods: {tingqing: '听情工作法'}, quizzes: {xiaoce: '小测'}, credits: CREDITS,
};

test('hoursEarned adds the sessions done and the browser-graded quizzes passed, never a trainer-graded exam', () => {
  const {hoursEarned} = panel();
  const sessions = [{s: {hours: 0.5}, done: true}, {s: {hours: 2}, done: false}, {s: {hours: 0.5}, done: true}];
  const hours = plain(hoursEarned(sessions, CREDITS, {xiaoce: true, kaoshi: true}));
  assert.deepEqual([hours.classroom, hours.quiz, hours.total, hours.quizPossible], [1, 1.5, 2.5, 4]);
  assert.deepEqual(hours.quizzes.map(x => [x.c.id, x.state]), [['xiaoce', 'met'], ['lianxi', 'unmet'], ['kaoshi', 'pending']]);
  const none = plain(hoursEarned(sessions, [], {xiaoce: true}));
  assert.deepEqual([none.classroom, none.quiz, none.total, none.quizPossible, none.quizzes], [1, 0, 1, 0, []]);
});

test('evaluate reads the passes from this browser: a failed attempt earns nothing, a later pass does', () => {
  const fresh = plain(panel().evaluate(DATA).hours);
  assert.deepEqual([fresh.classroom, fresh.quiz, fresh.total], [0, 0, 0]);
  const stored = {
    visited: {tingqing: 1788739200000},
    'attended:xiaoban': ['d1-0830'],
    'history:xiaoce': [attempt(false), attempt(true)],
    'history:lianxi': [attempt(false)],
    // a trainer-graded exam's entry is no grade (the page has no key): even "passed" is not counted
    'history:kaoshi': [attempt(true)],
  };
  const hours = plain(panel(stored).evaluate(DATA).hours);
  // 开班 0.5 (ticked) + 听情 2 (read) + 小测 0.5 (passed) in class, 小测's 1.5 for the pass
  assert.deepEqual([hours.classroom, hours.quiz, hours.total, hours.quizPossible], [3, 1.5, 4.5, 4]);
  assert.deepEqual(hours.quizzes.map(x => x.state), ['met', 'unmet', 'pending']);
});

test('a page built before quiz_hours (no credits) gives the sessions alone', () => {
  const old = Object.assign({}, DATA);
  delete old.credits;
  const hours = plain(panel({'history:xiaoce': [attempt(true)]}).evaluate(old).hours);
  assert.deepEqual([hours.classroom, hours.quiz, hours.total, hours.quizzes], [0.5, 0, 0.5, []]);
});
