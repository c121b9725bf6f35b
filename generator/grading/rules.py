"""Whether a response is right, on the bank JSON the browser engine reads (answers as indexes).

Responses have the shapes of the result code: single ``"B"``, multiple ``"ACD"`` (sorted
letters as authored), judge ``1``/``0``, blank a list of texts (one per blank), order the
authored item indexes in the order placed, match per left item the authored right index or
``None``. A response of any other shape is wrong, never an error: codes come from outside.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

LETTERS = "ABCDEFGH"
# JavaScript's \s, spelled out (Python's differs: it has U+001C–U+001F and U+0085, not U+FEFF),
# then ASCII, general and CJK punctuation: the class the engine's ``norm`` removes.
_DROP = re.compile(
    "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
    "!-/:-@\\[-`{-~\u00a1-\u00bf\u2010-\u205e\u3000-\u303f\ufe10-\ufe6b\uff5f-\uff65]"
)


@lru_cache(maxsize=1 << 16)  # the same accepted texts and the same wrong answers, code after code
def norm(text: str) -> str:
    """A blank's text as compared: width folded (NFKC), spaces and punctuation dropped, lower case."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text)).lower()


def is_right(q: dict[str, Any], a: Any) -> bool:
    """The engine's ``right(q, a)`` for one gradable question (not a case)."""
    return checker(q)(a)


def checker(q: dict[str, Any]) -> Callable[[Any], bool]:
    """``is_right`` for one question with its key prepared: re-grading asks it of every code."""
    kind = q["type"]
    if kind in ("single", "multiple"):
        letters = LETTERS[q["answer"]] if kind == "single" else "".join(sorted(LETTERS[i] for i in q["answer"]))
        return lambda a: type(a) is str and a == letters
    if kind == "judge":
        key = 1 if q["answer"] else 0
        return lambda a: type(a) is int and a == key
    if kind == "blank":
        return _blank_checker([frozenset(norm(x) for x in accepted) for accepted in q["answer"]])
    if kind == "order":
        placed = list(range(len(q["items"])))
        # == alone would let True stand for 1
        return lambda a: isinstance(a, list) and a == placed and all(type(x) is int for x in a)
    if kind == "match":
        rights = [right for _, right in q["pairs"]]
        # per left item, every right index with its text (two pairs may share a right-hand side)
        fitting = [frozenset(j for j, other in enumerate(rights) if other == right) for right in rights]
        return lambda a: isinstance(a, list) and len(a) >= len(fitting) and all(
            type(a[k]) is int and a[k] in fits for k, fits in enumerate(fitting))
    return lambda a: False


def _blank_checker(accepted: list[frozenset[str]]) -> Callable[[Any], bool]:
    def right(a: Any) -> bool:
        if not isinstance(a, list) or len(a) < len(accepted):
            return False
        for text, fits in zip(a, accepted):
            if not isinstance(text, str):
                return False
            folded = norm(text)
            if not folded or folded not in fits:
                return False
        return True

    return right


def js_round(value: float) -> float:
    """``Math.round``: halves go up (Python's ``round`` goes to even)."""
    return float(math.floor(value + 0.5))


def score(points: float, possible: float) -> float:
    """Percent with one decimal, as the engine shows it (0 when nothing was possible)."""
    return js_round(points / possible * 1000) / 10 if possible else 0.0


def round_points(value: float) -> float:
    return js_round(value * 100) / 100
