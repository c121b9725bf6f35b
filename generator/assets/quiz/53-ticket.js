/* 准考证 (ticket): what a trainee types, read as generator/results/tickets.py reads it, and the key
   their code is signed with. normaliseSecret and ticketKey are normalise_secret and ticket_key;
   tests/data/ticket_cases.json holds both sides to the same results. */
// Python's whitespace (str.isspace, re's \s): JavaScript's \s and trim() differ (U+FEFF in, U+001C–U+001F and U+0085 out).
const TICKET_SPACE = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const TICKET_GAPS = new RegExp(`[${TICKET_SPACE}\\-_·.]`, 'g');
const TICKET_EDGES = new RegExp(`^[${TICKET_SPACE}]+|[${TICKET_SPACE}]+$`, 'g');
const TICKET_SECRET = /^[0-9A-HJKMNP-TV-Z]{10}$/;  // ten Crockford symbols (tickets.SECRET_SYMBOLS)
const TICKET_LONGEST = 20;  // 准考证号 and 考场口令, in characters (the roster allows 20)

// Width and case folded, separators dropped, I/L/O read as 1/1/0; anything else is kept as typed (and fails TICKET_SECRET).
function normaliseSecret(text) {
  const folded = text.normalize('NFKC').replace(TICKET_GAPS, '').toUpperCase();
  const symbols = Array.from(folded.toUpperCase(), char => (char === 'I' || char === 'L' ? '1' : char === 'O' ? '0' : char));
  return symbols.every(char => LX2_ALPHABET.includes(char)) ? symbols.join('') : folded;
}
const ticketKey = (number, secret) => `lunxun-ticket:${number.replace(TICKET_EDGES, '')}:${normaliseSecret(secret)}`;
// A typed 准考证号 or 考场口令: full-width digits and letters (a Chinese IME's) read as the ASCII ones.
const ticketText = text => text.normalize('NFKC').replace(TICKET_EDGES, '');

// What is wrong with the ticket fields of 考前登记 (entries already read): [field, message] pairs.
function ticketProblems(entry, bank) {
  const problems = [], fits = text => text && Array.from(text).length <= TICKET_LONGEST;
  const odd = bank.tickets && Array.from(entry.secret.replace(/[0-9A-TV-Z]/g, ''))[0];  // I, L, O read as 1, 1, 0; U never occurs
  if (bank.tickets && !fits(entry.ticket)) problems.push(['ticket', '请对照准考证填写准考证号。']);
  if (bank.tickets && !TICKET_SECRET.test(entry.secret)) {
    problems.push(['secret', odd ? `密码里不会有“${odd}”，请对照准考证重新输入。` : `密码是准考证上的 10 位数字和字母，现在是 ${entry.secret.length} 位。`]);
  }
  if (bank.sitting && !fits(entry.sitting)) problems.push(['sitting', '请填写培训老师宣布的考场口令。']);
  return problems;
}

/* The ticket fields of an attempt ({ticket, secret, sitting}, kept with it until 交卷 and nowhere
   else) as the code needs them: the 准考证号, the key and the sitting code. Fields of the wrong
   shape are left out: the code is then self-declared, and lunxun results with a roster refuses it. */
function signingOf(attempt) {
  const text = value => (typeof value === 'string' && Array.from(value).length <= TICKET_LONGEST ? value : '');
  const ticket = text(attempt.ticket), secret = normaliseSecret(text(attempt.secret));
  return Object.assign(ticket && TICKET_SECRET.test(secret) ? {ticket, key: ticketKey(ticket, secret)} : {}, {sitting: text(attempt.sitting)});
}
