"""Single cells of a question-bank spreadsheet read into fields: difficulty (易/中/难, 1–5),
points (分值) and topics (知识点/标签 → ref and tags)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from ...check.refs import method_ref_error
from ...loading.project import Project
from ...model.common import SLUG

DIFFICULTY = {"易": 1, "容易": 1, "简单": 1, "较易": 1, "较容易": 1, "较简单": 1, "低": 1,
              "中": 2, "中等": 2, "适中": 2, "一般": 2, "普通": 2, "中档": 2,
              "难": 3, "困难": 3, "较难": 3, "较困难": 3, "高": 3}
FIVE = {1: 1, 2: 1, 3: 2, 4: 3, 5: 3}  # a 1–5 scale onto 易/中/难
SPLIT_TAGS = re.compile(r"[,，、;；\s/|]+")


def difficulty_of(text: str, five_scale: bool, problem: Callable[[str, str], None]) -> Any:
    word = unicodedata.normalize("NFKC", text).strip().removesuffix("等").removesuffix("度")
    if word in DIFFICULTY:
        return DIFFICULTY[word]
    if word.isdigit() and 1 <= int(word) <= (5 if five_scale else 3):
        return FIVE[int(word)] if five_scale else int(word)
    problem("难度", f"难度“{text}”应为 易、较易、中、较难、难，或 1–3（或 1–5）")
    return None


def points_of(text: str, problem: Callable[[str, str], None]) -> Any:
    try:
        value = float(unicodedata.normalize("NFKC", text).removesuffix("分"))
    except ValueError:
        value = 0.0
    if not 0 < value < 1e6:
        problem("分值", f"分值“{text}”应为大于 0 的数")
    return value


def read_topics(text: str, labels: str, question: dict[str, Any], project: Project,
                problem: Callable[[str, str], None]) -> None:
    """知识点: the first method/step id becomes ref; other words, and 标签, become tags."""
    tags: list[str] = []
    for word in SPLIT_TAGS.split(unicodedata.normalize("NFKC", text).strip()):
        if not word:
            continue
        if "#" in word and SLUG.fullmatch(word.replace("#", "", 1)):
            error = method_ref_error(project, word)
            if error:
                problem("知识点", error)
            elif "ref" not in question:
                question["ref"] = word
                continue
        elif word in project.methods and "ref" not in question:
            question["ref"] = word
            continue
        if word not in tags:
            tags.append(word)
    for word in SPLIT_TAGS.split(unicodedata.normalize("NFKC", labels).strip()):
        if word and word not in tags:
            tags.append(word)
    if tags:
        question["tags"] = tags
