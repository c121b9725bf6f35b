"""The search engines lunxun was measured with: how to build a site for each, how to query it.

    material   Material for MkDocs' own search (lunr in a web worker; jieba cuts the index)
    material+  the same, with jieba taught the site's terms (the generated dictionary)
    lunxun     lunxun's engine (generator/assets/search.js) behind Material's search box
    pagefind   Pagefind (extended build, which segments Chinese), driven by its JS API
    zensical   Zensical's built-in search (lunxun build --engine zensical)

Each build runs in its own process, so jieba's process-wide dictionary starts fresh and the
times are comparable. Used by search_bench.py (1,000 synthetic pages) and search_quality.py
(the shipped site against tests/search_queries.yaml).
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "support"))  # the search-box driver the tests use too

from search_box import open_search, page_name, search

ENGINES = ("material", "material+", "lunxun", "pagefind", "zensical")
PAGEFIND_ROOT = "article.md-content__inner"  # the page's text, not the navigation around it
INDEX_FILES = re.compile(r"search_index\.json$|/search\.json$|\.pf_(index|meta|filter)$|pagefind-entry\.json$")
SEARCH_FILES = re.compile(r"search|pagefind|lunr")


@dataclass
class Built:
    engine: str
    site: Path
    seconds: float


# ------------------------------------------------------------------------------- building


def _project_copy(project: Path, out: Path, lunxun_options: dict, search_plugin: bool) -> Path:
    """A copy of a project whose mkdocs.yml sets the lunxun plugin's options."""
    copy = out / "project"
    if copy.exists():
        shutil.rmtree(copy)
    copy.mkdir(parents=True)
    for name in ("content", "quizzes", "docs"):
        if (project / name).is_dir():
            shutil.copytree(project / name, copy / name)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    options = "".join(
        f"\n      {key}: {json.dumps(value)}" for key, value in lunxun_options.items()
    )
    config = re.sub(
        r"^  - lunxun\b.*$",
        "  - lunxun:" + options if options else "  - lunxun",
        config,
        flags=re.MULTILINE,
    )
    if not search_plugin:
        config = re.sub(
            r"^  - search:\n(      .*\n)*|^  - search\n", "", config, flags=re.MULTILINE
        )
    (copy / "mkdocs.yml").write_text(config, encoding="utf-8")
    return copy


def build(engine: str, project: Path, out: Path) -> Built:
    """Build ``project`` for ``engine`` into out/site, in a child process; the build's wall time."""
    out.mkdir(parents=True, exist_ok=True)
    site = out / "site"
    done = subprocess.run(
        [sys.executable, __file__, "_build", engine, str(project), str(out)],
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"{engine}: build failed\n{done.stderr[-3000:]}")
    return Built(engine, site, float(done.stdout.strip().splitlines()[-1]))


def _build_here(engine: str, project: Path, out: Path) -> float:
    from generator.engines.mkdocs.build import build_site

    site = out / "site"
    if engine == "zensical":
        from generator.engines.zensical import build_with_zensical

        start = time.perf_counter()
        build_with_zensical(project / "mkdocs.yml", site_dir=str(site))
        return time.perf_counter() - start
    if engine == "pagefind":
        copy = _project_copy(project, out, {"search": False}, search_plugin=False)
        start = time.perf_counter()
        build_site(copy / "mkdocs.yml", site_dir=str(site))
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pagefind",
                "--site",
                str(site),
                "--root-selector",
                PAGEFIND_ROOT,
            ],
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - start
    copy = _project_copy(project, out, {"search": engine == "lunxun"}, search_plugin=True)
    start = time.perf_counter()
    if engine == "material+":
        from generator.engines.mkdocs.search.segmenter import teach_jieba
        from generator.pipeline import render_project

        teach_jieba(render_project(copy).search_words)
    build_site(copy / "mkdocs.yml", site_dir=str(site))
    return time.perf_counter() - start


# ------------------------------------------------------------------------------- serving


class _Counting(http.server.SimpleHTTPRequestHandler):
    """Serves a folder quietly and notes the path and size of every file it sends."""

    sent: list[tuple[str, int]]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            self.sent.append((urlsplit(self.path).path, path.stat().st_size))
        super().do_GET()


def serve(folder: Path) -> tuple[str, list[tuple[str, int]]]:
    """Serve a folder on 127.0.0.1; its base URL and the list of (path, bytes) it sends."""
    sent: list[tuple[str, int]] = []
    handler = type("Handler", (_Counting,), {"sent": sent})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", sent


def launch(playwright):
    executable = shutil.which("chromium")
    if executable is None:
        raise SystemExit("chromium is not installed")
    return playwright.chromium.launch(
        executable_path=executable,
        headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )


# ------------------------------------------------------------------------------- querying


@dataclass
class Result:
    pages: list[str]
    milliseconds: float


class Searcher:
    """One engine's search on one served site, in a fresh browser context.

    ``every``: collect every result page (for quality), not only those first on screen.
    """

    def __init__(
        self, browser, engine: str, served: tuple[str, list[tuple[str, int]]], every: bool = True
    ) -> None:
        self.engine = engine
        self.every = every
        self.base, self.sent = served
        self.context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
        self.page = self.context.new_page()

    def search_files(self) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        """Files sent so far: the search index, and everything search loaded (index, engine, wasm)."""
        index = [(p, n) for p, n in self.sent if INDEX_FILES.search(p)]
        engine = [(p, n) for p, n in self.sent if SEARCH_FILES.search(p)]
        return index, engine

    def close(self) -> None:
        self.context.close()

    def first(self, query: str) -> Result:
        """A query typed as soon as the page has loaded: includes loading the index."""
        if self.engine == "pagefind":
            self.page.goto(self.base)
            return self._pagefind(query, first=True)
        if self.engine == "zensical":
            self.page.goto(self.base)
            self._zensical_open()
            return self._zensical(query)
        open_search(self.page, self.base, wait=False)
        answer = search(self.page, self.base, query, every=self.every)
        return Result(answer.pages, answer.milliseconds)

    def query(self, query: str) -> Result:
        if self.engine == "pagefind":
            return self._pagefind(query)
        if self.engine == "zensical":
            return self._zensical(query)
        answer = search(self.page, self.base, query, every=self.every)
        return Result(answer.pages, answer.milliseconds)

    # Pagefind: its JS API, loading the data of the first ten results as its UI does
    def _pagefind(self, query: str, first: bool = False, shown: int = 10) -> Result:
        data = self.page.evaluate(
            """async ([base, query, shown, every]) => {
                 const start = performance.now();
                 window.__pf = window.__pf || await import(base + 'pagefind/pagefind.js');
                 const found = await window.__pf.search(query);
                 const top = await Promise.all(found.results.slice(0, shown).map(r => r.data()));
                 const ms = performance.now() - start;
                 const rest = every ? await Promise.all(found.results.slice(shown).map(r => r.data())) : [];
                 return {ms, urls: top.concat(rest).map(d => d.url)};
               }""",
            [self.base, query, shown, self.every],
        )
        base = self.base.rstrip("/")
        pages = list(dict.fromkeys(page_name(base + url, self.base) for url in data["urls"]))
        return Result(pages, data["ms"])

    # Zensical: its own search dialog (in a shadow root), timed in the page
    def _zensical_open(self) -> None:
        self.page.locator(".md-search__button").first.evaluate(
            "button => button.click()"
        )  # hidden on phones
        box = self.page.locator("dialog input[type=text]").first
        box.wait_for()
        self.page.evaluate(
            """() => {
                 if (window.__zxTimer) return;
                 const host = [...document.querySelectorAll('div')].find(d => d.shadowRoot);
                 const timer = window.__zxTimer = {typed: 0, shown: 0};
                 host.shadowRoot.addEventListener('input', () => { timer.typed = performance.now(); }, true);
                 new MutationObserver(() => { timer.shown = performance.now(); })
                   .observe(host.shadowRoot, {subtree: true, childList: true, characterData: true});
               }"""
        )

    def _zensical(self, query: str) -> Result:
        box = self.page.locator("dialog input[type=text]").first
        status = self.page.locator("dialog [role=status]").first
        box.fill("")
        box.press("End")
        self.page.wait_for_timeout(50)
        box.fill(query)
        box.press("End")
        for _ in range(300):  # the status reads "N results" once the list is there
            self.page.wait_for_timeout(10)
            text = status.inner_text() if status.count() else ""
            timer = self.page.evaluate("() => window.__zxTimer")
            if re.search(r"\d+ result|No result", text) and timer["shown"] > timer["typed"]:
                break
        self.page.wait_for_timeout(100)
        timer = self.page.evaluate("() => window.__zxTimer")
        hrefs = self.page.eval_on_selector_all(
            "dialog ol[role=listbox] a", "els => els.map(a => a.href)"
        )
        pages = list(dict.fromkeys(page_name(h, self.base) for h in hrefs))
        return Result(pages, timer["shown"] - timer["typed"])


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


if __name__ == "__main__" and len(sys.argv) == 5 and sys.argv[1] == "_build":
    print(_build_here(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])))
