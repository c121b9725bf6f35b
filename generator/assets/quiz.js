/* lunxun quiz engine, 3 of 3: takes over the .lx-quiz, .lx-daily and .lx-wrongbook placeholders.
   Plain ES2017 with no dependencies and no network requests except the site's own bank scripts
   (daily practice). State lives in localStorage under "lunxun:v1:"; see the storage notes in
   the sections below. Pages without those placeholders are left untouched. */
(() => {
'use strict';
const {P, store, h, fill, button, tpl, day, rng, shuffle, seed32, speaker, siteRoot, pageUrl, T, right, card, note, run} = window.lunxunQuiz;

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
