/* single: one option */
TYPES.single = {
  name: '单选题',
  perm: optionPerm,
  view: control => choiceList(control, 'radio', control.question.options, [control.question.answer],
    i => control.answer === LETTERS[i], i => control.set(LETTERS[i]), true),
  right: (question, answer) => answer === LETTERS[question.answer],
  key: (question, control) => keyOptions(control, [question.answer]),
  answerFits: (question, answer) => typeof answer === 'string' && answer.length === 1 && LETTERS.indexOf(answer) >= 0
    && LETTERS.indexOf(answer) < question.options.length,
  valid: question => hasOptions(question) && isIndex(question.answer, question.options.length),
};
