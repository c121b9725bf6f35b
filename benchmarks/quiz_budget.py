"""The quiz engine's budget: its size, and how soon a 100-question bank page takes input.

- Size: the engine's JavaScript and CSS as a page is served them, raw and gzipped (-9). An exam
  page gets quiz-exam.js (the engine with exam mode, its code signing, tickets, the sealed review's
  cipher and the QR code, without the 错题本 and 每日一练 pages) + quiz.css: budget at most 24 KiB
  gzipped together (issue 13). A practice page, the 错题本 and 每日一练 get quiz.js + quiz.css,
  shown beside it against the same line.
- Start-up: a synthetic 100-question bank (practice and exam) in headless Chromium, beside a
  plain Material page of the same site, medians of several fresh loads, at full speed and
  with the CPU slowed 4x (roughly a low-end phone). Budget: ready for input within 50 ms of
  DOMContentLoaded. Measured with performance.now() in the page:
    engine     the engine script's start of execution → its `lunxun-quiz-ready` mark
    ready      that mark relative to DOMContentLoaded (negative: ready before it)
    idle       DOMContentLoaded → the first task after every DOMContentLoaded handler
               (Material's and ours) has run: when a tap would first be handled
    hndlrs     time spent in DOMContentLoaded handlers (mostly Material's)
The budget is judged on the full-speed rows: the later of `ready` and `idle`.

    python benchmarks/quiz_budget.py [--runs 15]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import statistics
import tempfile
import threading
from pathlib import Path

import yaml
from synth import write_project  # a sibling: python puts a script's folder on sys.path

from generator.engines.mkdocs.build import build_site
from generator.render.assets import EXAM_SCRIPTS, QUIZ_SCRIPTS, QUIZ_STYLES
from generator.render.bundle import asset_bytes

ROOT = Path(__file__).resolve().parent.parent

BUDGET_GZIP = 24 * 1024
BUDGET_READY_MS = 50
PROBE = """
window.__lx = {};
document.addEventListener('DOMContentLoaded', () => {
  window.__lx.dcl = performance.now();
  setTimeout(() => { window.__lx.idle = performance.now(); }, 0);
}, {once: true});
"""
COLLECT = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const mark = n => (performance.getEntriesByName(n)[0] || {}).startTime;
  return {dcl: nav.domContentLoadedEventStart, idle: window.__lx.idle - window.__lx.dcl,
          handlers: nav.domContentLoadedEventEnd - nav.domContentLoadedEventStart,
          start: mark('lunxun-quiz-start'), ready: mark('lunxun-quiz-ready')};
}"""


# what each kind of page is served of the engine (engines/page_scripts.py chooses the script)
PAGES = {"exam page": EXAM_SCRIPTS + QUIZ_STYLES, "practice page": QUIZ_SCRIPTS + QUIZ_STYLES}


def sizes(names: tuple[str, ...]) -> list[tuple[str, int, int]]:
    rows = []
    for name in names:
        data = asset_bytes(name)  # what the site serves: the scripts are built from their sections
        rows.append((name, len(data), len(gzip.compress(data, 9))))
    rows.append(("together", sum(r[1] for r in rows), sum(r[2] for r in rows)))
    return rows


def project(folder: Path) -> Path:
    """A small site with a 100-question bank in both modes and a plain page."""
    write_project(folder, methods=3, banks=1, questions=100, programmes=0)
    bank = yaml.safe_load((folder / "quizzes" / "b000.yaml").read_text(encoding="utf-8"))
    (folder / "quizzes" / "b000.yaml").unlink()
    for bank_id, mode in (("practice100", "practice"), ("exam100", "exam")):
        data = {**bank, "id": bank_id, "title": f"一百题{mode}", "mode": mode}
        if mode == "exam":
            data["time_limit"] = 60
        (folder / "quizzes" / f"{bank_id}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    plain = "# 普通页面\n\n" + "这是一个没有测验的普通页面。\n\n" * 20
    (folder / "docs" / "plain.md").write_text(plain, encoding="utf-8")
    return build_site(folder / "mkdocs.yml", site_dir=str(folder / "site"), strict=True)


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a page closed while a file was still being sent

    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def measure(browser, url: str, runs: int, slowdown: int) -> dict[str, float | None]:
    samples: dict[str, list[float]] = {"dcl": [], "engine": [], "ready": [], "idle": []}
    # mark the start of the engine's script (either one) without changing the shipped files
    marked = {name: "performance.mark('lunxun-quiz-start');" + asset_bytes(name).decode("utf-8")
              for name in QUIZ_SCRIPTS + EXAM_SCRIPTS}

    def serve_marked(route) -> None:  # one parameter: with two, Playwright passes the request too
        name = route.request.url.split("?")[0].rsplit("/", 1)[-1]
        route.fulfill(body=marked[name], content_type="text/javascript")

    for _ in range(runs):
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.add_init_script(PROBE)
        for name in marked:
            context.route(f"**/assets/lunxun/{name}", serve_marked)
        page = context.new_page()
        if slowdown > 1:
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
        page.goto(url, wait_until="load")
        page.wait_for_function("window.__lx && window.__lx.idle !== undefined")
        got = page.evaluate(COLLECT)
        samples["dcl"].append(got["dcl"])
        samples["idle"].append(got["idle"])
        samples.setdefault("handlers", []).append(got["handlers"])
        if got["ready"] is not None:
            samples["engine"].append(got["ready"] - got["start"])
            samples["ready"].append(got["ready"] - got["dcl"])
        context.close()
    return {key: statistics.median(values) if values else None for key, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15, help="fresh page loads per row (median reported)")
    args = parser.parse_args()

    print("Size (gzip -9)")
    for page, names in PAGES.items():
        print(f"{page:<14} {'raw B':>8} {'gzip B':>8}")
        rows = sizes(names)
        for name, raw, packed in rows:
            print(f"  {name:<12} {raw:>8} {packed:>8}")
        total = rows[-1][2]
        verdict = "ok" if total <= BUDGET_GZIP else f"OVER by {total - BUDGET_GZIP} B"
        print(f"  budget: ≤ {BUDGET_GZIP} B gzipped → {verdict} ({total / 1024:.1f} KiB)"
              + ("" if page == "exam page" else "  (the budget is the exam page's)"))
    print()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="lunxun-quiz-budget-") as tmp:
        site = project(Path(tmp))
        server, base = serve(site)
        pages = [("practice, 100 questions", "quizzes/practice100/"), ("exam, 100 questions", "quizzes/exam100/"),
                 ("plain Material page", "plain/")]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), headless=True,
                                                 args=["--no-sandbox", "--disable-gpu"])
            print(f"Start-up, median of {args.runs} fresh loads, ms (headless Chromium, 390×844)")
            print(f"{'page':<26} {'CPU':>4} {'DCL':>7} {'engine':>7} {'ready':>7} {'idle':>7} {'hndlrs':>7}")
            worst = 0.0
            for slowdown in (1, 4):
                for label, path in pages:
                    row = measure(browser, base + path, args.runs, slowdown)
                    cells = [f"{row[k]:7.1f}" if row[k] is not None else f"{'–':>7}"
                             for k in ("dcl", "engine", "ready", "idle", "handlers")]
                    print(f"{label:<26} {str(slowdown) + 'x':>4} {' '.join(cells)}")
                    if row["ready"] is not None and slowdown == 1:  # the budget is for full speed
                        worst = max(worst, row["ready"], row["idle"])
            browser.close()
        server.shutdown()
        verdict = "ok" if worst <= BUDGET_READY_MS else "OVER"
        print(f"budget: ready for input ≤ {BUDGET_READY_MS} ms after DOMContentLoaded → {verdict} "
              f"(worst {worst:.1f} ms)")


if __name__ == "__main__":
    main()
