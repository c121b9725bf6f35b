/* The 错题本 scrub's URL rule (issue 11, item 13): images only from the site itself, read as
   browsers read URLs. tests/data/local_urls.json is shared with generator/render/text.py. */
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {load, table} = require('./engine.js');

const engine = load(['quiz/70-wrongbook.js'], ['isLocalUrl', 'keepsUrl', 'urlAsRead']);

for (const [url, local] of table('local_urls.json').local) {
  test(`isLocalUrl(${JSON.stringify(url)}) is ${local}`, () => {
    assert.equal(engine.isLocalUrl(url), local);
    assert.equal(engine.keepsUrl('src', url), local);
  });
}

test('links may also go to the web, never to another scheme or a disguised host', () => {
  assert.ok(engine.keepsUrl('href', 'https://www.gov.cn/zhengce/'));
  assert.ok(engine.keepsUrl('href', '../methods/tingqing/'));
  assert.ok(!engine.keepsUrl('href', 'javascript:alert(1)'));
  assert.ok(!engine.keepsUrl('href', ' java\nscript:alert(1)'));
  assert.ok(!engine.keepsUrl('href', 'https:///evil.example'));
  assert.ok(!engine.keepsUrl('src', 'https://www.gov.cn/logo.png'));
});
