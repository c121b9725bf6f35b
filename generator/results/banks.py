"""The project's question banks as the results report needs them: texts, answers, versions.

Results stand on their own (a code holds every answer and its correctness), so the banks
are optional: with them the report shows stems and option texts and knows the keys; without
them it shows question ids and option letters.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import nh3

from ..loading.project import Layout
from ..model import QuizBank
from ..model.quiz import BLANK, Blank, Case, Judge, Match, Multiple, Order, QuestionBase, Single
from ..problems import ContentError


@dataclass
class QuestionInfo:
    id: str
    type: str
    stem: str = ""
    options: list[str] = field(default_factory=list)
    key: Any = None  # letters ("AC"), True/False, accepted texts per blank
    items: list[str] = field(default_factory=list)  # order items, or match [left, right] texts
    rights: list[str] = field(default_factory=list)


@dataclass
class BankInfo:
    id: str
    title: str
    version: str
    pass_mark: float
    questions: dict[str, QuestionInfo]


def plain(text: str | None) -> str:
    """A Markdown field as one line of plain text (no markup, no links)."""
    if not text:
        return ""
    from ..render.text import md_inline

    return " ".join(html.unescape(nh3.clean(md_inline(text), tags=set())).split())


def question_info(question: QuestionBase) -> QuestionInfo:
    info = QuestionInfo(question.id, question.type, plain(question.stem))  # type: ignore[attr-defined]
    if isinstance(question, Single):
        info.options, info.key = [plain(o) for o in question.options], question.answer
    elif isinstance(question, Multiple):
        info.options, info.key = [plain(o) for o in question.options], "".join(question.answer)
    elif isinstance(question, Judge):
        info.key = question.answer
    elif isinstance(question, Blank):
        # "____" would read as Markdown emphasis; keep the blanks visible as blanks.
        info.stem = plain(BLANK.sub("LXBLANK", question.stem)).replace("LXBLANK", "____")
        info.key = [list(texts) for texts in question.answer]
    elif isinstance(question, Order):
        info.items = [plain(item) for item in question.items]
    elif isinstance(question, Match):
        info.items = [plain(left) for left, _ in question.pairs]
        info.rights = [plain(right) for _, right in question.pairs]
    return info


def bank_info(bank_id: str, bank: QuizBank) -> BankInfo:
    from ..render.quiz import bank_json

    questions: dict[str, QuestionInfo] = {}
    for question in bank.questions:
        if isinstance(question, Case):
            scenario = plain(question.scenario)
            for sub in question.questions:
                info = question_info(sub)
                info.stem = f"【案例：{_clip(scenario)}】{info.stem}"
                questions[sub.id] = info
        else:
            questions[question.id] = question_info(question)
    version = bank_json(bank_id, bank)["version"]
    return BankInfo(bank_id, bank.title, version, bank.pass_mark, questions)


def _clip(text: str, size: int = 24) -> str:
    return text if len(text) <= size else text[:size] + "…"


def load_banks(root: FsPath, layout: Layout) -> tuple[dict[str, BankInfo], list[str]]:
    """Every bank of the project at ``root`` and notes on what could not be used."""
    from ..loading.project import load_project
    from ..pipeline import load_checked

    if not (root / layout.quizzes_dir).is_dir():
        folder = root / layout.quizzes_dir
        return {}, [f"未找到题库文件夹 {folder}：报告中题目只显示编号，选项只显示字母（用 --root 指定项目目录）"]
    notes = []
    try:
        project = load_checked(root, layout)
    except ContentError:
        # One mistake elsewhere in the content should not cost the report its texts.
        project, _ = load_project(root, layout)
        notes.append("项目内容检查未通过（运行 lunxun check 查看），题库按能读取的部分使用")
    return {key: bank_info(key, entry.model) for key, entry in project.quizzes.items()}, notes
