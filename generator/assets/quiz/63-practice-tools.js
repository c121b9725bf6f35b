/* What only a practice has (an exam page's engine, quiz-exam.js, leaves this section out):
   暂停 / 继续 of a timed practice, and 重新开始's question. */
// 暂停: the clock stops and the question is hidden (no reading ahead on stopped time); a reload keeps it paused.
function pause(session) {
  stopClock(session);
  session.attempt.pausedAt = Date.now();
  saveAttempt(session);
  showPaused(session, true);
}

function showPaused(session, focus) {
  const attempt = session.attempt, head = h('h2', {tabindex: -1}, '练习已暂停');
  clockDisplay(session).textContent = '已暂停 · 剩余 ' + clockText(secondsLeft(attempt, Date.now()));
  session.say.clear();
  fill(session.main, h('div', {class: 'lx-panel', role: 'region', 'aria-label': '已暂停'}, head,
    h('p', {}, '计时已停止，题目暂时隐藏，已答的题都保留着。'), button('继续练习', () => resume(session), 'lx-primary lx-wide')));
  drawSheet(session);
  if (focus) head.focus();
}

// 继续 after 暂停: the start and the deadline move on by the pause, so the time used, and the result
// code's start and finish, count only the time spent answering (regrading flags codes over the limit).
function resumedAttempt(attempt, now) {
  const gap = Math.max(0, now - attempt.pausedAt), resumed = Object.assign({}, attempt, {startedAt: attempt.startedAt + gap, deadline: attempt.deadline + gap});
  delete resumed.pausedAt;
  return resumed;
}

function resume(session) {
  session.attempt = resumedAttempt(session.attempt, Date.now());
  saveAttempt(session);
  showQuestion(session, session.attempt.current, true);
}

// 重新开始 asks first when something has been answered: the answers and checks of this attempt would be lost.
function confirmRestart(session) {
  const attempt = session.attempt, answered = attempt.order.filter(id => isFilled(session, id)).length;
  const head = h('h2', {tabindex: -1}, '重新开始？');
  fill(session.main, h('div', {class: 'lx-panel', role: 'region', 'aria-label': '确认重新开始'}, head,
    h('p', {}, `已答 ${answered} / ${attempt.order.length} 题。重新开始会清空本次的全部作答。`),
    h('div', {class: 'lx-nav'}, button('取消', () => showQuestion(session, attempt.current, true)),
      button('清空并重新开始', () => restart(session), 'lx-danger'))));
  head.focus();
}

const restart = session => { store.del(session.attemptKey); begin(session, true); };
