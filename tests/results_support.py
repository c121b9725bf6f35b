"""Helpers for the `lunxun results` tests: build result codes the way the quiz engine does."""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any


def encode(payload: dict[str, Any]) -> str:
    """``LX1.<base64url JSON>.<crc32 hex>``, as the browser engine writes it."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    body = base64.urlsafe_b64encode(text).decode("ascii").rstrip("=")
    return f"LX1.{body}.{zlib.crc32(body.encode('ascii')) & 0xFFFFFFFF:08x}"


def payload(
    name: str,
    unit: str = "城关镇",
    *,
    bank: str = "tingqing-lianxi",
    ident: str = "",
    answers: dict[str, Any] | None = None,
    correct: dict[str, int] | None = None,
    questions: list[str] | None = None,
    points: float | None = None,
    max_points: float | None = None,
    score: float | None = None,
    passed: int | None = None,
    seconds: int = 300,
    finished: int = 1_746_064_800,  # 2025-05-01 10:00 Beijing time
    seed: int = 1,
    version: str = "abc123",
) -> dict[str, Any]:
    """A result payload; points, score and pass follow from ``correct`` unless given."""
    correct = correct if correct is not None else {}
    questions = questions if questions is not None else list(correct)
    earned = points if points is not None else float(sum(correct.values()))
    most = max_points if max_points is not None else float(len(correct) or 1)
    percent = score if score is not None else round(earned / most * 100, 1)
    return {
        "v": 1, "b": bank, "bv": version, "s": seed, "n": name, "u": unit, "i": ident,
        "q": questions, "a": answers if answers is not None else {}, "r": correct,
        "p": earned, "m": most, "sc": percent,
        "ok": passed if passed is not None else int(percent >= 60),
        "t": seconds, "f": finished,
    }


def code(name: str, unit: str = "城关镇", **fields: Any) -> str:
    return encode(payload(name, unit, **fields))
