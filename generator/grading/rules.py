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


def _index(value: Any, size: int) -> bool:
    return type(value) is int and 0 <= value < size


def fits_blank(accepted: list[str], text: Any) -> bool:
    if not isinstance(text, str) or not norm(text):
        return False
    return any(norm(x) == norm(text) for x in accepted)


def is_right(q: dict[str, Any], a: Any) -> bool:
    """The engine's ``right(q, a)`` for one gradable question (not a case)."""
    if a is None:
        return False
    kind = q["type"]
    if kind == "single":
        return a == LETTERS[q["answer"]] and type(a) is str
    if kind == "multiple":
        return type(a) is str and a == "".join(sorted(LETTERS[i] for i in q["answer"]))
    if kind == "judge":
        return type(a) is int and a == (1 if q["answer"] else 0)
    if kind == "blank":
        return isinstance(a, list) and len(a) >= len(q["answer"]) and all(
            fits_blank(accepted, a[k]) for k, accepted in enumerate(q["answer"]))
    if kind == "order":
        return isinstance(a, list) and len(a) == len(q["items"]) and all(
            type(x) is int and x == k for k, x in enumerate(a))
    if kind == "match":
        pairs = q["pairs"]
        return isinstance(a, list) and len(a) >= len(pairs) and all(
            _index(a[k], len(pairs)) and pairs[a[k]][1] == pairs[k][1] for k in range(len(pairs)))
    return False


def js_round(value: float) -> float:
    """``Math.round``: halves go up (Python's ``round`` goes to even)."""
    return float(math.floor(value + 0.5))


def score(points: float, possible: float) -> float:
    """Percent with one decimal, as the engine shows it (0 when nothing was possible)."""
    return js_round(points / possible * 1000) / 10 if possible else 0.0


def round_points(value: float) -> float:
    return js_round(value * 100) / 100
