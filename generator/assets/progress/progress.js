/* lunxun progress: records method pages read and shows a programme's progress panel.
 *
 * Everything lives in this browser's localStorage (shared/storage.js reads and checks it), so it works offline and without an account:
 *   lunxun:v1:visited               {methodId: timestampMs}      written here, on method pages
 *   lunxun:v1:history:<bankId>      [{passed, score, ...}, ...]  written by the quiz engine
 *   lunxun:v1:attended:<programme>  [sessionKey, ...]            ticked here, in the panel
 * A session counts when all its readings were visited and all its quizzes passed; a session
 * with neither (opening ceremony, site visit...) counts when the trainee ticks it.
 * 学时 are those of the sessions done plus, where the programme credits quizzes (completion.quiz_hours,
 * the page's data.credits), those of each browser-graded one passed here (hoursEarned).
 * Below the panel, the trainee backs the whole record up and restores it: backup.js, loaded
 * only on pages with a panel (every page loads this script).
 * On every page, inside WeChat, download links and print buttons say how to get to a browser
 * that can download or print, instead of doing nothing (shared/wechat.js).
 */
function visited() {
  return store.get("visited", cleanVisited, {});
}

function passed(bankId) {
  return readHistory(bankId).some(function (entry) { return entry.passed; });
}

function recordVisit() {
  var meta = document.querySelector(".lx-meta[data-method]");
  if (!meta) return;
  var map = visited();
  map[meta.getAttribute("data-method")] = Date.now();
  store.set("visited", map);
}

/* ---- the panel ---- */

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function round(value) {
  return String(Math.round(value * 10) / 10);
}

/* The page's own link to a method or quiz (the schedule has them), so URLs match the site's layout. */
function linkTo(kind, id, label) {
  var found = document.querySelector("a[data-" + kind + '="' + id + '"]');
  if (!found) return el("span", null, label);
  var a = el("a", null, label);
  a.setAttribute("href", found.getAttribute("href"));
  return a;
}

/* The 学时 earned on this device: 课堂 (the sessions done) and 测验 (completion.quiz_hours of each
 * browser-graded quiz passed). A trainer-graded exam's are never added here: the page has no key, so
 * what it stores is no grade; they count once the trainer's grade sheet says 及格 (lunxun results).
 * `credits` are the page's [{id, title, hours, trainer}], `passedQuiz` is {quizId: true} for passes. */
function hoursEarned(sessions, credits, passedQuiz) {
  var classroom = sessions.reduce(function (sum, x) { return sum + (x.done ? x.s.hours : 0); }, 0);
  var quizzes = credits.map(function (c) {
    return { c: c, state: c.trainer ? "pending" : passedQuiz[c.id] === true ? "met" : "unmet" };
  });
  var quiz = quizzes.reduce(function (sum, x) { return sum + (x.state === "met" ? x.c.hours : 0); }, 0);
  var possible = credits.reduce(function (sum, c) { return sum + c.hours; }, 0);
  return { classroom: classroom, quiz: quiz, total: classroom + quiz, quizPossible: possible, quizzes: quizzes };
}

function evaluate(data) {
  var seen = visited();
  var ticked = store.get("attended:" + data.id, cleanTicked, []);
  var credits = data.credits || [];  // a page built before quiz_hours has none
  var passedQuiz = {};
  Object.keys(data.quizzes).forEach(function (id) { passedQuiz[id] = passed(id); });
  credits.forEach(function (c) { if (!c.trainer) passedQuiz[c.id] = passed(c.id); });
  var sessions = data.sessions.map(function (s) {
    var reads = s.methods.filter(function (m) { return !seen[m]; });
    var quizzes = s.quizzes.filter(function (q) { return !passedQuiz[q]; });
    var manual = s.methods.length === 0 && s.quizzes.length === 0;
    var done = manual ? ticked.indexOf(s.key) >= 0 : reads.length === 0 && quizzes.length === 0;
    return { s: s, manual: manual, done: done, unread: reads, unpassed: quizzes };
  });
  var doneCount = sessions.filter(function (x) { return x.done; }).length;
  var percent = sessions.length ? (doneCount * 100) / sessions.length : 0;
  var methodIds = Object.keys(data.methods);
  var quizIds = Object.keys(data.quizzes);
  var rules = [];
  if (data.attendance !== null && data.attendance !== undefined) {
    rules.push({
      met: percent + 1e-9 >= data.attendance,
      text: "出勤不低于 " + round(data.attendance) + "%：已完成 " + doneCount + " / " + sessions.length +
        " 个课次（" + round(percent) + "%）"
    });
  }
  data.required.forEach(function (id) {
    rules.push({ met: passedQuiz[id], quiz: id, text: "通过测验“" + data.quizzes[id] + "”" });
  });
  return {
    sessions: sessions,
    ticked: ticked,
    doneCount: doneCount,
    hours: hoursEarned(sessions, credits, passedQuiz),
    percent: percent,
    readCount: methodIds.filter(function (m) { return seen[m]; }).length,
    methodCount: methodIds.length,
    passedCount: quizIds.filter(function (q) { return passedQuiz[q]; }).length,
    quizCount: quizIds.length,
    rules: rules,
    complete: rules.every(function (r) { return r.met; }) && (rules.length > 0 || doneCount === sessions.length)
  };
}

function stat(value, label) {
  var box = el("div", "lx-stat");
  box.appendChild(el("span", "lx-stat-value", value));
  box.appendChild(el("span", "lx-stat-label", label));
  return box;
}

function todo(entry, data) {
  var line = el("span", "lx-sess-todo");
  var parts = [];
  entry.unread.forEach(function (m) { parts.push(["待阅读：", linkTo("method", m, data.methods[m])]); });
  entry.unpassed.forEach(function (q) { parts.push(["待通过：", linkTo("quiz", q, data.quizzes[q])]); });
  parts.forEach(function (part, i) {
    if (i) line.appendChild(document.createTextNode("；"));
    line.appendChild(document.createTextNode(part[0]));
    line.appendChild(part[1]);
  });
  return line;
}

function tickBox(entry, state, data, panel) {
  var label = el("label", "lx-sess-tick");
  var box = el("input");
  box.type = "checkbox";
  box.checked = entry.done;
  box.setAttribute("data-session", entry.s.key);
  box.addEventListener("change", function () {
    var keys = state.ticked.filter(function (k) { return k !== entry.s.key; });
    if (box.checked) keys.push(entry.s.key);
    if (!store.set("attended:" + data.id, keys)) {
      box.checked = !box.checked;
      window.alert("无法保存：这个浏览器不允许本地存储（可能处于无痕模式）。");
      return;
    }
    render(panel, data);
  });
  label.appendChild(box);
  label.appendChild(document.createTextNode("我已参加"));
  return label;
}

function sessionList(state, data, panel) {
  var details = el("details", "lx-progress-detail");
  details.appendChild(el("summary", null, "逐课次记录"));
  var day = 0;
  var list = null;
  state.sessions.forEach(function (entry) {
    if (entry.s.day !== day) {
      day = entry.s.day;
      details.appendChild(el("p", "lx-progress-day", "第 " + day + " 天"));
      list = details.appendChild(el("ul", "lx-progress-sessions"));
    }
    var item = el("li", entry.done ? "is-done" : "is-todo");
    item.setAttribute("data-session", entry.s.key);
    item.appendChild(el("span", "lx-sess-time", entry.s.time + " "));
    item.appendChild(el("span", "lx-sess-title", entry.s.kind + "：" + entry.s.title));
    item.appendChild(el("span", "lx-sess-hours", "（" + round(entry.s.hours) + " 学时）"));
    if (entry.manual) item.appendChild(tickBox(entry, state, data, panel));
    else if (!entry.done) item.appendChild(todo(entry, data));
    list.appendChild(item);
  });
  return details;
}

/* Where the 学时 come from, when the programme credits quizzes: 课堂 + 测验, then each credited quiz,
 * a trainer-graded exam with what it takes for its 学时 to count. */
function hoursDetail(hours, data) {
  var box = el("div", "lx-progress-hours");
  box.appendChild(el("p", "lx-progress-hours-sum", "课堂 " + round(hours.classroom) + " / " + round(data.hours) +
    " 学时 + 测验 " + round(hours.quiz) + " / " + round(hours.quizPossible) + " 学时"));
  var list = box.appendChild(el("ul", "lx-progress-credits"));
  hours.quizzes.forEach(function (x) {
    var item = list.appendChild(el("li", "is-" + x.state));
    item.setAttribute("data-quiz", x.c.id);
    item.appendChild(document.createTextNode("通过“"));
    item.appendChild(linkTo("quiz", x.c.id, x.c.title));
    item.appendChild(document.createTextNode("”计 " + round(x.c.hours) + " 学时：" + {
      met: "已通过，已计入",
      unmet: "尚未通过",
      pending: "由培训老师评分，老师确认合格后计入（以老师的成绩表为准），这里不计"
    }[x.state]));
  });
  return box;
}

function render(panel, data) {
  var state = evaluate(data);
  var wasOpen = panel.querySelector("details[open]") !== null;
  var possible = data.hours + state.hours.quizPossible;
  panel.textContent = "";
  var stats = el("div", "lx-progress-stats");
  stats.appendChild(stat(round(state.hours.total) + " / " + round(possible), "已获学时"));
  stats.appendChild(stat(state.doneCount + " / " + state.sessions.length, "已完成课次"));
  stats.appendChild(stat(state.readCount + " / " + state.methodCount, "已读学习材料"));
  stats.appendChild(stat(state.passedCount + " / " + state.quizCount, "已通过测验"));
  panel.appendChild(stats);
  if (state.hours.quizzes.length) panel.appendChild(hoursDetail(state.hours, data));
  var bar = el("div", "lx-progress-bar");
  var share = possible ? Math.min(100, (state.hours.total * 100) / possible) : 0;
  bar.setAttribute("role", "progressbar");
  bar.setAttribute("aria-label", "已获学时");
  bar.setAttribute("aria-valuemin", "0");
  bar.setAttribute("aria-valuemax", "100");
  bar.setAttribute("aria-valuenow", String(Math.round(share)));
  var fill = bar.appendChild(el("span"));
  fill.style.width = share + "%";
  panel.appendChild(bar);
  if (state.rules.length) {
    var rules = el("ul", "lx-progress-rules");
    state.rules.forEach(function (rule) {
      var item = el("li", rule.met ? "is-met" : "is-unmet");
      if (rule.quiz) {
        item.appendChild(document.createTextNode("通过测验“"));
        item.appendChild(linkTo("quiz", rule.quiz, data.quizzes[rule.quiz]));
        item.appendChild(document.createTextNode("”" + (rule.met ? "：已通过" : "：尚未通过")));
      } else {
        item.textContent = rule.text;
      }
      rules.appendChild(item);
    });
    panel.appendChild(rules);
  }
  panel.appendChild(el("p", "lx-progress-verdict " + (state.complete ? "is-met" : "is-unmet"),
    state.complete ? "已达到结业要求" : "尚未达到结业要求"));
  var details = panel.appendChild(sessionList(state, data, panel));
  if (wasOpen) details.open = true;
  panel.appendChild(el("p", "lx-progress-note",
    "阅读了学习材料、通过了测验的课次自动计入；开班式、现场观摩等没有材料的课次，参加后请勾选“我已参加”。" +
    "进度只保存在这台设备的这个浏览器里，不上传、不需要登录。"));
}

function panels() {
  var found = document.querySelectorAll(".lx-progress[data-programme]");
  for (var i = 0; i < found.length; i++) {
    var panel = found[i];
    var script = document.querySelector("script.lx-programme-data");
    var data = null;
    try {
      data = script ? JSON.parse(script.textContent) : null;
    } catch (e) {
      data = null;
    }
    if (!data || data.id !== panel.getAttribute("data-programme")) continue;
    panel.lxData = data;
    render(panel, data);
    withBackup(panel);
  }
}

/* ---- backup and restore, below the panel ---- */

var BACKUP_SRC = document.currentScript ? document.currentScript.src.replace(/progress\.js(?=$|[?#])/, "backup.js") : "";
var backupLoading = null;

// backup.js, loaded once, puts its box after the panel (window.lunxunBackup, idempotent).
function withBackup(panel) {
  if (!backupLoading) {
    backupLoading = new Promise(function (done, failed) {
      if (window.lunxunBackup) return done();
      var script = el("script");
      script.src = BACKUP_SRC;
      script.onload = done;
      script.onerror = failed;
      document.head.appendChild(script);
    });
  }
  backupLoading.then(function () { window.lunxunBackup(panel); }, function () { backupLoading = null; });
}

function refresh() {
  var found = document.querySelectorAll(".lx-progress[data-programme]");
  for (var i = 0; i < found.length; i++) {
    if (found[i].lxData) render(found[i], found[i].lxData);
  }
}

/* ---- printed sheets ---- */

function printButtons() {
  var buttons = document.querySelectorAll(".lx-print-button");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener("click", function (event) {
      if (inWeChat()) guide(event.currentTarget, openInBrowser("打印"));  // print() does nothing there
      else window.print();
    });
  }
}

/* ---- WeChat: downloads ---- */

// The guidance right after the link or button, once.
function guide(node, text) {
  var next = node.nextElementSibling;
  if (!next || !next.classList.contains("lx-wx-guide")) {
    next = el("span", "lx-wx-guide");
    next.setAttribute("role", "status");
    node.after(next);
  }
  next.textContent = text;
}

// The calendar (.ics), the offline copy (.zip) and any <a download>: WeChat would ignore the tap.
function guardDownload(event) {
  var link = event.target.closest && event.target.closest('a[download], a[href$=".ics"], a[href$=".zip"]');
  if (!link || !inWeChat()) return;
  event.preventDefault();
  guide(link, openInBrowser("下载文件"));
}

function init() {
  recordVisit();
  panels();
  printButtons();
}

// Material's instant navigation swaps pages without reloading: follow its document$ when present.
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(init);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", init);
} else {
  init();
}
document.addEventListener("click", guardDownload, true);
document.addEventListener("lunxun:restored", refresh);  // backup.js wrote a restored record
window.addEventListener("storage", function (event) {
  if (!event.key || event.key.indexOf(STORE_PREFIX) === 0) refresh();
});
window.addEventListener("pageshow", function (event) {
  if (event.persisted) refresh();
});
