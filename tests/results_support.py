"""Helpers for the `lunxun results` tests: build result codes the way the quiz engine does."""

from __future__ import annotations

import base64
import json
import zlib
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generator.grading.attempt import Grader
from generator.model import QuizBank
from generator.render.quiz import bank_json

SAMPLE_BANK = Path(__file__).parent / "projects" / "sample" / "quizzes" / "tingqing-lianxi.yaml"


@cache
def sample_grader() -> Grader:
    """The sample project's bank, as `lunxun results` re-grades with it."""
    bank = QuizBank.model_validate(yaml.safe_load(SAMPLE_BANK.read_text(encoding="utf-8")))
    return Grader(bank_json("tingqing-lianxi", bank), bank.trainer_graded)


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
    version: str | None = None,
) -> dict[str, Any]:
    """A result payload; points, score and pass follow from ``correct`` unless given.

    For the sample bank the questions and the version default to what the engine records
    (the draw for ``seed``, the current version): `lunxun results` checks both.
    """
    correct = correct if correct is not None else {}
    sample = bank == "tingqing-lianxi"
    if questions is None:
        questions = sample_grader().draw(seed) if sample else list(correct)
    if version is None:
        version = sample_grader().bank["version"] if sample else "abc123"
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


# The hand-checked example: ten trainees, scores 95 … 32, answering tingqing-lianxi (the
# sample project's bank). Upper group (27% of 10 → 3): 王一 王二 王三; lower: 王八 王九 王十.
#   q1 single  key A   right all but 王十 (chose B)        p 0.90  upper 1.00 lower 0.67  D 0.33
#   q2 multi   key ABC right 王一 only (AB ×5, ABD ×4)      p 0.10  upper 0.33 lower 0.00  D 0.33  偏难
#   q3 judge   key 错   right 王五 王八 王九 王十            p 0.40  upper 0.00 lower 1.00  D -1.00 负区分
#   q4 blank           right 王一 王二 王四 王五 王九        p 0.50  upper 0.67 lower 0.33  D 0.33
#   q5 order   shown to 王一 王二 王四 王七 王八 王九;
#              right 王一 王四 王八                          p 0.50  upper 0.50 lower 0.50  D 0.00
#   q6 match   right all                                    p 1.00  upper 1.00 lower 1.00  D 0.00  偏易
NAMES = ["王一", "王二", "王三", "王四", "王五", "王六", "王七", "王八", "王九", "王十"]
SCORES = [95, 88, 81, 74, 67, 60, 53, 46, 39, 32]
Q5_SHOWN = {"王一", "王二", "王四", "王七", "王八", "王九"}


def ten_trainees(version: str) -> list[str]:
    codes = []
    for index, (name, score) in enumerate(zip(NAMES, SCORES, strict=True)):
        questions = ["q1", "q2", "q3", "q4"] + (["q5"] if name in Q5_SHOWN else []) + ["q6"]
        answers: dict[str, Any] = {
            "q1": "B" if name == "王十" else "A",
            "q2": "ABC" if name == "王一" else ("AB" if index < 6 else "ABD"),
            "q3": 0 if name in {"王五", "王八", "王九", "王十"} else 1,
            "q4": {"王三": ["听", "办"], "王六": ["听", "办"], "王七": ["看", "访"],
                   "王八": ["听", "办"]}.get(name, ["听", "回访"]),
            "q5": {"王二": [1, 0, 2], "王七": [1, 0, 2], "王九": [0, 2, 1]}.get(name, [0, 1, 2]),
            "q6": [0, 1, 2],
        }
        if name == "王十":
            del answers["q4"]  # left blank: omitted from the answers, wrong in r
        if name not in Q5_SHOWN:
            del answers["q5"]
        correct = {
            "q1": int(name != "王十"),
            "q2": int(name == "王一"),
            "q3": int(name in {"王五", "王八", "王九", "王十"}),
            "q4": int(name in {"王一", "王二", "王四", "王五", "王九"}),
            "q6": 1,
        }
        if name in Q5_SHOWN:
            correct["q5"] = int(name in {"王一", "王四", "王八"})
        unit = "城关镇" if index < 5 else "河西乡"
        codes.append(code(name, unit, questions=questions, answers=answers, correct=correct,
                          score=float(score), passed=int(score >= 60), version=version,
                          seed=index, finished=1_746_064_800 + index * 60))
    return codes


def trusted_collection(codes: list[str], file: str = "chat.txt", ticketed: bool = False) -> Any:
    """LX1 codes taken at their word, for tests of the analysis and the report alone.

    `lunxun results` re-grades every code; the hand-checked statistics below are about what
    happens after grading, so they skip it. ``ticketed`` makes the identities verified ones
    (the keep rule "latest" applies only to those).
    """
    from generator.results.code import decode_result_code
    from generator.results.collect import Attempt, Collection

    collection = Collection(files=1)
    for line, text in enumerate(codes, start=1):
        collection.found += 1
        c = decode_result_code(text)
        collection.add(Attempt(c.b, c.bv, c.n, c.u, c.i, c.q, c.a, c.r, c.p, c.m, c.sc, c.ok == 1, c.t, c.f, c.s,
                               file, line, ticket=c.n if ticketed else ""))
    return collection
