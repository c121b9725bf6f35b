"""What a trainer-graded bank ships instead of its key, and how a response maps back to the key.

A trainer-graded page may not show order items in their authored order, nor match pairs
side by side: that order is the key. It ships order items, and a match's right-hand sides,
sorted by the SHA-256 of their text. That order is a function of the set of texts alone, so
it says nothing about the authored order, and the trainer recomputes it without a secret.
Responses to such a page index the shipped lists; :func:`to_authored` turns them back.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import lru_cache
from typing import Any

GRADABLE = ("id", "type", "points", "answer", "items", "pairs", "ref", "difficulty", "tags")


def shipped_order(texts: list[str] | tuple[str, ...]) -> list[int]:
    """Authored indexes in shipped order: shipped[i] is texts[order[i]]."""
    return list(_shipped_order(tuple(texts)))


@lru_cache(maxsize=4096)  # re-grading asks for the same questions' orders code after code
def _shipped_order(texts: tuple[str, ...]) -> tuple[int, ...]:
    digests = [hashlib.sha256(text.encode()).hexdigest() for text in texts]
    return tuple(sorted(range(len(texts)), key=lambda k: (digests[k], k)))


def to_authored(q: dict[str, Any], a: Any) -> Any:
    """A response to a trainer-graded page as the keyed rules read it; odd shapes pass as they are."""
    return authoring(q)(a)


def authoring(q: dict[str, Any]) -> Callable[[Any], Any]:
    """``to_authored`` for one question with its shipped order computed once."""
    if q["type"] not in ("order", "match"):
        return _same
    texts = q["items"] if q["type"] == "order" else [right for _, right in q["pairs"]]
    order = shipped_order(texts)
    outside = -1 if q["type"] == "order" else None  # an index no rule accepts

    def authored(a: Any) -> Any:
        if not isinstance(a, list):
            return a
        return [order[x] if type(x) is int and 0 <= x < len(order) else outside for x in a]

    return authored


def _same(a: Any) -> Any:
    return a


def _gradable(q: dict[str, Any]) -> dict[str, Any]:
    data = {key: q[key] for key in GRADABLE if key in q}
    if "options" in q:
        data["options"] = len(q["options"])
    if "questions" in q:
        data["questions"] = [_gradable(sub) for sub in q["questions"]]
    return data


def gradable_version(bank: dict[str, Any]) -> str:
    """Hash of what decides a grade: the draw, the questions' ids, types, points and keys.

    Stems, option texts and explanations are left out, so fixing a typo keeps the version
    (and the codes already handed in) valid.
    """
    data = {
        "draw": bank.get("draw"), "blueprint": bank.get("blueprint"), "passMark": bank.get("passMark"),
        "shuffleQuestions": bank.get("shuffleQuestions"), "shuffleOptions": bank.get("shuffleOptions"),
        "grading": bank.get("grading"),
        "questions": [_gradable(q) for q in bank["questions"]],
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:12]
