/* Grading one gradable question (generator/grading/rules.py is the trainer's copy of these rules).
   An answer of the wrong shape is wrong, never an error: stored answers come from outside. */
const isRight = (question, answer) => answer != null && TYPES[question.type].right(question, answer);
// Whether every part is answered (the answer sheet's 已答 and the unanswered warning)
const isComplete = (question, answer) => answer != null && (question.type === 'blank' ? answer.every(text => text.trim())
  : question.type === 'order' ? answer.length === question.items.length : question.type === 'match' ? !answer.includes(null) : true);
