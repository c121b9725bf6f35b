/* Loads sections of the browser code (generator/assets/) into a fresh node `vm` context, the
   way the served bundle runs them: one strict-mode scope, in the bundle's order. `names` are
   the section-level bindings handed back to the test. No DOM: only the pure sections are
   loaded, plus a localStorage stand-in where a test gives one. */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const ASSETS = path.join(__dirname, '..', '..', 'generator', 'assets');
const DATA = path.join(__dirname, '..', 'data');

// The pure sections of quiz.js, in bundle order (generator/render/bundle.py lists them all).
const QUIZ_CORE = ['shared/storage.js', 'quiz/10-dom.js', 'quiz/12-format.js', 'quiz/15-random.js',
  'quiz/20-question-types.js', 'quiz/21-single.js', 'quiz/22-multiple.js', 'quiz/23-judge.js', 'quiz/24-blank.js',
  'quiz/25-order.js', 'quiz/26-match.js', 'quiz/27-case.js', 'quiz/29-grading.js', 'quiz/40-draw.js',
  'quiz/45-saved-attempt.js', 'quiz/50-scoring.js', 'quiz/52-result-code.js', 'quiz/53-ticket.js', 'quiz/57-review-schedule.js',
  'quiz/58-wrong-answers.js'];

function load(sections, names, globals = {}) {
  const source = sections.map(section => fs.readFileSync(path.join(ASSETS, section), 'utf8')).join('\n');
  const context = vm.createContext(Object.assign({TextEncoder, btoa, atob, URL, console, Date, Math}, globals));
  return vm.runInContext(`'use strict';\n${source}\n;({${names.join(', ')}})`, context, {filename: 'sections.js'});
}

// Values made in the context have its own Array and Object: compare them as plain JSON.
const plain = value => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
const table = name => JSON.parse(fs.readFileSync(path.join(DATA, name), 'utf8'));

// localStorage as browsers have it (strings only), or one that refuses everything (disabled).
function memoryStorage(entries = {}, refuse = false) {
  const items = new Map(Object.entries(entries));
  const guard = () => { if (refuse) throw new Error('SecurityError: storage disabled'); };
  return {
    items,
    getItem: key => { guard(); return items.has(key) ? items.get(key) : null; },
    setItem: (key, value) => { guard(); items.set(key, String(value)); },
    removeItem: key => { guard(); items.delete(key); },
  };
}

module.exports = {ASSETS, QUIZ_CORE, load, plain, table, memoryStorage};
