"""Trainer text (Markdown) to safe HTML.

Policy: raw HTML written by a trainer is shown as text, never interpreted; Markdown
(emphasis, lists, links, tables) is rendered; the result is then cleaned by nh3 with an
allow-list as a second line of defence, so no script, event handler, ``javascript:``
link or remote image can reach a page.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
import nh3

_ALLOWED_TAGS = {
    "p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img",
    "table", "thead", "tbody", "tr", "th", "td", "hr", "del", "sub", "sup", "h4", "h5", "h6",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "th": {"align"}, "td": {"align"}}
_MARKDOWN_SYNTAX = re.compile(r"[*_`\[\]<>&#|!\\~]|^\s*([-+]|\d+[.)])\s|\n\s*\n|^\s{4}", re.MULTILINE)


_URL_NOISE = re.compile(r"[\t\n\r]")  # browsers drop these anywhere in a URL


def is_local_url(value: str) -> bool:
    """Whether a browser would fetch ``value`` from the site itself. Read as browsers read it:
    leading spaces and control characters dropped, tabs and newlines removed, a backslash
    taken for a slash (so ``/\\evil.example/x.png`` is the other host ``//evil.example``)."""
    url = _URL_NOISE.sub("", value).lstrip("".join(map(chr, range(0x21)))).replace("\\", "/")
    head = re.split(r"[/?#]", url, maxsplit=1)[0]
    return ":" not in head and not url.startswith("//")


def _keep_local_images(tag: str, attribute: str, value: str) -> str | None:
    """Images may only come from the site itself: a remote one would leave the intranet and
    would let an author see who opened the page."""
    if tag == "img" and attribute == "src" and not is_local_url(value):
        return None
    return value


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    converter = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    converter.preprocessors.deregister("html_block")  # raw HTML stays text
    converter.inlinePatterns.deregister("html")
    return converter


def md_to_html(text: str | None) -> str:
    """Render one Markdown field to sanitised HTML ('' for None)."""
    if not text:
        return ""
    if not _MARKDOWN_SYNTAX.search(text):  # plain prose: the common case, far cheaper
        return f"<p>{html.escape(text.strip(), quote=False)}</p>"
    converter = _converter()
    converter.reset()
    rendered = converter.convert(text)
    return nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        attribute_filter=_keep_local_images,
        link_rel="noopener noreferrer",
        url_schemes={"http", "https", "mailto", "tel"},
    )


def md_inline(text: str | None) -> str:
    """Render a short Markdown field without the surrounding paragraph."""
    rendered = md_to_html(text)
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        return rendered[3:-4]
    return rendered


def escape_markdown(text: str) -> str:
    """Plain text (a title, a name) made safe to place inside Markdown source, on one line:
    a line break would end the heading, table row or list item it stands in."""
    escaped = html.escape(" ".join(text.split()), quote=True)
    return re.sub(r"([\\`*_{}\[\]()#+!|~])", r"\\\1", escaped)


def first_sentence(text: str) -> str:
    """A Markdown text's first sentence, for one-line index entries."""
    plain = " ".join(text.split())
    for mark in "。！？":
        if mark in plain:
            return plain[: plain.index(mark) + 1]
    return plain
