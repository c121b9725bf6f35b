/* Finishing an attempt: score it, make the result code, keep it in "history:<bank>", show the result */
function finishAttempt(session, automatic) {
  stopClock(session);
  const attempt = session.attempt, bank = session.bank, now = Date.now();
  const scored = scoreAttempt(session.byId, attempt.order, attempt.answers, !session.trainer);
  if (!session.trainer) attempt.order.forEach(id => partsOf(session, id).forEach(question => {
    const answer = attempt.answers[question.id];  // practice: what was checked is already recorded
    if (session.exam || (answer != null && !attempt.checked.includes(id))) recordAnswer(session, question, scored.correct[question.id] === 1);
  }));
  const profile = readProfile(), result = resultPayload(bank, attempt, scored, profile, now), passed = result.ok === 1;
  const code = session.historyKey ? examCodeFor(bank, attempt, scored, profile, now, session.byId) : '';
  if (session.historyKey) {
    store.set(session.historyKey, pastAttempts(session).concat([Object.assign({finishedAt: now, score: result.sc, passed,
      points: result.p, max: result.m, seconds: result.t, seed: attempt.seed, code}, passed && !session.trainer ? {cert: certOf(session, profile)} : {})]));
  }
  if (session.trainer && session.historyKey) keepForReview(session, attempt);  // 67-review.js
  store.del(session.attemptKey);
  attempt.done = true;
  showResults(session, result, code, automatic, profile);
  drawHistory(session);
  // for hosts such as the SCORM adapter, which report the result to an LMS
  document.dispatchEvent(new CustomEvent('lunxun:finished', {detail: {bank: bank.id, score: result.sc, passed,
    points: result.p, max: result.m, seconds: result.t, code}}));
}

function showResults(session, result, code, automatic, profile) {
  const attempt = session.attempt, bank = session.bank, exam = session.exam, lite = session.options.lite;
  fill(session.bar);
  const headId = uniqueId(), tally = questionTally(session.byId, attempt.order, result.r), rightCount = `${tally.right} / ${tally.total} 题`;
  const anchor = k => headId + '-' + k, used = pastAttempts(session).length;
  if (session.trainer) return showSubmitted(session, result, code, automatic, profile, again(session, used));
  const retake = again(session, used);
  const finishedDay = dayText(result.f * 1000);
  const head = h('h2', {id: headId, tabindex: -1}, lite ? '答对 ' + rightCount : `${result.sc} 分 · ${result.ok ? '合格' : '不合格'}`);
  fill(session.main, h('section', {class: 'lx-result ' + (result.ok ? 'lx-pass' : 'lx-fail'), 'aria-labelledby': headId}, head,
    automatic && h('p', {class: 'lx-note', role: 'status'}, '时间到，系统已自动交卷。'),
    h('dl', {class: 'lx-facts'}, [!lite && ['得分', `${result.p} / ${result.m} 分（${result.sc} 分）`], !lite && ['及格线', bank.passMark + ' 分'],
      ['用时', durationText(result.t)], ['答对', rightCount + (tally.partial ? `，部分答对 ${tally.partial} 题` : '')]].filter(Boolean)
      .map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    h('ol', {class: 'lx-sheet lx-marks', 'aria-label': '逐题结果'}, attempt.order.map((id, k) => {
      const right = isAllRight(session, id), some = partsOf(session, id).some(q => result.r[q.id]);
      return h('li', {}, h('a', {href: '#' + anchor(k), class: 'lx-cell ' + (right ? 'lx-ok' : some ? 'lx-part' : 'lx-bad'),
        'aria-label': `第 ${k + 1} 题：${right ? '答对' : some ? '部分答对' : '答错'}`}, k + 1));
    })),
    code && codeBox(code, session.say),
    code && h('p', {class: 'lx-note'}, profile.name ? `成绩码含有姓名“${profile.name}”和本次作答，老师用它登记成绩。` : '提示：成绩码未含姓名，交给老师时请注明。'),
    code && result.ok === 1 && certificate(certOf(session, profile), result.sc, result.f * 1000),
    h('div', {class: 'lx-tools'},
      code && button('下载作答记录', event => downloadJson(`lunxun-${bank.id}-${finishedDay}.json`,
        Object.assign({title: bank.title, code, startedAt: attempt.startedAt}, result), event.currentTarget)),
      retake && button(exam ? '再考一次' : '再练一次', () => begin(session.live || session, true)),  // live: a review's session (67-review.js)
      !session.root.dataset.standalone && h('a', {href: pageUrl('quizzes/cuotiben'), class: 'lx-button'}, '打开错题本')),
    h('h3', {}, '逐题回顾'),
    attempt.order.map((id, k) => {
      const card = questionCard(session.byId[id], session.board, `第 ${k + 1} 题`, 4);
      card.id = anchor(k);
      return card;
    })));
  head.focus();
}

// What the code of a trainer-graded exam says about who sent it.
const submittedNote = (ticket, name) => (ticket ? `成绩码含有准考证号“${ticket}”和你的作答（不含分数），用准考证签了名，请发给培训老师。`
  : name ? `成绩码含有姓名“${name}”和你的作答（不含分数），请发给培训老师。` : '提示：成绩码未含姓名，交给老师时请注明。');

// A trainer-graded exam the programme credits with 学时 (data-hours): the page cannot know the pass,
// so it says the 学时 count once the trainer's grading confirms it (lunxun results, then the ledger).
const hoursNote = session => session.root.dataset.hours && h('p', {class: 'lx-note lx-hours-note'},
  `本考试合格计 ${session.root.dataset.hours} 学时：培训老师评定成绩、确认合格后计入学时，以老师的成绩表为准。`);

const again = (session, used) => !(session.exam && session.bank.attempts && used >= session.bank.attempts);

// A trainer-graded exam after 交卷: what was answered and the code; no marks, no score (the page has no key),
// and the field for the unlock code; once the trainer has released the answers, the review instead.
function showSubmitted(session, result, code, automatic, profile, retake) {
  const latest = pastAttempts(session).slice(-1)[0];
  if (showReview(session, latest, automatic)) return;
  const attempt = session.attempt, headId = uniqueId();
  const head = h('h2', {id: headId, tabindex: -1}, '已交卷');
  const answered = attempt.order.filter(id => isFilled(session, id)).length;
  fill(session.main, h('section', {class: 'lx-result', 'aria-labelledby': headId}, head,
    automatic && h('p', {class: 'lx-note', role: 'status'}, '时间到，系统已自动交卷。'),
    h('p', {class: 'lx-verdict'}, '成绩由培训老师统一评定'),
    h('dl', {class: 'lx-facts'}, [['用时', durationText(result.t)], ['已答', `${answered} / ${attempt.order.length} 题`]]
      .map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    codeBox(code, session.say),
    h('p', {class: 'lx-note'}, submittedNote(signingOf(attempt).ticket, profile.name)),
    hoursNote(session),
    h('div', {class: 'lx-tools'}, retake && button('再考一次', () => begin(session, true))),
    reviewPart(session, latest),
    h('h3', {}, '我的作答'),
    attempt.order.map((id, k) => questionCard(session.byId[id], session.board, `第 ${k + 1} 题`, 4))));
  head.focus();
}

// 本机作答记录: every finished attempt on this device, newest first, each with its code and its certificate.
function drawHistory(session) {
  const past = pastAttempts(session);
  fill(session.past, ...(past.length ? [h('h2', {}, '本机作答记录'), h('ul', {class: 'lx-past'},
    past.map((entry, k) => h('li', {}, h('details', {}, h('summary', {},
      `第 ${k + 1} 次 · ${stampText(entry.finishedAt)} · ${session.trainer ? '待老师评定' : entry.score + ' 分 · ' + (entry.passed ? '合格' : '不合格')} · 用时 ${durationText(entry.seconds)}`
      + (entry.cert && !session.trainer ? ' · 合格证明' : '')),
    entry.code && codeBox(entry.code, session.say), session.trainer && reviewPart(session, entry),
    entry.cert && !session.trainer && certificate(entry.cert, entry.score, entry.finishedAt)))).reverse())] : []));
}
