/* The released review of a trainer-graded exam. Its page carries the key sealed (bank.sealed:
   base64 nonce and box, see generator/grading/unlock.py); the trainer announces the unlock code
   (解锁码, 13 Crockford base32 symbols) after the sitting, and the box key is the SHA-512 of it
   with the bank and version. Opened, the key is {id: {answer, explain, order}} (order: the
   shipped order of order items or match right sides), and the trainee's attempt is shown as a
   browser-graded exam shows it, its wrong answers entering the 错题本.
   "unlock:<bank>": {version, code}, the code that opened this version on this device. */

// What was typed, read forgivingly: width, case and separators do not matter, I/L read as 1, O as 0.
function normaliseUnlock(text) {
  const code = String(text).normalize('NFKC').replace(/[^0-9A-Za-z]/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
  return code.length === 13 && [...code].every(symbol => LX2_ALPHABET.includes(symbol)) ? code : null;
}

const fromBase64 = text => Uint8Array.from(atob(text), char => char.charCodeAt(0));

// The sealed key opened with a normalised code, or null (wrong code, another version, nothing sealed).
function openKey(bank, code) {
  if (!bank.sealed || !code) return null;
  const key = lx2Sha512(new TextEncoder().encode(`lunxun:unlock:v1\n${bank.id}\n${bank.version}\n${code}`)).slice(0, 32);
  try {
    const plain = secretboxOpen(fromBase64(bank.sealed.box), fromBase64(bank.sealed.nonce), key);
    return plain && JSON.parse(new TextDecoder().decode(plain));
  } catch (error) { return null; }  // a page whose sealed data was mangled
}

const cleanUnlock = saved => (isMap(saved) && typeof saved.version === 'string' && normaliseUnlock(saved.code) === saved.code ? saved : undefined);
// The key of this bank version if this device holds its code (cached on the session).
function releasedKey(session) {
  if (session.released === undefined) {
    const saved = store.get('unlock:' + session.bank.id, cleanUnlock, null);
    session.released = saved && saved.version === session.bank.version ? openKey(session.bank, saved.code) : null;
  }
  return session.released;
}

// A shipped question with its key: items and pairs back in their authored order, as a browser-graded bank has them.
function keyedQuestion(question, keys) {
  const key = keys[question.id] || {}, keyed = Object.assign({}, question, {answer: key.answer, explain: key.explain || ''});
  if (question.type === 'blank') delete keyed.blanks;
  if (question.type === 'order') keyed.items = question.items.map((_, k) => question.items[key.order.indexOf(k)]);
  if (question.type === 'match') keyed.pairs = question.pairs.map((pair, k) => [pair[0], question.pairs[key.order.indexOf(k)][1]]);
  if (question.questions) keyed.questions = question.questions.map(sub => keyedQuestion(sub, keys));
  return keyed;
}

// Responses and display orders of order and match questions, from shipped indexes to authored ones.
function authoredAttempt(entry, byId, keys) {
  const answers = {}, perms = {}, toAuthored = (id, list) => (list && keys[id] && keys[id].order && /order|match/.test(byId[id].type)
    ? list.map(x => (x == null ? null : keys[id].order[x])) : list);
  Object.keys(entry.answers).forEach(id => { answers[id] = toAuthored(id, entry.answers[id]); });
  Object.keys(entry.optionOrder).forEach(id => { perms[id] = toAuthored(id, entry.optionOrder[id]); });
  return Object.assign({}, entry, {answers, optionOrder: perms, checked: [], done: true});
}

// A finished attempt kept for review ("history:<bank>" entry), checked against this bank version; null if unusable.
function reviewable(session, entry) {
  const attempt = entry && entry.version === session.bank.version && entry.order
    && attemptCleaner(session.bank, session.byId, session.topOf)(Object.assign({}, entry, {flags: [], checked: []}));
  return attempt || null;
}

/* The review, as showResults shows a browser-graded exam, on a view of the session with the
   keyed bank (the session itself keeps the shipped bank: a new attempt is still trainer-graded).
   The wrong answers enter the 错题本 once per attempt (entry.reviewed). */
function showReview(session, entry, automatic) {
  const keys = releasedKey(session), shipped = reviewable(session, entry);
  if (!keys || !shipped) return false;
  const bank = Object.assign({}, session.bank, {questions: session.bank.questions.map(q => keyedQuestion(q, keys))});
  delete bank.sealed;
  const byId = {};
  bank.questions.forEach(q => [q, ...(q.questions || [])].forEach(part => { byId[part.id] = part; }));
  const attempt = authoredAttempt(shipped, byId, keys);
  const view = Object.assign({}, session, {bank, byId, attempt, trainer: false, live: session});
  view.board = {answers: attempt.answers, perms: attempt.optionOrder, set() {}, isLocked: () => true, isShown: () => true,
    refOf: session.board.refOf};
  const scored = scoreAttempt(byId, attempt.order, attempt.answers);
  const result = Object.assign(resultPayload(bank, attempt, scored, readProfile(), entry.finishedAt),
    {t: entry.seconds, f: Math.floor(entry.finishedAt / 1000)});
  const past = pastAttempts(session), stored = past.find(one => one.finishedAt === entry.finishedAt && one.seed === entry.seed);
  if (stored && !stored.reviewed) {  // as stored now: a button drawn earlier holds an older copy of the entry
    attempt.order.forEach(id => partsOf(view, id).forEach(q => recordAnswer(view, q, scored.correct[q.id] === 1)));
    stored.reviewed = true;
    store.set(session.historyKey, past);
  }
  showResults(view, result, entry.code, automatic, readProfile());
  const box = session.main.querySelector('.lx-result');
  box.querySelectorAll('.lx-certbox').forEach(node => node.remove());  // the grade is the trainer's, not this one
  box.querySelector('h2').after(h('p', {class: 'lx-note'}, '培训老师已公布答案：以下得分按本机保存的作答计算，仅供对照，成绩以老师评定为准。'));
  return true;
}

// 「输入解锁码查看答案」 for one finished attempt; the right code is kept, and the review replaces the page.
function unlockForm(session, entry) {
  const id = uniqueId(), error = h('p', {class: 'lx-err', role: 'alert'});
  return h('form', {class: 'lx-unlock', novalidate: true, onsubmit: event => {
    event.preventDefault();
    const input = event.target.elements.namedItem('lx-unlock'), code = normaliseUnlock(input.value);
    const keys = openKey(session.bank, code);
    input.setAttribute('aria-invalid', !keys);
    if (!keys) {
      error.textContent = code ? '解锁码不对：请核对培训老师公布的解锁码（每次考试、每版题库各不相同）。'
        : '解锁码是 13 位字母和数字，形如 ABCD-EFGH-JKMNP，请核对后重新输入。';
      return input.focus();
    }
    store.set('unlock:' + session.bank.id, {version: session.bank.version, code});
    session.released = keys;
    showReview(session, entry, false);
    drawHistory(session);
  }}, h('p', {class: 'lx-field'}, h('label', {for: id}, '输入解锁码查看答案'),
    h('input', {id, type: 'text', name: 'lx-unlock', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters',
      placeholder: 'XXXX-XXXX-XXXXX'})),
  h('p', {class: 'lx-note'}, '考试结束后，培训老师会公布解锁码；输入后可查看答案、解析和得分，答错的题进入错题本。'),
  error, h('button', {type: 'submit', class: 'lx-primary'}, '查看答案'));
}

// Under an attempt in 本机作答记录 (and after 交卷): the review's button once unlocked, else the form.
function reviewPart(session, entry) {
  if (!session.bank.sealed) return null;
  if (!reviewable(session, entry)) return h('p', {class: 'lx-note'}, '这次作答的题库已更新（或记录不全），不能在本机查看答案。');
  return releasedKey(session) ? button('查看答案与解析', () => showReview(session, entry, false)) : unlockForm(session, entry);
}

// Opening the page with no attempt under way: once unlocked, the latest attempt's review is shown (a reload keeps it).
const reopenReview = session => session.trainer && !!releasedKey(session) && showReview(session, pastAttempts(session).slice(-1)[0], false);

// A trainer-graded attempt just finished: its history entry (the latest) keeps what its review needs.
function keepForReview(session, attempt) {
  const past = pastAttempts(session);
  Object.assign(past[past.length - 1], {version: session.bank.version, order: attempt.order, optionOrder: attempt.optionOrder,
    answers: attempt.answers, startedAt: attempt.startedAt, deadline: attempt.deadline});
  store.set(session.historyKey, past);
}
