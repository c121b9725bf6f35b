"""Score statistics per bank and batch, and classical item analysis per question.

A batch (批次, `lunxun results --batch unit|file`) is the codes of one 单位 or of one input
file, not a cohort (期次).

Difficulty p is the share of trainees shown a question who got it right. Discrimination
D = p_upper − p_lower compares the top and bottom 27% of trainees by score (Kelley's
groups; ties at the cut are broken by the order the codes were read). Questions are flagged
as too easy (p > 0.9), too hard (p < 0.2) or discriminating negatively (D < 0), but only once
at least MIN_SAMPLE trainees were shown them: with a handful of results one answer moves p by
a tenth, and every question would be flagged.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from ..collector import collector_paused
from .banks import BankInfo
from .collect import Attempt
from .distractors import Choice, Tally, choices, wrong_answers

EASY = 0.9
HARD = 0.2
GROUP_SHARE = 0.27
MIN_SAMPLE = 20  # trainees shown a question before its p and D are flagged
BINS = 10
NO_UNIT = "（未填单位）"


@dataclass
class ScoreStats:
    """Scores (percent) of one group of trainees."""

    label: str
    count: int
    passed: int
    mean: float
    median: float
    low: float
    high: float
    histogram: list[int]

    @property
    def pass_rate(self) -> float:
        return self.passed / self.count if self.count else 0.0


@dataclass
class ItemStats:
    id: str
    type: str
    stem: str
    presented: int = 0
    answered: int = 0
    correct: int = 0
    p: float | None = None
    p_upper: float | None = None
    p_lower: float | None = None
    d: float | None = None
    flags: list[str] = field(default_factory=list)
    few: bool = False  # shown to fewer than MIN_SAMPLE trainees: figures only, no flags
    choices: list[Choice] = field(default_factory=list)
    wrong: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class BankStats:
    id: str
    title: str
    known: bool
    overall: ScoreStats
    alternative: ScoreStats
    batches: list[ScoreStats]
    items: list[ItemStats]
    group_size: int
    retakes: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> list[ItemStats]:
        return [item for item in self.items if item.flags]

    @property
    def few(self) -> list[ItemStats]:
        """Questions too few trainees saw to be flagged."""
        return [item for item in self.items if item.few]


def score_stats(label: str, attempts: list[Attempt]) -> ScoreStats:
    scores = [attempt.score for attempt in attempts]
    histogram = [0] * BINS
    for score in scores:
        histogram[min(max(int(score // 10), 0), BINS - 1)] += 1
    return ScoreStats(
        label=label,
        count=len(scores),
        passed=sum(1 for attempt in attempts if attempt.passed),
        mean=statistics.fmean(scores) if scores else 0.0,
        median=statistics.median(scores) if scores else 0.0,
        low=min(scores, default=0.0),
        high=max(scores, default=0.0),
        histogram=histogram,
    )


def batch_by_unit(attempt: Attempt) -> str:
    return attempt.unit or NO_UNIT


def batch_by_file(attempt: Attempt) -> str:
    """The input file's name without folder and extension: 一班.txt → 一班."""
    return PurePath(attempt.file).stem


def analyse(
    chosen: list[Attempt],
    alternative: list[Attempt],
    banks: dict[str, BankInfo],
    batch_of: Callable[[Attempt], str] = batch_by_unit,
    retakes: dict[str, int] | None = None,
) -> list[BankStats]:
    """Statistics for every bank the kept attempts belong to, banks in order of first code.

    ``chosen`` holds the attempt graded per trainee and bank (latest or best);
    ``alternative`` the one the other rule would grade, to report both pass rates.
    """
    with collector_paused():
        return _analyse(chosen, alternative, banks, batch_of, retakes)


def _analyse(chosen: list[Attempt], alternative: list[Attempt], banks: dict[str, BankInfo],
             batch_of: Callable[[Attempt], str], retakes: dict[str, int] | None) -> list[BankStats]:
    by_bank: dict[str, list[Attempt]] = {}
    for attempt in chosen:
        by_bank.setdefault(attempt.bank, []).append(attempt)
    other: dict[str, list[Attempt]] = {}
    for attempt in alternative:
        other.setdefault(attempt.bank, []).append(attempt)
    return [
        bank_stats(bank_id, attempts, other.get(bank_id, []), banks.get(bank_id), batch_of,
                   (retakes or {}).get(bank_id, 0))
        for bank_id, attempts in by_bank.items()
    ]


def bank_stats(
    bank_id: str,
    attempts: list[Attempt],
    alternative: list[Attempt],
    info: BankInfo | None,
    batch_of: Callable[[Attempt], str],
    retakes: int = 0,
) -> BankStats:
    batches: dict[str, list[Attempt]] = {}
    for attempt in attempts:
        batches.setdefault(batch_of(attempt), []).append(attempt)
    ranked = sorted(attempts, key=lambda attempt: -attempt.score)
    size = int(len(ranked) * GROUP_SHARE + 0.5)
    items = item_stats(attempts, ranked[:size], ranked[len(ranked) - size:] if size else [], info)
    return BankStats(
        id=bank_id,
        title=info.title if info else bank_id,
        known=info is not None,
        overall=score_stats("全部", attempts),
        alternative=score_stats("全部", alternative),
        batches=[score_stats(label, group) for label, group in sorted(batches.items())],
        items=items,
        group_size=size,
        retakes=retakes,
        notes=_version_notes(attempts, info),
    )


def item_stats(
    attempts: list[Attempt], upper: list[Attempt], lower: list[Attempt], info: BankInfo | None
) -> list[ItemStats]:
    """Difficulty, discrimination and answer counts of every scored question, bank order."""
    shown, right, scored = _counts(attempts)
    upper_shown, upper_right, _ = _counts(upper)
    lower_shown, lower_right, _ = _counts(lower)
    answered, given = _answers(attempts)
    order = [qid for qid in info.questions if qid in shown] if info else []
    order += [qid for qid in shown if not (info and qid in info.questions)]
    items = []
    for qid in order:
        if qid not in scored:  # a case's scenario: nothing to analyse
            continue
        question = info.questions.get(qid) if info else None
        tally = Tally()
        for (answer, correct), times in given.get(qid, {}).items():
            tally.add(answer, correct, times)
        item = ItemStats(qid, question.type if question else tally.kind, question.stem if question else "")
        item.presented, item.correct, item.answered = shown[qid], right[qid], answered[qid]
        item.p = item.correct / item.presented
        item.p_upper = right_share(upper_right[qid], upper_shown[qid])
        item.p_lower = right_share(lower_right[qid], lower_shown[qid])
        if item.p_upper is not None and item.p_lower is not None:
            item.d = item.p_upper - item.p_lower
        item.few = item.presented < MIN_SAMPLE
        item.flags = [] if item.few else flags(item)
        item.choices = choices(tally, question, item.answered)
        item.wrong = wrong_answers(tally, question)
        items.append(item)
    return items


def _counts(attempts: list[Attempt]) -> tuple[Counter[str], Counter[str], set[str]]:
    """Per question: times shown, times answered right, and which questions are scored."""
    shown: Counter[str] = Counter()
    right: Counter[str] = Counter()
    scored: set[str] = set()
    for attempt in attempts:
        shown.update(attempt.questions)
        right.update([qid for qid, value in attempt.correct.items() if value])
        scored.update(attempt.correct)
    return shown, right, scored


def _answers(attempts: list[Attempt]) -> tuple[Counter[str], dict[str, Counter[tuple[Any, bool]]]]:
    """Per question: times answered, and each distinct (answer, right) with its count.

    Identical answers are counted first and tallied once: thousands of trainees give only
    a handful of distinct answers to a question.
    """
    answered: Counter[str] = Counter()
    given: Counter[tuple[str, Any, bool]] = Counter()
    for attempt in attempts:
        correct = attempt.correct
        answered.update(attempt.answers.keys())
        for qid, answer in attempt.answers.items():
            try:
                given[(qid, tuple(answer) if type(answer) is list else answer, correct.get(qid) == 1)] += 1
            except TypeError:  # a shape no question type writes (a list of lists, an object)
                continue
    by_question: dict[str, Counter[tuple[Any, bool]]] = {}
    for (qid, answer, correct_answer), times in given.items():
        by_question.setdefault(qid, Counter())[(answer, correct_answer)] = times
    return answered, by_question


def right_share(right: int, shown: int) -> float | None:
    return right / shown if shown else None


def flags(item: ItemStats) -> list[str]:
    found = []
    if item.p is not None and item.p > EASY:
        found.append("偏易")
    if item.p is not None and item.p < HARD:
        found.append("偏难")
    if item.d is not None and item.d < 0:
        found.append("负区分")
    return found


def _version_notes(attempts: list[Attempt], info: BankInfo | None) -> list[str]:
    if info is None:
        return ["项目中没有这个题库：题目只显示编号，选项只显示字母（用 --root 指定项目目录）"]
    older = sum(1 for attempt in attempts if attempt.bank_version and attempt.bank_version != info.version)
    if not older:
        return []
    return [f"{older} 份成绩作答的是修改前的题库版本：题目和选项按当前题库显示，如有改动可能对不上"]
