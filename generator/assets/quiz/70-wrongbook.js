/* Wrong-answer book page (错题本): review, re-practise, clear.
   Stored snapshots are cleaned again before use: on file:// every local page shares localStorage. */
const KEPT_TAGS = 'P BR EM STRONG CODE PRE BLOCKQUOTE UL OL LI A IMG TABLE THEAD TBODY TR TH TD HR DEL SUB SUP H4 H5 H6 SPAN'.split(' ');
const KEPT_ATTRIBUTES = ['alt', 'title', 'class', 'data-blank'];
// A URL attribute as a browser reads it: tabs and line breaks dropped anywhere, spaces and control
// characters dropped at both ends, a backslash taken for a slash (so "/\evil.example" is "//evil.example").
const urlAsRead = value => value.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').replace(/\\/g, '/');
// On this site: no scheme and no other host. generator/render/text.py's is_local_url is the same rule.
const isLocalUrl = value => { const url = urlAsRead(value); return !/^[^\/?#]*:/.test(url) && !url.startsWith('//'); };
// Images must be local (a remote one would tell another host who opened the page); links may also go to the web.
const keepsUrl = (name, value) => isLocalUrl(value) || (name === 'href' && /^https?:\/\/[^\/]/i.test(urlAsRead(value)));

function scrubHtml(html) {
  const box = template();
  box.innerHTML = html || '';
  [...box.content.querySelectorAll('*')].forEach(element => {
    if (!KEPT_TAGS.includes(element.tagName)) return element.remove();
    [...element.attributes].forEach(({name, value}) => {
      const isUrl = name === 'href' || name === 'src';
      if (!KEPT_ATTRIBUTES.includes(name) && !(isUrl && keepsUrl(name, value))) element.removeAttribute(name);
    });
  });
  return box.innerHTML;
}
const scrubQuestion = question => Object.assign({}, question, {stem: scrubHtml(question.stem), explain: scrubHtml(question.explain),
  scenario: question.scenario && scrubHtml(question.scenario), options: question.options && question.options.map(scrubHtml),
  items: question.items && question.items.map(scrubHtml), pairs: question.pairs && question.pairs.map(pair => pair.map(scrubHtml))});

// Due reviews first (soonest first), then the others with their review dates.
function wrongBookPage(root) {
  const say = speaker();
  const draw = () => {
    const book = readWrongBook(), now = Date.now(), entries = entriesByDue(book);
    if (!entries.length) return fill(root, h('p', {class: 'lx-empty'}, '错题本是空的：测验中答错的题会自动收进这里。'), say.el);
    const due = entries.filter(entry => isDue(entry, now)), later = entries.filter(entry => !isDue(entry, now));
    const group = (title, list, offset) => list.length && h('section', {class: 'lx-group'}, h('h2', {}, title + ' ', h('small', {}, list.length + ' 题')),
      list.map((entry, k) => wrongBookEntry(entry, offset + k, say)));
    fill(root, h('p', {class: 'lx-note'}, `共 ${entries.length} 道错题，今天该复习 ${due.length} 道。`
      + '按记忆规律安排复习：答错的题第二天再练，答对后间隔逐次拉长，约半个月后仍记得就移出错题本。'),
    group('今天该复习', due, 0), group('其余错题', later, due.length), clearBookTools(entries.length, draw, say), say.el);
  };
  draw();
}

const reviewDayText = due => { const day = new Date(due); return `${day.getMonth() + 1} 月 ${day.getDate()} 日`; };

// One entry: answer it again (确定), or look at the key (查看答案), then 再练一次.
function wrongBookEntry(entry, position, say) {
  const question = scrubQuestion(entry.question), box = h('div', {class: 'lx-wcard'});
  const source = {bank: entry.bank, title: entry.bankTitle, id: question.id};
  const href = /^(https?|file):/.test(entry.refHref) && entry.refHref;
  const state = {board: null, shown: false, message: ''};
  const reset = focus => {
    const perms = {}, random = mulberry32(newSeed()), answers = {};
    // options in a new order each time, as the bank shows them, so remembering the letter does not help
    if (TYPES[question.type].perm) perms[question.id] = TYPES[question.type].perm(question, random, entry.shuffle !== false);
    state.board = {answers, perms, set: (id, answer) => { if (answer == null) delete answers[id]; else answers[id] = answer; },
      isLocked: () => false, isShown: () => state.shown, refOf: () => href && {href, label: '相关方法'}};
    state.shown = false;
    state.message = `${entry.bankTitle} · 下次复习：${isDue(entry, Date.now()) ? '今天' : reviewDayText(entry.review.due)}`;
    paint(focus);
  };
  const check = () => {
    const answer = state.board.answers[question.id];
    if (answer == null) return say('请先作答，再点“确定”');
    const right = isRight(question, answer), now = Date.now();
    const kept = noteAnswer(Object.assign({shuffle: entry.shuffle}, source), entry.question, right, null, entry.refHref, now);
    if (kept) entry.review = kept.review;
    state.message = !right ? '答错了，明天再复习这道题。' : !kept ? '答对了，已经记牢，这道题已移出错题本。'
      : `答对了！下次复习：${reviewDayText(kept.review.due)}。`;
    state.shown = true;
    paint();
    say(state.message);
  };
  const reveal = () => { state.shown = true; state.message = '看过答案后，可以点“再练一次”重新作答。'; paint(); };
  const paint = focus => {
    fill(box, questionCard(question, state.board, `第 ${position + 1} 题`, 3), h('p', {class: 'lx-note'}, state.message),
      h('div', {class: 'lx-nav'}, state.shown ? button('再练一次', () => reset(true))
        : [button('确定', check, 'lx-primary'), button('查看答案', reveal)]));
    if (focus) box.querySelector('.lx-qh').focus();
  };
  reset();
  return box;
}

function clearBookTools(count, redraw, say) {
  const box = h('div', {class: 'lx-tools lx-clear'});
  const ask = () => {
    const head = h('p', {tabindex: -1}, `确定清空全部 ${count} 道错题吗？清空后不能恢复。`);
    fill(box, h('div', {class: 'lx-panel', role: 'region', 'aria-label': '确认清空'}, head, h('div', {class: 'lx-nav'},
      button('取消', () => { fill(box, start); start.focus(); }),
      button('清空', () => { store.del('wrong'); redraw(); say('错题本已清空'); }, 'lx-danger'))));
    head.focus();
  };
  const start = button('清空错题本', ask, 'lx-danger');
  box.append(start);
  return box;
}
