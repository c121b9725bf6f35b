/* Blank normalisation: the shared table (tests/data/blank_normalisation.json) through the engine;
   tests/grading/test_shared_tables.py checks generator/grading/rules.py against the same table. */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {QUIZ_CORE, load, table} = require('./engine.js');

const engine = load(QUIZ_CORE, ['normaliseBlank', 'blankFits']);

for (const [text, expected] of table('blank_normalisation.json').normalised) {
  test(`normaliseBlank(${JSON.stringify(text)})`, () => {
    assert.equal(engine.normaliseBlank(text), expected);
  });
}

test('a blank filled with punctuation or spaces only is never right, even when accepted texts are', () => {
  const question = {type: 'blank', answer: [['——', '情']]};
  assert.equal(engine.blankFits(question, 0, '——'), false);
  assert.equal(engine.blankFits(question, 0, ' 情 。'), true);
  assert.equal(engine.blankFits(question, 0, ['情']), false);
});
