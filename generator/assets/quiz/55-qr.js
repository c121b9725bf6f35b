/*! QR Code generator library (c) Project Nayuki, MIT License (full text below, in the source) */
/* The result code as a QR code, for a trainer who scans it with a phone; drawn by 54-result-widgets.js.

   Vendored from Project Nayuki's QR Code generator library, TypeScript/JavaScript version 1.8.0
   (github.com/nayuki/QR-Code-generator, file typescript-javascript/qrcodegen.ts at commit 777682a,
   2025-01-04, 22 commits after the v1.8.0 tag; the encoder is unchanged since v1.8.0). Chosen because it is
   small, reads like the standard (ISO/IEC 18004), and is widely used and reviewed.

   Trimmed to what an LX2 code needs (digits and capital letters, a few hundred at most):
   - alphanumeric mode only, one segment: no numeric, byte, kanji or ECI segments;
   - error correction level M only (about 15 % of the symbol may be lost), not raised when it would fit;
   - the smallest version from 1 to 40 that holds the text, the mask chosen by the library's penalty rules;
   - one function over one grid instead of the QrCode/QrSegment classes; the tables keep the level M rows;
     the argument checks and assertions are left out (the only input is a string, checked here).
   Everything else follows the original step by step: the bit stream and its padding, Reed–Solomon
   codewords and their interleaving, function patterns, format and version bits, the zigzag placement,
   the eight masks and the penalty score. tests/js/qr.test.js compares it with the original's output.

   Copyright (c) Project Nayuki. (MIT License)
   Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
   associated documentation files (the "Software"), to deal in the Software without restriction,
   including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense,
   and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so,
   subject to the following conditions:
   - The above copyright notice and this permission notice shall be included in all copies or substantial
     portions of the Software.
   - The Software is provided "as is", without warranty of any kind, express or implied, including but not
     limited to the warranties of merchantability, fitness for a particular purpose and noninfringement.
     In no event shall the authors or copyright holders be liable for any claim, damages or other
     liability, whether in an action of contract, tort or otherwise, arising from, out of or in connection
     with the Software or the use or other dealings in the Software. */
const QR_ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
// Level M, by version (index 0 unused): error correction codewords per block, and blocks.
const QR_ECC_PER_BLOCK = [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
  26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];
const QR_BLOCKS = [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23,
  25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];
const QR_FORMAT_M = 0;  // level M's two format bits

const qrBit = (x, i) => ((x >>> i) & 1) !== 0;
function qrAppend(bits, value, length) {
  for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
}

// Data bits a version holds once the function modules are excluded (remainder bits included).
function qrRawModules(version) {
  let result = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2;
    result -= (25 * align - 10) * align - 55;
    if (version >= 7) result -= 36;
  }
  return result;
}
const qrDataCodewords = version => Math.floor(qrRawModules(version) / 8) - QR_ECC_PER_BLOCK[version] * QR_BLOCKS[version];

// Reed–Solomon over GF(2^8/0x11D): product, generator polynomial (highest power first, leading 1 left out), remainder.
function qrMultiply(x, y) {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11D);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}
function qrDivisor(degree) {
  const result = new Array(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {  // times (x - r^i), r = 0x02
    for (let j = 0; j < result.length; j++) {
      result[j] = qrMultiply(result[j], root);
      if (j + 1 < result.length) result[j] ^= result[j + 1];
    }
    root = qrMultiply(root, 0x02);
  }
  return result;
}
function qrRemainder(data, divisor) {
  const result = divisor.map(() => 0);
  for (const byte of data) {
    const factor = byte ^ result.shift();
    result.push(0);
    divisor.forEach((coefficient, i) => { result[i] ^= qrMultiply(coefficient, factor); });
  }
  return result;
}

// The data codewords split into blocks, each with its error correction, interleaved.
function qrInterleave(version, data) {
  const blocks = QR_BLOCKS[version], eccLength = QR_ECC_PER_BLOCK[version];
  const raw = Math.floor(qrRawModules(version) / 8), shortBlocks = blocks - raw % blocks, shortLength = Math.floor(raw / blocks);
  const divisor = qrDivisor(eccLength), all = [];
  for (let i = 0, k = 0; i < blocks; i++) {
    const block = data.slice(k, k + shortLength - eccLength + (i < shortBlocks ? 0 : 1));
    k += block.length;
    const ecc = qrRemainder(block, divisor);
    if (i < shortBlocks) block.push(0);
    all.push(block.concat(ecc));
  }
  const result = [];
  for (let i = 0; i < all[0].length; i++) {
    all.forEach((block, j) => { if (i !== shortLength - eccLength || j >= shortBlocks) result.push(block[i]); });  // not the short blocks' padding
  }
  return result;
}

/* The QR code (level M) of text made of digits, capitals and ' $%*+-./:', as rows of modules (true = dark),
   without the quiet zone; a RangeError for other text or text longer than a version-40 symbol holds. */
function qrEncode(text) {
  if (!/^[0-9A-Z $%*+.\/:-]*$/.test(text)) throw new RangeError('not QR alphanumeric text');
  const bits = [];
  for (let i = 0; i < text.length; i += 2) {  // two characters in 11 bits, a last one in 6
    const first = QR_ALPHANUMERIC.indexOf(text[i]);
    if (i + 1 < text.length) qrAppend(bits, first * 45 + QR_ALPHANUMERIC.indexOf(text[i + 1]), 11);
    else qrAppend(bits, first, 6);
  }
  const countBits = v => (v < 10 ? 9 : v < 27 ? 11 : 13);
  let version = 1;
  while (4 + countBits(version) + bits.length > qrDataCodewords(version) * 8) {
    if (++version > 40) throw new RangeError('text too long for a QR code');
  }
  const capacity = qrDataCodewords(version) * 8, stream = [];
  qrAppend(stream, 0b0010, 4);  // alphanumeric mode
  qrAppend(stream, text.length, countBits(version));
  stream.push(...bits);
  qrAppend(stream, 0, Math.min(4, capacity - stream.length));  // terminator
  qrAppend(stream, 0, (8 - stream.length % 8) % 8);
  for (let pad = 0xEC; stream.length < capacity; pad ^= 0xEC ^ 0x11) qrAppend(stream, pad, 8);
  const data = new Array(capacity / 8).fill(0);
  stream.forEach((bit, i) => { data[i >>> 3] |= bit << (7 - (i & 7)); });

  // The grid: modules[y][x] (true = dark), and which modules are function patterns (not data, never masked).
  const size = version * 4 + 17;
  const modules = Array.from({length: size}, () => new Array(size).fill(false));
  const isFunction = modules.map(row => row.slice());
  const set = (x, y, dark) => { modules[y][x] = dark; isFunction[y][x] = true; };

  for (let i = 0; i < size; i++) {  // timing patterns
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]]) {  // finders, 9×9 with their separators
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const distance = Math.max(Math.abs(dx), Math.abs(dy)), x = cx + dx, y = cy + dy;
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, distance !== 2 && distance !== 4);
      }
    }
  }
  const aligned = [];  // alignment pattern centres, on both axes
  if (version > 1) {
    const count = Math.floor(version / 7) + 2, step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
    aligned.push(6);
    for (let position = size - 7; aligned.length < count; position -= step) aligned.splice(1, 0, position);
  }
  const last = aligned.length - 1;
  aligned.forEach((cx, i) => aligned.forEach((cy, j) => {
    if (i === 0 && j === 0 || i === 0 && j === last || i === last && j === 0) return;  // a finder is there
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }
  }));
  const drawFormatBits = mask => {  // level and mask, with their BCH code, in two copies
    const value = QR_FORMAT_M << 3 | mask;
    let remainder = value;
    for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
    const format = (value << 10 | remainder) ^ 0x5412;
    for (let i = 0; i <= 5; i++) set(8, i, qrBit(format, i));
    set(8, 7, qrBit(format, 6));
    set(8, 8, qrBit(format, 7));
    set(7, 8, qrBit(format, 8));
    for (let i = 9; i < 15; i++) set(14 - i, 8, qrBit(format, i));
    for (let i = 0; i < 8; i++) set(size - 1 - i, 8, qrBit(format, i));
    for (let i = 8; i < 15; i++) set(8, size - 15 + i, qrBit(format, i));
    set(8, size - 8, true);  // always dark
  };
  drawFormatBits(0);  // reserves the modules until the mask is chosen
  if (version >= 7) {  // the version, with its BCH code, in two copies
    let remainder = version;
    for (let i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1F25);
    const bitsOfVersion = version << 12 | remainder;
    for (let i = 0; i < 18; i++) {
      const a = size - 11 + i % 3, b = Math.floor(i / 3);
      set(a, b, qrBit(bitsOfVersion, i));
      set(b, a, qrBit(bitsOfVersion, i));
    }
  }

  const codewords = qrInterleave(version, data);
  let i = 0;  // the zigzag: column pairs from the right, alternately upwards and downwards
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vertical = 0; vertical < size; vertical++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j, y = ((right + 1) & 2) === 0 ? size - 1 - vertical : vertical;
        if (!isFunction[y][x] && i < codewords.length * 8) {
          modules[y][x] = qrBit(codewords[i >>> 3], 7 - (i & 7));
          i++;
        }
      }
    }
  }

  const applyMask = mask => {  // XOR: applying the same mask twice undoes it
    const keeps = [(x, y) => (x + y) % 2, (x, y) => y % 2, x => x % 3, (x, y) => (x + y) % 3,
      (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2, (x, y) => x * y % 2 + x * y % 3,
      (x, y) => (x * y % 2 + x * y % 3) % 2, (x, y) => ((x + y) % 2 + x * y % 3) % 2][mask];
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) if (!isFunction[y][x] && !keeps(x, y)) modules[y][x] = !modules[y][x];
    }
  };
  let best = 0, lowest = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    applyMask(mask);
    drawFormatBits(mask);
    const penalty = qrPenalty(modules);
    if (penalty < lowest) {
      best = mask;
      lowest = penalty;
    }
    applyMask(mask);
  }
  applyMask(best);
  drawFormatBits(best);
  return modules;
}

// The library's penalty score (weights N1–N4: 3, 3, 40, 10): runs, finder-like patterns, 2×2 blocks, balance.
function qrPenalty(modules) {
  const size = modules.length;
  let result = 0;
  const addHistory = (run, history) => {
    if (history[0] === 0) run += size;  // the light border before the first run
    history.pop();
    history.unshift(run);
  };
  const finderLike = history => {  // 0, 1 or 2; only right after a light run is added
    const n = history[1];
    const core = n > 0 && history[2] === n && history[3] === n * 3 && history[4] === n && history[5] === n;
    return (core && history[0] >= n * 4 && history[6] >= n ? 1 : 0) + (core && history[6] >= n * 4 && history[0] >= n ? 1 : 0);
  };
  for (const transposed of [false, true]) {  // rows, then columns
    for (let y = 0; y < size; y++) {
      let color = false, run = 0;
      const history = [0, 0, 0, 0, 0, 0, 0];
      for (let x = 0; x < size; x++) {
        const here = transposed ? modules[x][y] : modules[y][x];
        if (here === color) {
          run++;
          if (run === 5) result += 3;
          else if (run > 5) result++;
        } else {
          addHistory(run, history);
          if (!color) result += finderLike(history) * 40;
          color = here;
          run = 1;
        }
      }
      if (color) {  // close the line: a dark run, then the light border
        addHistory(run, history);
        run = 0;
      }
      addHistory(run + size, history);
      result += finderLike(history) * 40;
    }
  }
  let dark = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const color = modules[y][x];
      dark += color ? 1 : 0;
      if (y < size - 1 && x < size - 1 && color === modules[y][x + 1] && color === modules[y + 1][x] && color === modules[y + 1][x + 1]) result += 3;
    }
  }
  const total = size * size;
  return result + (Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * 10;
}
