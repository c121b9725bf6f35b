/* match: a list of right-hand items to choose from for each left item */
// Right when the chosen right-hand text is the left item's own (two pairs may share a text).
const matchFits = (question, k, chosen) => isIndex(chosen, question.pairs.length) && question.pairs[chosen][1] === question.pairs[k][1];
TYPES.match = {
  name: '配对题',
  perm: (question, random) => mix(question.pairs.length, random),
  view(control) {
    const question = control.question, chosen = control.answer ? control.answer.slice() : question.pairs.map(() => null);
    return h('div', {class: 'lx-match', role: 'group', 'aria-labelledby': control.labelId}, question.pairs.map((pair, k) => {
      const id = uniqueId();
      return h('div', {class: 'lx-pair' + (control.shown ? (matchFits(question, k, chosen[k]) ? ' lx-ok' : ' lx-bad') : '')},
        h('label', {for: id, html: pair[0]}),
        h('select', {id, disabled: control.locked, onchange: event => {
          chosen[k] = event.target.value === '' ? null : +event.target.value;
          control.set(chosen.some(choice => choice != null) ? chosen.slice() : null);
        }}, h('option', {value: ''}, '请选择…'),
        control.perm.map(j => h('option', {value: j, selected: chosen[k] === j}, textOf(question.pairs[j][1])))));
    }));
  },
  right: (question, answer) => Array.isArray(answer) && question.pairs.every((_, k) => matchFits(question, k, answer[k])),
  key: question => h('ul', {class: 'lx-keylist'}, question.pairs.map(pair => h('li', {}, h('span', {html: pair[0]}), ' → ', h('span', {html: pair[1]})))),
  answerFits: (question, answer) => Array.isArray(answer) && answer.length === question.pairs.length
    && answer.every(choice => choice === null || isIndex(choice, question.pairs.length)),
  valid: question => Array.isArray(question.pairs) && question.pairs.length > 0
    && question.pairs.every(pair => isTextList(pair) && pair.length === 2),
};
