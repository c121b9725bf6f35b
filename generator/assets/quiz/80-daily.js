/* Daily practice (每日一练): `count` questions a day. Up to half are the trainee's own 错题本 reviews that fall
   due (chosen once a day, kept under "daily-reviews"); the rest are new questions from all banks, in an order
   that is the same for everyone on the same local date. */
// The daily page carries no resolved ref links, so the method page's URL is built in the page's style.
const guessRef = ref => ({href: pageUrl('methods/' + ref.split('#')[0]) + (ref.includes('#') ? '#' + ref.split('#')[1] : ''), label: '相关方法'});
function loadBank(base, id) {
  return new Promise((loaded, failed) => {
    if ((window.lunxunBanks || {})[id]) return loaded();
    document.head.append(h('script', {src: base + 'assets/lunxun/banks/' + encodeURIComponent(id) + '.js', onload: loaded, onerror: failed}));
  });
}
// Today's new questions: every "bank/question" id sorted, shuffled with the date (YYYYMMDD) as the seed.
function dailyPicks(data, date, skip = []) {
  const all = [];
  Object.keys(data.banks).forEach(bank => data.banks[bank].questions.forEach(id => all.push(bank + '/' + id)));
  all.sort();
  return shuffle(all, mulberry32(+date.replace(/-/g, ''))).filter(pick => !skip.includes(pick)).slice(0, data.count - skip.length);
}
const cleanDailyReviews = value => (isMap(value) && typeof value.date === 'string' && Array.isArray(value.keys)
  && value.keys.every(key => typeof key === 'string') ? value : undefined);
// The 错题本 entries reviewed today: the due ones soonest first, chosen at the day's first visit; only of
// `banks` (the daily data's: a trainer-graded exam's questions, in the book once its answers are released, stay out).
function dailyReviews(date, count, now, banks) {
  const book = readWrongBook(), saved = store.get('daily-reviews', cleanDailyReviews, null);
  const keys = saved && saved.date === date ? saved.keys
    : entriesByDue(book).filter(entry => isDue(entry, now) && {}.hasOwnProperty.call(banks, entry.bank)).slice(0, Math.ceil(count / 2)).map(entry => entry.bank + '/' + entry.question.id);
  if (!saved || saved.date !== date) store.set('daily-reviews', {date, keys});
  return keys.filter(key => book[key]).map(key => book[key]);
}
const reviewQuestion = entry => Object.assign(scrubQuestion(entry.question), {id: entry.bank + '/' + entry.question.id,
  src: {bank: entry.bank, title: entry.bankTitle, id: entry.question.id, shuffle: entry.shuffle}});
function dailyPage(root, data) {
  const now = Date.now(), date = dayText(now), reviews = dailyReviews(date, data.count, now, data.banks).map(reviewQuestion);
  const picks = dailyPicks(data, date, reviews.map(question => question.id)), base = siteRoot();
  fill(root, h('p', {class: 'lx-quiz-loading'}, '题目加载中……'));
  Promise.all([...new Set(picks.map(pick => pick.split('/')[0]))].map(bank => loadBank(base, bank))).then(() => {
    const questions = reviews.concat(picks.map(pick => {
      const [bankId, id] = pick.split('/'), bank = window.lunxunBanks[bankId];
      return Object.assign({}, bank.questions.find(question => question.id === id), {id: pick, src: {bank: bankId, title: bank.title, id, shuffle: bank.shuffleOptions}});
    }));
    fill(root);
    runQuiz(root, {id: 'meiri', title: '每日一练', mode: 'practice', passMark: 0, timeLimit: null, questions, blueprint: [],
      shuffleQuestions: false, shuffleOptions: true, version: date + '|' + questions.map(question => question.id).join()},
    {key: 'daily', lite: true, ref: question => guessRef(question.ref)});
    root.prepend(h('p', {class: 'lx-note'}, `${date} 的 ${questions.length} 道题`
      + (reviews.length ? `：前 ${reviews.length} 道是错题本里今天该复习的题，其余是新题` : '')));
  }, () => fill(root, h('p', {class: 'lx-err'}, '题库加载失败，请检查网络后刷新页面。')));
}
