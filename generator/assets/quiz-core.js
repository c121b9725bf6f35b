/* lunxun quiz engine, 1 of 3: helpers, the seven question types and the question card.
   quiz-run.js (attempts, practice and exam, result codes) and quiz.js (the pages and start-up)
   build on it through window.lunxunQuiz. Plain ES2017, no dependencies, no build step. */
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
    const chip = (i, k) => button([k != null && h('b', {}, k + 1), h('span', {html: q.items[i]})], () => {
      if (box.dragged) return;
      if (k == null) put.push(i); else put.splice(k, 1);
      save(k == null ? '.lx-pool button' : '.lx-put button');
    }, 'lx-chip' + (c.show && k != null ? (i === k ? ' lx-ok' : ' lx-bad') : ''), {
      'data-i': i, disabled: c.lock,
      'aria-label': (k == null ? '放入下一位：' : '第 ' + (k + 1) + ' 位：') + txt(q.items[i]) + (k == null ? '' : '（点按退回）'),
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

window.lunxunQuiz = {P, store, h, fill, button, tpl, uid, clock, dur, day, stamp, rng, shuffle, seed32, speaker, siteRoot, pageUrl, T, right, full, card};
})();
