"""The site's sanitised HTML fragments as XHTML elements in another namespace (QTI's).

The renderer's HTML comes from a known allow-list (render/text.py), so a small parser is
enough: void tags close themselves, attributes QTI does not know are dropped, tags QTI
does not know become <span>, and a blank's slot marker becomes a text entry interaction.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser

VOID = {"br", "img", "hr"}
KEEP_ATTRIBUTES = {"a": ("href",), "img": ("src", "alt")}
KNOWN = {
    "p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img", "table",
    "thead", "tbody", "tr", "th", "td", "hr", "sub", "sup", "h4", "h5", "h6", "div", "span",
}

SlotMaker = Callable[[int], ET.Element]


class _Builder(HTMLParser):
    def __init__(self, namespace: str, root: ET.Element, slot: SlotMaker | None):
        super().__init__(convert_charrefs=True)
        self.ns = namespace
        self.stack = [root]
        self.slot = slot

    def _tag(self, name: str) -> str:
        name = name if name in KNOWN else "span"
        return f"{{{self.ns}}}{name}" if self.ns else name

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "span" and values.get("class") == "lx-slot" and self.slot is not None:
            self.stack[-1].append(self.slot(int(values.get("data-blank", "0"))))
            self.stack.append(ET.Element("ignored"))  # its end tag pops this placeholder
            return
        element = ET.SubElement(self.stack[-1], self._tag(tag))
        for key in KEEP_ATTRIBUTES.get(tag, ()):
            if key in values or (tag == "img" and key == "alt"):
                element.set(key, values.get(key, ""))
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1]
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def append_html(parent: ET.Element, fragment: str, namespace: str = "", slot: SlotMaker | None = None) -> None:
    """Parse ``fragment`` and append its content to ``parent`` (text and elements).

    With ``namespace`` '' the elements get plain names, for a tree whose root declares
    its default namespace with an ``xmlns`` attribute.
    """
    builder = _Builder(namespace, parent, slot)
    builder.feed(fragment)
    builder.close()


def indent_outside_text(element: ET.Element, leaves: set[str], level: int = 0) -> None:
    """Indent the XML structure but never inside ``leaves`` (text containers).

    ElementTree's own ``indent`` would add spaces inside mixed content such as
    ``<p><strong>听</strong>后办</p>``, which a reader shows as a gap in Chinese text.
    """
    if element.tag.rpartition("}")[2] in leaves or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    if not (element.text or "").strip():
        element.text = inner
    for child in element:
        indent_outside_text(child, leaves, level + 1)
        if not (child.tail or "").strip():
            child.tail = inner
    last = element[-1]
    last.tail = "\n" + "  " * level
