/* Search ranking of generator/assets/search.js in node: every query of tests/search_queries.yaml
   against the shipped site's index, with the rule tests/test_search_quality.py applies in the
   browser (its pages among the first three; at most one page that must be absent).
   tests/test_js_units.py builds the site and passes the files as LUNXUN_SEARCH_INDEX
   (search/search_index.json) and LUNXUN_SEARCH_QUERIES (the YAML as JSON). */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const {ASSETS} = require('./engine.js');

const INDEX = process.env.LUNXUN_SEARCH_INDEX, QUERIES = process.env.LUNXUN_SEARCH_QUERIES;
const skip = !(INDEX && QUERIES) && 'needs a built site: LUNXUN_SEARCH_INDEX and LUNXUN_SEARCH_QUERIES (tests/test_js_units.py sets them)';

// The engine as Material's worker would run it: SETUP with the index, then one QUERY per search.
function searchEngine(index) {
  const context = vm.createContext({console});
  context.self = context;
  vm.runInContext(fs.readFileSync(path.join(ASSETS, 'search.js'), 'utf8'), context, {filename: 'search.js'});
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
    const shown = (item.absent || []).filter(page => pages.includes(page));
    assert.ok(shown.length <= 1, `${item.query}: unexpected ${shown} among ${pages}`);
  });
}
