"""Shared pieces of the quiz engine's browser tests (no tests here).

The quizlab project (tests/projects/quizlab) is built once per session; the other
``test_quiz_*`` modules import this one (pytest puts this folder on ``sys.path``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.engines.mkdocs.build import build_site
from generator.loading.project import Layout
from generator.results.banks import load_banks
from generator.results.exam_code import PUBLIC_KEY, Slot, bank_tag, decode_exam_code, version_tag
from generator.results.regrade import slot_size

PROJECT = Path(__file__).resolve().parents[1] / "projects" / "quizlab"
_BUILT: dict[str, Any] = {}

# How to answer every question of the lianxi and kaoshi banks, right and wrong, and what the
# result code must then record. Case sub-questions are answered on the case's screen.
RIGHT = {
    "dan": ("single", "入户倾听"),
    "duo": ("multiple", ["倾听诉求", "分类办理", "办结回访"]),
    "pan": ("judge", "错误"),
    "pai": ("order", ["上门听取诉求", "能办的马上办", "办结后回访"]),
    "pei": ("match", [("听", "上门听取诉求"), ("办", "能办的马上办"), ("访", "办结后回访")]),
    "an": ("case", [("single", "上门了解情况"), ("judge", "正确")]),
}
WRONG = {
    "dan": ("single", "马上办理"),
    "duo": ("multiple", ["倾听诉求"]),
    "pan": ("judge", "正确"),
    "pai": ("order", ["办结后回访", "能办的马上办", "上门听取诉求"]),
    "pei": ("match", [("听", "能办的马上办"), ("办", "办结后回访"), ("访", "上门听取诉求")]),
    "an": ("case", [("single", "置之不理"), ("judge", "错误")]),
}
RIGHT_CODE = {"dan": "A", "duo": "ABC", "pan": 0, "pai": [0, 1, 2], "pei": [0, 1, 2], "an-a": "A", "an-b": 1}
WRONG_CODE = {"dan": "B", "duo": "A", "pan": 1, "pai": [2, 1, 0], "pei": [1, 2, 0], "an-a": "B", "an-b": 0}
# The blank differs between the two banks: lianxi has two blanks, kaoshi one.
BLANKS = {
    "lianxi": (["听", "回访"], ["办", "拖"]),
    "kaoshi": (["倾听"], ["办"]),
}


def quizlab_url(tmp_path_factory, serve) -> str:
    """The quizlab site, built on first use and served for the rest of the session."""
    if "url" not in _BUILT:
        out = tmp_path_factory.mktemp("quizlab") / "site"
        _BUILT["site"] = build_site(PROJECT / "mkdocs.yml", site_dir=str(out), strict=True)
        _BUILT["url"] = serve(_BUILT["site"])
    return _BUILT["url"]


def plan(bank: str, right: bool) -> dict[str, tuple[str, Any]]:
    """Answers for every top-level question of lianxi or kaoshi."""
    answers = dict(RIGHT if right else WRONG)
    answers["tian"] = ("blank", BLANKS[bank][0 if right else 1])
    return answers


def code_answers(bank: str, right: bool) -> dict[str, Any]:
    """What the result code's ``a`` must hold after :func:`plan` was answered."""
    answers = dict(RIGHT_CODE if right else WRONG_CODE)
    answers["tian"] = BLANKS[bank][0 if right else 1]
    return answers


def ending(text: str) -> re.Pattern[str]:
    """An accessible name that ends with ``text`` (option names start with their letter)."""
    return re.compile(re.escape(text) + "$")


def answer(scope, kind: str, value: Any) -> None:
    """Answer one question inside ``scope`` (a locator) the way a trainee would, by touch."""
    if kind in ("single", "judge"):
        scope.get_by_role("radio", name=ending(value)).check()
    elif kind == "multiple":
        for text in value:
            scope.get_by_role("checkbox", name=ending(text)).check()
    elif kind == "blank":
        for index, text in enumerate(value):
            scope.get_by_label(f"第 {index + 1} 空").fill(text)
    elif kind == "order":
        for text in value:
            scope.get_by_role("button", name=f"放入下一位：{text}").click()
    elif kind == "match":
        for left, right in value:
            scope.get_by_label(left, exact=True).select_option(label=right)
    elif kind == "case":
        for sub_kind, sub_value in value:
            answer(scope, sub_kind, sub_value)
    else:
        raise ValueError(kind)


def storage(page, key: str) -> Any:
    """One of the engine's localStorage entries, parsed (None when absent)."""
    raw = page.evaluate("k => localStorage.getItem('lunxun:v1:' + k)", key)
    return None if raw is None else json.loads(raw)


def current(page):
    """The question on screen."""
    return page.locator(".lx-main")


def start_exam(page, name: str = "张三", unit: str = "红旗村党支部", ident: str = "") -> None:
    page.get_by_label("姓名").fill(name)
    page.get_by_label("单位（乡镇、村或社区）").fill(unit)
    page.get_by_label("学员编号（选填）").fill(ident)
    page.get_by_role("button", name="开始考试").click()


def answer_exam(page, bank: str, right: bool | dict[str, bool]) -> None:
    """Answer every question of an exam in the order it was drawn; stays on the last one."""
    order = storage(page, f"attempt:{bank}")["order"]
    for index, qid in enumerate(order):
        good = right if isinstance(right, bool) else right[qid]
        kind, value = plan(bank, good)[qid]
        answer(current(page), kind, value)
        if index < len(order) - 1:
            page.get_by_role("button", name="下一题").click()


def result_code(page) -> str:
    return page.locator(".lx-result").get_by_label("成绩码").input_value()


@dataclass(frozen=True)
class Regraded:
    """What the trainer reads from a page's code: its header, the responses and their marks."""

    bank: str
    version: str
    name: str
    unit: str
    trainee_id: str
    seed: int
    started: int
    finished: int
    answers: dict[str, Any]
    questions: list[str]
    correct: dict[str, int]
    points: float
    max_points: float
    score: float
    passed: bool


def regraded(page) -> Regraded:
    """The page's LX2 code read and re-graded from quizlab's banks, as `lunxun results` does it
    (without its identity rules: a practice code carries no name)."""
    text = result_code(page)
    assert re.fullmatch(r"LX2[0-9A-HJKMNP-TV-Z]+", text), text  # capitals and digits only
    code = decode_exam_code(text)
    assert code.verifies(PUBLIC_KEY)
    info = next(i for bid, i in load_banks(PROJECT, Layout())[0].items() if bank_tag(bid) == code.bank_tag)
    version, grader = next((v, g) for v, g in info.graders.items() if version_tag(v) == code.version_tag)
    answers = code.responses([Slot(q["id"], q["type"], slot_size(q)) for q in grader.gradables(code.seed)])
    graded = grader.grade(code.seed, answers)
    return Regraded(info.id, version, code.name, code.unit, code.trainee_id, code.seed, code.started, code.finished,
                    answers, graded.questions, graded.correct, graded.points, graded.max_points, graded.score,
                    graded.passed)


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
