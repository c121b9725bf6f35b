/* blank: inputs in the stem's slots; width, case, spaces and punctuation do not matter */
// After NFKC (full width → half width): spaces and ASCII, general and CJK punctuation dropped, lower
// case. generator/grading/rules.py spells out the same class; tests/data/grading_cases.json holds both.
const normaliseBlank = text => String(text).normalize('NFKC')
  .replace(/[\s!-\/:-@\[-`{-~\u00a1-\u00bf\u2010-\u205e\u3000-\u303f\ufe10-\ufe6b\uff5f-\uff65]/g, '').toLowerCase();
// Whether `text` fills blank number `k`: some accepted text reads the same.
const blankFits = (question, k, text) => typeof text === 'string' && !!normaliseBlank(text)
  && question.answer[k].some(accepted => normaliseBlank(accepted) === normaliseBlank(text));

// A trainer-graded page ships `blanks` (how many) instead of the accepted texts.
const blankCount = question => (Array.isArray(question.answer) ? question.answer.length : question.blanks);

TYPES.blank = {
  name: '填空题',
  view(control, stem) {
    const texts = (control.answer || []).slice(), question = control.question;
    stem.querySelectorAll('.lx-slot').forEach(slot => {
      const k = +slot.dataset.blank;  // no key on the page: a width that tells nothing
      const width = question.answer ? Math.max(...question.answer[k].map(x => x.length)) + 2 : 8;
      slot.replaceWith(h('input', {
        type: 'text', class: 'lx-blank' + (control.shown ? (blankFits(question, k, texts[k]) ? ' lx-ok' : ' lx-bad') : ''),
        'aria-label': '第 ' + (k + 1) + ' 空', value: texts[k] || '', disabled: control.locked, autocomplete: 'off',
        style: 'width:' + Math.min(width, 14) + 'em',
        oninput: e => {
          texts[k] = e.target.value;
          control.set(texts.some(x => x && x.trim()) ? range(blankCount(question)).map(j => texts[j] || '') : null);
        },
      }));
    });
  },
  right: (question, answer) => Array.isArray(answer) && question.answer.every((_, k) => blankFits(question, k, answer[k])),
  key: question => question.answer.map((accepted, k) => (question.answer.length > 1 ? '第 ' + (k + 1) + ' 空：' : '')
    + accepted.join(' 或 ')).join('；'),
  answerFits: (question, answer) => Array.isArray(answer) && answer.length === blankCount(question)
    && answer.every(x => typeof x === 'string'),
  valid: question => typeof question.stem === 'string' && Array.isArray(question.answer) && question.answer.length > 0
    && question.answer.every(isTextList),
};
