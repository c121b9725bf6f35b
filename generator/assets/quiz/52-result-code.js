/* Short result code LX2 (generator/results/exam_code.py and bits.py define it; the table
   tests/data/lx2_cases.json is what both sides pass): the trainee's responses, not a score,
   in Crockford base32 with a check symbol over GF(32) that catches one wrong symbol and a
   swap of neighbours. SHA-256/512 are written here with BigInt because crypto.subtle is
   missing on plain-http intranets and file:// pages, and it is async besides. */
const LX2_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LX2_PUBLIC_KEY = 'lunxun:self-declared';

function lx2Times2(value) {
  value <<= 1;
  return value & 32 ? value ^ 0b100101 : value;
}
function lx2CheckSymbol(symbols) {
  let state = 0;
  for (const symbol of symbols) state = lx2Times2(state) ^ symbol;
  return lx2Times2(state);
}

// Bits as an array of 0/1: a code is a few thousand bits at most, and numbers up to 2^33 stay exact.
class Lx2Bits {
  constructor() { this.bits = []; }
  uint(value, width) {
    if (!(value >= 0 && value < 2 ** width)) throw new RangeError(`${value} does not fit in ${width} bits`);
    for (let k = width - 1; k >= 0; k--) this.bits.push(Math.floor(value / 2 ** k) % 2);
  }
  varuint(value) {
    const groups = [value % 128];
    for (value = Math.floor(value / 128); value; value = Math.floor(value / 128)) groups.push(value % 128);
    groups.reverse().forEach((group, k) => { this.uint(k < groups.length - 1 ? 1 : 0, 1); this.uint(group, 7); });
  }
  text(text) {
    const chars = Array.from(text);  // code points, as Python counts them
    this.varuint(chars.length);
    for (const char of chars) {
      const point = char.codePointAt(0);
      if (point < 128) this.uint(point, 8);
      else if (point >= 0x4E00 && point < 0x4E00 + 2 ** 15) { this.uint(2, 2); this.uint(point - 0x4E00, 15); }
      else { this.uint(3, 2); this.uint(point, 21); }
    }
  }
  append(other) { this.bits.push(...other.bits); }
  chunks(size) {  // zero bits up to a whole chunk, then the values of size bits each
    const bits = this.bits.concat(new Array((size - this.bits.length % size) % size).fill(0));
    const out = [];
    for (let i = 0; i < bits.length; i += size) out.push(bits.slice(i, i + size).reduce((v, b) => v * 2 + b, 0));
    return out;
  }
}

const LX2_MASK64 = (1n << 64n) - 1n;
/* The round constants and initial hash values, derived as FIPS 180-4 defines them rather than
   shipped as 1.3 KB of hex: the first 64 bits of the fractional parts of the cube roots of the
   first 80 primes (K) and of the square roots of the first 8 (H). SHA-256's are their top halves.
   Exact integer roots in BigInt: floor(root(p * 2^(64k))) mod 2^64. */
function lx2Root(n, k) {  // floor(n^(1/k)) by Newton's method, from a start above the root
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / Number(k)));
  for (;;) {
    const next = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (next >= x) return x;
    x = next;
  }
}
const LX2_PRIMES = [];
for (let n = 2; LX2_PRIMES.length < 80; n++) if (LX2_PRIMES.every(p => n % p)) LX2_PRIMES.push(n);
const LX2_K512 = LX2_PRIMES.map(p => lx2Root(BigInt(p) << 192n, 3n) & LX2_MASK64);
const LX2_H512 = LX2_PRIMES.slice(0, 8).map(p => lx2Root(BigInt(p) << 128n, 2n) & LX2_MASK64);

function lx2Sha512(bytes) {
  const rotr = (x, n) => ((x >> BigInt(n)) | (x << BigInt(64 - n))) & LX2_MASK64;
  const length = bytes.length;
  const padded = new Uint8Array(Math.ceil((length + 17) / 128) * 128);
  padded.set(bytes);
  padded[length] = 0x80;
  let bitLength = BigInt(length) * 8n;
  for (let i = padded.length - 1; bitLength; i--, bitLength >>= 8n) padded[i] = Number(bitLength & 255n);
  const h = LX2_H512.slice();
  const w = new Array(80);
  for (let block = 0; block < padded.length; block += 128) {
    for (let t = 0; t < 16; t++) {
      let word = 0n;
      for (let j = 0; j < 8; j++) word = (word << 8n) | BigInt(padded[block + 8 * t + j]);
      w[t] = word;
    }
    for (let t = 16; t < 80; t++) {
      const s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7n);
      const s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6n);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) & LX2_MASK64;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 80; t++) {
      const t1 = (hh + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & LX2_MASK64 & g)) + LX2_K512[t] + w[t]) & LX2_MASK64;
      const t2 = ((rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c))) & LX2_MASK64;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) & LX2_MASK64, c, b, a, (t1 + t2) & LX2_MASK64];
    }
    [a, b, c, d, e, f, g, hh].forEach((value, k) => { h[k] = (h[k] + value) & LX2_MASK64; });
  }
  const out = new Uint8Array(64);
  h.forEach((word, k) => { for (let j = 0; j < 8; j++) out[8 * k + j] = Number((word >> BigInt(56 - 8 * j)) & 255n); });
  return out;
}

function lx2HmacSha512(key, message) {
  if (key.length > 128) key = lx2Sha512(key);
  const inner = new Uint8Array(128 + message.length);
  const outer = new Uint8Array(128 + 64);
  for (let i = 0; i < 128; i++) { inner[i] = (key[i] || 0) ^ 0x36; outer[i] = (key[i] || 0) ^ 0x5c; }
  inner.set(message, 128);
  outer.set(lx2Sha512(inner), 128);
  return lx2Sha512(outer);
}

const lx2Width = n => Math.max(n, 1).toString(2).length;
const lx2Letter = letter => 'ABCDEFGH'.indexOf(letter);

function lx2WriteResponses(out, slots, answers) {
  for (const slot of slots) {
    const a = answers[slot.id] === undefined ? null : answers[slot.id];
    const n = slot.size;
    if (slot.type === 'single') out.uint(a === null ? 0 : lx2Letter(a) + 1, lx2Width(n));
    else if (slot.type === 'multiple') out.uint(Array.from(a || '').reduce((mask, x) => mask + 2 ** (n - 1 - lx2Letter(x)), 0), n);
    else if (slot.type === 'judge') out.uint(a === null ? 0 : Number(a) === 1 ? 1 : 2, 2);
    else {
      out.uint(a === null ? 0 : 1, 1);
      if (a === null) continue;
      if (slot.type === 'blank') for (let k = 0; k < n; k++) out.text((k < a.length && a[k]) || '');
      else if (slot.type === 'order') { out.uint(a.length, lx2Width(n)); a.forEach(x => out.uint(x, lx2Width(n - 1))); }
      else if (slot.type === 'match') for (let k = 0; k < n; k++) out.uint(a[k] === null ? 0 : a[k] + 1, lx2Width(n));
    }
  }
}

/* code = {bankTag, versionTag, seed, started, finished (unix seconds), ticket | name, unit, traineeId,
   sitting, slots: [{id, type, size}] in the order presented, answers, key (text; the ticket's key or public)}.
   The bank and version tags come from the build (SHA-256 of the bank id, the version's first 8 hex). */
function makeExamCode(code) {
  const head = new Lx2Bits();
  head.uint(1, 4);
  head.uint(code.ticket ? 1 : 0, 1);
  head.uint(code.sitting ? 1 : 0, 1);
  [code.bankTag, code.versionTag, code.seed, code.started].forEach(value => head.uint(value, 32));
  const delta = code.finished - code.started;
  head.varuint(delta >= 0 ? delta * 2 : -delta * 2 - 1);
  const texts = code.ticket ? [code.ticket] : [code.name || '', code.unit || '', code.traineeId || ''];
  if (code.sitting) texts.push(code.sitting);
  texts.forEach(text => head.text(text));
  const tail = new Lx2Bits();
  lx2WriteResponses(tail, code.slots, code.answers || {});
  const padding = (5 - (head.bits.length + 64 + tail.bits.length) % 5) % 5;
  tail.uint(0, padding);  // the padding is signed too
  const body = new Lx2Bits();
  body.append(head);
  body.append(tail);
  const prefix = Array.from(new TextEncoder().encode('LX2'));
  const message = new Uint8Array(prefix.concat(body.chunks(8)));
  const mac = lx2HmacSha512(new TextEncoder().encode(code.key || LX2_PUBLIC_KEY), message).slice(0, 8);
  const whole = new Lx2Bits();
  whole.append(head);
  mac.forEach(byte => whole.uint(byte, 8));
  whole.append(tail);
  const symbols = whole.chunks(5);
  return 'LX2' + symbols.map(s => LX2_ALPHABET[s]).join('') + LX2_ALPHABET[lx2CheckSymbol(symbols)];
}

// SHA-256, for the bank tag (its first 4 bytes of the bank id), in 32-bit integer arithmetic.
const LX2_K256 = Array.from({length: 64}, (_, k) => Number(LX2_K512[k] >> 32n));
function lx2Sha256(bytes) {
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 4, bytes.length * 8);
  view.setUint32(padded.length - 8, Math.floor(bytes.length / 2 ** 29));
  const h = LX2_H512.map(word => Number(word >> 32n));
  const w = new Array(64);
  for (let block = 0; block < padded.length; block += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(block + 4 * t);
    for (let t = 16; t < 64; t++) {
      const s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
      const s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + LX2_K256[t] + w[t]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
    }
    [a, b, c, d, e, f, g, hh].forEach((value, k) => { h[k] = (h[k] + value) | 0; });
  }
  const out = new Uint8Array(32);
  h.forEach((word, k) => new DataView(out.buffer).setUint32(4 * k, word >>> 0));
  return out;
}
const lx2BankTag = bankId => new DataView(lx2Sha256(new TextEncoder().encode(bankId)).buffer).getUint32(0);

// How many options, blanks, items or pairs a presented question's response is stored for (regrade.slot_size).
function lx2Size(question) {
  const type = question.type;
  return type === 'single' || type === 'multiple' ? question.options.length : type === 'blank' ? blankCount(question)
    : type === 'order' ? question.items.length : type === 'match' ? question.pairs.length : 0;
}

/* The LX2 code of a finished attempt: the responses in the order presented (scored.ids, a case's
   sub-questions in turn; the case itself carries none), and the identity: the attempt's ticket,
   signed with its key (53-ticket.js), else the self-declared profile and the public key; the
   sitting code when one was typed. The finish time is capped at the deadline, as the time used always was. */
function examCodeFor(bank, attempt, scored, profile, now, byId) {
  const started = Math.floor(attempt.startedAt / 1000);
  return makeExamCode(Object.assign({bankTag: lx2BankTag(bank.id), versionTag: parseInt(bank.version.slice(0, 8), 16), seed: attempt.seed,
    started, finished: Math.floor(Math.min(now, attempt.deadline || now) / 1000),
    name: profile.name || '', unit: profile.unit || '', traineeId: profile.id || '',
    slots: scored.ids.filter(id => !byId[id].questions).map(id => ({id, type: byId[id].type, size: lx2Size(byId[id])})),
    answers: scored.answers}, signingOf(attempt)));
}
