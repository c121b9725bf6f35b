"""Nothing leaves the intranet: no page, style or script of the built site fetches from another host.

Two checks. The static one reads every HTML, CSS and JS file of the shipped build for
addresses a browser would fetch (src, stylesheet/preload/icon links, CSS url() and
@import, URLs that start a string literal in scripts); plain <a href> links to other
sites and XML namespaces are not fetches. The live one browses the site in Chromium and
records every request.

Material's bundle carries three loaders that would fetch from the internet under
conditions this product keeps from arising; each is allowed only together with a check
that its condition does not hold.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from search_box import open_search, search

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
FETCHING_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "manifest",
    "mask-icon",
}
NAMESPACES = re.compile(
    r"^https?://www\.w3\.org/(2000/svg|1999/xlink|1999/xhtml|1998/Math/MathML|XML/1998/namespace)"
)
# a URL that starts a string literal; its host has a dot or is a template placeholder
SCRIPT_URL = re.compile(r"""["'`]((?:https?:)?//(?:\$\{[^}]*\}|[\w-]+(?:\.[\w-]+)+)[^"'`\s]*)""")
CSS_URL = re.compile(
    r"""url\(\s*["']?((?:https?:)?//[^"')\s]+)|@import\s+["']((?:https?:)?//[^"']+)"""
)


def _conditional_loaders(site: Path, pages: list[Path]) -> dict[str, str]:
    """Material's internet loaders, each with the reason it never runs on this site (checked)."""
    allowed: dict[str, str] = {}
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    bundle_pages = [p for p, t in texts.items() if "assets/javascripts/bundle." in t]
    if all(
        _loads_before(t, "assets/lunxun/polyfills.js", "assets/javascripts/bundle.")
        for t in (texts[p] for p in bundle_pages)
    ):
        allowed["https://unpkg.com/resize-observer-polyfill"] = (
            "only without ResizeObserver; polyfills.js defines one first"
        )
    if not any('class="mermaid"' in t for t in texts.values()):
        allowed["https://unpkg.com/mermaid@"] = "only for mermaid diagrams; the site has none"
    if not any('data-md-component="source"' in t for t in texts.values()):
        allowed["https://api.github.com/"] = "only with repo_url set; the site has none"
        allowed["https://${e}/api/v4/"] = "GitLab, only with repo_url set; the site has none"
    return allowed


def _loads_before(html: str, first: str, second: str) -> bool:
    a, b = html.find(first), html.find(second)
    return a != -1 and b != -1 and a < b


class _Fetches(HTMLParser):
    """Addresses a browser fetches while rendering a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_css: list[str] = []
        self.inline_js: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for name in ("src", "poster", "data", "background"):
            if values.get(name):
                self.urls.append(values[name])
        if values.get("srcset"):
            self.urls += [part.strip().split(" ")[0] for part in values["srcset"].split(",")]
        if tag == "link" and FETCHING_RELS & set(values.get("rel", "").lower().split()):
            self.urls.append(values.get("href", ""))
        if values.get("style"):
            self.inline_css.append(values["style"])
        if tag == "style" or (
            tag == "script"
            and not values.get("src")
            and values.get("type", "text/javascript") in ("text/javascript", "module", "")
        ):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "style":
            self.inline_css.append(data)
        elif self._in == "script":
            self.inline_js.append(data)


def _external(url: str) -> bool:
    if NAMESPACES.match(url):
        return False
    parts = urlsplit(url if "${" not in url else url.replace("${", "").replace("}", ""))
    return bool(parts.netloc) and parts.hostname not in LOCAL_HOSTS


def _violations(site: Path) -> list[str]:
    pages = sorted(site.rglob("*.html"))
    allowed = _conditional_loaders(site, pages)
    found: list[str] = []

    def report(where: Path, url: str) -> None:
        if _external(url) and not any(url.startswith(prefix) for prefix in allowed):
            found.append(f"{where.relative_to(site)}: {url}")

    for page in pages:
        parser = _Fetches()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.urls:
            report(page, url)
        for css in parser.inline_css:
            for match in CSS_URL.finditer(css):
                report(page, match.group(1) or match.group(2))
        for js in parser.inline_js:
            for match in SCRIPT_URL.finditer(js):
                report(page, match.group(1))
    for sheet in site.rglob("*.css"):
        for match in CSS_URL.finditer(sheet.read_text(encoding="utf-8", errors="replace")):
            report(sheet, match.group(1) or match.group(2))
    for script in site.rglob("*.js"):
        for match in SCRIPT_URL.finditer(script.read_text(encoding="utf-8", errors="replace")):
            report(script, match.group(1))
    return found


def test_no_page_style_or_script_fetches_from_another_host(shipped_site: Path) -> None:
    assert _violations(shipped_site) == []


def test_material_loaders_are_kept_from_running(shipped_site: Path) -> None:
    allowed = _conditional_loaders(shipped_site, sorted(shipped_site.rglob("*.html")))
    assert len(allowed) == 4, allowed  # each condition was checked and holds


def test_the_scanner_catches_leaks(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Noto">'
        '<a href="https://www.gov.cn/">政府网</a><img src="//cdn.example.com/a.png">'
        '<svg xmlns="http://www.w3.org/2000/svg"></svg><div style="background:url(https://x.test/b.png)"></div>',
        encoding="utf-8",
    )
    (tmp_path / "a.css").write_text(
        '@import "https://x.test/c.css"; p{background:url(data:image/png;base64,AA)}'
    )
    (tmp_path / "a.js").write_text(
        'fetch("https://x.test/api"); console.log("see https://docs.test")'
    )
    found = _violations(tmp_path)
    assert sorted(f.split(": ", 1)[1] for f in found) == [
        "//cdn.example.com/a.png",
        "https://fonts.googleapis.com/css?family=Noto",
        "https://x.test/api",
        "https://x.test/b.png",
        "https://x.test/c.css",
    ]


def _pages_to_visit(site: Path) -> list[str]:
    pages = ["", "methods/liuchixiang/", "quizzes/liuchixiang-jichu/", "glossary/"]
    programmes = (
        sorted(p for p in (site / "programmes").glob("*/index.html"))
        if (site / "programmes").is_dir()
        else []
    )
    if programmes:
        pages.append(programmes[0].parent.relative_to(site).as_posix() + "/")
    return pages


@pytest.mark.parametrize("which", range(5))
def test_browsing_stays_on_the_site(which: int, page, shipped_site: Path, shipped_url: str) -> None:
    visits = _pages_to_visit(shipped_site)
    if which >= len(visits):
        pytest.skip("no programme pages in this build")
    page.goto(shipped_url + visits[which])
    page.wait_for_load_state("networkidle")
    if "quizzes/" in visits[which]:
        page.locator(".lx-quiz").first.wait_for()
        assert page.locator(".lx-quiz").first.inner_text().strip()
    if which == 0:  # the search box: the engine and the index are fetched too
        open_search(page, shipped_url)
        assert search(page, shipped_url, "会诊").pages[0] == "methods/sizhen-tiaojie"
    elsewhere = [
        url
        for url in page.requests_seen
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname not in LOCAL_HOSTS
    ]
    assert elsewhere == []
