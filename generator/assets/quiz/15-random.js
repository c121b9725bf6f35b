/* Seeded randomness: an attempt's draw and shuffles are reproduced from its seed
   (generator/grading/prng.py computes the same, for the trainer's re-grading). */
const range = n => [...Array(n).keys()];
// mulberry32: a small seeded PRNG over 32-bit state
const mulberry32 = state => () => {
  state = state + 0x6D2B79F5 | 0;
  let t = Math.imul(state ^ state >>> 15, 1 | state);
  t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
  return ((t ^ t >>> 14) >>> 0) / 4294967296;
};
// Fisher–Yates from the end
const shuffle = (list, random) => {
  const out = list.slice();
  for (let i = out.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [out[i], out[j]] = [out[j], out[i]]; }
  return out;
};
// order and match must never be shown in their answer order: the identity is rotated by one
const mix = (n, random) => {
  const out = shuffle(range(n), random);
  if (n > 1 && out.every((x, i) => x === i)) out.push(out.shift());
  return out;
};
const newSeed = () => {
  try { return crypto.getRandomValues(new Uint32Array(1))[0]; } catch (error) { return Math.floor(Math.random() * 4294967296); }
};
