/* The draw: which questions an attempt presents, in which order, with which shuffles, all from
   its seed (generator/grading/prng.py computes the same from a result code's seed). */
// Whether a question fills a blueprint quota: ref "ting" also takes "ting#…", other fields must match.
const fitsQuota = (quota, question) => (!quota.ref || question.ref === quota.ref
    || (!quota.ref.includes('#') && (question.ref || '').startsWith(quota.ref + '#')))
  && (!quota.difficulty || question.difficulty === quota.difficulty) && (!quota.type || question.type === quota.type)
  && (!quota.tag || (question.tags || []).includes(quota.tag));

// The presented top-level ids: blueprint quotas first, then the rest up to `draw`.
function drawQuestions(bank, random) {
  const all = bank.questions, blueprint = bank.blueprint || [], chosen = [];
  blueprint.forEach(quota => chosen.push(...shuffle(all.filter(question => !chosen.includes(question) && fitsQuota(quota, question)), random).slice(0, quota.count)));
  const wanted = bank.draw || (blueprint.length ? blueprint.reduce((n, quota) => n + quota.count, 0) : all.length);
  chosen.push(...shuffle(all.filter(question => !chosen.includes(question)), random).slice(0, Math.max(0, wanted - chosen.length)));
  return (bank.shuffleQuestions ? shuffle(chosen, random) : all.filter(question => chosen.includes(question))).map(question => question.id);
}
const drawnCount = bank => bank.draw || (bank.blueprint || []).reduce((n, quota) => n + quota.count, 0) || bank.questions.length;

// The seed's draw and each presented question's display order (cases: their sub-questions too).
function presentation(bank, byId, seed) {
  const random = mulberry32(seed), order = drawQuestions(bank, random), perms = {};
  order.forEach(id => [byId[id], ...(byId[id].questions || [])].forEach(question => {
    if (TYPES[question.type].perm) perms[question.id] = TYPES[question.type].perm(question, random, bank.shuffleOptions);
  }));
  return {order, perms};
}

/* An attempt, as kept under "attempt:<bank>" (每日一练: "daily") while it is under way:
   {version, seed, order, optionOrder, answers, flags, current, startedAt, deadline, checked}
   (`checked`: practice questions already checked; a paused timed practice also has `pausedAt`, 45-saved-attempt.js). */
function freshAttempt(bank, byId) {
  const seed = newSeed(), {order, perms} = presentation(bank, byId, seed), now = Date.now();
  return {version: bank.version, seed, order, optionOrder: perms, answers: {}, flags: [], current: 0,
    startedAt: now, deadline: bank.timeLimit ? now + Math.round(bank.timeLimit * 60000) : null, checked: []};
}
