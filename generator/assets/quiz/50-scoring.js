/* Scoring a finished attempt: what the result code carries besides the identity.
   ids: presented ids (a case id, then its sub-question ids); answers: the given answers by id;
   correct: 1/0 by gradable id; points, max (2 decimals); score: percent with one decimal. */
function scoreAttempt(byId, order, givenAnswers, graded = true) {
  const ids = [], answers = {}, correct = {};
  let points = 0, max = 0;
  order.forEach(id => {
    if (byId[id].questions) ids.push(id);
    (byId[id].questions || [byId[id]]).forEach(question => {
      const answer = givenAnswers[question.id], right = graded && isRight(question, answer);
      ids.push(question.id);
      correct[question.id] = +right;
      if (answer != null) answers[question.id] = answer;
      max += question.points;
      if (right) points += question.points;
    });
  });
  points = Math.round(points * 100) / 100;
  max = Math.round(max * 100) / 100;
  return {ids, answers, correct, points, max, score: max ? Math.round(points / max * 1000) / 10 : 0};
}

/* One count everywhere: a question is what the answer sheet shows as one cell (a case with its
   sub-questions is one), as in the progress bar, 共 N 题 and the unanswered warning. A case is
   right when all its sub-questions are, partly right when some are. correct: 1/0 by gradable id. */
function questionTally(byId, order, correct) {
  const tally = {total: order.length, right: 0, partial: 0};
  order.forEach(id => {
    const marks = (byId[id].questions || [byId[id]]).map(question => correct[question.id] === 1);
    if (marks.every(Boolean)) tally.right++; else if (marks.some(Boolean)) tally.partial++;
  });
  return tally;
}

// The result code's payload (short keys: generator/results/code.py lists them); key order is part of the code.
function resultPayload(bank, attempt, scored, profile, now) {
  const seconds = Math.max(0, Math.round((Math.min(now, attempt.deadline || now) - attempt.startedAt) / 1000));
  return {v: 1, b: bank.id, bv: bank.version, s: attempt.seed, n: profile.name || '', u: profile.unit || '', i: profile.id || '',
    q: scored.ids, a: scored.answers, r: scored.correct, p: scored.points, m: scored.max, sc: scored.score,
    ok: +(scored.score >= bank.passMark), t: seconds, f: Math.floor(now / 1000)};
}
