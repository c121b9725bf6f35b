/* The trainee's backup (backup/backup.js, issue 17 item 8) and the WeChat/clipboard helper
   (shared/wechat.js, item 7): codes made and read back, damage and tampering refused with a
   message and nothing written, merge and replace, the certificate kept in history (item 3). */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {QUIZ_CORE, load, plain} = require('./engine.js');

const P = 'lunxun:v1:';
const SECTIONS = QUIZ_CORE.concat(['shared/wechat.js', 'shared/copy.js', 'shared/visits.js', 'backup/backup.js']);
const NAMES = ['crc32', 'backupKinds', 'backupItems', 'backupCode', 'readBackup', 'restoreBackup', 'recordSummary',
  'keepsAll', 'cleanWrongBook', 'cleanProfile', 'readHistory', 'inWeChat', 'hasClipboard', 'copyUnsure', 'copyField', 'store'];
const CERT = {name: '王五', unit: '向阳村', id: '', title: '小测', programme: '半日班', issuer: '县委组织部'};
const RECORD = {
  visited: {tingqing: 1788739200000},
  'attended:xiaoban': ['d1-0830'],
  'history:xiaoce': [{finishedAt: 1788739300000, score: 100, passed: true, points: 1, max: 1, seconds: 42, seed: 7,
    code: 'LX1.e30.00000000', cert: CERT}],
  wrong: {'b/pan': {bank: 'b', bankTitle: '练习', question: {id: 'pan', type: 'judge', stem: '<p>走访只听不记。</p>', answer: false},
    streak: 0, added: 1788739200000, refHref: null, shuffle: true}},
  profile: {name: '王五', unit: '向阳村', id: ''},
  elder: 1,
};

// localStorage as browsers have it, enumerable (length, key) as the backup needs.
function storage(entries) {
  const items = new Map(Object.entries(entries).map(([key, value]) => [P + key, JSON.stringify(value)]));
  return {
    items,
    get length() { return items.size; },
    key: i => [...items.keys()][i] ?? null,
    getItem: key => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => { items.set(key, String(value)); },
    removeItem: key => { items.delete(key); },
  };
}
function page(entries = {}, agent = 'Mozilla/5.0', clipboard) {
  const localStorage = storage(entries);
  const document = {currentScript: null, readyState: 'loading', addEventListener() {}, execCommand: () => false};
  const window = {addEventListener() {}};
  const engine = load(SECTIONS, NAMES, {localStorage, document, window, navigator: {userAgent: agent, clipboard}});
  const kinds = engine.backupKinds({wrong: engine.cleanWrongBook, profile: engine.cleanProfile});
  const record = () => Object.fromEntries([...localStorage.items].map(([key, text]) => [key.slice(P.length), JSON.parse(text)]));
  return Object.assign(engine, {kinds, record, document});
}
// RECORD as this version's cleaners give it (they may add fields a newer 错题本 keeps).
const CLEAN = (() => { const one = page(RECORD); return plain(one.backupItems(one.kinds)); })();

test('crc32 is the standard CRC-32 of the UTF-8 bytes', () => {
  const {crc32} = page();
  assert.equal(crc32('123456789'), 'cbf43926');
  assert.equal(crc32(''), '00000000');
  assert.equal(crc32('错题本'), crc32('错题本'));
  assert.notEqual(crc32('错题本'), crc32('错题夲'));
});

test('a backup holds every kind of record, read through its cleaner, and leaves out attempts under way and set-aside copies', () => {
  const one = page(Object.assign({'attempt:b': {seed: 1}, daily: {seed: 2}, 'broken:1:wrong': '{'}, RECORD));
  const items = plain(one.backupItems(one.kinds));
  assert.deepEqual(Object.keys(items), Object.keys(RECORD).sort());
  assert.ok(one.keepsAll(RECORD, items));
  assert.deepEqual(items.visited, RECORD.visited);
  assert.deepEqual(items['history:xiaoce'], RECORD['history:xiaoce']);
  const code = one.backupCode(items, 1796169600000);
  assert.match(code, /^LXB1-[0-9a-f]{8}-\{"made":1796169600000,"items":/);
  const read = one.readBackup('  ' + code + '\n', one.kinds);  // pasted with spaces around it
  assert.deepEqual(plain(read), {made: 1796169600000, items: CLEAN});
  assert.equal(one.recordSummary(read.items), '已读材料 1 篇、作答记录 1 次、错题 1 道、勾选的课次 1 个、考前登记（王五）、长辈版设置');
});

test('a cut, edited or foreign code is refused with a message in Chinese', () => {
  const one = page(RECORD);
  const code = one.backupCode(plain(one.backupItems(one.kinds)), 1);
  for (const damaged of [code.slice(0, -5), code.replace('"score":100', '"score":99'), code.replace(/^LXB1-.{8}/, 'LXB1-00000000')]) {
    assert.match(one.readBackup(damaged, one.kinds).error, /^备份码已损坏.*这次没有恢复任何内容。$/);
  }
  assert.match(one.readBackup('你好', one.kinds).error, /^这不是本站的备份码/);
  assert.match(one.readBackup('', one.kinds).error, /^这不是本站的备份码/);
});

// A forger who recomputes the CRC still meets the cleaners: one wrong field refuses the whole backup.
const forged = (one, items) => { const body = JSON.stringify({made: 1, items}); return 'LXB1-' + one.crc32(body) + '-' + body; };
test('a backup from an older version restores: fields a cleaner adds as defaults are not damage', () => {
  const one = page(), read = one.readBackup(forged(one, {'history:b': [{finishedAt: 1, score: 80, passed: true}]}), one.kinds);
  assert.deepEqual(plain(read.items['history:b']), [{finishedAt: 1, score: 80, passed: true, points: 0, max: 0, seconds: 0, seed: 0, code: ''}]);
});

test('a backup whose content its cleaners reject or would change is refused whole', () => {
  const one = page();
  const cases = [
    [{visited: {a: 'yesterday'}}, /“阅读记录”有误（visited）/],
    [{'history:b': [Object.assign({}, RECORD['history:xiaoce'][0], {score: '100'})]}, /“作答记录”有误（history:b）/],
    [{'history:b': [Object.assign({}, RECORD['history:xiaoce'][0], {cert: 'signed'})]}, /“作答记录”有误/],
    [{wrong: {'b/x': {bank: 'b', question: {id: 'x', type: 'single', options: ['甲'], answer: 5}}}}, /“错题本”有误/],
    [{profile: ['王五']}, /“考前登记”有误/],
    [{elder: true}, /“长辈版”有误/],
    [{'attempt:b': {seed: 1}}, /不认识的内容（attempt:b）/],
    [{visited: {a: 1}, 'evil': 1}, /不认识的内容（evil）/],
  ];
  for (const [items, message] of cases) assert.match(one.readBackup(forged(one, items), one.kinds).error, message);
  assert.match(one.readBackup(forged(one, RECORD).replace('"made":1', '"made":"x"'), one.kinds).error, /^备份码已损坏/);
});

test('restoring into an empty browser gives the same record', () => {
  const one = page(RECORD), two = page();
  const backup = two.readBackup(one.backupCode(one.backupItems(one.kinds), 5), two.kinds);
  assert.equal(two.restoreBackup(backup.items, two.kinds, 'replace'), true);
  assert.deepEqual(two.record(), CLEAN);
});

test('merge keeps both sides; where both have the same thing, this browser wins (the later visit, the filled-in field)', () => {
  const other = {finishedAt: 1788740000000, score: 0, passed: false, points: 0, max: 1, seconds: 9, seed: 3, code: 'LX1.x'};
  const here = page({
    visited: {tingqing: 1788739999999, fenji: 1},
    'attended:xiaoban': ['d1-1100'],
    'history:xiaoce': [other, RECORD['history:xiaoce'][0]],  // the same attempt is kept once
    profile: {name: '赵六', unit: '', id: 'A1'},
    'attended:other': ['x'],
  });
  const backup = here.readBackup(here.backupCode(RECORD, 5), here.kinds);
  assert.equal(here.restoreBackup(backup.items, here.kinds, 'merge'), true);
  const merged = here.record();
  assert.deepEqual(merged.visited, {tingqing: 1788739999999, fenji: 1});
  assert.deepEqual(merged['attended:xiaoban'], ['d1-1100', 'd1-0830']);
  assert.deepEqual(merged['history:xiaoce'], [RECORD['history:xiaoce'][0], other]);  // by time
  assert.deepEqual(merged.profile, {name: '赵六', unit: '向阳村', id: 'A1'});
  assert.deepEqual(merged['attended:other'], ['x']);
  assert.deepEqual(merged.wrong, CLEAN.wrong);
  const older = page({visited: {tingqing: 1}});
  older.restoreBackup(CLEAN, older.kinds, 'merge');
  assert.deepEqual(older.record().visited, RECORD.visited);  // the backup's later visit
});

test('replace makes the record exactly the backup, and leaves an attempt under way alone', () => {
  const here = page({visited: {fenji: 1}, 'attended:other': ['x'], 'attempt:b': {seed: 1}});
  here.restoreBackup(CLEAN, here.kinds, 'replace');
  assert.deepEqual(here.record(), Object.assign({'attempt:b': {seed: 1}}, CLEAN));
});

test('history keeps a certificate, and drops one that is not an object', () => {
  const entry = RECORD['history:xiaoce'][0];
  const kept = page({'history:a': [entry]});
  assert.deepEqual(plain(kept.readHistory('a')), [entry]);
  const odd = page({'history:a': [Object.assign({}, entry, {cert: 'x'})], 'history:b': [Object.assign({}, entry, {cert: {name: 5}})]});
  assert.equal(plain(odd.readHistory('a'))[0].cert, undefined);
  assert.deepEqual(plain(odd.readHistory('b'))[0].cert, {name: '', unit: '', id: '', title: '', programme: '', issuer: ''});
});

const WECHAT = 'Mozilla/5.0 (Linux; Android 12; wv) AppleWebKit/537.36 Chrome/107.0 Mobile Safari/537.36 XWEB/5197 MicroMessenger/8.0.37.2380';
test('WeChat and a missing clipboard are told apart', () => {
  const writer = {writeText: async () => {}};
  assert.equal(page({}, WECHAT, writer).inWeChat(), true);
  assert.equal(page({}, 'Mozilla/5.0 Chrome/120', writer).inWeChat(), false);
  assert.equal(page({}, 'Mozilla/5.0 Chrome/120', writer).copyUnsure(), false);
  assert.equal(page({}, WECHAT, writer).copyUnsure(), true);
  assert.equal(page({}, 'Mozilla/5.0 Chrome/120', undefined).hasClipboard(), false);
  assert.equal(page({}, 'Mozilla/5.0 Chrome/120', undefined).copyUnsure(), true);
});

function field(value) {
  const calls = [];
  return {value, calls, focus: () => calls.push('focus'), select: () => calls.push('select'),
    setSelectionRange: (from, to) => calls.push('range ' + from + '-' + to)};
}
test('copyField uses the clipboard API when there is one, and otherwise leaves the whole text selected', async () => {
  const written = [];
  const withApi = page({}, 'x', {writeText: async text => { written.push(text); }}), box = field('LXB1-abc');
  assert.equal(await withApi.copyField(box), true);
  assert.deepEqual(written, ['LXB1-abc']);
  assert.deepEqual(box.calls, []);
  const without = page({}, 'x', undefined), other = field('LXB1-abc');
  assert.equal(await without.copyField(other), false);  // execCommand cannot copy here either
  assert.deepEqual(other.calls, ['focus', 'select', 'range 0-8']);
  const refused = page({}, 'x', {writeText: async () => { throw new Error('NotAllowedError'); }}), third = field('ab');
  refused.document.execCommand = command => command === 'copy';
  assert.equal(await refused.copyField(third), true);
  assert.deepEqual(third.calls, ['focus', 'select', 'range 0-2']);
});
