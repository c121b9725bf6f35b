/* The wrong-answer book's store: "wrong" → {"bank/qid": {bank, bankTitle, question, review, added, refHref, shuffle}}
   (review: the FSRS card of 57-review-schedule.js; shuffle: whether the question's bank shows its options in a
   shuffled order; older entries lack it: true). A wrong answer enters the question, due again the next day; each
   graded answer reschedules it, and it leaves once it is mastered. Entries written before the scheduler (with a
   "streak" instead of a card) are due at once. */
const cleanWrongEntry = entry => isMap(entry) && typeof entry.bank === 'string' && isMap(entry.question)
  && typeof entry.question.id === 'string' && TYPES[entry.question.type] && TYPES[entry.question.type].valid
  && TYPES[entry.question.type].valid(entry.question)
  ? Object.assign({}, entry, {bankTitle: stringOr(entry.bankTitle, entry.bank), added: numberOr(entry.added, 0),
    review: isCard(entry.review) ? entry.review : Object.assign(reviewCard(null, false, numberOr(entry.added, 0)), {due: 0}),
    refHref: stringOr(entry.refHref, null), shuffle: entry.shuffle !== false})
  : undefined;
// Entries that cannot be shown are dropped (their text stays in the set-aside copy); the others are kept.
function cleanWrongBook(book) {
  if (!isMap(book)) return undefined;
  const kept = {};
  Object.keys(book).forEach(key => { const entry = cleanWrongEntry(book[key]); if (entry) kept[key] = entry; });
  return kept;
}
const readWrongBook = () => store.get('wrong', cleanWrongBook, {});

// Records one graded answer; returns the entry as it now stands (null: not in the book, or it just left it).
function noteAnswer(source, question, right, scenario, href, now = Date.now()) {
  const key = source.bank + '/' + source.id, book = readWrongBook(), entry = book[key];
  if (right) {
    if (!entry) return null;
    entry.review = reviewCard(entry.review, true, now);
    if (isMastered(entry.review)) delete book[key];
  } else {
    const snapshot = Object.assign({}, question, {id: source.id}, scenario ? {scenario} : {});
    delete snapshot.src;
    book[key] = {bank: source.bank, bankTitle: source.title, question: snapshot, review: reviewCard(entry ? entry.review : null, false, now),
      added: entry ? entry.added : now, refHref: href || null, shuffle: source.shuffle !== false};
  }
  store.set('wrong', book);
  return book[key] || null;
}

// The book's entries, the ones due soonest first (ties: the older entry first).
const entriesByDue = book => Object.keys(book).sort((a, b) => book[a].review.due - book[b].review.due
  || book[a].added - book[b].added || (a < b ? -1 : 1)).map(key => book[key]);
// Due today: the review falls before the end of the local day.
const endOfDay = now => { const day = new Date(now); day.setHours(24, 0, 0, 0); return day.getTime(); };
const isDue = (entry, now) => entry.review.due < endOfDay(now);
