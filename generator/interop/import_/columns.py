"""Which column is which: the names Chinese exam platforms' 题库 templates give their columns.

A header cell is compared after NFKC, with spaces, marks such as ``*`` and notes in brackets
(``题型（必填）``, ``答案(勿删)``, ``【单选】``) removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from ...model.quiz import LETTERS

# canonical column → the names templates use for it
ALIASES: dict[str, tuple[str, ...]] = {
    "题型": ("题型", "试题类型", "题目类型", "类型", "题型名称", "试题题型", "题目题型", "题类"),
    "题干": ("题干", "题目", "题目内容", "试题内容", "试题", "题干内容", "试题题干", "题目题干", "问题", "题目名称",
             "内容"),
    "选项": ("选项", "选项内容", "全部选项", "所有选项", "备选项", "备选答案", "答案选项"),
    "答案": ("答案", "正确答案", "标准答案", "参考答案", "正确选项", "试题答案", "题目答案"),
    "解析": ("解析", "答案解析", "试题解析", "题目解析", "解释", "答案说明", "解题思路", "分析"),
    "难度": ("难度", "难易程度", "难易度", "难度等级", "难度级别", "难易"),
    "知识点": ("知识点", "章节", "所属分类", "分类", "所属章节", "考点", "知识点名称", "所属知识点", "题目分类",
               "试题分类"),
    "标签": ("标签", "关键词", "关键字"),
    "分值": ("分值", "分数", "题目分值", "试题分值", "每题分值"),
    "编号": ("编号", "题目编号", "试题编号", "题目id", "id"),
}
NOTED = ("序号", "题号", "备注", "出题人", "命题人", "审核人", "来源", "创建时间", "状态", "说明")
FIELDS = {"题型": "type", "题干": "stem", "选项": "options", "答案": "answer", "解析": "explain",
          "难度": "difficulty", "知识点": "ref/tags", "标签": "tags", "分值": "points", "编号": "id"}
OPTION_NAME = re.compile(r"(选项)?([A-H1-8])(?:选项|项|内容|选项内容)?")
_LOOKUP = {name: canonical for canonical, names in ALIASES.items() for name in names}
_NOTE = re.compile(r"[（(【\[<《][^）)】\]>》]*[）)】\]>》]")


def normalize(text: str) -> str:
    """``*题型（必填）`` → ``题型``; ``选项 ａ`` → ``选项A``."""
    name = unicodedata.normalize("NFKC", text)
    name = _NOTE.sub("", name)
    name = re.sub(r"[\s*＊※:：#]+", "", name)
    return name.upper()


def canonical(text: str) -> str | None:
    """The canonical column a header names (``选项C`` for an option column), or None."""
    name = normalize(text)
    if name in _LOOKUP:
        return _LOOKUP[name]
    if name.lower() in _LOOKUP:
        return _LOOKUP[name.lower()]
    found = OPTION_NAME.fullmatch(name)
    if found is None:
        return None
    prefix, mark = found.groups()
    if mark.isdigit():
        return f"选项{LETTERS[int(mark) - 1]}" if prefix else None  # a bare "1" is a number, not an option
    return f"选项{mark}"


@dataclass
class Header:
    """The header row of one sheet: where each canonical column is, and what was left aside."""

    row: int  # 1-based
    columns: dict[str, int] = field(default_factory=dict)  # canonical → 1-based column
    names: dict[str, str] = field(default_factory=dict)  # canonical → the text in the file
    ignored: list[str] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)


def find_header(rows: list[list[str]], scan: int = 30) -> Header | None:
    """The first row among the first ``scan`` that names a stem column and another known one."""
    return find_header_by(rows, canonical, "题干", scan)


def find_header_by(rows: list[list[str]], lookup: Callable[[str], str | None], required: str,
                   scan: int = 30) -> Header | None:
    """The first row among the first ``scan`` naming ``required`` and another column ``lookup`` knows.

    Shared by every table lunxun imports (question banks, rosters), each with its own names.
    """
    for number, row in enumerate(rows[:scan], start=1):
        found = [lookup(text) for text in row]
        known = {name for name in found if name}
        if required in known and len(known) >= 2:
            return _header(number, row, found)
    return None


def _header(number: int, row: list[str], found: list[str | None]) -> Header:
    header = Header(number)
    for index, (text, name) in enumerate(zip(row, found), start=1):
        if not text:
            continue
        if name is None:
            header.ignored.append(text)
        elif name in header.columns:
            header.duplicates.append((index, text))
        else:
            header.columns[name] = index
            header.names[name] = text
    return header
