/* Start: on every page, idempotently (also after Material's instant navigation). Pages without
   the .lx-quiz, .lx-daily or .lx-wrongbook placeholders are left untouched. */
const claim = element => { element.setAttribute('data-lx-on', ''); element.classList.add('lx-app'); };
// The page's bank: its inline JSON, else a banks/<id>.js script already loaded.
function pageBank(id) {
  let found = null;
  document.querySelectorAll('script.lx-bank-data').forEach(script => {
    try { const bank = JSON.parse(script.textContent); if (bank.id === id) found = bank; } catch (error) { /* another bank */ }
  });
  return found || (window.lunxunBanks || {})[id];
}
function start() {
  document.querySelectorAll('.lx-quiz:not([data-lx-on])').forEach(element => {
    claim(element);
    const bank = pageBank(element.dataset.bank);
    if (!bank) return fill(element, h('p', {class: 'lx-err'}, '题库数据缺失，无法开始测验。'));
    const refs = {};
    document.querySelectorAll('.lx-refs a[data-ref]').forEach(link => { refs[link.dataset.ref] = {href: link.href, label: link.textContent.trim()}; });
    runQuiz(element, bank, {ref: question => refs[question.ref] || null});
    if (window.performance && performance.mark) performance.mark('lunxun-quiz-ready');
  });
  // quiz-exam.js (render/bundle.py) has neither the 错题本 nor the 每日一练 page; typeof reads a missing name safely
  if (typeof wrongBookPage !== 'function') return;
  document.querySelectorAll('.lx-wrongbook:not([data-lx-on])').forEach(element => { claim(element); wrongBookPage(element); });
  document.querySelectorAll('.lx-daily:not([data-lx-on])').forEach(element => {
    claim(element);
    const script = document.querySelector('script.lx-daily-data');
    try { dailyPage(element, JSON.parse(script.textContent)); } catch (error) { fill(element, h('p', {class: 'lx-err'}, '每日一练数据缺失。')); }
  });
}
start();
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
