"""Whether a response has the shape its question type gives it (codes come from outside)."""

from __future__ import annotations

from typing import Any

LETTERS = "ABCDEFGH"
MAX_TEXT = 200


def valid_answer(q: dict[str, Any], a: Any) -> bool:
    """The shapes of the result code (see rules.py); sizes are checked against the question."""
    kind = q["type"]
    if kind == "single":
        return type(a) is str and len(a) == 1 and a in LETTERS[: len(q["options"])]
    if kind == "multiple":
        allowed = LETTERS[: len(q["options"])]
        return type(a) is str and 0 < len(a) <= len(allowed) and all(x in allowed for x in a) \
            and list(a) == sorted(set(a))
    if kind == "judge":
        return type(a) is int and a in (0, 1)
    if kind == "blank":
        return type(a) is list and len(a) == len(q["answer"]) and all(
            type(x) is str and len(x) <= MAX_TEXT for x in a)
    if kind == "order":
        n = len(q["items"])
        return type(a) is list and len(a) <= n and all(type(x) is int and 0 <= x < n for x in a) \
            and len(set(a)) == len(a)
    if kind == "match":
        n = len(q["pairs"])
        return type(a) is list and len(a) == n and all(x is None or (type(x) is int and 0 <= x < n) for x in a)
    return False
