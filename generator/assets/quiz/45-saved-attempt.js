/* Stored values of the quiz engine, checked on read (shared/storage.js sets aside what is broken).
   An attempt under way keeps what can be kept: answers of the wrong shape, unknown flags and a
   wrong position are dropped or reset, so a trainee resumes with everything else; an attempt
   whose draw cannot be reproduced (seed, order, shuffles or start time missing or wrong) is
   unusable and the trainee starts afresh. */
const isPermutation = (perm, size) => Array.isArray(perm) && perm.length === size
  && perm.every(i => isIndex(i, size)) && new Set(perm).size === size;
const permSize = question => (question.options || question.items || question.pairs || []).length;

// The check for one bank's attempt; an attempt of another bank version is returned as is (the caller drops it).
const attemptCleaner = (bank, byId, topOf) => saved => {
  if (!isMap(saved)) return undefined;
  if (saved.version !== bank.version) return saved;
  const order = saved.order, perms = saved.optionOrder;
  if (!isIndex(saved.seed, 4294967296) || !isNumber(saved.startedAt) || !isMap(perms) || !Array.isArray(order) || !order.length
    || new Set(order).size !== order.length || !order.every(id => typeof id === 'string' && byId[id] && topOf[id] === id)) return undefined;
  const presented = order.reduce((all, id) => all.concat([byId[id]], byId[id].questions || []), []);
  if (!presented.every(question => !TYPES[question.type].perm || isPermutation(perms[question.id], permSize(question)))) return undefined;
  const answers = {}, shown = new Set(presented.map(question => question.id));
  Object.entries(isMap(saved.answers) ? saved.answers : {}).forEach(([id, answer]) => {  // in the order answered
    const type = shown.has(id) && TYPES[byId[id].type];
    if (type && type.answerFits && answer != null && type.answerFits(byId[id], answer)) answers[id] = answer;
  });
  const listed = list => (Array.isArray(list) ? list.filter((id, k) => order.includes(id) && list.indexOf(id) === k) : []);
  const deadline = bank.timeLimit ? numberOr(saved.deadline, saved.startedAt + Math.round(bank.timeLimit * 60000)) : null;
  const pausedAt = deadline && bank.mode !== 'exam' && isNumber(saved.pausedAt) ? saved.pausedAt : undefined;  // exams never pause
  return Object.assign({}, saved, {answers, flags: listed(saved.flags), checked: listed(saved.checked),
    current: isIndex(saved.current, order.length) ? saved.current : 0, deadline, pausedAt});
};

// Nothing answered or checked yet: an untimed practice's 用时 starts with its first answer, not when the page opened.
const isUntouched = attempt => !Object.keys(attempt.answers).length && !attempt.checked.length;
// Seconds left on a timed attempt's clock; a paused clock (pausedAt: when 暂停 was pressed) stands still.
const secondsLeft = (attempt, now) => Math.max(0, Math.ceil((attempt.deadline - (attempt.pausedAt || now)) / 1000));

// "profile": {name, unit, id}, the trainee's own entries for the result code and the certificate.
const cleanProfile = saved => (isMap(saved)
  ? Object.assign({}, saved, {name: stringOr(saved.name, ''), unit: stringOr(saved.unit, ''), id: stringOr(saved.id, '')}) : undefined);
const readProfile = () => store.get('profile', cleanProfile, {});
