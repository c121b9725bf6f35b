/* Runner: practice mode (check each question) and exam mode (answer sheet, flags, one submit).
   One session object holds all of one quiz on the page; the runner's functions take it first.
   options = {key: storage key (default "attempt:<bank>"), lite: 每日一练 (no history, no code),
   ref(question) → {href, label} of its method link}. */
function runQuiz(root, bank, options) {
  const session = createSession(root, bank, options);
  const saved = store.get(session.attemptKey, attemptCleaner(bank, session.byId, session.topOf), null);
  if (saved && saved.version !== bank.version) store.del(session.attemptKey);  // the bank changed since
  else session.attempt = saved;
  if (!session.attempt) reopenReview(session) || begin(session, false);  // released: the last review (67-review.js)
  else if (session.attempt.pausedAt) showPaused(session, false);  // a paused practice's clock stood still
  else if (session.attempt.deadline && Date.now() >= session.attempt.deadline) finishAttempt(session, true);
  else {
    showQuestion(session, session.attempt.current, false);
    session.main.prepend(h('p', {class: 'lx-note', role: 'status'}, '已恢复上次未完成的作答。'));
  }
  drawHistory(session);
}

function createSession(root, bank, options) {
  const byId = {}, topOf = {};  // every question and sub-question by id; the top-level id of each
  bank.questions.forEach(question => {
    byId[question.id] = question;
    topOf[question.id] = question.id;
    (question.questions || []).forEach(sub => { byId[sub.id] = sub; topOf[sub.id] = question.id; });
  });
  const meter = h('i');
  const session = {
    root, bank, options, byId, topOf, exam: bank.mode === 'exam', trainer: bank.grading === 'trainer', say: speaker(),
    attemptKey: options.key || 'attempt:' + bank.id, historyKey: options.lite ? null : 'history:' + bank.id,
    bar: h('div', {class: 'lx-bar'}), main: h('div', {class: 'lx-main'}), past: h('div', {class: 'lx-hist'}),
    progress: h('span', {class: 'lx-prog'}), meter, gauge: h('span', {class: 'lx-meter', 'aria-hidden': 'true'}, meter),
    sheetBox: h('div', {class: 'lx-sheet', id: uniqueId(), role: 'group', 'aria-label': '答题卡'}),
    attempt: null, timer: 0, sheetOpen: false,
  };
  session.board = {
    get answers() { return session.attempt.answers; },
    get perms() { return session.attempt.optionOrder; },
    set(id, answer) {
      if (!session.attempt.deadline && isUntouched(session.attempt)) session.attempt.startedAt = Date.now();  // 用时 from the first answer
      session.say.clear(true);
      if (answer == null) delete session.attempt.answers[id]; else session.attempt.answers[id] = answer;
      saveAttempt(session);
      drawSheet(session);
    },
    isLocked: () => !!session.attempt.done,
    isShown: id => !session.trainer && (!!session.attempt.done || (!session.exam && session.attempt.checked.includes(topOf[id]))),
    refOf: question => options.ref(question),
  };
  fill(root, session.bar, session.main, session.say.el, session.past);
  return session;
}

const saveAttempt = session => { if (session.attempt && !session.attempt.done) store.set(session.attemptKey, session.attempt); };
const pastAttempts = session => (session.historyKey ? readHistory(session.bank.id) : []);
const partsOf = (session, id) => session.byId[id].questions || [session.byId[id]];
const isFilled = (session, id) => partsOf(session, id).every(q => isComplete(q, session.attempt.answers[q.id]));
const isAllRight = (session, id) => partsOf(session, id).every(q => isRight(q, session.attempt.answers[q.id]));
const stopClock = session => { clearInterval(session.timer); session.timer = 0; };

// A graded answer goes to the 错题本 with its case's scenario and its method link.
function recordAnswer(session, question, right) {
  const parent = session.byId[session.topOf[question.id]], ref = question.ref || parent.ref;
  const source = question.src || {bank: session.bank.id, title: session.bank.title, id: question.id, shuffle: session.bank.shuffleOptions};
  noteAnswer(source, question, right, parent !== question ? parent.scenario : null, ref && (session.options.ref({ref}) || {}).href);
}

function begin(session, focus) {
  stopClock(session);
  session.attempt = null;
  if (session.exam || session.bank.timeLimit) return intro(session, focus);
  session.attempt = freshAttempt(session.bank, session.byId);
  showQuestion(session, 0, focus);
}

// Before an exam or a timed practice: the facts, the profile form, or 作答次数已用完.
function intro(session, focus) {
  const bank = session.bank, exam = session.exam;
  const used = pastAttempts(session).length, left = exam && bank.attempts ? bank.attempts - used : null;
  const head = h('h2', {tabindex: -1}, left != null && left <= 0 ? '作答次数已用完' : exam ? '考前登记' : '开始前');
  fill(session.bar);
  if (left != null && left <= 0) {
    fill(session.main, h('div', {class: 'lx-panel lx-stop'}, head, h('p', {}, `本测验在本机最多作答 ${bank.attempts} 次，你已用完。`
      + '成绩以已交给老师的成绩码为准；如需重考，请联系培训老师。')));
  } else {
    const minutes = bank.timeLimit, limit = minutes && (minutes < 1 ? Math.round(minutes * 60) + ' 秒' : +minutes.toFixed(1) + ' 分钟');
    const facts = [`共 ${drawnCount(bank)} 题`, `${bank.passMark} 分及格`, minutes && `限时 ${limit}，到时自动交卷`,
      left != null && `本机还可作答 ${left} 次（共 ${bank.attempts} 次）`].filter(Boolean);
    fill(session.main, h('div', {class: 'lx-panel'}, head, h('p', {}, facts.join('；') + '。'),
      profileForm(exam ? '开始考试' : '开始练习', exam, (_, entry) => {
        session.attempt = Object.assign(freshAttempt(bank, session.byId), entry);  // the ticket and sitting code, if asked
        saveAttempt(session);
        showQuestion(session, 0, true);
      }, bank)));
  }
  if (focus) head.focus();
}
