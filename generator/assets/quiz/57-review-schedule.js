/* Spaced review (错题本, 每日一练) with FSRS-6, the open-spaced-repetition scheduler: the default
   parameters and formulas of its reference implementation py-fsrs 6.3.2 (tests/assets/test_fsrs_reference.py
   replays review histories through both). A right answer is the grade Good, a wrong one Again.
   Reviews are counted in whole days with no minute-long learning steps and no fuzz (py-fsrs with
   learning_steps=(), relearning_steps=(), enable_fuzzing=False), so one history gives one due date
   on every phone. Desired retention 0.9: the next review falls when recall is predicted to drop to 90%. */
const FSRS_W = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
  0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];
const FSRS_DECAY = -FSRS_W[20], FSRS_FACTOR = 0.9 ** (1 / FSRS_DECAY) - 1, DAY_MS = 86400000;
const AGAIN = 1, GOOD = 3;
// A question leaves the 错题本 once its next review is this many days away: remembered for half a month.
const MASTERED_DAYS = 15;

const fsrsDifficulty = d => Math.min(Math.max(d, 1), 10);
const fsrsStability = s => Math.max(s, 0.001);
const fsrsFirstDifficulty = grade => FSRS_W[4] - Math.exp(FSRS_W[5] * (grade - 1)) + 1;
// Python's round(): halves go to the even neighbour (Math.round would send them up)
const roundHalfEven = x => { const r = Math.round(x); return Math.abs(x % 1) === 0.5 && r % 2 ? r - 1 : r; };
const fsrsInterval = s => Math.min(Math.max(roundHalfEven((s / FSRS_FACTOR) * (0.9 ** (1 / FSRS_DECAY) - 1)), 1), 36500);
const recallChance = (card, now) => (1 + FSRS_FACTOR * Math.max(0, Math.floor((now - card.last) / DAY_MS)) / card.s) ** FSRS_DECAY;

function nextStability(card, grade, now) {
  const {s, d} = card;
  if (now - card.last < DAY_MS) {  // again on the same day: the short-term formula
    const growth = Math.exp(FSRS_W[17] * (grade - 3 + FSRS_W[18])) * s ** -FSRS_W[19];
    return fsrsStability(s * (grade > AGAIN ? Math.max(growth, 1) : growth));
  }
  const r = recallChance(card, now);
  if (grade === AGAIN) {
    return fsrsStability(Math.min(FSRS_W[11] * d ** -FSRS_W[12] * ((s + 1) ** FSRS_W[13] - 1) * Math.exp((1 - r) * FSRS_W[14]),
      s / Math.exp(FSRS_W[17] * FSRS_W[18])));
  }
  return fsrsStability(s * (1 + Math.exp(FSRS_W[8]) * (11 - d) * s ** -FSRS_W[9] * (Math.exp((1 - r) * FSRS_W[10]) - 1)));
}

/* card = {s: stability (days), d: difficulty (1–10), last, due (ms)} or null before the first review */
function reviewCard(card, right, now) {
  const grade = right ? GOOD : AGAIN;
  let s, d;
  if (!card) {
    s = fsrsStability(FSRS_W[grade - 1]);
    d = fsrsDifficulty(fsrsFirstDifficulty(grade));
  } else {
    s = nextStability(card, grade, now);
    const step = -FSRS_W[6] * (grade - 3), damped = card.d + (10 - card.d) * step / 9;
    d = fsrsDifficulty(FSRS_W[7] * fsrsFirstDifficulty(4) + (1 - FSRS_W[7]) * damped);
  }
  return {s, d, last: now, due: now + fsrsInterval(s) * DAY_MS};
}

const isCard = card => isMap(card) && [card.s, card.d, card.last, card.due].every(Number.isFinite)
  && card.s > 0 && card.d >= 1 && card.d <= 10 && card.due >= card.last;
const isMastered = card => card.due - card.last >= MASTERED_DAYS * DAY_MS;
