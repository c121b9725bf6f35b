"""Driving the search box of a built site the way a reader does (tests and benchmarks)."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

QUERIES = Path(__file__).resolve().parent / "search_queries.yaml"
PLACEHOLDER = "键入以开始搜索"


@dataclass
class Answer:
    pages: list[str]  # result pages, best first, named as in search_queries.yaml
    seconds: float  # from the last keystroke to the results on screen


def load_queries() -> list[dict]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))


def page_name(url: str, base: str) -> str:
    """methods/liuchixiang/ or methods/liuchixiang.html → methods/liuchixiang; / → index."""
    path = urlsplit(url).path
    root = urlsplit(base).path
    if path.startswith(root):
        path = path[len(root):]
    path = re.sub(r"(^|/)index\.html$", "", path)
    path = re.sub(r"\.html$", "", path).strip("/")
    return path or "index"


def open_search(page, base: str) -> None:
    """Open the site and the search dialog, and wait until the search index is ready."""
    page.goto(base)
    page.locator("label[for=__search]").first.click()
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent.trim().length > 0"
    )


def search(page, base: str, query: str, timeout: float = 10.0) -> Answer:
    """Type a query into the open search box; all result pages once they are on screen."""
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.fill("")
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function(f"() => document.querySelector('.md-search-result__meta').textContent.includes({PLACEHOLDER!r})")
    box.fill(query)
    started = time.perf_counter()
    box.press("End")
    page.wait_for_function(
        f"() => !document.querySelector('.md-search-result__meta').textContent.includes({PLACEHOLDER!r})",
        timeout=timeout * 1000,
    )
    seconds = time.perf_counter() - started
    found = re.search(r"(\d+)", meta.inner_text())
    total = int(found.group(1)) if found else 0
    items = page.locator("li.md-search-result__item")
    for _ in range(50):  # Material renders ten results, then more as the list scrolls
        if items.count() >= total:
            break
        page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(50)
    hrefs = page.eval_on_selector_all(
        "li.md-search-result__item > a.md-search-result__link:first-child", "els => els.map(a => a.href)"
    )
    names = list(dict.fromkeys(page_name(href, base) for href in hrefs))
    return Answer(names, seconds)
