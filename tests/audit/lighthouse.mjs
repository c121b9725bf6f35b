// Lighthouse on a built lunxun site, with the default (mobile) settings, in Debian's Chromium.
// Usage: CHROME_PATH=$(which chromium) node lighthouse.mjs BASE_URL OUT.json [REPORT_DIR]
// Pages are loaded as navigations (performance, accessibility, best practices); the states a
// quiz reaches only by use — practice after one answer, the exam's answer sheet and result —
// are audited as snapshots (accessibility and best practices; snapshots have no performance).
import fs from 'node:fs';
import path from 'node:path';
import {navigation, snapshot, generateReport} from 'lighthouse';
import puppeteer from 'puppeteer-core';

const [base, out, reportDir] = process.argv.slice(2);
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
// Half of Lighthouse's default waits for a quiet page: ample for static pages on 127.0.0.1, and
// the metrics come from the simulated (throttled) load either way; it halves the run time.
const flags = {
  onlyCategories: CATEGORIES, locale: 'en-US',
  pauseAfterFcpMs: 500, pauseAfterLoadMs: 500, networkQuietThresholdMs: 500, cpuQuietThresholdMs: 500,
};
const snapshotFlags = {...flags, onlyCategories: CATEGORIES.filter(id => id !== 'performance')};
const METRICS = {
  'first-contentful-paint': 'fcp', 'largest-contentful-paint': 'lcp', 'total-blocking-time': 'tbt',
  'cumulative-layout-shift': 'cls', 'speed-index': 'si',
};

const PAGES = [
  ['home', ''],
  ['method', 'methods/liuchixiang/'],
  ['programme', 'programmes/shuji-lunxun/'],
  ['cohort', 'programmes/shuji-lunxun/2026-01/'],
];
const PRACTICE = 'quizzes/liuchixiang-jichu/';
const EXAM = 'quizzes/shuji-lunxun-jieye/';

// Called as an expression, so the file can stay a bare function (it is shared with Python).
const answerCurrent = `(${fs.readFileSync(new URL('./answer-current.js', import.meta.url), 'utf8')})()`;

async function press(page, label) {
  await page.evaluate(text => {
    const button = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === text && !b.disabled);
    if (!button) throw new Error('no button ' + text);
    button.click();
  }, label);
}

function summary(name, lhr) {
  const scores = {}, failing = {};
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    if (!category) continue;
    scores[id] = category.score === null ? null : Math.round(category.score * 100);
    failing[id] = category.auditRefs
      .filter(ref => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map(ref => ref.id);
  }
  const metrics = {};
  for (const [id, key] of Object.entries(METRICS)) {
    if (lhr.audits[id] && lhr.audits[id].numericValue !== undefined) metrics[key] = lhr.audits[id].numericValue;
  }
  return {name, mode: lhr.gatherMode, url: lhr.finalDisplayedUrl, scores, failing, metrics};
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH,
  headless: true,  // Chromium's new headless mode, as --headless=new
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const results = [];
let clock = Date.now();
const record = (name, result) => {
  results.push({...summary(name, result.lhr), seconds: (Date.now() - clock) / 1000});
  clock = Date.now();
  if (reportDir) fs.writeFileSync(path.join(reportDir, name + '.html'), generateReport(result.lhr, 'html'));
};
try {
  const page = await browser.newPage();
  for (const [name, url] of PAGES) record(name, await navigation(page, base + url, {flags}));

  record('practice', await navigation(page, base + PRACTICE, {flags}));
  await page.waitForSelector('.lx-main .lx-q');
  await page.evaluate(answerCurrent);
  await press(page, '确定');
  await page.waitForSelector('.lx-main .lx-fb');
  record('practice-answered', await snapshot(page, {flags: snapshotFlags}));

  record('exam', await navigation(page, base + EXAM, {flags}));
  await page.type('input[name=lx-name]', '张三');
  await page.type('input[name=lx-unit]', '某村');
  await press(page, '开始考试');
  await page.waitForSelector('.lx-main .lx-q');
  await page.evaluate(answerCurrent);
  await press(page, '答题卡');
  await page.waitForSelector('.lx-sheet:not([hidden]) .lx-cell');
  record('exam-sheet', await snapshot(page, {flags: snapshotFlags}));
  await press(page, '交卷');
  await press(page, '确定交卷');
  await page.waitForSelector('.lx-result');
  record('exam-result', await snapshot(page, {flags: snapshotFlags}));
} finally {
  await browser.close();
}
fs.writeFileSync(out, JSON.stringify(results, null, 2));
