"""Driving the search box of a built site the way a reader does, in Playwright.

Used by tests/ (pytest puts this folder on the path: pyproject's pythonpath) and by
benchmarks/search_engines.py, so neither reaches into the other's folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

PLACEHOLDER = "键入以开始搜索"
ANSWERED = "符合条件的结果"  # the end of every result count Material shows in Chinese
# the results line until the engine answers: Material's own text, then search-shim.js's while the
# index and the engine load (they load when the search box is first used)
LOADING = "/正在初始化|正在加载搜索/"  # a JavaScript regex

# Times, in the page, the last change of the text in the search box (the last keystroke) and
# the last change of the results.
_TIMER = """() => {
  if (window.__lxTimer) return;
  const timer = window.__lxTimer = {typed: 0, shown: 0};
  document.addEventListener('input', e => {
    if (e.target.matches && e.target.matches('.md-search__input')) timer.typed = performance.now();
  }, true);
  new MutationObserver(() => { timer.shown = performance.now(); })
    .observe(document.querySelector('.md-search-result'), {subtree: true, childList: true, characterData: true});
}"""


@dataclass
class Answer:
    pages: list[str]  # result pages, best first, named as in search_queries.yaml
    milliseconds: float  # from the last keystroke to the results on screen, timed in the page


def page_name(url: str, base: str) -> str:
    """methods/liuchixiang/ or methods/liuchixiang.html → methods/liuchixiang; / → index."""
    path = urlsplit(url).path
    root = urlsplit(base).path
    root = root[: root.rfind("/") + 1]
    path = path.removeprefix(root)
    path = re.sub(r"(^|/)index\.html$", "", path)
    path = re.sub(r"\.html$", "", path).strip("/")
    return path or "index"


def open_search(page, url: str, wait: bool = True) -> None:
    """Open a page and its search dialog; ``wait`` until the search engine is ready."""
    page.goto(url)
    page.locator("label[for=__search]").first.click()
    page.locator("input.md-search__input").wait_for(state="visible")
    page.evaluate(_TIMER)
    if wait:
        wait_for_engine(page)


def wait_for_engine(page) -> None:
    """Until the search engine of the open search dialog is ready (it loads on first use)."""
    page.evaluate(_TIMER)
    page.wait_for_function(f"() => !{LOADING}.test(document.querySelector('.md-search-result__meta').textContent)")


def search(page, base: str, query: str, timeout: float = 30.0, every: bool = True) -> Answer:
    """Type a query into the open search box; the result pages once they are on screen.

    Material shows ten results and more as the list scrolls; ``every`` scrolls to the end.
    """
    box = page.locator("input.md-search__input")
    meta = ".md-search-result__meta"
    if box.input_value():
        box.fill("")
        box.press("End")  # Material reads the box on keyup
        page.wait_for_function(
            f"() => document.querySelector('{meta}').textContent.includes({PLACEHOLDER!r})"
        )
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        f"() => document.querySelector('{meta}').textContent.includes({ANSWERED!r})",
        timeout=timeout * 1000,
    )
    timer = page.evaluate("() => window.__lxTimer")
    milliseconds = timer["shown"] - timer["typed"]
    found = re.search(r"(\d+)", page.locator(meta).inner_text())
    total = int(found.group(1)) if found else 0
    items = page.locator("li.md-search-result__item")
    for _ in range(200 if every else 0):
        if items.count() >= total:
            break
        page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(20)
    hrefs = page.eval_on_selector_all(
        "li.md-search-result__item > a.md-search-result__link:first-child",
        "els => els.map(a => a.href)",
    )
    names = list(dict.fromkeys(page_name(href, base) for href in hrefs))
    return Answer(names, milliseconds)
