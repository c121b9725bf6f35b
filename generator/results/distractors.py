"""What trainees answered, per question: how often each option was chosen, common wrong answers.

Answers arrive as the result code writes them: ``"B"``/``"ACD"`` (letters of the options
as authored), ``1``/``0`` (judge), ``["情", "理"]`` (blanks), and lists of authored indexes
(order: the items as placed; match: the right item chosen for each left one, or null).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model.quiz import LETTERS
from .banks import QuestionInfo

TOP = 5


@dataclass
class Choice:
    """One option (or judge value) and how many of those who answered chose it."""

    label: str
    text: str
    count: int
    share: float
    correct: bool


@dataclass
class Tally:
    """Running counts of one question's answers."""

    letters: Counter[str] = field(default_factory=Counter)
    right_keys: Counter[str] = field(default_factory=Counter)
    judge: Counter[int] = field(default_factory=Counter)
    slots_wrong: list[Counter[str]] = field(default_factory=list)
    slots_right: list[set[str]] = field(default_factory=list)
    arrangements: Counter[tuple[Any, ...]] = field(default_factory=Counter)
    pairs: Counter[tuple[int, Any]] = field(default_factory=Counter)
    kind: str = ""

    def add(self, answer: Any, right: bool, times: int = 1) -> None:
        """Count one answer given ``times`` times (callers count identical answers first)."""
        if isinstance(answer, str):
            self.kind = "letters"
            for letter in answer:
                self.letters[letter] += times
            if right:
                self.right_keys[answer] += times
        elif isinstance(answer, (bool, int, float)):
            self.kind = "judge"
            self.judge[int(bool(answer))] += times
            if right:
                self.right_keys[str(int(bool(answer)))] += times
        elif isinstance(answer, (list, tuple)) and all(isinstance(item, str) for item in answer):
            self.kind = "blank"
            self._add_blank(answer, right, times)
        elif isinstance(answer, (list, tuple)):
            self.kind = "arrangement"
            if not right:
                self.arrangements[tuple(answer)] += times
                for left, chosen in enumerate(answer):
                    if chosen != left:
                        self.pairs[(left, chosen)] += times

    def _add_blank(self, texts: Any, right: bool, times: int) -> None:
        while len(self.slots_wrong) < len(texts):
            self.slots_wrong.append(Counter())
            self.slots_right.append(set())
        for slot, text in enumerate(texts):
            folded = _fold(text)
            if right:
                self.slots_right[slot].add(folded)
            elif folded:
                self.slots_wrong[slot][folded] += times


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(text)).split()).lower()


def choices(tally: Tally, info: QuestionInfo | None, answered: int) -> list[Choice]:
    """Each option with the times it was chosen; the key from the bank or, lacking it, from
    what those who answered correctly chose."""
    if tally.kind == "judge" or (info and info.type == "judge"):
        key = info.key if info and info.key is not None else _inferred_judge(tally)
        return [
            Choice(label, "", tally.judge[value], _share(tally.judge[value], answered),
                   key is not None and key == (value == 1))
            for label, value in (("对", 1), ("错", 0))
        ]
    if tally.kind != "letters" and not (info and info.options):
        return []
    options = info.options if info else []
    key = info.key if info and info.key else (tally.right_keys.most_common(1)[0][0] if tally.right_keys else "")
    seen = max((LETTERS.index(letter) + 1 for letter in tally.letters if letter in LETTERS), default=0)
    count = max(len(options), seen)
    return [
        Choice(letter, options[index] if index < len(options) else "", tally.letters[letter],
               _share(tally.letters[letter], answered), letter in key)
        for index, letter in enumerate(LETTERS[:count])
    ]


def _inferred_judge(tally: Tally) -> bool | None:
    if not tally.right_keys:
        return None
    return tally.right_keys.most_common(1)[0][0] == "1"


def _share(count: int, total: int) -> float:
    return count / total if total else 0.0


def wrong_answers(tally: Tally, info: QuestionInfo | None) -> list[tuple[str, int]]:
    """The commonest wrong answers of a blank, order or match question, as readable text."""
    if tally.kind == "blank":
        return _wrong_blanks(tally, info)
    if tally.kind != "arrangement":
        return []
    if info and info.type == "match":
        return [
            (f"{_item(info.items, left)} → {_item(info.rights, right) if right is not None else '（未连）'}", n)
            for (left, right), n in tally.pairs.most_common(TOP)
        ]
    items = info.items if info else []
    return [
        (" → ".join(_item(items, index) for index in arrangement), n)
        for arrangement, n in tally.arrangements.most_common(TOP)
    ]


def _wrong_blanks(tally: Tally, info: QuestionInfo | None) -> list[tuple[str, int]]:
    accepted = [{_fold(text) for text in slot} for slot in info.key] if info and info.key else []
    wrong: list[tuple[str, int]] = []
    for slot, counter in enumerate(tally.slots_wrong):
        right = accepted[slot] if slot < len(accepted) else tally.slots_right[slot]
        label = f"第{slot + 1}空" if len(tally.slots_wrong) > 1 else ""
        wrong += [(f"{label}“{text}”" if label else f"“{text}”", n)
                  for text, n in counter.items() if text not in right]
    wrong.sort(key=lambda pair: -pair[1])
    return wrong[:TOP]


def _item(texts: list[str], index: Any) -> str:
    if isinstance(index, int) and 0 <= index < len(texts):
        return texts[index]
    return f"第{index + 1}项" if isinstance(index, int) else str(index)
