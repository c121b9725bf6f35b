/* One question as a card (a case holds its sub-questions as cards).
   board = {answers, perms, set(id, answer), isLocked(id), isShown(id), refOf(question) → {href, label}} */
function questionCard(question, board, label, level = 2, isSub = false) {
  const labelId = uniqueId(), type = TYPES[question.type], shown = board.isShown(question.id);
  const subs = question.questions
    ? question.questions.map((sub, k) => questionCard(sub, board, label + '（' + (k + 1) + '）', level + 1, true)) : [];
  const stem = question.stem ? h('div', {class: 'lx-stem', html: question.stem}) : null;
  const control = {question, answer: board.answers[question.id], set: answer => board.set(question.id, answer),
    perm: board.perms[question.id], locked: shown || board.isLocked(question.id), shown, labelId};
  const body = type.view ? type.view(control, stem) : null, ref = question.ref && board.refOf(question);
  const feedback = shown && answerFeedback(question, type, control, ref);
  return h('section', {class: 'lx-q' + (isSub ? ' lx-sub' : ''), 'aria-labelledby': labelId},
    h('h' + level, {id: labelId, class: 'lx-qh', tabindex: -1}, label + ' ',
      h('small', {}, type.name + (question.questions ? ' · ' + subs.length + ' 小题' : ' · ' + question.points + ' 分'))),
    question.scenario && h('div', {class: 'lx-scenario', html: question.scenario}), stem, body, subs,
    feedback && (feedback.childNodes.length ? feedback : null));
}

// Verdict, key, explanation and the method link, once a question is checked or the attempt is over.
function answerFeedback(question, type, control, ref) {
  const right = type.right && isRight(question, control.answer);
  return h('div', {class: 'lx-fb' + (type.right ? (right ? ' lx-right' : ' lx-wrong') : '')},
    type.right && h('p', {class: 'lx-verdict'}, right ? '✔ 回答正确' : control.answer == null ? '✘ 未作答' : '✘ 回答错误'),
    type.key && h('div', {class: 'lx-answer'}, '正确答案：', type.key(question, control)),
    question.explain && h('div', {class: 'lx-explain', html: question.explain}),
    ref && h('p', {class: 'lx-ref'}, h('a', {href: ref.href}, '查看步骤：' + ref.label)));
}
