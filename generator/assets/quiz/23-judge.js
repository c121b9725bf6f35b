/* judge: 正确 (1) or 错误 (0) */
TYPES.judge = {
  name: '判断题',
  view: control => choiceList(control, 'radio', ['正确', '错误'], [control.question.answer ? 0 : 1],
    i => control.answer === 1 - i, i => control.set(1 - i)),
  right: (question, answer) => answer === (question.answer ? 1 : 0),
  key: question => (question.answer ? '正确' : '错误'),
  answerFits: (question, answer) => answer === 0 || answer === 1,
  valid: question => typeof question.answer === 'boolean',
};
