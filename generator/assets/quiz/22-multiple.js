/* multiple: exactly the set of options */
const sortedLetters = indexes => indexes.map(i => LETTERS[i]).sort().join('');
TYPES.multiple = {
  name: '多选题',
  perm: optionPerm,
  view(control) {
    const on = new Set((control.answer || '').split(''));
    return choiceList(control, 'checkbox', control.question.options, control.question.answer, i => on.has(LETTERS[i]), (i, checked) => {
      on[checked ? 'add' : 'delete'](LETTERS[i]);
      control.set([...on].filter(Boolean).sort().join('') || null);
    }, true);
  },
  right: (question, answer) => answer === sortedLetters(question.answer),
  key: (question, control) => keyOptions(control, question.answer),
  answerFits: (question, answer) => typeof answer === 'string' && answer.length > 0
    && answer === [...new Set(answer)].sort().join('') && [...answer].every(letter => isIndex(LETTERS.indexOf(letter), question.options.length)),
  valid: question => hasOptions(question) && Array.isArray(question.answer) && question.answer.every(i => isIndex(i, question.options.length)),
};
