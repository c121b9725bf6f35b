/* Search ranking of the search engine (generator/assets/search/, served as search.js) in node: every query of tests/search_queries.yaml
   against the shipped site's index, with the rule tests/engines/test_search_quality.py applies in the
   browser (its pages among the first three, its `found` pages among the results, no page that
   must be absent); then how questions are read (filler words, numerals, the table of slips)
   and where snippets start.
   tests/assets/test_js_units.py builds the site and passes the files as LUNXUN_SEARCH_INDEX
   (search/search_index.json) and LUNXUN_SEARCH_QUERIES (the YAML as JSON). */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const {ASSETS} = require('./engine.js');

const INDEX = process.env.LUNXUN_SEARCH_INDEX, QUERIES = process.env.LUNXUN_SEARCH_QUERIES;
const skip = !(INDEX && QUERIES) && 'needs a built site: LUNXUN_SEARCH_INDEX and LUNXUN_SEARCH_QUERIES (tests/assets/test_js_units.py sets them)';

// The engine's sections in name order (bundle order, tests/render/test_bundle.py checks it), in one strict scope as served.
const SECTIONS = fs.readdirSync(path.join(ASSETS, 'search')).filter(name => name.endsWith('.js')).sort();
const ENGINE = SECTIONS.map(name => fs.readFileSync(path.join(ASSETS, 'search', name), 'utf8')).join('\n');

// The engine as Material's worker would run it: SETUP with the index, then one QUERY per search.
function searchEngine(index) {
  const context = vm.createContext({console});
  context.self = context;
  vm.runInContext(`(() => {\n'use strict';\n${ENGINE}\n})();`, context, {filename: 'search.js'});
  const engine = context.lunxunSearch;
  assert.equal(engine.handle({type: 0, data: index}).type, 1);
  return query => engine.handle({type: 2, data: query}).data.items;
}

// A result group's page, named as in search_queries.yaml: methods/liuchixiang/ → methods/liuchixiang, '' → index.
const pageName = location => location.split('#')[0].replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '')
  .replace(/^\/+|\/+$/g, '') || 'index';

const cases = skip ? [] : JSON.parse(fs.readFileSync(QUERIES, 'utf8'));
const search = skip ? null : searchEngine(JSON.parse(fs.readFileSync(INDEX, 'utf8')));

test('the query list is there', {skip}, () => {
  assert.ok(cases.length >= 30);
});

for (const item of cases) {
  test(`search: ${item.query}`, () => {
    const pages = [...new Set(search(item.query).map(group => pageName(group[0].location)))];
    const top = pages.slice(0, 3);
    assert.ok(item.top3.every(page => top.includes(page)), `${item.query}: top 3 are ${top}`);
    const missing = (item.found || []).filter(page => !pages.includes(page));
    assert.deepEqual(missing, [], `${item.query}: ${missing} not among ${pages}`);
    const shown = (item.absent || []).filter(page => pages.includes(page));
    assert.deepEqual(shown, [], `${item.query}: unexpected ${shown} among ${pages}`);
  });
}

const index = skip ? null : JSON.parse(fs.readFileSync(INDEX, 'utf8'));
const pagesOf = (run, query) => [...new Set(run(query).map(group => pageName(group[0].location)))];

test('question and filler words are not looked up', {skip}, () => {
  // 怎么 is on dozens of pages (怎么做 headings): the question finds what the rest of it names
  assert.deepEqual(pagesOf(search, '邻里纠纷怎么调解').slice(0, 1), ['methods/liuchixiang']);
  assert.deepEqual(pagesOf(search, '什么是网格化'), pagesOf(search, '网格化'));
  assert.deepEqual(pagesOf(search, '六尺巷工作法是什么'), pagesOf(search, '六尺巷工作法'));
  assert.equal(pagesOf(search, '什么是').length, 0);  // nothing but question words: as typed, found nowhere
  assert.ok(pagesOf(search, '怎么').length > 0);  // …unless some page has them
});

test('a page must hold most of what a question means, not a generic word of it', {skip}, () => {
  const pages = pagesOf(search, '村里开会怎么表决');
  assert.ok(pages.includes('methods/shuangpiao-biaojue'));  // 表决 without 会议: most of the query
  // 方法 is on most pages: a page with 方法 and neither 调解 nor 矛盾 never comes back
  const methodOnly = pagesOf(search, '方法').filter(page => !pagesOf(search, '调解').includes(page)
    && !pagesOf(search, '矛盾').includes(page));
  assert.ok(methodOnly.length > 3);
  const asked = pagesOf(search, '调节矛盾的方法');
  assert.deepEqual(methodOnly.filter(page => asked.includes(page)), []);
});

test('四加二 is read as 4+2 without any page spelling it out', {skip}, () => {
  // the content once had 四加二工作法 as an alias; drop it from the index, as if it had never been
  const strip = text => text.replace(/四\u200b?加\u200b?二/g, '');
  const docs = index.docs.map(doc => Object.assign({}, doc, {title: strip(doc.title), text: strip(doc.text),
    tags: (doc.tags || []).filter(tag => !tag.includes('四加二'))}));
  assert.ok(!JSON.stringify(docs).includes('四加二'));
  const bare = searchEngine(Object.assign({}, index, {docs}));
  assert.equal(pagesOf(bare, '四加二工作法')[0], 'methods/si-er-gongzuofa');
  assert.equal(pagesOf(bare, '四加二工作法')[0], pagesOf(bare, '4+2工作法')[0]);
  assert.equal(pagesOf(search, '4步议事法')[0], 'methods/sibu-yishi');
});

test('slips of the pinyin keyboard are put right, below what was typed', {skip}, () => {
  assert.equal(pagesOf(search, '调节')[0], 'methods/sizhen-tiaojie');
  assert.equal(pagesOf(search, '低保公式')[0], 'methods/dibao-jiubu');
  // what the table puts right ranks as the word would, marked as the word
  const groups = search('调节');
  assert.ok(groups[0].some(item => item.text.includes('<mark>调解</mark>')));
});

test('snippets start at a word and carry no zero-width spaces', {skip}, () => {
  let cut = 0;
  for (const query of ['调解', '党员', '社区', '公示', '矛盾纠纷', '邻里纠纷怎么调解', '会诊']) {
    for (const group of search(query).slice(0, 20)) {
      for (const item of group) {
        assert.ok(!/\u200b/.test(item.text + item.title), item.location);
        for (const block of item.text.match(/<(p|li|dd|dt|td|h\d)\b[^>]*>[\s\S]*?<\/\1>/g) || []) {
          const text = block.replace(/<[^>]*>/g, '');
          assert.ok(!/^[，、。；：！？,;:]/.test(text), `${query}: ${text.slice(0, 30)}`);
          if (text.startsWith('…')) {
            cut++;
            assert.ok(!/^…[\s，、。；：！？,;:]/.test(text), `${query}: ${text.slice(0, 30)}`);
            assert.ok(block.indexOf('<mark>') - block.indexOf('…') < 50, `${query}: the mark is near the start`);
          }
        }
      }
    }
  }
  assert.ok(cut > 10);  // long paragraphs were cut before their first match
});
