"""Result codes pasted from chat apps: read the files, decode every code, keep one attempt each.

A trainee is known by their id when the code carries one, else by name and unit. One
trainee may hand in several attempts at a bank (retakes) and may paste the same code twice;
a repeated paste counts once, and of the distinct attempts both the latest and the best are
kept, so the report can name both and the sheet can grade by either.
"""

from __future__ import annotations

import codecs
import math
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, Literal

from ..loading.files import Unreadable, read_bounded, read_regular
from .code import InvalidCode, decode_result_code, find_codes

Keep = Literal["latest", "best"]
STDIN = "-"
STDIN_LABEL = "标准输入"
MAX_INPUT_BYTES = 32 * 1024 * 1024  # a chat export with tens of thousands of codes


@dataclass(slots=True)
class Attempt:
    """One decoded, valid result code and where it was found."""

    bank: str
    bank_version: str
    name: str
    unit: str
    trainee_id: str
    questions: list[str]
    answers: dict[str, Any]
    correct: dict[str, int]
    points: float
    max_points: float
    score: float
    passed: bool
    seconds: int
    finished: int
    seed: Any
    file: str
    line: int

    @property
    def place(self) -> str:
        return f"{self.file}:{self.line}"

    def trainee(self) -> tuple[str, ...]:
        """Identity: the id when given, else name and unit (spaces and width folded)."""
        if self.trainee_id:
            return ("id", _fold(self.trainee_id))
        return ("name", _fold(self.name), _fold(self.unit))


@dataclass(slots=True)
class Group:
    """Every distinct attempt one trainee made at one bank."""

    latest: Attempt
    best: Attempt
    attempts: int = 1
    seen: set[tuple[Any, ...]] = field(default_factory=set)

    def chosen(self, keep: Keep) -> Attempt:
        return self.best if keep == "best" else self.latest


@dataclass
class Found:
    """The codes one input holds, before decoding."""

    label: str
    codes: list[tuple[int, str]]


@dataclass
class Collection:
    """What a run read: the groups, the problems met on the way, and the counts."""

    groups: dict[tuple[Any, ...], Group] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: int = 0
    found: int = 0
    valid: int = 0
    repeated: int = 0

    @property
    def invalid(self) -> int:
        return self.found - self.valid

    @property
    def retakes(self) -> int:
        """Attempts beyond the first, summed over trainees and banks."""
        return sum(group.attempts - 1 for group in self.groups.values())

    def kept(self, keep: Keep) -> list[Attempt]:
        """One attempt per trainee and bank, in the order the trainees first appeared."""
        return [group.chosen(keep) for group in self.groups.values()]

    def add(self, attempt: Attempt) -> None:
        self.valid += 1
        key = (attempt.trainee(), attempt.bank)
        signature = (attempt.seed, attempt.finished, attempt.score)
        group = self.groups.get(key)
        if group is None:
            self.groups[key] = Group(attempt, attempt, 1, {signature})
            return
        if signature in group.seen:
            self.repeated += 1
            return
        group.seen.add(signature)
        group.attempts += 1
        # ">=" so that of two attempts with one finishing time the later paste wins.
        if attempt.finished >= group.latest.finished:
            group.latest = attempt
        if (attempt.score, attempt.finished) >= (group.best.score, group.best.finished):
            group.best = attempt


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def label_of(source: str) -> str:
    """How messages name an input: its path as given, or 标准输入 for ``-``."""
    return STDIN_LABEL if source == STDIN else source


def read_input(source: str) -> tuple[str | None, list[str]]:
    """The text of a file (or standard input for ``-``) and notes on how it was read.

    Codes are ASCII, so whatever the file's encoding, reading it as text finds them; a
    file that is not UTF-8 is read as GB18030 (what Chinese Windows saves) and noted.
    """
    label = label_of(source)
    try:
        data = read_bounded(sys.stdin.buffer.read, MAX_INPUT_BYTES) if source == STDIN \
            else read_regular(FsPath(source), MAX_INPUT_BYTES)
    except Unreadable as error:  # a folder, a FIFO, /dev/zero, too large, unreadable
        return None, [f"{label}: {error.reason}，已跳过"]
    if not data.strip():
        return None, [f"{label}: 文件是空的"]
    return _decode(label, data)


def _decode(label: str, data: bytes) -> tuple[str | None, list[str]]:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), []
    if b"\x00" in data[:8192]:
        return None, [f"{label}: 不是文本文件（可能是图片或表格），已跳过；请粘贴聊天文字后另存为 .txt"]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    return data.decode("gb18030", errors="replace"), [f"{label}: 不是 UTF-8 编码，已按 GB18030（GBK）读取"]


def find_all(sources: Iterable[str], collection: Collection) -> list[Found]:
    """Read every input and find the codes in it; problems with a whole file are noted."""
    found = []
    for source in sources:
        collection.files += 1
        text, notes = read_input(source)
        collection.notes.extend(notes)
        if text is None:
            continue
        label = label_of(source)
        codes = find_codes(text)
        if not codes:
            collection.notes.append(f"{label}: 没有找到成绩码（成绩码以 LX1. 开头）")
            continue
        collection.found += len(codes)
        found.append(Found(label, codes))
    return found


def decode_all(found: list[Found], collection: Collection, tick=None) -> None:
    """Decode every code; a bad one is reported with its place and skipped.

    A code pasted again is not decoded again: only its place differs.
    """
    decoded: dict[str, Any] = {}
    for item in found:
        for line, text in item.codes:
            result = decoded.get(text)
            if result is None:
                try:
                    result = decoded[text] = decode_result_code(text)
                except InvalidCode as error:
                    result = decoded[text] = str(error)
            if isinstance(result, str):
                collection.problems.append(f"{item.label}:{line}: {result}，已跳过")
            else:
                attempt = to_attempt(result, item.label, line)
                problem = _implausible(attempt)
                if problem:
                    collection.problems.append(f"{item.label}:{line}: {problem}，已跳过")
                else:
                    collection.add(attempt)
            if tick is not None:
                tick()


def _implausible(attempt: Attempt) -> str:
    """Why a well-formed code still cannot be graded, or ''."""
    if not (attempt.trainee_id or attempt.name):
        return "成绩码中没有姓名和编号，无法确定是哪位学员"
    if not all(math.isfinite(value) for value in (attempt.score, attempt.points, attempt.max_points)):
        return "成绩码中的得分不是有效的数字"
    return ""


def to_attempt(code: Any, file: str, line: int) -> Attempt:
    """The fields the grade sheet and the analysis use, from a decoded code."""
    return Attempt(
        bank=code.b,
        bank_version=code.bv,
        name=code.n.strip(),
        unit=code.u.strip(),
        trainee_id=code.i.strip(),
        questions=code.q,  # decoded JSON, checked and owned by no one else: no copy needed
        answers=code.a,
        correct=code.r,
        points=code.p,
        max_points=code.m,
        score=code.sc,
        passed=code.ok == 1,
        seconds=code.t,
        finished=code.f,
        seed=code.s,
        file=file,
        line=line,
    )
