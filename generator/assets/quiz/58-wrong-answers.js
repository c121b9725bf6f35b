/* The wrong-answer book's store: "wrong" → {"bank/qid": {bank, bankTitle, question, streak, added, refHref, shuffle}}
   (shuffle: whether the question's bank shows its options in a shuffled order; older entries lack it: true).
   A wrong answer (re)sets the streak to 0; two right answers in a row remove the entry. */
const cleanWrongEntry = entry => isMap(entry) && typeof entry.bank === 'string' && isMap(entry.question)
  && typeof entry.question.id === 'string' && TYPES[entry.question.type] && TYPES[entry.question.type].valid
  && TYPES[entry.question.type].valid(entry.question)
  ? Object.assign({}, entry, {bankTitle: stringOr(entry.bankTitle, entry.bank), streak: isIndex(entry.streak, 2) ? entry.streak : 0,
    added: numberOr(entry.added, 0), refHref: stringOr(entry.refHref, null), shuffle: entry.shuffle !== false})
  : undefined;
// Entries that cannot be shown are dropped (their text stays in the set-aside copy); the others are kept.
function cleanWrongBook(book) {
  if (!isMap(book)) return undefined;
  const kept = {};
  Object.keys(book).forEach(key => { const entry = cleanWrongEntry(book[key]); if (entry) kept[key] = entry; });
  return kept;
}
const readWrongBook = () => store.get('wrong', cleanWrongBook, {});

// Records one graded answer; returns the streak after it (2: the entry is gone or was never there).
function noteAnswer(source, question, right, scenario, href) {
  const key = source.bank + '/' + source.id, book = readWrongBook(), entry = book[key];
  if (right) {
    if (!entry) return 0;
    if (++entry.streak >= 2) delete book[key];
  } else {
    const snapshot = Object.assign({}, question, {id: source.id}, scenario ? {scenario} : {});
    delete snapshot.src;
    book[key] = {bank: source.bank, bankTitle: source.title, question: snapshot, streak: 0,
      added: entry ? entry.added : Date.now(), refHref: href || null, shuffle: source.shuffle !== false};
  }
  store.set('wrong', book);
  return book[key] ? book[key].streak : 2;
}
