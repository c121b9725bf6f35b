"""A Markdown extension that joins Chinese text broken across source lines.

Markdown turns a line break inside a paragraph into a space: right for English, a stray
gap inside a Chinese sentence (“编写几类 YAML 文本文件， lunxun 会”). Trainers wrap the
guide's lines as they type; this joins the lines of a paragraph where a space would stand
between Chinese characters or next to Chinese punctuation, and keeps it between a Chinese
word and a Latin one or code (“运行 `lunxun check`”), as the guide writes them within a line.

Used by name (``generator.render.cjk_lines``) in every engine's Markdown extensions.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# CJK punctuation, full-width forms and the curly quotes Chinese text uses
_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026]")
_CODE_SPAN = re.compile(r"`[^`]*`")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
# lines that start a block of their own (headings, list items, quotes, tables, admonitions,
# HTML, attribute lists) and so neither take the next line in nor join the previous one
_BLOCK_START = re.compile(r"^\s*(#|\||!!!|\?\?\?|<|>|\{|[-*+]\s|\d+[.)]\s|:\s)")


# lines whose end is part of their syntax, so the next line never continues them
_ONE_LINE = re.compile(r"^\s*(#|\||!!!|\?\?\?|<!--)")


def _cjk(char: str) -> bool:
    return bool(_IDEOGRAPH.match(char) or _PUNCTUATION.match(char))


def joins_without_space(before: str, after: str) -> bool:
    """Whether the break between two lines of one paragraph reads as no space at all."""
    before, after = before.rstrip("*_"), after.lstrip("*_")  # emphasis marks: look past them
    if not before or not after:
        return False
    last, first = before[-1], after[0]
    if _PUNCTUATION.match(last) or _PUNCTUATION.match(first):
        return True
    return bool(_IDEOGRAPH.match(last) and _cjk(first))


def join_lines(lines: list[str]) -> list[str]:
    """The lines with Chinese paragraph breaks joined; code fences are left as written."""
    out: list[str] = []
    fence = ""
    for line in lines:
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
            out.append(line)
            continue
        if match:
            fence = match.group(1)
            out.append(line)
            continue
        previous = out[-1] if out else ""
        if (
            previous.strip()
            and line.strip()
            and not previous.endswith(("  ", "\\"))  # a hard line break stays
            and not _BLOCK_START.match(line)
            and not _ONE_LINE.match(previous)
            and not _FENCE.match(previous)
            and "|" not in _CODE_SPAN.sub("", previous + line)  # rows of a table without outer pipes
            and joins_without_space(previous.rstrip(), line.lstrip())
        ):
            out[-1] = previous.rstrip() + line.lstrip()
            continue
        out.append(line)
    return out


class _JoinCjkLines(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return join_lines(lines)


class CjkLinesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # before fenced code and raw HTML are stashed (25, 20): it reads fences itself
        md.preprocessors.register(_JoinCjkLines(md), "lunxun_cjk_lines", 28)


def makeExtension(**kwargs: object) -> CjkLinesExtension:
    return CjkLinesExtension(**kwargs)
