"""Result codes pasted from chat apps: read the files, re-grade every code, keep one attempt each.

A trainee is known by their ticket (准考证号) when the code was signed with one, else by
the id the code carries, else by name and unit: all folded (NFKC, spaces, invisible format
characters removed) so that ``张三\u200b`` is ``张三``. One trainee may hand in several
attempts at a bank (retakes) and may paste the same code twice; a repeated paste counts
once, and of the distinct attempts both the latest and the best are kept.

Keep rule: "latest" is honoured only for ticketed identities. A self-declared identity can
be typed by anyone, so for it the best attempt always counts: no code someone else sends
under a trainee's name can lower that trainee's grade.
"""

from __future__ import annotations

import codecs
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, Literal

from ..collector import collector_paused
from ..loading.files import Unreadable, read_bounded, read_regular
from .code import find_codes as find_legacy_codes
from .exam_code import find_exam_codes
from .grade_worker import grade_all
from .regrade import Context, Verdict

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
    ticket: str = ""
    sitting: str = ""
    started: int = 0
    flags: list[str] = field(default_factory=list)

    @property
    def place(self) -> str:
        return f"{self.file}:{self.line}"

    def trainee(self) -> tuple[str, ...]:
        """Identity: the ticket, else the id when given, else name and unit (folded)."""
        if self.ticket:
            return ("ticket", self.ticket)
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

    @property
    def verified(self) -> bool:
        return bool(self.latest.ticket)

    def chosen(self, keep: Keep) -> Attempt:
        return self.latest if keep == "latest" and self.verified else self.best


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
    """NFKC, format characters (zero-width, direction overrides) dropped, spaces folded."""
    kept = "".join(char for char in unicodedata.normalize("NFKC", text) if unicodedata.category(char) != "Cf")
    return " ".join(kept.split())


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
        codes = sorted(find_exam_codes(text) + find_legacy_codes(text))
        if not codes:
            collection.notes.append(f"{label}: 没有找到成绩码（成绩码以 LX2 或 LX1. 开头）")
            continue
        collection.found += len(codes)
        found.append(Found(label, codes))
    return found


def decode_all(found: list[Found], collection: Collection, context: Context,
               tick: Callable[[], None] | None = None) -> None:
    """Re-grade every code; a bad one is reported with its place and the reason, and skipped.

    A code pasted again is not graded again: only its place differs. ``tick`` is called
    once per code found.
    """
    pasted = Counter(text for item in found for _, text in item.codes)
    texts = list(pasted)  # distinct, in the order first read

    def graded(text: str) -> None:
        for _ in range(pasted[text]):
            tick()  # type: ignore[misc]

    with collector_paused():
        results = dict(zip(texts, grade_all(texts, context, graded if tick is not None else None), strict=True))
        for item in found:
            for line, text in item.codes:
                result = results[text]
                if isinstance(result, str):
                    collection.problems.append(f"{item.label}:{line}: {result}，已跳过")
                else:
                    collection.add(to_attempt(result, item.label, line))


def to_attempt(result: Verdict, file: str, line: int) -> Attempt:
    """The fields the grade sheet and the analysis use, from a re-graded code."""
    return Attempt(
        bank=result.bank, bank_version=result.version, name=result.name, unit=result.unit,
        trainee_id=result.trainee_id, questions=result.questions, answers=result.answers,
        correct=result.correct, points=result.points, max_points=result.max_points, score=result.score,
        passed=result.passed, seconds=max(0, result.finished - result.started), finished=result.finished,
        seed=result.seed, file=file, line=line, ticket=result.ticket, sitting=result.sitting,
        started=result.started, flags=list(result.flags),
    )
