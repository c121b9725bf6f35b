"""The seed → draw and shuffles of an attempt, exactly as the browser engine computes them.

PRNG: mulberry32 over 32-bit unsigned state ``a`` (all arithmetic modulo 2**32)::

    a = a + 0x6D2B79F5
    t = imul(a ^ (a >> 15), a | 1)
    t = (t + imul(t ^ (t >> 7), t | 61)) ^ t
    return (t ^ (t >> 14)) / 2**32          # a float in [0, 1)

``shuffle`` is Fisher–Yates from the end: for i = n-1 … 1, j = floor(r() * (i + 1)),
swap a[i] and a[j]. ``mix`` (order items, match right sides) shuffles and, when the result
is the identity on more than one item, rotates it left by one, so the key is never shown.
The float products are exact in IEEE doubles on both sides, so ``floor`` agrees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
_MASK = 0xFFFFFFFF


def _imul(x: int, y: int) -> int:
    return (x * y) & _MASK


def mulberry32(seed: int) -> Callable[[], float]:
    """The generator for ``seed`` (taken modulo 2**32), as a plain function (the reference)."""
    state = seed & _MASK

    def next_float() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & _MASK
        t = _imul(state ^ (state >> 15), state | 1)
        t = ((t + _imul(t ^ (t >> 7), t | 61)) & _MASK) ^ t
        return (t ^ (t >> 14)) / 4294967296

    return next_float


EXACT = 1 << 21  # below this length floor(r * n) is (x * n) >> 32: r * n is exact in a double


class Mulberry32:
    """mulberry32 as an object whose ``shuffle`` runs the steps inline: re-grading draws
    100,000 times, and a call per random number is most of that time."""

    def __init__(self, seed: int) -> None:
        self.state = seed & _MASK

    def __call__(self) -> float:
        state = self.state = (self.state + 0x6D2B79F5) & _MASK
        t = ((state ^ (state >> 15)) * (state | 1)) & _MASK
        t = ((t + (((t ^ (t >> 7)) * (t | 61)) & _MASK)) & _MASK) ^ t
        return (t ^ (t >> 14)) / 4294967296

    def shuffle(self, items: Sequence[Item]) -> list[Item]:
        out = list(items)
        if len(out) >= EXACT:
            return _shuffle(out, self)
        state = self.state
        # the reference steps with the masks folded: (a + b & M) is (a + (b & M)) & M, and
        # r = x / 2**32 is exact, so int(r * (i + 1)) is the integer (x * (i + 1)) >> 32
        for i in range(len(out) - 1, 0, -1):
            state = (state + 0x6D2B79F5) & 0xFFFFFFFF
            t = (state ^ (state >> 15)) * (state | 1) & 0xFFFFFFFF
            t = (t + ((t ^ (t >> 7)) * (t | 61)) & 0xFFFFFFFF) ^ t
            j = ((t ^ (t >> 14)) * (i + 1)) >> 32
            out[i], out[j] = out[j], out[i]
        self.state = state
        return out


def shuffle(items: Sequence[Item], r: Callable[[], float]) -> list[Item]:
    if isinstance(r, Mulberry32):
        return r.shuffle(items)
    return _shuffle(list(items), r)


def _shuffle(out: list[Item], r: Callable[[], float]) -> list[Item]:
    for i in range(len(out) - 1, 0, -1):
        j = int(r() * (i + 1))
        out[i], out[j] = out[j], out[i]
    return out


def mix(n: int, r: Callable[[], float]) -> list[int]:
    out = shuffle(range(n), r)
    if n > 1 and out == list(range(n)):
        out.append(out.pop(0))
    return out


def _fits(quota: dict[str, Any], q: dict[str, Any]) -> bool:
    ref = quota.get("ref")
    qref = q.get("ref") or ""
    if ref and not (qref == ref or ("#" not in ref and qref.startswith(ref + "#"))):
        return False
    if quota.get("difficulty") and q.get("difficulty") != quota["difficulty"]:
        return False
    if quota.get("type") and q.get("type") != quota["type"]:
        return False
    return not (quota.get("tag") and quota["tag"] not in (q.get("tags") or []))


def quota_pools(bank: dict[str, Any]) -> list[tuple[int, list[int]]]:
    """Per blueprint quota, its count and the indexes of the questions that fit it (seed-free)."""
    questions = bank["questions"]
    return [(quota["count"], [k for k, q in enumerate(questions) if _fits(quota, q)])
            for quota in bank.get("blueprint") or []]


def pick(bank: dict[str, Any], r: Callable[[], float], pools: list[tuple[int, list[int]]] | None = None) -> list[str]:
    """The ids of the top-level questions presented, in order (the engine's ``pick``).

    ``pools`` is :func:`quota_pools` of the bank, when the caller draws many times.
    """
    questions = bank["questions"]
    pools = quota_pools(bank) if pools is None else pools
    got: list[int] = []  # indexes: the engine compares question objects by identity
    taken: set[int] = set()
    for count, fitting in pools:
        chosen = shuffle([k for k in fitting if k not in taken], r)[:count]
        got.extend(chosen)
        taken.update(chosen)
    want = bank.get("draw") or (sum(count for count, _ in pools) if pools else len(questions))
    rest = [k for k in range(len(questions)) if k not in taken]
    got.extend(shuffle(rest, r)[: max(0, want - len(got))])
    chosen = shuffle(got, r) if bank.get("shuffleQuestions") else sorted(got)
    return [questions[k]["id"] for k in chosen]


def _perm(q: dict[str, Any], r: Callable[[], float], mixed: bool) -> list[int] | None:
    kind = q["type"]
    if kind in ("single", "multiple"):
        n = len(q["options"])
        return shuffle(range(n), r) if mixed else list(range(n))
    if kind == "order":
        return mix(len(q["items"]), r)
    if kind == "match":
        return mix(len(q["pairs"]), r)
    return None


def presentation(bank: dict[str, Any], seed: int,
                 pools: list[tuple[int, list[int]]] | None = None) -> tuple[list[str], dict[str, list[int]]]:
    """The attempt a seed makes: top-level ids in order and each question's display permutation."""
    r = mulberry32(seed)
    order = pick(bank, r, pools)
    by_id = {q["id"]: q for q in bank["questions"]}
    perms: dict[str, list[int]] = {}
    for qid in order:
        for q in [by_id[qid], *by_id[qid].get("questions", [])]:
            perm = _perm(q, r, bool(bank.get("shuffleOptions")))
            if perm is not None:
                perms[q["id"]] = perm
    return order, perms


def presented_ids(bank: dict[str, Any], order: list[str]) -> list[str]:
    """The ``q`` list of a result code: each id, a case followed by its sub-question ids."""
    by_id = {q["id"]: q for q in bank["questions"]}
    ids: list[str] = []
    for qid in order:
        ids.append(qid)
        ids.extend(sub["id"] for sub in by_id[qid].get("questions", []))
    return ids
