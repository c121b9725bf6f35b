/* lunxun SCORM 1.2 adapter: reports a finished quiz attempt to the LMS.
   It finds the LMS's API object (window.parent chain, then window.opener's), starts the
   session, and when the quiz engine announces a finished attempt with the DOM event
   "lunxun:finished" ({bank, score, passed, points, max, seconds, code}) it sets
   cmi.core.score.raw (0-100), lesson_status (passed/failed) and session_time, then commits
   and finishes. Leaving before the end reports the time spent so far and keeps "incomplete".
   Without an LMS the quiz simply runs on its own. */
(() => {
  'use strict';
  function findIn(win) {
    for (let hops = 0; win && hops < 10; hops++) {
      try {
        if (win.API) return win.API;
        if (!win.parent || win.parent === win) return null;
        win = win.parent;
      } catch (e) {
        return null;  // another origin: no API reachable this way
      }
    }
    return null;
  }
  function findApi() {
    let api = findIn(window);
    try {
      if (!api && window.opener) api = findIn(window.opener);
    } catch (e) { /* opener of another origin */ }
    return api;
  }
  const api = findApi();
  if (!api) return;
  const started = Date.now();
  let open = String(api.LMSInitialize('')) === 'true';
  if (!open) return;
  const status = String(api.LMSGetValue('cmi.core.lesson_status') || '');
  if (status === '' || status === 'not attempted') api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
  api.LMSCommit('');

  const pad = (n, w) => String(n).padStart(w, '0');
  const timespan = s => pad(Math.floor(s / 3600), 4) + ':' + pad(Math.floor(s % 3600 / 60), 2) + ':' + pad(Math.floor(s % 60), 2);
  function percent(d) {
    let raw = typeof d.score === 'number' ? d.score : (d.max ? d.points / d.max * 100 : 0);
    raw = Math.max(0, Math.min(100, raw));
    return Math.round(raw * 100) / 100;
  }
  function close() {
    if (!open) return;
    open = false;
    api.LMSSetValue('cmi.core.session_time', timespan((Date.now() - started) / 1000));
    api.LMSCommit('');
    api.LMSFinish('');
  }
  document.addEventListener('lunxun:finished', e => {
    if (!open) return;
    const d = e.detail || {};
    api.LMSSetValue('cmi.core.score.min', '0');
    api.LMSSetValue('cmi.core.score.max', '100');
    api.LMSSetValue('cmi.core.score.raw', String(percent(d)));
    api.LMSSetValue('cmi.core.lesson_status', d.passed ? 'passed' : 'failed');
    if (typeof d.seconds === 'number') api.LMSSetValue('cmi.core.session_time', timespan(d.seconds));
    api.LMSCommit('');
    open = false;
    api.LMSFinish('');
  });
  // Leaving without finishing still ends the session, so the LMS keeps "incomplete".
  window.addEventListener('pagehide', close);
  window.addEventListener('beforeunload', close);
})();
