/* Question types, one section each, registered in TYPES[type]:
     name                          the heading's label
     perm(question, random, mixed) display order of the authored indexes (types that shuffle)
     view(control, stem)           builds the controls
     right(question, answer)       grades an answer of the right shape (see answerFits)
     key(question, control)        shows the correct answer
     answerFits(question, answer)  whether a stored answer has this type's shape
     valid(question)               whether a stored question (错题本) can be shown and graded
   control = {question, answer (so far), set(answer), perm, locked, shown, labelId (heading id)}.
   Answers are stored as in the result code: single "B", multiple "ACD", judge 1/0, blank
   [texts], order [authored indexes as placed], match [authored right index or null per left item]. */
const TYPES = {};

const isIndex = (value, size) => Number.isInteger(value) && value >= 0 && value < size;
const isTextList = value => Array.isArray(value) && value.length > 0 && value.every(item => typeof item === 'string');
const keyOptions = (control, indexes) => indexes.map(i => h('span', {class: 'lx-key'},
  LETTERS[control.perm.indexOf(i)] + '. ', h('span', {html: control.question.options[i]})));

// Radio buttons or check boxes over `labels` in display order; `correct` are the authored indexes.
function choiceList(control, inputType, labels, correct, isOn, toggle, lettered) {
  const order = control.perm || range(labels.length);
  return h('div', {role: inputType === 'radio' ? 'radiogroup' : 'group', 'aria-labelledby': control.labelId, class: 'lx-opts'},
    order.map((i, shownAt) => {
      const on = isOn(i), mark = control.shown ? (correct.includes(i) ? ' lx-ok' : on ? ' lx-bad' : '') : '';
      return h('label', {class: 'lx-opt' + mark},
        h('input', {type: inputType, name: control.labelId, checked: on, disabled: control.locked, onchange: event => toggle(i, event.target.checked)}),
        lettered && h('b', {}, LETTERS[shownAt]), h('span', {html: labels[i]}));
    }));
}
const optionPerm = (question, random, mixed) => (mixed ? shuffle(range(question.options.length), random) : range(question.options.length));
const hasOptions = question => isTextList(question.options) && question.options.length <= LETTERS.length;
