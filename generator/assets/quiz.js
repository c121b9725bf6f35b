/* lunxun quiz engine: takes over the .lx-quiz, .lx-daily and .lx-wrongbook placeholders.
   Plain ES2017 with no dependencies and no network requests except the site's own bank scripts
   (daily practice). State lives in localStorage under "lunxun:v1:"; see the storage notes in
   the sections below. Pages without those placeholders are left untouched. */
(() => {
'use strict';

/* Helpers */
const P = 'lunxun:v1:', L = 'ABCDEFGH';
const store = {
  get(k, d) { try { const v = localStorage.getItem(P + k); return v == null ? d : JSON.parse(v); } catch (e) { return d; } },
  set(k, v) { try { localStorage.setItem(P + k, JSON.stringify(v)); } catch (e) { /* disabled or full: keep going */ } },
  del(k) { try { localStorage.removeItem(P + k); } catch (e) { /* as above */ } },
};
const PROPS = ['checked', 'selected', 'disabled', 'value'];
// Builds elements from data; text is always inserted as text, only the `html` prop (bank HTML,
// sanitised by the generator) is parsed.
function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k === 'html') el.innerHTML = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (PROPS.includes(k)) el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  el.append(...clean(kids));
  return el;
}
const clean = kids => kids.reduce((a, x) => a.concat(Array.isArray(x) ? clean(x) : x), [])
  .filter(x => x != null && x !== '' && typeof x !== 'boolean');
const fill = (el, ...kids) => { el.textContent = ''; el.append(...clean(kids)); };
const button = (label, onclick, cls, more) => h('button', Object.assign({type: 'button', class: cls, onclick}, more), label);
const tpl = document.createElement('template');
const txt = html => { tpl.innerHTML = html; return tpl.content.textContent.trim(); };  // inert: nothing loads
let uids = 0;
const uid = () => 'lx-' + (++uids);
const pad = n => String(n).padStart(2, '0');
const clock = s => pad(Math.floor(s / 60)) + ':' + pad(s % 60);
const dur = s => (s >= 60 ? Math.floor(s / 60) + ' 分 ' : '') + (s % 60) + ' 秒';
const day = t => { const d = new Date(t); return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()); };
const stamp = t => day(t) + ' ' + pad(new Date(t).getHours()) + ':' + pad(new Date(t).getMinutes());
const range = n => [...Array(n).keys()];
// mulberry32: a small seeded PRNG, so an attempt's draw and shuffles can be reproduced from its seed
const rng = a => () => {
  a = a + 0x6D2B79F5 | 0;
  let t = Math.imul(a ^ a >>> 15, 1 | a);
  t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
  return ((t ^ t >>> 14) >>> 0) / 4294967296;
};
const shuffle = (list, r) => {
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
  return a;
};
// order and match must never be shown in their answer order
const mix = (n, r) => { const a = shuffle(range(n), r); if (n > 1 && a.every((x, i) => x === i)) a.push(a.shift()); return a; };
const seed32 = () => { try { return crypto.getRandomValues(new Uint32Array(1))[0]; } catch (e) { return Math.floor(Math.random() * 4294967296); } };
// A polite live region and a function that speaks through it (repeats are still announced).
const speaker = () => {
  const el = h('p', {class: 'lx-sr', 'aria-live': 'polite'});
  const say = m => { el.textContent = m === el.textContent ? m + '\u200b' : m; };
  say.el = el;
  return say;
};
function siteRoot() {
  const a = document.querySelector('a.lx-site-root');
  if (a) return new URL('.', a.href).href;
  return window.__md_scope instanceof URL ? window.__md_scope.href : new URL('../../', location.href).href;
}
// A generated page's URL, in the URL style of the current page (directory URLs or .html, http or file://).
function pageUrl(path) {
  const p = location.pathname, flat = /\.html$/.test(p) && !/\/index\.html$/.test(p);
  return siteRoot() + path + (flat ? '.html' : location.protocol === 'file:' ? '/index.html' : '/');
}

/* Question types. view(c, stem) builds the controls; right(q, a) grades; key(q, c) shows the answer.
   c = {q, a: answer so far, set(a), perm: display order of authored indexes, lock, show, lab: heading id}.
   Answers are stored as in the result code: single "B", multiple "ACD", judge 1/0, blank [texts],
   order [authored indexes as placed], match [authored right index or null per left item]. */
const T = {};
const keyOpts = (c, idx) => idx.map(i => h('span', {class: 'lx-key'}, L[c.perm.indexOf(i)] + '. ', h('span', {html: c.q.options[i]})));
function choice(c, type, opts, good, isOn, toggle, letters) {
  const order = c.perm || range(opts.length);
  return h('div', {role: type === 'radio' ? 'radiogroup' : 'group', 'aria-labelledby': c.lab, class: 'lx-opts'},
    order.map((i, k) => {
      const on = isOn(i), mark = c.show ? (good.includes(i) ? ' lx-ok' : on ? ' lx-bad' : '') : '';
      return h('label', {class: 'lx-opt' + mark},
        h('input', {type, name: c.lab, checked: on, disabled: c.lock, onchange: e => toggle(i, e.target.checked)}),
        letters && h('b', {}, L[k]), h('span', {html: opts[i]}));
    }));
}
const optionPerm = (q, r, mixed) => mixed ? shuffle(range(q.options.length), r) : range(q.options.length);

/* single: one option */
T.single = {
  name: '单选题',
  perm: optionPerm,
  view: c => choice(c, 'radio', c.q.options, [c.q.answer], i => c.a === L[i], i => c.set(L[i]), true),
  right: (q, a) => a === L[q.answer],
  key: (q, c) => keyOpts(c, [q.answer]),
};

/* multiple: exactly the set of options */
T.multiple = {
  name: '多选题',
  perm: optionPerm,
  view(c) {
    const on = new Set((c.a || '').split(''));
    return choice(c, 'checkbox', c.q.options, c.q.answer, i => on.has(L[i]), (i, yes) => {
      on[yes ? 'add' : 'delete'](L[i]);
      c.set([...on].filter(Boolean).sort().join('') || null);
    }, true);
  },
  right: (q, a) => a === q.answer.map(i => L[i]).sort().join(''),
  key: (q, c) => keyOpts(c, q.answer),
};

/* judge: 正确 (1) or 错误 (0) */
T.judge = {
  name: '判断题',
  view: c => choice(c, 'radio', ['正确', '错误'], [c.q.answer ? 0 : 1], i => c.a === 1 - i, i => c.set(1 - i)),
  right: (q, a) => a === (q.answer ? 1 : 0),
  key: q => (q.answer ? '正确' : '错误'),
};

/* blank: inputs in the stem's slots; width, case, spaces and punctuation do not matter */
// after NFKC (full width → half width): drop spaces and ASCII, general and CJK punctuation
const norm = s => String(s).normalize('NFKC').replace(/[\s!-\/:-@\[-`{-~\u00a1-\u00bf\u2010-\u205e\u3000-\u303f\ufe10-\ufe6b\uff5f-\uff65]/g, '').toLowerCase();
T.blank = {
  name: '填空题',
  view(c, stem) {
    const v = (c.a || []).slice(), q = c.q;
    stem.querySelectorAll('.lx-slot').forEach(slot => {
      const k = +slot.dataset.blank, width = Math.max(...q.answer[k].map(x => x.length)) + 2;
      slot.replaceWith(h('input', {
        type: 'text', class: 'lx-blank' + (c.show ? (T.blank.fits(q, k, v[k]) ? ' lx-ok' : ' lx-bad') : ''),
        'aria-label': '第 ' + (k + 1) + ' 空', value: v[k] || '', disabled: c.lock, autocomplete: 'off',
        style: 'width:' + Math.min(width, 14) + 'em',
        oninput: e => { v[k] = e.target.value; c.set(v.some(x => x && x.trim()) ? q.answer.map((_, j) => v[j] || '') : null); },
      }));
    });
  },
  fits: (q, k, s) => !!s && !!norm(s) && q.answer[k].some(x => norm(x) === norm(s)),
  right: (q, a) => q.answer.every((_, k) => T.blank.fits(q, k, a[k])),
  key: q => q.answer.map((x, k) => (q.answer.length > 1 ? '第 ' + (k + 1) + ' 空：' : '') + x.join(' 或 ')).join('；'),
};

/* order: tap items in sequence (undo, reset; tap a placed item to take it back) or drag them */
T.order = {
  name: '排序题',
  perm: (q, r) => mix(q.items.length, r),
  view(c) {
    const q = c.q, box = h('div', {class: 'lx-order'}), put = c.a ? c.a.slice() : [];
    const save = focus => { c.set(put.length ? put.slice() : null); draw(focus); };
    const chip = (i, k) => button(k == null ? h('span', {html: q.items[i]}) : [h('b', {}, k + 1), ' ', h('span', {html: q.items[i]})], () => {
      if (box.dragged) return;
      if (k == null) put.push(i); else put.splice(k, 1);
      save(k == null ? '.lx-pool button' : '.lx-put button');
    }, 'lx-chip' + (c.show && k != null ? (i === k ? ' lx-ok' : ' lx-bad') : ''), {
      'data-i': i, disabled: c.lock,  // the name starts with the visible text (WCAG 2.5.3, label in name)
      'aria-label': k == null ? '放入下一位：' + txt(q.items[i]) : `${k + 1} ${txt(q.items[i])}（第 ${k + 1} 位，点按退回）`,
    });
    const draw = focus => {
      const rest = c.perm.filter(i => !put.includes(i));
      fill(box,
        h('ol', {class: 'lx-put', 'aria-label': '已排好的顺序'},
          put.length ? put.map((i, k) => h('li', {}, chip(i, k))) : h('li', {class: 'lx-none'}, '依次点选下面的事项排出先后，也可以拖动')),
        rest.length ? h('div', {class: 'lx-pool', role: 'group', 'aria-label': '待排事项'}, rest.map(i => chip(i))) : null,
        !c.lock && h('div', {class: 'lx-tools'},
          button('撤销', () => { put.pop(); save('.lx-pool button'); }, '', {disabled: !put.length}),
          button('重排', () => { put.length = 0; save('.lx-pool button'); }, '', {disabled: !put.length})));
      if (focus) (box.querySelector(focus) || box.querySelector('button:enabled') || box).focus();
    };
    draw();
    if (!c.lock) drag(box, (i, at) => {
      const k = put.indexOf(i);
      if (k >= 0) put.splice(k, 1);
      if (at != null) put.splice(at, 0, i);
      save();
    });
    return box;
  },
  right: (q, a) => a.length === q.items.length && a.every((x, k) => x === k),
  key: q => h('ol', {class: 'lx-keylist'}, q.items.map(x => h('li', {html: x}))),
};
// Pointer-event dragging (mouse, touch, pen): drop on the placed list to place or reorder, below it to take back.
function drag(box, drop) {
  box.addEventListener('pointerdown', e => {
    const el = e.target.closest('.lx-chip');
    if (!el || el.disabled || e.button > 0) return;
    const x0 = e.clientX, y0 = e.clientY;
    let moved = false;
    const move = ev => {
      if (!moved && Math.abs(ev.clientX - x0) + Math.abs(ev.clientY - y0) < 8) return;
      moved = true;
      el.classList.add('lx-lift');
      el.style.transform = `translate(${ev.clientX - x0}px,${ev.clientY - y0}px)`;
    };
    const end = ev => {
      ['pointermove', 'pointerup', 'pointercancel'].forEach((t, k) => el.removeEventListener(t, k ? end : move));
      if (!moved) return;
      box.dragged = true;
      setTimeout(() => { box.dragged = false; });  // swallow the click that follows the drop
      el.classList.remove('lx-lift');
      el.style.transform = '';
      if (ev.type === 'pointercancel') return;
      const y = ev.clientY;
      if (y > box.querySelector('.lx-put').getBoundingClientRect().bottom) return drop(+el.dataset.i, null);
      const placed = [...box.querySelectorAll('.lx-put .lx-chip')].filter(b => b !== el);
      drop(+el.dataset.i, placed.filter(b => { const r = b.getBoundingClientRect(); return r.top + r.height / 2 < y; }).length);
    };
    try { el.setPointerCapture(e.pointerId); } catch (err) { /* synthetic events */ }
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', end);
    el.addEventListener('pointercancel', end);
  });
}

/* match: a list of right-hand items to choose from for each left item */
T.match = {
  name: '配对题',
  perm: (q, r) => mix(q.pairs.length, r),
  view(c) {
    const q = c.q, v = c.a ? c.a.slice() : q.pairs.map(() => null);
    return h('div', {class: 'lx-match', role: 'group', 'aria-labelledby': c.lab}, q.pairs.map((p, k) => {
      const id = uid();
      return h('div', {class: 'lx-pair' + (c.show ? (T.match.same(q, k, v[k]) ? ' lx-ok' : ' lx-bad') : '')},
        h('label', {for: id, html: p[0]}),
        h('select', {id, disabled: c.lock, onchange: e => {
          v[k] = e.target.value === '' ? null : +e.target.value;
          c.set(v.some(x => x != null) ? v.slice() : null);
        }}, h('option', {value: ''}, '请选择…'), c.perm.map(j => h('option', {value: j, selected: v[k] === j}, txt(q.pairs[j][1])))));
    }));
  },
  same: (q, k, j) => j != null && q.pairs[j][1] === q.pairs[k][1],
  right: (q, a) => q.pairs.every((_, k) => T.match.same(q, k, a[k])),
  key: q => h('ul', {class: 'lx-keylist'}, q.pairs.map(p => h('li', {}, h('span', {html: p[0]}), ' → ', h('span', {html: p[1]})))),
};

/* case: a scenario with sub-questions of the other types, each scored on its own */
T.case = {name: '案例分析'};

const right = (q, a) => a != null && T[q.type].right(q, a);
const full = (q, a) => a != null && (q.type === 'blank' ? a.every(x => x.trim()) :
  q.type === 'order' ? a.length === q.items.length : q.type === 'match' ? !a.includes(null) : true);

/* One question as a card. st = {ans, perm, set(id, a), lock(id), show(id), ref(q) → {href, label}} */
function card(q, st, label, level = 2, sub = false) {
  const lab = uid(), t = T[q.type], show = st.show(q.id), lock = show || st.lock(q.id);
  const kids = q.questions ? q.questions.map((s, k) => card(s, st, label + '（' + (k + 1) + '）', level + 1, true)) : [];
  const stem = q.stem ? h('div', {class: 'lx-stem', html: q.stem}) : null;
  const c = {q, a: st.ans[q.id], set: a => st.set(q.id, a), perm: st.perm[q.id], lock, show, lab};
  const body = t.view ? t.view(c, stem) : null, ref = q.ref && st.ref(q);
  const fb = show && h('div', {class: 'lx-fb' + (t.right ? (right(q, c.a) ? ' lx-right' : ' lx-wrong') : '')},
    t.right && h('p', {class: 'lx-verdict'}, right(q, c.a) ? '✔ 回答正确' : c.a == null ? '✘ 未作答' : '✘ 回答错误'),
    t.key && h('div', {class: 'lx-answer'}, '正确答案：', t.key(q, c)),
    q.explain && h('div', {class: 'lx-explain', html: q.explain}),
    ref && h('p', {class: 'lx-ref'}, h('a', {href: ref.href}, '查看步骤：' + ref.label)));
  return h('section', {class: 'lx-q' + (sub ? ' lx-sub' : ''), 'aria-labelledby': lab},
    h('h' + level, {id: lab, class: 'lx-qh', tabindex: -1}, label + ' ',
      h('small', {}, t.name + (q.questions ? ' · ' + kids.length + ' 小题' : ' · ' + q.points + ' 分'))),
    q.scenario && h('div', {class: 'lx-scenario', html: q.scenario}), stem, body, kids,
    fb && (fb.childNodes.length ? fb : null));
}

/* Wrong-answer book store: "wrong" → {"bank/qid": {bank, bankTitle, question, streak, added, refHref}};
   a wrong answer (re)sets the streak to 0, two right answers in a row remove the entry. */
function note(src, q, ok, scenario, href) {
  const k = src.bank + '/' + src.id, w = store.get('wrong', {}), e = w[k];
  if (ok) {
    if (!e) return 0;
    if (++e.streak >= 2) delete w[k];
  } else {
    const snap = Object.assign({}, q, {id: src.id}, scenario ? {scenario} : {});
    delete snap.src;
    w[k] = {bank: src.bank, bankTitle: src.title, question: snap, streak: 0, added: e ? e.added : Date.now(), refHref: href || null};
  }
  store.set('wrong', w);
  return w[k] ? w[k].streak : 2;
}

/* Result code: LX1.<base64url(JSON)>.<crc32 of that text> — generator/results/code.py decodes it */
function crc32(s) {
  let r = -1;
  for (let i = 0; i < s.length; i++) {
    let c = (r ^ s.charCodeAt(i)) & 255;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xEDB88320 : c >>> 1;
    r = (r >>> 8) ^ c;
  }
  return ((r ^ -1) >>> 0).toString(16).padStart(8, '0');
}
function makeCode(data) {
  let bin = '';
  new TextEncoder().encode(JSON.stringify(data)).forEach(b => { bin += String.fromCharCode(b); });
  const body = btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return 'LX1.' + body + '.' + crc32(body);
}
function codeBox(code, say) {
  const id = uid(), ta = h('textarea', {id, readonly: true, rows: 4, class: 'lx-codetext', value: code});
  return h('div', {class: 'lx-code'}, h('label', {for: id}, '成绩码'), ta, button('复制成绩码', async () => {
    let ok = false;
    try { await navigator.clipboard.writeText(code); ok = true; } catch (e) { /* no clipboard API over http or file:// */ }
    if (!ok) { ta.focus(); ta.select(); try { ok = document.execCommand('copy'); } catch (e) { ok = false; } }
    say(ok ? '成绩码已复制，可以粘贴到微信发给培训老师' : '无法自动复制，请长按文本框全选后复制');
  }, 'lx-primary'));
}
function download(name, data) {
  const a = h('a', {href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], {type: 'application/json'})), download: name});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}
// The certificate prints alone: a copy goes into a body-level holder that print CSS shows by itself.
function certificate(p, title, score, when) {
  const cert = h('div', {class: 'lx-cert'},
    h('p', {class: 'lx-cert-t'}, '测验合格证明'),
    h('p', {class: 'lx-cert-name'}, p.name || '（未填写姓名）'),
    p.unit && h('p', {}, p.unit),
    h('p', {}, '参加“', title, '”，成绩 ', h('strong', {}, score + ' 分'), '，合格。'),
    p.id && h('p', {}, '学员编号：' + p.id),
    h('p', {class: 'lx-cert-date'}, when.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1 年 $2 月 $3 日')));
  return h('div', {class: 'lx-certbox'}, cert, button('打印合格证明', () => {
    const holder = h('div', {class: 'lx-print'}, cert.cloneNode(true));
    document.body.append(holder);
    document.body.classList.add('lx-printing');
    const done = () => { holder.remove(); document.body.classList.remove('lx-printing'); removeEventListener('afterprint', done); };
    addEventListener('afterprint', done);
    print();
    setTimeout(done, 1000);
  }));
}

/* Attempt: draw, shuffles and state. "attempt:<bank>" holds {version, seed, order, optionOrder,
   answers, flags, current, startedAt, deadline} plus `checked` (practice: questions already checked). */
function pick(bank, r) {
  const qs = bank.questions, bp = bank.blueprint || [], got = [];
  const fits = (f, q) => (!f.ref || q.ref === f.ref || (!f.ref.includes('#') && (q.ref || '').startsWith(f.ref + '#')))
    && (!f.difficulty || q.difficulty === f.difficulty) && (!f.type || q.type === f.type) && (!f.tag || (q.tags || []).includes(f.tag));
  bp.forEach(f => got.push(...shuffle(qs.filter(q => !got.includes(q) && fits(f, q)), r).slice(0, f.count)));
  const want = bank.draw || (bp.length ? bp.reduce((n, f) => n + f.count, 0) : qs.length);
  got.push(...shuffle(qs.filter(q => !got.includes(q)), r).slice(0, Math.max(0, want - got.length)));
  return (bank.shuffleQuestions ? shuffle(got, r) : qs.filter(q => got.includes(q))).map(q => q.id);
}
const drawn = bank => bank.draw || (bank.blueprint || []).reduce((n, f) => n + f.count, 0) || bank.questions.length;

function profileForm(label, need, go) {
  const p = store.get('profile', {}), err = h('p', {class: 'lx-err', role: 'alert'});
  const field = (k, text, ac) => {
    const id = uid();
    return h('p', {class: 'lx-field'}, h('label', {for: id}, text), h('input', {id, type: 'text', name: 'lx-' + k, value: p[k] || '', autocomplete: ac, required: need && k !== 'id'}));
  };
  return h('form', {class: 'lx-profile', novalidate: true, onsubmit: e => {
    e.preventDefault();
    const f = e.target.elements, v = {};
    ['name', 'unit', 'id'].forEach(k => { v[k] = f.namedItem('lx-' + k).value.trim(); });
    if (need && (!v.name || !v.unit)) {
      err.textContent = '请填写姓名和单位：成绩码和合格证明要用到。';
      return f.namedItem(v.name ? 'lx-unit' : 'lx-name').focus();
    }
    store.set('profile', v);
    go(v);
  }}, h('p', {class: 'lx-note'}, '以下信息只保存在本机，用于生成成绩码，可随时修改。'),
  field('name', '姓名', 'name'), field('unit', '单位（乡镇、村或社区）', 'organization'), field('id', '学员编号（选填）', 'off'), err,
  h('button', {type: 'submit', class: 'lx-primary lx-wide'}, label));
}

/* Runner: practice mode (check each question) and exam mode (answer sheet, flags, one submit) */
function run(root, bank, o) {
  const key = o.key || 'attempt:' + bank.id, hk = o.lite ? null : 'history:' + bank.id;
  const exam = bank.mode === 'exam', byId = {}, top = {}, tell = speaker();
  bank.questions.forEach(q => {
    byId[q.id] = q; top[q.id] = q.id;
    (q.questions || []).forEach(s => { byId[s.id] = s; top[s.id] = q.id; });
  });
  const bar = h('div', {class: 'lx-bar'}), main = h('div', {class: 'lx-main'}), past = h('div', {class: 'lx-hist'});
  const prog = h('span', {class: 'lx-prog'}), meter = h('i'), gauge = h('span', {class: 'lx-meter', 'aria-hidden': 'true'}, meter);
  const sheetBox = h('div', {class: 'lx-sheet', id: uid(), role: 'group', 'aria-label': '答题卡'});
  fill(root, bar, main, tell.el, past);
  let A = store.get(key), timer = 0, sheetOpen = false;
  if (A && A.version !== bank.version) { store.del(key); A = null; }
  if (A) { A.checked = A.checked || []; A.flags = A.flags || []; }
  const save = () => { if (A && !A.done) store.set(key, A); };
  const hist = () => (hk ? store.get(hk, []) : []);
  const subs = id => byId[id].questions || [byId[id]];
  const filled = id => subs(id).every(s => full(s, A.answers[s.id]));
  const allRight = id => subs(id).every(s => right(s, A.answers[s.id]));
  const src = q => q.src || {bank: bank.id, title: bank.title, id: q.id};
  const record = (q, ok) => {
    const parent = byId[top[q.id]], ref = q.ref || parent.ref;
    note(src(q), q, ok, parent !== q ? parent.scenario : null, ref && (o.ref({ref}) || {}).href);
  };
  const st = {
    get ans() { return A.answers; }, get perm() { return A.optionOrder; },
    set(id, a) { if (a == null) delete A.answers[id]; else A.answers[id] = a; save(); sheet(); },
    lock: () => false,
    show: id => !!A.done || (!exam && A.checked.includes(top[id])),
    ref: q => o.ref(q),
  };

  function fresh() {
    const seed = seed32(), r = rng(seed), order = pick(bank, r), perm = {}, now = Date.now();
    order.forEach(id => [byId[id], ...(byId[id].questions || [])].forEach(q => {
      if (T[q.type].perm) perm[q.id] = T[q.type].perm(q, r, bank.shuffleOptions);
    }));
    return {version: bank.version, seed, order, optionOrder: perm, answers: {}, flags: [], current: 0,
      startedAt: now, deadline: bank.timeLimit ? now + Math.round(bank.timeLimit * 60000) : null, checked: []};
  }
  function begin(focus) {
    clearInterval(timer);
    timer = 0;
    A = null;
    if (exam || bank.timeLimit) return intro(focus);
    A = fresh();
    show(0, focus);
  }
  function intro(focus) {
    const used = hist().length, left = exam && bank.attempts ? bank.attempts - used : null;
    const head = h('h2', {tabindex: -1}, left != null && left <= 0 ? '作答次数已用完' : exam ? '考前登记' : '开始前');
    fill(bar);
    if (left != null && left <= 0) {
      fill(main, h('div', {class: 'lx-panel lx-stop'}, head, h('p', {}, `本测验在本机最多作答 ${bank.attempts} 次，你已用完。`
        + '成绩以已交给老师的成绩码为准；如需重考，请联系培训老师。')));
    } else {
      const tl = bank.timeLimit, limit = tl && (tl < 1 ? Math.round(tl * 60) + ' 秒' : +tl.toFixed(1) + ' 分钟');
      const facts = [`共 ${drawn(bank)} 题`, `${bank.passMark} 分及格`, tl && `限时 ${limit}，到时自动交卷`,
        left != null && `本机还可作答 ${left} 次（共 ${bank.attempts} 次）`].filter(Boolean);
      fill(main, h('div', {class: 'lx-panel'}, head, h('p', {}, facts.join('；') + '。'),
        profileForm(exam ? '开始考试' : '开始练习', exam, () => { A = fresh(); save(); show(0, true); })));
    }
    if (focus) head.focus();
  }
  function show(i, focus, after) {
    A.current = i = Math.max(0, Math.min(i, A.order.length - 1));
    save();
    const id = A.order[i], n = A.order.length, done = !exam && A.checked.includes(id);
    const next = i < n - 1 ? button('下一题', () => show(i + 1, true), exam || done ? 'lx-primary' : '')
      : button(exam ? '交卷' : '完成', () => (exam || A.order.some(x => !A.checked.includes(x)) ? confirm() : finish()), 'lx-primary');
    const mid = exam ? button('标记', e => flag(id, e.target), 'lx-flagbtn', {'aria-pressed': String(A.flags.includes(id))})
      : button('确定', check, done ? '' : 'lx-primary', {disabled: done});
    const toggle = button(`答题卡`, () => {
      sheetOpen = !sheetOpen;
      toggle.setAttribute('aria-expanded', String(sheetOpen));
      sheet();
    }, 'lx-sheetbtn', {'aria-expanded': String(sheetOpen), 'aria-controls': sheetBox.id});
    fill(main, card(byId[id], st, `第 ${i + 1} 题`),
      h('div', {class: 'lx-nav'}, button('上一题', () => show(i - 1, true), '', {disabled: i === 0}), mid, next),
      h('div', {class: 'lx-tools'}, toggle, i < n - 1 && button(exam ? '交卷' : '结束练习', confirm),
        !exam && !bank.timeLimit && button('重新开始', () => { store.del(key); begin(true); })),
      sheetBox);
    if (!timer && A.deadline) clockStart();
    sheet();
    if (after) next.focus();
    else if (focus) main.querySelector('.lx-qh').focus();
  }
  function flag(id, btn) {
    const k = A.flags.indexOf(id), on = k < 0;
    if (on) A.flags.push(id); else A.flags.splice(k, 1);
    btn.setAttribute('aria-pressed', String(on));
    save();
    sheet();
  }
  function check() {
    const id = A.order[A.current], list = subs(id);
    if (!list.some(s => A.answers[s.id] != null)) return tell('请先作答，再点“确定”');
    A.checked.push(id);
    let good = 0;
    list.forEach(s => { const ok = right(s, A.answers[s.id]); good += ok; record(s, ok); });
    save();
    show(A.current, false, true);
    tell(list.length > 1 ? `答对 ${good} / ${list.length} 小题` : good ? '回答正确' : '回答错误，请看正确答案和解析');
  }
  function sheet() {
    if (!A || A.done) return;
    const n = A.order.length, got = A.order.filter(filled).length;
    if (!bar.contains(prog)) bar.prepend(prog, gauge);
    prog.textContent = `第 ${A.current + 1} / ${n} 题 · 已答 ${got}`;
    meter.style.width = (got / n * 100) + '%';
    sheetBox.hidden = !sheetOpen;
    if (!sheetOpen) return;
    fill(sheetBox, A.order.map((id, k) => {
      const fl = A.flags.includes(id), d = filled(id), ch = !exam && A.checked.includes(id);
      const state = [ch ? (allRight(id) ? '答对' : '答错') : d ? '已答' : '未答', fl && '已标记'].filter(Boolean).join('，');
      return button(String(k + 1), () => show(k, true), 'lx-cell' + (d ? ' lx-done' : '') + (fl ? ' lx-flag' : '')
        + (ch ? (allRight(id) ? ' lx-ok' : ' lx-bad') : ''), {'aria-label': `第 ${k + 1} 题：${state}`, 'aria-current': k === A.current ? 'step' : null});
    }), h('p', {class: 'lx-legend'}, exam ? '深色：已答；⚑：已标记' : '绿：答对；红：答错；深色：已答未核对'));
  }
  function clockStart() {
    const el = h('span', {class: 'lx-timer', role: 'timer'});
    bar.querySelector('.lx-timer') ? bar.querySelector('.lx-timer').replaceWith(el) : bar.append(el);
    let warned = 0;
    const tick = () => {
      const s = Math.max(0, Math.ceil((A.deadline - Date.now()) / 1000)), mark = s <= 60 ? 1 : s <= 300 ? 5 : 0;
      el.textContent = '剩余 ' + clock(s);
      el.classList.toggle('lx-urgent', s <= 60);
      if (mark && mark !== warned && s > 0) { warned = mark; tell(`剩余时间不足 ${mark} 分钟，到时将自动交卷`); }
      if (s <= 0) finish(true);
    };
    timer = setInterval(tick, 500);
    tick();
  }
  function confirm() {
    const miss = A.order.map((id, k) => (filled(id) ? 0 : k + 1)).filter(Boolean);
    const head = h('h2', {tabindex: -1}, exam ? '确认交卷' : '结束练习');
    const list = miss.length > 20 ? miss.slice(0, 20).join('、') + ' 等' : miss.join('、');
    fill(main, h('div', {class: 'lx-panel', role: 'region', 'aria-label': '确认'}, head,
      h('p', {}, miss.length ? `还有 ${miss.length} 题未答完（第 ${list} 题）。` : '全部题目都已作答。',
        exam ? '交卷后不能再修改答案。' : '未作答的题按答错计。'),
      h('div', {class: 'lx-nav'}, button('返回检查', () => show(A.current, true)),
        button(exam ? '确定交卷' : '结束并评分', () => finish(), 'lx-primary'))));
    head.focus();
  }
  function finish(auto) {
    clearInterval(timer);
    timer = 0;
    const now = Date.now(), r = {}, a = {}, q = [];
    let p = 0, m = 0;
    A.order.forEach(id => {
      if (byId[id].questions) q.push(id);
      subs(id).forEach(s => {
        const x = A.answers[s.id], ok = right(s, x);
        q.push(s.id);
        r[s.id] = +ok;
        if (x != null) a[s.id] = x;
        m += s.points;
        if (ok) p += s.points;
        if (exam || (x != null && !A.checked.includes(id))) record(s, ok);
      });
    });
    p = Math.round(p * 100) / 100;
    m = Math.round(m * 100) / 100;
    const sc = m ? Math.round(p / m * 1000) / 10 : 0, pass = sc >= bank.passMark, pf = store.get('profile', {});
    const t = Math.max(0, Math.round((Math.min(now, A.deadline || now) - A.startedAt) / 1000));
    const res = {v: 1, b: bank.id, bv: bank.version, s: A.seed, n: pf.name || '', u: pf.unit || '', i: pf.id || '',
      q, a, r, p, m, sc, ok: +pass, t, f: Math.floor(now / 1000)};
    const code = hk ? makeCode(res) : '';
    if (hk) store.set(hk, hist().concat([{finishedAt: now, score: sc, passed: pass, points: p, max: m, seconds: t, seed: A.seed, code}]));
    store.del(key);
    A.done = true;
    results(res, code, auto, pf);
    history();
    // for hosts such as the SCORM adapter, which report the result to an LMS
    document.dispatchEvent(new CustomEvent('lunxun:finished', {detail: {bank: bank.id, score: sc, passed: pass, points: p, max: m, seconds: t, code}}));
  }
  function results(res, code, auto, pf) {
    fill(bar);
    const hid = uid(), ids = Object.keys(res.r), good = ids.filter(x => res.r[x]).length;
    const anchor = k => hid + '-' + k, used = hist().length;
    const again = !(exam && bank.attempts && used >= bank.attempts);
    const head = h('h2', {id: hid, tabindex: -1}, o.lite ? `答对 ${good} / ${ids.length} 题` : `${res.sc} 分 · ${res.ok ? '合格' : '不合格'}`);
    fill(main, h('section', {class: 'lx-result ' + (res.ok ? 'lx-pass' : 'lx-fail'), 'aria-labelledby': hid}, head,
      auto && h('p', {class: 'lx-note', role: 'status'}, '时间到，系统已自动交卷。'),
      h('dl', {class: 'lx-facts'}, [!o.lite && ['得分', `${res.p} / ${res.m} 分（${res.sc} 分）`], !o.lite && ['及格线', bank.passMark + ' 分'],
        ['用时', dur(res.t)], ['答对', `${good} / ${ids.length} 题`]].filter(Boolean).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      h('ol', {class: 'lx-sheet lx-marks', 'aria-label': '逐题结果'}, A.order.map((id, k) => {
        const ok = allRight(id), some = subs(id).some(s => res.r[s.id]);
        return h('li', {}, h('a', {href: '#' + anchor(k), class: 'lx-cell ' + (ok ? 'lx-ok' : some ? 'lx-part' : 'lx-bad'),
          'aria-label': `第 ${k + 1} 题：${ok ? '答对' : some ? '部分答对' : '答错'}`}, k + 1));
      })),
      code && codeBox(code, tell),
      code && h('p', {class: 'lx-note'}, pf.name ? `成绩码含有姓名“${pf.name}”和本次作答，老师用它登记成绩。` : '提示：成绩码未含姓名，交给老师时请注明。'),
      code && res.ok === 1 && certificate(pf, bank.title, res.sc, day(res.f * 1000)),
      h('div', {class: 'lx-tools'},
        code && button('下载作答记录', () => download(`lunxun-${bank.id}-${day(res.f * 1000)}.json`,
          Object.assign({title: bank.title, code, startedAt: A.startedAt}, res))),
        again && button(exam ? '再考一次' : '再练一次', () => begin(true)),
        !root.dataset.standalone && h('a', {href: pageUrl('quizzes/cuotiben'), class: 'lx-button'}, '打开错题本')),
      h('h3', {}, '逐题回顾'),
      A.order.map((id, k) => { const el = card(byId[id], st, `第 ${k + 1} 题`, 4); el.id = anchor(k); return el; })));
    head.focus();
  }
  function history() {
    const H = hist();
    fill(past, ...(H.length ? [h('h2', {}, '本机作答记录'), h('ul', {class: 'lx-past'},
      H.map((e, k) => h('li', {}, h('details', {}, h('summary', {},
        `第 ${k + 1} 次 · ${stamp(e.finishedAt)} · ${e.score} 分 · ${e.passed ? '合格' : '不合格'} · 用时 ${dur(e.seconds)}`),
      e.code && codeBox(e.code, tell)))).reverse())] : []));
  }

  if (!A) begin(false);
  else if (A.deadline && Date.now() >= A.deadline) finish(true);
  else {
    show(A.current || 0, false);
    main.prepend(h('p', {class: 'lx-note', role: 'status'}, '已恢复上次未完成的作答。'));
  }
  history();
}

/* Wrong-answer book page: review, re-practise, clear */
// Stored snapshots are cleaned again before use: on file:// every local page shares localStorage.
const TAGS = 'P BR EM STRONG CODE PRE BLOCKQUOTE UL OL LI A IMG TABLE THEAD TBODY TR TH TD HR DEL SUB SUP H4 H5 H6 SPAN'.split(' ');
function scrub(html) {
  tpl.innerHTML = html || '';
  [...tpl.content.querySelectorAll('*')].forEach(el => {
    if (!TAGS.includes(el.tagName)) return el.remove();
    [...el.attributes].forEach(({name, value}) => {
      const url = name === 'href' || name === 'src';
      if (!['alt', 'title', 'class', 'data-blank'].includes(name) && !(url && /^(https?:|[^:]*$)/i.test(value) && !(name === 'src' && /^\w+:|^\/\//.test(value)))) el.removeAttribute(name);
    });
  });
  return tpl.innerHTML;
}
const scrubbed = q => Object.assign({}, q, {stem: scrub(q.stem), explain: scrub(q.explain), scenario: q.scenario && scrub(q.scenario),
  options: q.options && q.options.map(scrub), items: q.items && q.items.map(scrub), pairs: q.pairs && q.pairs.map(p => p.map(scrub))});
function wrongbook(root) {
  const tell = speaker();
  function draw() {
    const w = store.get('wrong', {}), groups = {};
    Object.keys(w).forEach(k => (groups[w[k].bank] = groups[w[k].bank] || []).push(w[k]));
    const keys = Object.keys(groups);
    if (!keys.length) return fill(root, h('p', {class: 'lx-empty'}, '错题本是空的：测验中答错的题会自动收进这里。'), tell.el);
    fill(root, h('p', {class: 'lx-note'}, `共 ${Object.keys(w).length} 道错题。再做一遍，连续答对两次即移出错题本。`),
      ...keys.map(b => h('section', {class: 'lx-group'}, h('h2', {}, groups[b][0].bankTitle + ' ', h('small', {}, groups[b].length + ' 题')),
        groups[b].map((e, k) => entry(e, k)))),
      clear(Object.keys(w).length), tell.el);
  }
  function entry(e, n) {
    const q = scrubbed(e.question), box = h('div', {class: 'lx-wcard'}), srcOf = {bank: e.bank, title: e.bankTitle, id: q.id};
    const href = /^(https?|file):/.test(e.refHref) && e.refHref;
    let st, shown, msg;
    const reset = focus => {
      const perm = {}, r = rng(seed32());
      if (T[q.type].perm) perm[q.id] = T[q.type].perm(q, r, false);
      st = {ans: {}, perm, set: (id, a) => { if (a == null) delete st.ans[id]; else st.ans[id] = a; },
        lock: () => false, show: () => shown, ref: () => href && {href, label: '相关方法'}};
      shown = false;
      msg = `已连续答对 ${e.streak} 次`;
      paint(focus);
    };
    const paint = focus => {
      fill(box, card(q, st, `第 ${n + 1} 题`, 3), h('p', {class: 'lx-note'}, msg), h('div', {class: 'lx-nav'}, shown
        ? button('再练一次', () => reset(true))
        : [button('确定', () => {
          if (st.ans[q.id] == null) return tell('请先作答，再点“确定”');
          const ok = right(q, st.ans[q.id]);
          e.streak = note(srcOf, e.question, ok, null, e.refHref);
          msg = !ok ? '答错了，连续答对次数清零。' : e.streak >= 2 ? '已连续答对两次，这道题已移出错题本。'
            : e.streak ? '答对了！再答对一次就移出错题本。' : '答对了。';
          shown = true;
          paint();
          tell(msg);
        }, 'lx-primary'), button('查看答案', () => { shown = true; msg = '看过答案后，可以点“再练一次”重新作答。'; paint(); })]));
      if (focus) box.querySelector('.lx-qh').focus();
    };
    reset();
    return box;
  }
  function clear(n) {
    const box = h('div', {class: 'lx-tools lx-clear'});
    const ask = () => {
      const head = h('p', {tabindex: -1}, `确定清空全部 ${n} 道错题吗？清空后不能恢复。`);
      fill(box, h('div', {class: 'lx-panel', role: 'region', 'aria-label': '确认清空'}, head, h('div', {class: 'lx-nav'},
        button('取消', () => { fill(box, start); start.focus(); }),
        button('清空', () => { store.del('wrong'); draw(); tell('错题本已清空'); }, 'lx-danger'))));
      head.focus();
    };
    const start = button('清空错题本', ask, 'lx-danger');
    box.append(start);
    return box;
  }
  draw();
}

/* Daily practice: `count` questions from all banks, the same for everyone on the same local date */
// The daily page carries no resolved ref links, so the method page's URL is built in the page's style.
const guessRef = ref => ({href: pageUrl('methods/' + ref.split('#')[0]) + (ref.includes('#') ? '#' + ref.split('#')[1] : ''), label: '相关方法'});
function loadBank(base, id) {
  return new Promise((ok, fail) => {
    if ((window.lunxunBanks || {})[id]) return ok();
    document.head.append(h('script', {src: base + 'assets/lunxun/banks/' + encodeURIComponent(id) + '.js', onload: ok, onerror: fail}));
  });
}
function daily(root, data) {
  const date = day(Date.now()), all = [], base = siteRoot();
  Object.keys(data.banks).forEach(b => data.banks[b].questions.forEach(q => all.push(b + '/' + q)));
  all.sort();
  const picks = shuffle(all, rng(+date.replace(/-/g, ''))).slice(0, data.count);  // seed: the date as YYYYMMDD
  fill(root, h('p', {class: 'lx-quiz-loading'}, '题目加载中……'));
  Promise.all([...new Set(picks.map(p => p.split('/')[0]))].map(b => loadBank(base, b))).then(() => {
    const qs = picks.map(p => {
      const [b, id] = p.split('/'), bank = window.lunxunBanks[b];
      return Object.assign({}, bank.questions.find(x => x.id === id), {id: p, src: {bank: b, title: bank.title, id}});
    });
    fill(root);
    run(root, {id: 'meiri', title: '每日一练', mode: 'practice', passMark: 0, timeLimit: null, questions: qs, blueprint: [],
      shuffleQuestions: false, shuffleOptions: true, version: date + '|' + picks.join()},
    {key: 'daily', lite: true, ref: q => guessRef(q.ref)});
    root.prepend(h('p', {class: 'lx-note'}, `${date} 的 ${qs.length} 道题`));
  }, () => fill(root, h('p', {class: 'lx-err'}, '题库加载失败，请检查网络后刷新页面。')));
}

/* Start: on every page, idempotently (also after Material's instant navigation) */
const claim = el => { el.setAttribute('data-lx-on', ''); el.classList.add('lx-app'); };
function start() {
  document.querySelectorAll('.lx-quiz:not([data-lx-on])').forEach(el => {
    claim(el);
    let bank = null;
    document.querySelectorAll('script.lx-bank-data').forEach(s => {
      try { const b = JSON.parse(s.textContent); if (b.id === el.dataset.bank) bank = b; } catch (e) { /* another bank */ }
    });
    bank = bank || (window.lunxunBanks || {})[el.dataset.bank];
    if (!bank) return fill(el, h('p', {class: 'lx-err'}, '题库数据缺失，无法开始测验。'));
    const refs = {};
    document.querySelectorAll('.lx-refs a[data-ref]').forEach(a => { refs[a.dataset.ref] = {href: a.href, label: a.textContent.trim()}; });
    run(el, bank, {ref: q => refs[q.ref] || null});
    if (window.performance && performance.mark) performance.mark('lunxun-quiz-ready');
  });
  document.querySelectorAll('.lx-wrongbook:not([data-lx-on])').forEach(el => { claim(el); wrongbook(el); });
  document.querySelectorAll('.lx-daily:not([data-lx-on])').forEach(el => {
    claim(el);
    const s = document.querySelector('script.lx-daily-data');
    try { daily(el, JSON.parse(s.textContent)); } catch (e) { fill(el, h('p', {class: 'lx-err'}, '每日一练数据缺失。')); }
  });
}
start();
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
})();
