"""Reading built programme pages: the article's links, ids and tables (no tests here)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class Table:
    classes: str
    head: list[list[tuple[str, int]]] = field(default_factory=list)  # rows of (text, colspan)
    body: list[list[str]] = field(default_factory=list)


class Article(HTMLParser):
    """Ids, links and tables of a built page; only the article's links are kept."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[dict[str, str]] = []
        self.tables: list[Table] = []
        self._depth = 0  # > 0 inside the article
        self._section: str | None = None
        self._cell: list[str] | None = None
        self._colspan = 1
        self._link: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "article":
            self._depth += 1
        if not self._depth:
            return
        if tag == "a" and "href" in values:
            self._link = dict(values, text="")
            self.links.append(self._link)
        elif tag == "table":
            self.tables.append(Table(values.get("class", "")))
        elif tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr" and self.tables:
            rows = self.tables[-1].head if self._section == "thead" else self.tables[-1].body
            rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
            self._colspan = int(values.get("colspan") or 1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._depth -= 1
        elif tag == "a":
            self._link = None
        elif tag in ("td", "th") and self._cell is not None and self.tables:
            text = "".join(self._cell).strip()
            table = self.tables[-1]
            if self._section == "thead":
                table.head[-1].append((text, self._colspan))
            else:
                table.body[-1].append(text)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._link is not None:
            self._link["text"] += data


def read_page(site: Path, url_path: str) -> Article:
    """Parse the page at a site-relative URL path such as ``programmes/x/``."""
    article = Article()
    article.feed(page_file(site, url_path).read_text(encoding="utf-8"))
    return article


def page_file(site: Path, url_path: str) -> Path:
    target = site / url_path
    return target / "index.html" if url_path.endswith("/") or target.is_dir() else target


def resolve(url_path: str, href: str) -> tuple[str, str]:
    """A relative link from the page at ``url_path``: (site-relative path, fragment)."""
    parts = urlsplit(href)
    base = url_path if url_path.endswith("/") else posixpath.dirname(url_path) + "/"
    joined = (
        posixpath.normpath(posixpath.join(base, unquote(parts.path))) if parts.path else url_path
    )
    if parts.path.endswith("/") and not joined.endswith("/"):
        joined += "/"
    return joined.lstrip("./") if joined != "." else "", parts.fragment


def broken_links(site: Path, url_path: str) -> list[str]:
    """Every local link of the page's article whose file or anchor does not exist."""
    broken = []
    for link in read_page(site, url_path).links:
        href = link["href"]
        if urlsplit(href).scheme or href.startswith("//"):
            continue
        path, fragment = resolve(url_path, href)
        target = page_file(site, path) if path else page_file(site, url_path)
        if not target.exists() or (
            fragment
            and target.suffix == ".html"
            and fragment not in read_page(site, path or url_path).ids
        ):
            broken.append(href)
    return broken
