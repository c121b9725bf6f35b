"""Re-grading one attempt from the trainer's keyed bank: the draw from the seed, then each answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .key import authoring
from .prng import Mulberry32, pick, quota_pools
from .rules import checker, round_points, score


class Mismatch(ValueError):
    """The code's questions are not the ones its seed draws from this bank; message in Chinese."""


@dataclass(frozen=True)
class Graded:
    questions: list[str]  # as presented, a case followed by its sub-questions
    correct: dict[str, int]  # by gradable id, 1 or 0
    points: float
    max_points: float
    score: float
    passed: bool


class Grader:
    """Grades attempts at one bank version; the keyed bank JSON is read, and its rules
    prepared, once."""

    def __init__(self, bank: dict[str, Any], shipped: bool) -> None:
        self._prepare(bank, shipped)

    def __getstate__(self) -> tuple[dict[str, Any], bool]:
        return self.bank, self.shipped  # the prepared rules are closures: made again on arrival

    def __setstate__(self, state: tuple[dict[str, Any], bool]) -> None:
        self._prepare(*state)

    def _prepare(self, bank: dict[str, Any], shipped: bool) -> None:
        self.bank = bank
        self.shipped = shipped  # responses index the shipped (sorted) lists: trainer-graded pages
        self.top = {q["id"]: q for q in bank["questions"]}
        self.by_id = {sub["id"]: sub for q in bank["questions"] for sub in [q, *q.get("questions", [])]}
        self.pools = quota_pools(bank)
        # per top-level id: the gradable questions (a case's sub-questions) and the ids a code lists
        self.parts = {qid: q.get("questions", [q]) for qid, q in self.top.items()}
        self.listed = {qid: [qid, *(sub["id"] for sub in q.get("questions", []))] for qid, q in self.top.items()}
        self._rules = {q["id"]: (q["points"], checker(q), authoring(q) if shipped else None)
                       for parts in self.parts.values() for q in parts}
        self._last: tuple[int, list[str]] | None = None  # a code's seed is drawn twice: layout, then grade

    def order(self, seed: int) -> list[str]:
        if self._last is None or self._last[0] != seed:
            # the draw comes first from the generator; the display shuffles after it do not matter here
            self._last = (seed, pick(self.bank, Mulberry32(seed), self.pools))
        return self._last[1]

    def draw(self, seed: int) -> list[str]:
        """The ``q`` list of a result code: each id, a case followed by its sub-question ids."""
        listed = self.listed
        return [qid for top in self.order(seed) for qid in listed[top]]

    def gradables(self, seed: int) -> list[dict[str, Any]]:
        """The gradable questions the seed presents, in order (a case's sub-questions in turn)."""
        parts = self.parts
        return [q for qid in self.order(seed) for q in parts[qid]]

    def grade(self, seed: int, answers: dict[str, Any], questions: list[str] | None = None) -> Graded:
        """Grade ``answers`` for the attempt ``seed`` draws.

        Raises:
            Mismatch: ``questions`` (what the code says was presented) differ from the draw,
                or an answer names a question that was not presented.
        """
        order = self.order(seed)
        ids = self.draw(seed)
        if questions is not None and questions != ids:
            raise Mismatch("成绩码中的题目与该题库按随机种子抽出的题目不一致（可能被改动，或属于另一个题库）")
        extra = set(answers) - set(ids)
        if extra:
            raise Mismatch(f"成绩码中有未抽到的题目的作答：{_few(extra)}")
        correct: dict[str, int] = {}
        points = possible = 0.0
        rules = self._rules
        for qid in order:
            for q in self.parts[qid]:
                gid = q["id"]
                weight, right, authored = rules[gid]
                answer = answers.get(gid)
                ok = right(answer if authored is None else authored(answer))
                correct[gid] = int(ok)
                possible += weight
                points += weight if ok else 0
        points, possible = round_points(points), round_points(possible)
        percent = score(points, possible)
        return Graded(ids, correct, points, possible, percent, percent >= self.bank["passMark"])


def _few(ids: set[str]) -> str:
    shown = sorted(str(x)[:40] for x in ids)[:3]
    return "、".join(shown) + (" 等" if len(ids) > 3 else "")
