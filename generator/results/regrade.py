"""One code → one re-graded attempt, or the reason (in Chinese) it cannot be graded.

Nothing the code says about the score is believed: the trainer's bank (at the code's
version) recomputes the draw from the seed, checks the questions, and grades the answers.
A ticketed code counts only when its MAC verifies with that trainee's ticket.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from ..grading.attempt import Grader, Mismatch
from ..grading.shapes import valid_answer
from .banks import BankInfo
from .code import InvalidCode, decode_result_code
from .exam_code import (
    PUBLIC_KEY,
    ExamCode,
    InvalidExamCode,
    Slot,
    bank_tag,
    decode_exam_code,
    version_tag,
)
from .tickets import Ticket

MAX_STAMP = 1 << 32  # unix seconds up to 2106: what the codes hold
GRACE = 120  # seconds past the time limit before a duration is flagged
FUTURE = 300  # seconds of clock difference tolerated before a finish is "in the future"


@dataclass
class Context:
    """What grading needs besides the code: the banks, the roster's tickets, the sitting window."""

    banks: dict[str, BankInfo]
    tickets: dict[str, Ticket] | None = None  # by 准考证号; None: identities are self-declared
    window: tuple[int, int] | None = None
    sitting: str | None = None  # count only codes with this sitting code
    now: float = field(default_factory=time.time)
    by_tag: dict[int, str] = field(init=False)
    _slots: dict[tuple[str, str], dict[str, list[Slot]]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.by_tag = {bank_tag(bank_id): bank_id for bank_id in self.banks}

    def slots(self, bank_id: str, version: str, grader: Grader, seed: int) -> list[Slot]:
        """The layout of the responses in a code: the slots of the questions the seed draws."""
        by_top = self._slots.get((bank_id, version))
        if by_top is None:  # once per bank version, not once per code
            by_top = self._slots[(bank_id, version)] = {
                qid: [Slot(q["id"], q["type"], slot_size(q)) for q in parts] for qid, parts in grader.parts.items()}
        return [slot for qid in grader.order(seed) for slot in by_top[qid]]


@dataclass
class Verdict:
    """A graded attempt's facts, as collect.Attempt takes them."""

    bank: str
    version: str
    name: str
    unit: str
    trainee_id: str
    ticket: str
    sitting: str
    seed: int
    questions: list[str]
    answers: dict[str, Any]
    correct: dict[str, int]
    points: float
    max_points: float
    score: float
    passed: bool
    started: int
    finished: int
    flags: list[str]


class Rejected(Exception):
    """Why a code cannot be graded."""


def verdict(text: str, context: Context) -> Verdict:
    """Grade one code.

    Raises:
        Rejected: with the reason in Chinese.
    """
    try:
        if text[:3].upper() == "LX2":
            return _exam(decode_exam_code(text), context)
        return _legacy(decode_result_code(text), context)
    except (InvalidCode, InvalidExamCode, Mismatch) as error:
        raise Rejected(str(error)) from None
    except (RecursionError, MemoryError, OverflowError, ValueError, TypeError, KeyError) as error:
        # a decoder that met a payload no test foresaw: the code is bad, grading goes on
        raise Rejected(f"成绩码内容无法读取（{type(error).__name__}）") from None


def _grader(info: BankInfo, version: str) -> Grader:
    grader = info.graders.get(version)
    if grader is None:
        raise Rejected(f"成绩码属于题库“{info.title}”的另一个版本（{version}），当前版本和 git 历史中都没有它，"
                       "无法评分")
    return grader


def _legacy(code: Any, context: Context) -> Verdict:
    """An LX1 code: self-declared identity; its score fields are ignored."""
    info = context.banks.get(code.b)
    if info is None:
        raise Rejected(f"题库“{code.b[:40]}”不在本项目中（用 --root 指定项目目录）")
    if not (0 <= code.s < MAX_STAMP and 0 <= code.t < MAX_STAMP and 0 <= code.f < MAX_STAMP):
        raise Rejected("成绩码中的随机种子或时间超出范围")
    if context.tickets is not None:
        raise Rejected("本次考试使用准考证：这个成绩码没有准考证号，不能计入")
    grader = _grader(info, code.bv)
    _check_shapes(grader, code.a)
    graded = grader.grade(code.s, code.a, code.q)
    started = code.f - code.t
    return _verdict(info, code.bv, graded, code.a, code.s, started, code.f, (code.n, code.u, code.i), "", "", context)


def _exam(code: ExamCode, context: Context) -> Verdict:
    bank_id = context.by_tag.get(code.bank_tag)
    if bank_id is None:
        raise Rejected(f"题库（编号 {code.bank_tag:08x}）不在本项目中（用 --root 指定项目目录）")
    info = context.banks[bank_id]
    version = next((v for v in info.graders if version_tag(v) == code.version_tag), None)
    if version is None:
        raise Rejected(f"成绩码属于题库“{info.title}”的另一个版本（{code.version_tag:08x}），"
                       "当前版本和 git 历史中都没有它，无法评分")
    grader = info.graders[version]
    identity = (code.name, code.unit, code.trainee_id)
    if code.ticket:
        ticket = (context.tickets or {}).get(code.ticket)
        if context.tickets is None:
            raise Rejected(f"成绩码使用准考证号 {code.ticket[:20]}，但没有提供名单（--roster），无法核对")
        if ticket is None:
            raise Rejected(f"准考证号 {code.ticket[:20]} 不在名单中")
        if not code.verifies(ticket.key()):
            raise Rejected(f"准考证号 {code.ticket[:20]} 的签名不符：成绩码被改动过，或不是用该学员的准考证作答的")
        identity = (ticket.name, ticket.unit, ticket.number)
    elif context.tickets is not None:
        raise Rejected("本次考试使用准考证：这个成绩码没有准考证号，不能计入")
    elif not code.verifies(PUBLIC_KEY):
        raise Rejected("成绩码的签名不符：被改动过")
    slots = context.slots(bank_id, version, grader, code.seed)
    try:
        answers = code.responses(slots)
    except InvalidExamCode as error:
        raise Rejected(str(error)) from None
    graded = grader.grade(code.seed, answers)
    return _verdict(info, version, graded, answers, code.seed, code.started, code.finished, identity,
                    code.ticket, code.sitting, context)


def slot_size(q: dict[str, Any]) -> int:
    """How many options, blanks, items or pairs a question's response is stored for."""
    kind = q["type"]
    return len(q["options"]) if kind in ("single", "multiple") else len(q["answer"]) if kind == "blank" \
        else len(q["items"]) if kind == "order" else len(q["pairs"]) if kind == "match" else 0


def _check_shapes(grader: Grader, answers: dict[str, Any]) -> None:
    for qid, answer in answers.items():
        q = grader.by_id.get(qid)
        if q is not None and not valid_answer(q, answer):
            raise Rejected(f"题目 {qid[:40]} 的作答格式不对")


def _verdict(info: BankInfo, version: str, graded: Any, answers: dict[str, Any], seed: int, started: int,
             finished: int, identity: tuple[str, str, str], ticket: str, sitting: str, context: Context) -> Verdict:
    name, unit, trainee_id = (" ".join(part.split()) for part in identity)
    if not (name or trainee_id):
        raise Rejected("成绩码中没有姓名和编号，无法确定是哪位学员")
    if context.sitting is not None and sitting != context.sitting:
        raise Rejected(f"考场口令是“{sitting[:20]}”，不是本场的“{context.sitting}”，未计入")
    flags = []
    if finished < started:
        flags.append("交卷时间早于开考时间")
    elif info.time_limit and finished - started > info.time_limit * 60 + GRACE:
        flags.append(f"用时 {(finished - started) // 60} 分钟，超过限时 {info.time_limit:g} 分钟")
    if finished > context.now + FUTURE:
        flags.append("交卷时间晚于现在（设备时间不对，或成绩码被改动）")
    if context.window and not (context.window[0] <= started and finished <= context.window[1]):
        flags.append("作答时间不在考场时间内")
    if info.sitting and not sitting:
        flags.append("没有考场口令")
    return Verdict(info.id, version, name, unit, trainee_id, ticket, sitting, seed, graded.questions, answers,
                   graded.correct, graded.points, graded.max_points, graded.score, graded.passed,
                   started, finished, flags)
