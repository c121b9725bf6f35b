/* The roll-call code (LA1) and the evaluation code (LE1): generator/rotation/short_code.py,
   rollcall_code.py and evaluation_code.py define them and decode them. Built from the LX2
   code's parts (quiz/52-result-code.js: the bit writer, HMAC-SHA512, the alphabet and the
   check symbol), with the MAC last: HMAC(key, prefix + the bytes of every bit before it)[:8]. */
const EVALUATION_KEY = 'lunxun:evaluation';
const ROLLCALL_KEY = 'lunxun:roll-call';
const ROLL_MARKS = ['到', '迟到', '早退', '请假', '缺勤'];

function sealShortCode(prefix, body, key) {
  const padded = new Lx2Bits();
  padded.append(body);
  padded.uint(0, (5 - (body.bits.length + 64) % 5) % 5);
  const message = new Uint8Array(Array.from(new TextEncoder().encode(prefix)).concat(padded.chunks(8)));
  const mac = lx2HmacSha512(new TextEncoder().encode(key), message).slice(0, 8);
  const whole = new Lx2Bits();
  whole.append(padded);
  mac.forEach(byte => whole.uint(byte, 8));
  const symbols = whole.chunks(5);
  return prefix + symbols.map(s => LX2_ALPHABET[s]).join('') + LX2_ALPHABET[lx2CheckSymbol(symbols)];
}

// A lone surrogate (a broken paste) would make a character Python refuses: it becomes U+FFFD.
const wellFormed = text => Array.from(text, char => {
  const point = char.codePointAt(0);
  return point >= 0xD800 && point < 0xE000 ? '\uFFFD' : char;
});

/* evaluation = {cohortTag, scheduleTag, minutes, ratings: [[内容, 授课, 实用], …] (0 not rated),
   overall, comment, key (the ticket's key text, or absent)}. */
function makeEvaluationCode(evaluation) {
  const body = new Lx2Bits();
  body.uint(1, 4);
  body.uint(evaluation.key ? 1 : 0, 1);
  [evaluation.cohortTag, evaluation.scheduleTag, evaluation.minutes].forEach(value => body.uint(value, 32));
  body.varuint(evaluation.ratings.length);
  evaluation.ratings.forEach(triple => triple.forEach(score => body.uint(score, 3)));
  body.uint(evaluation.overall, 3);
  body.text(wellFormed(evaluation.comment || '').slice(0, evaluation.maxComment || 300).join(''));
  return sealShortCode('LE1', body, evaluation.key || EVALUATION_KEY);
}

/* rollCall = {cohortTag, scheduleTag, minutes, seats, marks: {session number: {seat: 1–5}}}:
   1–5 index ROLL_MARKS from 1; a seat left out is not marked. */
function makeRollCallCode(rollCall) {
  const body = new Lx2Bits();
  body.uint(1, 4);
  [rollCall.cohortTag, rollCall.scheduleTag, rollCall.minutes].forEach(value => body.uint(value, 32));
  body.varuint(rollCall.seats);
  const sessions = Object.keys(rollCall.marks).map(Number).sort((a, b) => a - b);
  body.varuint(sessions.length);
  for (const session of sessions) {
    body.varuint(session);
    for (let seat = 1; seat <= rollCall.seats; seat++) body.uint(rollCall.marks[session][seat] || 0, 3);
  }
  return sealShortCode('LA1', body, ROLLCALL_KEY);
}
