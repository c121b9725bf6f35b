/* Backup and restore of a trainee's record, on 我的学习进度: progress, 错题本, finished attempts
   with their codes and certificates, the profile, the 长辈版 choice. All of it lives only in
   this browser's localStorage, which WeChat clears when its user logs out and iOS may clear
   after a week without a visit. The backup is a code to copy (WeChat can neither download nor
   pick a file reliably, but a message to oneself keeps text) or the same text as a file.

   A code is "LXB1-" + CRC-32 of the JSON (8 hex digits) + "-" + JSON {made, items: {key: value}}:
   the CRC catches a code cut short or changed on the way, then every item is checked with the
   cleaner its reader uses; a backup with anything unknown, broken or needing repair is refused
   whole, and nothing is written. Only fields a cleaner adds are taken as they come (a newer
   version's defaults, so that an older backup still restores); one it drops or changes is damage.

   Not backed up: attempts under way (attempt:*, daily): restored days later, an exam's clock
   would have run out and it would be submitted at once; the day's choice of reviews for 每日一练
   (daily-reviews), made afresh each day; and the set-aside copies (broken:*). The checks of the 错题本 and the profile are the quiz engine's:
   quiz.js is loaded on demand for them (it sets window.lunxunChecks).
   This script is itself loaded by progress.js, only on pages with a progress panel: every page
   loads progress.js, and most are method pages read on a weak connection. */
const BACKUP_MARK = 'LXB1';
const ENGINE_SRC = document.currentScript ? document.currentScript.src.replace(/backup\.js(?=$|[?#])/, 'quiz.js') : '';

let crcTable = null;
function crc32(text) {
  if (!crcTable) {
    crcTable = [];
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
      crcTable.push(c >>> 0);
    }
  }
  let crc = 0xFFFFFFFF;
  for (const byte of new TextEncoder().encode(text)) crc = crcTable[(crc ^ byte) & 255] ^ (crc >>> 8);
  return ((crc ^ 0xFFFFFFFF) >>> 0).toString(16).padStart(8, '0');
}

// Lists joined without repeats (`id` says when two items are the same), this browser's first.
const union = (mine, theirs, id) => { const seen = new Set(mine.map(id)); return mine.concat(theirs.filter(item => !seen.has(id(item)))); };
const attemptId = entry => [entry.finishedAt, entry.seed, entry.code].join('/');
/* What may be in a backup: each kind with the cleaner its reader uses and how a merge keeps both
   sides (what this browser has wins where the two differ on the same thing). `checks` holds the
   quiz engine's cleaners {wrong, profile, unlock?}; unlock:<bank>, the code that opens a
   trainer-graded exam's answers, is kept when the engine can check it. A new stored key needs
   its kind here to be backed up. */
function backupKinds(checks) {
  return [
    {match: key => key === 'visited', label: '阅读记录', clean: cleanVisited,
      merge: (mine, theirs) => Object.assign({}, theirs, mine, ...Object.keys(theirs)
        .filter(id => mine[id] < theirs[id]).map(id => ({[id]: theirs[id]})))},  // the later visit
    {match: key => key.startsWith('attended:'), label: '课次勾选', clean: cleanTicked, merge: (mine, theirs) => union(mine, theirs, String)},
    {match: key => key.startsWith('history:'), label: '作答记录', clean: cleanHistory,
      merge: (mine, theirs) => union(mine, theirs, attemptId).sort((a, b) => a.finishedAt - b.finishedAt)},
    {match: key => key === 'wrong', label: '错题本', clean: checks.wrong, merge: (mine, theirs) => Object.assign({}, theirs, mine)},
    {match: key => key === 'profile', label: '考前登记', clean: checks.profile,
      merge: (mine, theirs) => Object.assign({}, theirs, ...Object.keys(mine).filter(field => mine[field]).map(field => ({[field]: mine[field]})))},
    {match: key => key === 'elder', label: '长辈版', clean: value => (value === 1 ? 1 : undefined), merge: mine => mine},
    checks.unlock && {match: key => key.startsWith('unlock:'), label: '答案解锁码', clean: checks.unlock, merge: mine => mine},
  ].filter(Boolean);
}
const kindOf = (kinds, key) => kinds.find(kind => kind.match(key));

// Every key lunxun has stored in this browser, without the prefix.
function storedKeys() {
  const found = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key && key.startsWith(STORE_PREFIX)) found.push(key.slice(STORE_PREFIX.length));
    }
  } catch (error) { /* storage disabled: nothing stored */ }
  return found;
}
// This browser's record, every value read through its cleaner (so a broken one is set aside, not copied).
function backupItems(kinds) {
  const items = {};
  storedKeys().sort().forEach(key => {
    const kind = kindOf(kinds, key), value = kind && store.get(key, kind.clean, undefined);
    if (value !== undefined) items[key] = value;
  });
  return items;
}
const backupCode = (items, made) => { const body = JSON.stringify({made, items}); return BACKUP_MARK + '-' + crc32(body) + '-' + body; };

// Whether `cleaned` has everything `original` has, unchanged (it may have more).
function keepsAll(original, cleaned) {
  if (Array.isArray(original)) {
    return Array.isArray(cleaned) && cleaned.length === original.length && original.every((item, k) => keepsAll(item, cleaned[k]));
  }
  if (isMap(original)) return isMap(cleaned) && Object.keys(original).every(key => key in cleaned && keepsAll(original[key], cleaned[key]));
  return original === cleaned;
}

const BACKUP_DAMAGED = '备份码已损坏：可能没有复制完整，或者被改动过。请重新复制完整的备份码，或改用备份文件。这次没有恢复任何内容。';
// A backup code read and checked: {made, items (as their cleaners give them)}, or {error} in words for the trainee.
function readBackup(text, kinds) {
  const found = /^LXB1-([0-9a-f]{8})-([\s\S]*)$/.exec(String(text).trim());
  if (!found) return {error: '这不是本站的备份码：备份码以 LXB1- 开头，请把它完整地粘贴进来。'};
  if (crc32(found[2]) !== found[1]) return {error: BACKUP_DAMAGED};
  let data;
  try { data = JSON.parse(found[2]); } catch (error) { return {error: BACKUP_DAMAGED}; }
  if (!isMap(data) || !isNumber(data.made) || !isMap(data.items)) return {error: BACKUP_DAMAGED};
  const items = {};
  for (const key of Object.keys(data.items)) {
    const kind = kindOf(kinds, key), value = data.items[key];
    if (!kind) return {error: '备份中有本站不认识的内容（' + key + '），可能来自别的网站或更新的版本。这次没有恢复任何内容。'};
    items[key] = kind.clean(value);
    if (items[key] === undefined || !keepsAll(value, JSON.parse(JSON.stringify(items[key])))) {
      return {error: '备份中的“' + kind.label + '”有误（' + key + '），备份可能被改动过。这次没有恢复任何内容。'};
    }
  }
  return {made: data.made, items};
}

/* Writes a checked backup. 'merge' keeps what this browser has and adds the backup's; 'replace'
   makes the record exactly the backup's (what it lacks is removed). False when storage refuses. */
function restoreBackup(items, kinds, mode) {
  const planned = {};
  Object.keys(items).forEach(key => {
    const kind = kindOf(kinds, key), mine = mode === 'merge' ? store.get(key, kind.clean, undefined) : undefined;
    planned[key] = mine === undefined ? items[key] : kind.clean(kind.merge(mine, items[key]));
  });
  if (mode === 'replace') storedKeys().filter(key => kindOf(kinds, key) && !(key in items)).forEach(key => store.del(key));
  return Object.keys(planned).every(key => store.set(key, planned[key]));
}

const sumOf = (items, prefix) => Object.keys(items).filter(key => key.startsWith(prefix)).reduce((n, key) => n + items[key].length, 0);
function recordSummary(items) {
  const attempts = sumOf(items, 'history:'), ticks = sumOf(items, 'attended:');
  const parts = [
    items.visited && '已读材料 ' + Object.keys(items.visited).length + ' 篇',
    attempts && '作答记录 ' + attempts + ' 次',
    items.wrong && '错题 ' + Object.keys(items.wrong).length + ' 道',
    ticks && '勾选的课次 ' + ticks + ' 个',
    items.profile && (items.profile.name ? '考前登记（' + items.profile.name + '）' : '考前登记'),
    items.elder && '长辈版设置',
  ].filter(Boolean);
  return parts.length ? parts.join('、') : '没有学习记录';
}

/* ---- on the page: below the progress panel ---- */

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = String(text);
  return node;
}

// The quiz engine's cleaners; quiz.js is loaded for them on a page that does not run it.
function engineChecks() {
  if (window.lunxunChecks) return Promise.resolve(window.lunxunChecks);
  return new Promise((done, failed) => {
    const script = document.createElement('script');
    script.src = ENGINE_SRC;
    script.onload = () => (window.lunxunChecks ? done(window.lunxunChecks) : failed(new Error('no checks')));
    script.onerror = failed;
    document.head.appendChild(script);
  });
}
const stampOf = time => new Date(time).toLocaleString('zh-CN', {hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'});
const dayOf = time => new Date(time - new Date(time).getTimezoneOffset() * 60000).toISOString().slice(0, 10);

function pageButton(label, onclick, primary) {
  const node = el('button', 'md-button' + (primary ? ' md-button--primary' : ''), label);
  node.type = 'button';
  node.addEventListener('click', onclick);
  return node;
}
function labelled(text, field) {
  const id = 'lx-backup-' + Math.random().toString(36).slice(2);
  const label = el('label', null, text);
  label.htmlFor = field.id = id;
  return label;
}
function say(line, text, alarm) {
  line.textContent = text;
  line.className = 'lx-backup-msg' + (alarm ? ' is-unmet' : '');
  line.setAttribute('role', alarm ? 'alert' : 'status');
}

const BACKUP_WHY = '学习进度、错题本、作答记录和成绩码、考前登记的姓名和单位，都只保存在这台手机的这个浏览器里，没有上传。'
  + '退出微信登录、清理缓存、换手机或换浏览器，这些记录就没有了；苹果手机一周没有打开本站，浏览器也可能把它们清掉。'
  + '所以每次学习或考试之后，请备份一次：复制备份码，发到自己微信的“文件传输助手”；在浏览器里也可以保存为文件。'
  + '记录丢了，把备份码粘贴到下面的“恢复”框里即可。';

// The box after a progress panel, once; progress.js calls this (on every page view, with instant navigation too).
window.lunxunBackup = panel => {
  const next = panel.nextElementSibling;
  if (!next || !next.classList.contains('lx-backup')) panel.after(backupBox(() => document.dispatchEvent(new Event('lunxun:restored'))));
};

function backupBox(onRestored) {
  const box = el('section', 'lx-backup'), out = el('div', 'lx-backup-out'), message = el('p', 'lx-backup-msg');
  box.setAttribute('aria-labelledby', 'lx-backup-title');
  const title = box.appendChild(el('h3', null, '备份与恢复'));
  title.id = 'lx-backup-title';
  box.appendChild(el('p', 'lx-backup-why', BACKUP_WHY));
  box.appendChild(pageButton('生成备份码', () => engineChecks().then(checks => showCode(out, message, backupKinds(checks)),
    () => say(message, '无法载入检查记录所需的程序，请联网后刷新页面再试。', true)), true));
  box.appendChild(out);
  const paste = el('textarea', 'lx-backup-in');
  paste.rows = 3;
  const file = el('input');
  file.type = 'file';
  file.accept = '.txt,text/plain';
  const confirm = el('div', 'lx-backup-confirm');
  const check = text => engineChecks().then(checks => askToRestore(text, backupKinds(checks), confirm, message, onRestored),
    () => say(message, '无法载入检查备份所需的程序，请联网后刷新页面再试。', true));
  box.appendChild(el('h4', null, '恢复'));
  box.appendChild(labelled('把备份码粘贴到这里：', paste));
  box.appendChild(paste);
  box.appendChild(pageButton('恢复', () => check(paste.value)));
  box.appendChild(labelled('或者选择备份文件：', file));
  box.appendChild(file);
  file.addEventListener('change', () => { if (file.files[0]) file.files[0].text().then(check); });
  box.appendChild(confirm);
  box.appendChild(message);
  return box;
}

function showCode(out, message, kinds) {
  const made = Date.now(), items = backupItems(kinds), code = backupCode(items, made);
  const area = el('textarea', 'lx-backup-code');
  area.readOnly = true;
  area.rows = 4;
  area.value = code;
  const hint = el('p', 'lx-copy-hint', COPY_HINT + '：长按上面的备份码，选择“全选”，再选择“复制”。');
  hint.hidden = !copyUnsure();
  out.textContent = '';
  out.appendChild(labelled('备份码（' + stampOf(made) + '，' + recordSummary(items) + '）', area));
  out.appendChild(area);
  out.appendChild(hint);
  out.appendChild(pageButton('复制备份码', () => copyField(area).then(copied => {
    hint.hidden = copied && !copyUnsure();
    say(message, copied ? '备份码已复制：请粘贴到微信“文件传输助手”或记事本里保存。' : '无法自动复制：备份码已选中，请长按选中的文字，选择“复制”。');
  }), true));
  out.appendChild(pageButton('保存为文件', () => {
    if (inWeChat()) return say(message, openInBrowser('下载文件') + '也可以复制上面的备份码保存。');
    const link = el('a');
    link.href = URL.createObjectURL(new Blob([code], {type: 'text/plain'}));
    link.download = 'lunxun-beifen-' + dayOf(made) + '.txt';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    say(message, '备份文件已保存（' + link.download + '）。');
  }));
  say(message, '备份码已生成。');
}

// A checked backup is written only after the trainee chooses, here on the page, how.
function askToRestore(text, kinds, confirm, message, onRestored) {
  confirm.textContent = '';
  const backup = readBackup(text, kinds);
  if (backup.error) return say(message, backup.error, true);
  say(message, '');
  const here = backupItems(kinds), empty = Object.keys(here).length === 0;
  confirm.appendChild(el('p', null, '这份备份生成于 ' + stampOf(backup.made) + '，包含：' + recordSummary(backup.items) + '。'
    + (empty ? '' : '这台设备上现有：' + recordSummary(here) + '。请选择怎样恢复：')));
  const restore = mode => () => {
    confirm.textContent = '';
    if (!restoreBackup(backup.items, kinds, mode)) return say(message, '无法保存：这个浏览器的本地存储已满或被禁用（可能处于无痕模式）。', true);
    say(message, (mode === 'merge' ? '已合并' : '已恢复') + '：现有' + recordSummary(backupItems(kinds)) + '。');
    onRestored();
  };
  if (empty) confirm.appendChild(pageButton('恢复', restore('replace'), true));
  else {
    confirm.appendChild(pageButton('合并（两边的记录都保留）', restore('merge'), true));
    confirm.appendChild(pageButton('替换（删除现有记录，以备份为准）', restore('replace')));
  }
  confirm.appendChild(pageButton('取消', () => { confirm.textContent = ''; say(message, '没有恢复，记录保持原样。'); }));
}
