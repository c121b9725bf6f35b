"""The project's question banks as `lunxun results` needs them: keys to re-grade, texts, versions.

A code carries what the trainee did, never a trusted score: every code is re-graded from
the trainer's bank. A code made with an older version of a bank is graded with that
version when the bank file's git history still has it.
"""

from __future__ import annotations

import html
import subprocess
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import nh3

from ..grading.attempt import Grader
from ..loading.load import load_text
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
    time_limit: float | None = None
    attempts: int | None = None
    sitting: bool = False
    graders: dict[str, Grader] = field(default_factory=dict)  # by version, the current one first


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
    keyed = bank_json(bank_id, bank)
    return BankInfo(bank_id, bank.title, keyed["version"], bank.pass_mark, questions, bank.time_limit,
                    bank.attempts, bank.sitting, {keyed["version"]: Grader(keyed, bank.trainer_graded)})


MAX_HISTORY = 200  # commits of one bank file searched for older versions


def add_history(info: BankInfo, root: FsPath, file: FsPath) -> None:
    """Graders for the versions of the bank in the git history of its file (none without git)."""
    from ..render.quiz import bank_json

    try:
        relative = file.resolve().relative_to(root)
        log = subprocess.run(["git", "-C", str(root), "log", f"-{MAX_HISTORY}", "--format=%H", "--", str(relative)],
                             capture_output=True, text=True, timeout=20, check=False)
    except (OSError, ValueError, subprocess.SubprocessError):
        return
    for commit in log.stdout.split():
        try:
            shown = subprocess.run(["git", "-C", str(root), "show", f"{commit}:{relative.as_posix()}"],
                                   capture_output=True, timeout=20, check=False)
        except (OSError, subprocess.SubprocessError):
            return
        doc, problems = load_text(shown.stdout.decode("utf-8", errors="replace"), str(relative))
        if shown.returncode or doc is None or problems:
            continue
        try:
            bank = QuizBank.model_validate(doc.data)
        except ValueError:
            continue
        keyed = bank_json(info.id, bank)
        info.graders.setdefault(keyed["version"], Grader(keyed, bank.trainer_graded))


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
    infos = {}
    for key, entry in project.quizzes.items():
        infos[key] = bank_info(key, entry.model)
        add_history(infos[key], root, FsPath(entry.doc.file) if FsPath(entry.doc.file).is_absolute()
                    else root / entry.doc.file)
    return infos, notes
