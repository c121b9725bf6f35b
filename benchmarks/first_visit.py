"""First visits on a weak connection: Chromium's network throttling at 400 kbit/s each way with
400 ms latency, an empty cache, a 360 × 740 phone. For each page kind it reports the time to
the load event (the page drawn and its scripts run), the time until every request the page
makes has finished (then no request for half a second), and the bytes received, served two
ways (the search index and engine are not among them: they load when the search box is first
used, generator/assets/search-shim/):

- ``gzip_static``: the site's .gz copies sent with ``Content-Encoding: gzip``, as nginx's
  ``gzip_static on`` does (docs/guide/deploy.md);
- ``plain``: the files as they are, as a server without compression sends them.

Bar: the method page's first visit with ``gzip_static`` completes in at most 3 s.

    python benchmarks/first_visit.py [--site DIR] [--runs N]

Without --site it builds the shipped project into a temporary folder first.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lighthouse import served  # a sibling script: benchmarks/ is on sys.path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "",
    "method": "methods/liuchixiang/",
    "practice": "quizzes/liuchixiang-jichu/",
    "exam": "quizzes/shuji-lunxun-jieye/",
    "programme": "programmes/shuji-lunxun/",
    "cohort": "programmes/shuji-lunxun/2026-01/",
}
THROTTLE = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
BAR_SECONDS = 3.0
WORKER = "assets/lunxun/search.js"  # the search engine, a worker started when the search box is used
QUIET_MS = 500  # no request for this long after the load event: the visit is complete


def visit(browser, url: str) -> tuple[float, float, int]:
    """One first visit: seconds until the load event and until complete, bytes received."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN", is_mobile=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", THROTTLE)
    pending: set[str] = set()
    received = {"bytes": 0, "last": 0.0}

    def finished(event: dict) -> None:
        received["bytes"] += int(event.get("encodedDataLength", 0))
        received["last"] = time.perf_counter()
        pending.discard(event["requestId"])

    def sent(event: dict) -> None:
        # a web worker's own script is reported as sent but never as finished to the page
        if not event["request"]["url"].endswith(WORKER):
            pending.add(event["requestId"])

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.loadingFailed", lambda event: pending.discard(event["requestId"]))
    start = time.perf_counter()
    page.goto(url, wait_until="load", timeout=120_000)
    loaded = time.perf_counter() - start
    give_up = time.perf_counter() + 60
    while time.perf_counter() < give_up and (
        pending or time.perf_counter() - max(received["last"], start) < QUIET_MS / 1000
    ):
        page.wait_for_timeout(50)
    if pending:
        print(f"  {url}: {len(pending)} requests still open after 60 s", file=sys.stderr)
    done = max(received["last"], start) - start
    context.close()
    return loaded, done, received["bytes"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the shipped project)")
    parser.add_argument("--runs", type=int, default=3, help="visits per page and way; the median is reported")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            from generator.engines.mkdocs.build import build_site

            site = build_site(ROOT / "mkdocs.yml", site_dir=str(Path(scratch) / "site"))
        chromium = shutil.which("chromium")
        if chromium is None:
            print("需要 chromium", file=sys.stderr)
            return 2
        results: dict[tuple[str, str], tuple[float, float, int]] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            for way, gzip_static in (("gzip_static", True), ("plain", False)):
                with served(site, gzip_static) as base:
                    for name, path in PAGES.items():
                        runs = [visit(browser, base + path) for _ in range(args.runs)]
                        results[(name, way)] = (
                            statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), runs[0][2]
                        )
            browser.close()
    print("| page | gzip_static: load | complete | bytes | plain: load | complete | bytes |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in PAGES:
        cells = []
        for way in ("gzip_static", "plain"):
            loaded, done, size = results[(name, way)]
            cells += [f"{loaded:.2f} s", f"{done:.2f} s", f"{size / 1024:.0f} KB"]
        print(f"| {name} | " + " | ".join(cells) + " |")
    loaded, done, _ = results[("method", "gzip_static")]
    print(f"\nmethod page, gzip_static: load event {loaded:.2f} s, complete {done:.2f} s "
          f"(bar {BAR_SECONDS:.0f} s on complete)")
    return 0 if done <= BAR_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
