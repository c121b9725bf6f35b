"""Helpers for the exam tests: a project with a trainer-graded exam, and LX2 codes made as the engine makes them."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from generator.grading.attempt import Grader
from generator.model import QuizBank
from generator.render.quiz import bank_json, page_bank_json
from generator.results.exam_code import PUBLIC_KEY, Slot, encode_exam_code

SAMPLE = Path(__file__).parent / "projects" / "sample"
BANK_ID = "jieye-kaoshi"
START = 1_788_000_000  # 2026-08-29


def exam_bank(count: int = 30) -> dict[str, Any]:
    """A 30-question exam of every type, trainer-graded, 30 minutes, two attempts, a sitting code."""
    questions: list[dict[str, Any]] = []
    for k in range(count):
        kind = ("single", "multiple", "judge", "blank", "order", "match")[k % 6]
        q: dict[str, Any] = {"id": f"q{k + 1:02d}", "type": kind, "stem": f"第{k + 1}题：调解时先做什么？"
                             + (" ____" if kind == "blank" else ""), "explain": f"解析{k + 1}：先听情况"}
        if kind == "single":
            q |= {"options": ["听取诉求", "直接裁决", "上报了事", "拖延处理"], "answer": "A"}
        elif kind == "multiple":
            q |= {"options": ["听", "办", "访", "拖"], "answer": "ABC"}
        elif kind == "judge":
            q |= {"answer": "错"}
        elif kind == "blank":
            q |= {"answer": [["听情", "倾听"]]}
        elif kind == "order":
            q |= {"items": ["听取诉求", "核实情况", "提出方案", "回访确认"]}
        else:
            q |= {"pairs": [["邻里纠纷", "上门调解"], ["家庭矛盾", "亲情劝说"], ["土地争议", "依法确权"]]}
        questions.append(q)
    return {"title": "结业考试", "mode": "exam", "pass_mark": 60, "time_limit": 30, "attempts": 2,
            "sitting": True, "questions": questions}


def make_project(tmp: Path, bank: dict[str, Any] | None = None) -> Path:
    root = tmp / "proj"
    shutil.copytree(SAMPLE, root)
    (root / "quizzes" / f"{BANK_ID}.yaml").write_text(
        yaml.safe_dump(bank or exam_bank(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


class Exam:
    """Take the exam as the browser would: the draw from a seed, answers on the shipped lists."""

    def __init__(self, bank: dict[str, Any] | None = None, bank_id: str = BANK_ID) -> None:
        model = QuizBank.model_validate(bank or exam_bank())
        self.bank_id = bank_id
        self.keyed = bank_json(bank_id, model)
        self.page = {q["id"]: q for q in page_bank_json(bank_id, model)["questions"]}
        self.grader = Grader(self.keyed, model.trainer_graded)

    def right_answers(self, seed: int, wrong: int = 0) -> dict[str, Any]:
        """Every answer right (in shipped indexes), except the first ``wrong`` presented."""
        answers: dict[str, Any] = {}
        for k, q in enumerate(self.grader.gradables(seed)):
            shipped = self.page[q["id"]]
            if q["type"] == "single":
                answers[q["id"]] = "ABCDEFGH"[q["answer"]] if k >= wrong else "D"
            elif q["type"] == "multiple":
                answers[q["id"]] = "".join("ABCDEFGH"[i] for i in q["answer"]) if k >= wrong else "D"
            elif q["type"] == "judge":
                answers[q["id"]] = int(q["answer"]) if k >= wrong else 1 - int(q["answer"])
            elif q["type"] == "blank":
                answers[q["id"]] = [texts[0] for texts in q["answer"]] if k >= wrong else ["不知道"]
            elif q["type"] == "order":
                placed = [shipped["items"].index(item) for item in q["items"]]
                answers[q["id"]] = placed if k >= wrong else placed[::-1]
            else:
                rights = [right for _, right in shipped["pairs"]]
                chosen = [rights.index(right) for _, right in q["pairs"]]
                answers[q["id"]] = chosen if k >= wrong else chosen[1:] + chosen[:1]
        return answers

    def code(self, seed: int = 7, answers: dict[str, Any] | None = None, *, started: int = START,
             minutes: float = 20, key: bytes = PUBLIC_KEY, **identity: str) -> str:
        slots = [Slot(q["id"], q["type"], _size(q)) for q in self.grader.gradables(seed)]
        return encode_exam_code(bank_id=self.bank_id, version=self.keyed["version"], seed=seed, started=started,
                                finished=started + int(minutes * 60), slots=slots,
                                answers=self.right_answers(seed) if answers is None else answers,
                                key=key, **identity)


def _size(q: dict[str, Any]) -> int:
    kind = q["type"]
    return len(q["options"]) if kind in ("single", "multiple") else len(q["answer"]) if kind == "blank" \
        else len(q["items"]) if kind == "order" else len(q["pairs"]) if kind == "match" else 0
