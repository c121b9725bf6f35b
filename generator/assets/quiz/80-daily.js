/* Daily practice (每日一练): `count` questions from all banks, the same for everyone on the same local date */
// The daily page carries no resolved ref links, so the method page's URL is built in the page's style.
const guessRef = ref => ({href: pageUrl('methods/' + ref.split('#')[0]) + (ref.includes('#') ? '#' + ref.split('#')[1] : ''), label: '相关方法'});
function loadBank(base, id) {
  return new Promise((loaded, failed) => {
    if ((window.lunxunBanks || {})[id]) return loaded();
    document.head.append(h('script', {src: base + 'assets/lunxun/banks/' + encodeURIComponent(id) + '.js', onload: loaded, onerror: failed}));
  });
}
// Today's picks: every "bank/question" id sorted, shuffled with the date (YYYYMMDD) as the seed.
function dailyPicks(data, date) {
  const all = [];
  Object.keys(data.banks).forEach(bank => data.banks[bank].questions.forEach(id => all.push(bank + '/' + id)));
  all.sort();
  return shuffle(all, mulberry32(+date.replace(/-/g, ''))).slice(0, data.count);
}
function dailyPage(root, data) {
  const date = dayText(Date.now()), picks = dailyPicks(data, date), base = siteRoot();
  fill(root, h('p', {class: 'lx-quiz-loading'}, '题目加载中……'));
  Promise.all([...new Set(picks.map(pick => pick.split('/')[0]))].map(bank => loadBank(base, bank))).then(() => {
    const questions = picks.map(pick => {
      const [bankId, id] = pick.split('/'), bank = window.lunxunBanks[bankId];
      return Object.assign({}, bank.questions.find(question => question.id === id), {id: pick, src: {bank: bankId, title: bank.title, id, shuffle: bank.shuffleOptions}});
    });
    fill(root);
    runQuiz(root, {id: 'meiri', title: '每日一练', mode: 'practice', passMark: 0, timeLimit: null, questions, blueprint: [],
      shuffleQuestions: false, shuffleOptions: true, version: date + '|' + picks.join()},
    {key: 'daily', lite: true, ref: question => guessRef(question.ref)});
    root.prepend(h('p', {class: 'lx-note'}, `${date} 的 ${questions.length} 道题`));
  }, () => fill(root, h('p', {class: 'lx-err'}, '题库加载失败，请检查网络后刷新页面。')));
}
