/* One question on screen, with the navigation, the answer sheet (答题卡) and the countdown */
function showQuestion(session, index, focus, focusNext) {
  const attempt = session.attempt, exam = session.exam, count = attempt.order.length;
  attempt.current = index = Math.max(0, Math.min(index, count - 1));
  saveAttempt(session);
  session.say.clear(true);  // a message about the last question goes; the clock's warning stays
  const id = attempt.order[index], checked = !exam && attempt.checked.includes(id);
  const next = index < count - 1 ? button('下一题', () => showQuestion(session, index + 1, true), exam || checked ? 'lx-primary' : '')
    : button(exam ? '交卷' : '完成', () => (exam || attempt.order.some(other => !attempt.checked.includes(other))
      ? confirmEnd(session) : finishAttempt(session)), 'lx-primary');
  const middle = exam ? button('标记', event => toggleFlag(session, id, event.target), 'lx-flagbtn', {'aria-pressed': String(attempt.flags.includes(id))})
    : button('确定', () => checkQuestion(session), checked ? '' : 'lx-primary', {disabled: checked});
  const sheetToggle = button(`答题卡`, () => {
    session.sheetOpen = !session.sheetOpen;
    sheetToggle.setAttribute('aria-expanded', String(session.sheetOpen));
    drawSheet(session);
  }, 'lx-sheetbtn', {'aria-expanded': String(session.sheetOpen), 'aria-controls': session.sheetBox.id});
  fill(session.main, questionCard(session.byId[id], session.board, `第 ${index + 1} 题`),
    h('div', {class: 'lx-nav'}, button('上一题', () => showQuestion(session, index - 1, true), '', {disabled: index === 0}), middle, next),
    h('div', {class: 'lx-tools'}, sheetToggle, index < count - 1 && button(exam ? '交卷' : '结束练习', () => confirmEnd(session)),
      !exam && !session.bank.timeLimit && button('重新开始', () => (isUntouched(attempt) ? restart(session) : confirmRestart(session)))),
    session.sheetBox);
  if (!session.timer && attempt.deadline) startClock(session);
  drawSheet(session);
  if (focusNext) next.focus();
  else if (focus) session.main.querySelector('.lx-qh').focus();
}

function toggleFlag(session, id, flagButton) {
  const flags = session.attempt.flags, at = flags.indexOf(id), on = at < 0;
  if (on) flags.push(id); else flags.splice(at, 1);
  flagButton.setAttribute('aria-pressed', String(on));
  saveAttempt(session);
  drawSheet(session);
}

// Practice: 确定 grades the current question, shows the key and records it in the 错题本.
function checkQuestion(session) {
  const attempt = session.attempt, id = attempt.order[attempt.current], parts = partsOf(session, id);
  if (!parts.some(part => attempt.answers[part.id] != null)) return session.say('请先作答，再点“确定”');
  attempt.checked.push(id);
  let rightCount = 0;
  parts.forEach(part => { const right = isRight(part, attempt.answers[part.id]); rightCount += right; recordAnswer(session, part, right); });
  saveAttempt(session);
  showQuestion(session, attempt.current, false, true);
  session.say(parts.length > 1 ? `答对 ${rightCount} / ${parts.length} 小题` : rightCount ? '回答正确' : '回答错误，请看正确答案和解析');
}

// The progress line and meter, and (when open) the answer sheet: one cell per question.
function drawSheet(session) {
  const attempt = session.attempt, exam = session.exam;
  if (!attempt || attempt.done) return;
  const count = attempt.order.length, answered = attempt.order.filter(id => isFilled(session, id)).length;
  if (!session.bar.contains(session.progress)) session.bar.prepend(session.progress, session.gauge);
  session.progress.textContent = `第 ${attempt.current + 1} / ${count} 题 · 已答 ${answered}`;
  session.meter.style.width = (answered / count * 100) + '%';
  session.sheetBox.hidden = !session.sheetOpen;
  if (!session.sheetOpen) return;
  fill(session.sheetBox, attempt.order.map((id, k) => {
    const flagged = attempt.flags.includes(id), filled = isFilled(session, id), checked = !exam && attempt.checked.includes(id);
    const state = [checked ? (isAllRight(session, id) ? '答对' : '答错') : filled ? '已答' : '未答', flagged && '已标记'].filter(Boolean).join('，');
    return button(String(k + 1), () => showQuestion(session, k, true), 'lx-cell' + (filled ? ' lx-done' : '') + (flagged ? ' lx-flag' : '')
      + (checked ? (isAllRight(session, id) ? ' lx-ok' : ' lx-bad') : ''),
    {'aria-label': `第 ${k + 1} 题：${state}`, 'aria-current': k === attempt.current ? 'step' : null});
  }), h('p', {class: 'lx-legend'}, exam ? '深色：已答；⚑：已标记' : '绿：答对；红：答错；深色：已答未核对'));
}

// The countdown: warnings at 5 and 1 minutes left, then the attempt is finished automatically. A warning shows
// under the bar, not in it (a sticky bar that grows covers the question); the sticky clock turns red instead.
function startClock(session) {
  const display = clockDisplay(session);
  let warned = 0;
  const tick = () => {
    const left = secondsLeft(session.attempt, Date.now()), mark = left <= 60 ? 1 : left <= 300 ? 5 : 0;
    display.textContent = '剩余 ' + clockText(left);
    display.classList.toggle('lx-urgent', left <= 300);
    if (mark && mark !== warned && left > 0) { warned = mark; session.say(`剩余时间不足 ${mark} 分钟，到时将自动交卷`, session.bar); }
    if (left <= 0) finishAttempt(session, true);
  };
  session.timer = setInterval(tick, 500);
  tick();
}

// 确认交卷 / 结束练习, with the questions not yet answered.
function confirmEnd(session) {
  const attempt = session.attempt, exam = session.exam;
  const missing = attempt.order.map((id, k) => (isFilled(session, id) ? 0 : k + 1)).filter(Boolean);
  const head = h('h2', {tabindex: -1}, exam ? '确认交卷' : '结束练习');
  const list = missing.length > 20 ? missing.slice(0, 20).join('、') + ' 等' : missing.join('、');
  fill(session.main, h('div', {class: 'lx-panel', role: 'region', 'aria-label': '确认'}, head,
    h('p', {}, missing.length ? `还有 ${missing.length} 题未答完（第 ${list} 题）。` : '全部题目都已作答。',
      exam ? '交卷后不能再修改答案。' : '未作答的题按答错计。'),
    h('div', {class: 'lx-nav'}, button('返回检查', () => showQuestion(session, attempt.current, true)),
      button(exam ? '确定交卷' : '结束并评分', () => finishAttempt(session), 'lx-primary'))));
  head.focus();
}

// The bar's countdown and, in a timed practice (never an exam), its 暂停 / 继续 button.
function clockDisplay(session) {
  const display = h('span', {class: 'lx-timer', role: 'timer'}), paused = !!session.attempt.pausedAt;
  session.bar.querySelectorAll('.lx-timer, .lx-pausebtn').forEach(old => old.remove());
  session.bar.append(display);
  if (!session.exam) session.bar.append(button(paused ? '继续' : '暂停', () => (paused ? resume(session) : pause(session)), 'lx-pausebtn'));
  return display;
}
