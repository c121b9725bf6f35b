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
    hours: dict[str, float] = field(default_factory=dict)  # programme id → 学时 its completion.quiz_hours credits


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


def add_histories(banks: list[tuple[BankInfo, FsPath]], root: FsPath) -> None:
    """Graders for the versions of each bank in the git history of its file (none without git).

    The logs run side by side (threads waiting on git) and every old file is read by one
    ``git cat-file --batch``: a process per commit and bank cost seconds before any code was read.
    """
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=8) as pool:
        logs = list(pool.map(lambda bank: _commits(root, bank[1]), banks))
    wanted = [(info, relative, commit) for (info, _), (relative, commits) in zip(banks, logs, strict=True)
              for commit in commits if relative is not None]
    blobs = _blobs(root, [f"{commit}:{relative.as_posix()}" for _, relative, commit in wanted])
    for (info, relative, _), data in zip(wanted, blobs, strict=True):
        if data is not None:
            _add_version(info, relative, data)


def _commits(root: FsPath, file: FsPath) -> tuple[FsPath | None, list[str]]:
    """The file relative to the project, and the commits that changed it, newest first."""
    try:
        relative = file.resolve().relative_to(root)
        log = subprocess.run(["git", "-C", str(root), "log", f"-{MAX_HISTORY}", "--format=%H", "--", str(relative)],
                             capture_output=True, text=True, timeout=20, check=False)
    except (OSError, ValueError, subprocess.SubprocessError):
        return None, []
    return relative, log.stdout.split()


def _blobs(root: FsPath, specs: list[str]) -> list[bytes | None]:
    """The contents of ``commit:path`` objects, None for any git does not have."""
    asked = [spec for spec in specs if "\n" not in spec]  # one request a line
    if not asked:
        return [None] * len(specs)
    try:
        shown = subprocess.run(["git", "-C", str(root), "cat-file", "--batch"], input="\n".join(asked).encode() + b"\n",
                               capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return [None] * len(specs)
    out, at, found = shown.stdout, 0, {}
    for spec in asked:  # each answer: "<sha> <type> <size>\n<content>\n", or "<spec> missing\n"
        end = out.find(b"\n", at)
        if end < 0:
            break
        header = out[at:end].split()
        at = end + 1
        if len(header) == 3 and header[2].isdigit():
            size = int(header[2])
            if header[1] == b"blob":
                found[spec] = out[at:at + size]
            at += size + 1
    return [found.get(spec) for spec in specs]


def _add_version(info: BankInfo, relative: FsPath, data: bytes) -> None:
    from ..render.quiz import bank_json

    doc, problems = load_text(data.decode("utf-8", errors="replace"), str(relative))
    if doc is None or problems:
        return
    try:
        bank = QuizBank.model_validate(doc.data)
    except ValueError:
        return
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
    infos = {key: bank_info(key, entry.model) for key, entry in project.quizzes.items()}
    for programme_id, programme in project.programmes.items():
        credits = programme.model.completion.quiz_hours if programme.model.completion else {}
        for bank_id, hours in credits.items():
            if bank_id in infos:
                infos[bank_id].hours[programme_id] = hours
    add_histories([(infos[key], FsPath(entry.doc.file) if FsPath(entry.doc.file).is_absolute()
                    else root / entry.doc.file) for key, entry in project.quizzes.items()], root)
    return infos, notes
