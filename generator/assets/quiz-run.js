/* lunxun quiz engine, 2 of 3: the wrong-answer store, result codes, certificates, drawing an
   attempt, and the runner for practice and exam mode. */
(() => {
'use strict';
const {store, h, fill, button, uid, clock, dur, day, stamp, rng, shuffle, seed32, speaker, pageUrl, T, right, full, card} = window.lunxunQuiz;

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

Object.assign(window.lunxunQuiz, {note, run});
})();
