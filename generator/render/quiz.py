"""Quiz pages: a bank's questions as JSON for the browser engine, plus the page around them.

:func:`bank_json` is the keyed bank (answers as option indexes, order items and match pairs
as authored): the browser grades practice banks with it and the trainer re-grades every
code with it. :func:`page_bank_json` is what a page ships: the keyed bank for a
browser-graded bank, and for a trainer-graded one the same bank without any key or
explanation (see generator/grading/key.py for how order and match are shipped), but with
the key sealed for the trainer to release (generator/grading/unlock.py).
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..grading.key import gradable_version, shipped_order
from ..grading.unlock import seal
from ..model import QuizBank
from ..model.quiz import (
    BLANK,
    LETTERS,
    Blank,
    Case,
    Judge,
    Match,
    Multiple,
    Order,
    QuestionBase,
    Single,
)
from .text import md_inline, md_to_html

_SLOT = "LXBLANKSLOT{}LX"
_SLOT_RE = re.compile(r"LXBLANKSLOT(\d+)LX")


def blank_stem_html(stem: str) -> str:
    """Render a blank question's stem with each ____ replaced by an input slot marker."""
    counter = iter(range(1_000))
    marked = BLANK.sub(lambda _: _SLOT.format(next(counter)), stem)
    rendered = md_to_html(marked)
    return _SLOT_RE.sub(r'<span class="lx-slot" data-blank="\1"></span>', rendered)


def question_json(question: QuestionBase) -> dict[str, Any]:
    """One question as the browser engine reads it; answers are option indexes."""
    data: dict[str, Any] = {
        "id": question.id,
        "type": question.type,  # type: ignore[attr-defined]
        "stem": md_to_html(question.stem) if question.stem else "",
        "explain": md_to_html(question.explain),
        "ref": question.ref,
        "difficulty": question.difficulty,
        "points": question.points,
        "tags": list(question.tags),
    }
    if isinstance(question, Single):
        data["options"] = [md_inline(o) for o in question.options]
        data["answer"] = LETTERS.index(question.answer)
    elif isinstance(question, Multiple):
        data["options"] = [md_inline(o) for o in question.options]
        data["answer"] = [LETTERS.index(letter) for letter in question.answer]
    elif isinstance(question, Judge):
        data["answer"] = question.answer
    elif isinstance(question, Blank):
        data["stem"] = blank_stem_html(question.stem)
        data["answer"] = [list(texts) for texts in question.answer]
    elif isinstance(question, Order):
        data["items"] = [md_inline(item) for item in question.items]
    elif isinstance(question, Match):
        data["pairs"] = [[md_inline(left), md_inline(right)] for left, right in question.pairs]
    elif isinstance(question, Case):
        data["scenario"] = md_to_html(question.scenario)
        data["questions"] = [question_json(sub) for sub in question.questions]
    return data


def public_question_json(q: dict[str, Any]) -> dict[str, Any]:
    """A keyed question (from :func:`question_json`) with its key and explanation taken out."""
    shown = ("id", "type", "stem", "ref", "difficulty", "points", "tags")
    data: dict[str, Any] = {key: q[key] for key in shown if key in q}
    if "options" in q:
        data["options"] = q["options"]
    if q["type"] == "blank":
        data["blanks"] = len(q["answer"])
    elif q["type"] == "order":
        data["items"] = [q["items"][k] for k in shipped_order(q["items"])]
    elif q["type"] == "match":
        rights = [right for _, right in q["pairs"]]
        data["pairs"] = [[left, rights[k]] for (left, _), k in zip(q["pairs"], shipped_order(rights))]
    elif q["type"] == "case":
        data["scenario"] = q["scenario"]
        data["questions"] = [public_question_json(sub) for sub in q["questions"]]
    return data


def page_bank_json(bank_id: str, bank: QuizBank, keyed: dict[str, Any] | None = None,
                   secret: bytes | None = None) -> dict[str, Any]:
    """The bank as its page and ``banks/<id>.js`` carry it: no key when the trainer grades, only,
    given the project ``secret``, the key sealed for release by unlock code (``sealed``)."""
    keyed = keyed or bank_json(bank_id, bank)
    if not bank.trainer_graded:
        return keyed
    data = dict(keyed, questions=[public_question_json(q) for q in keyed["questions"]])
    if secret is not None:
        data["sealed"] = seal(secret, bank_id, keyed["version"], review_key(keyed))
    return data


def review_key(keyed: dict[str, Any]) -> bytes:
    """What the released review adds to a trainer-graded page, by question id (cases' too):
    answer and explain as :func:`question_json` has them, and for order and match the shipped
    order (shipped[i] is authored[order[i]]), from which the browser puts items and pairs back
    in their authored order, the order the keyed rules read."""
    out: dict[str, dict[str, Any]] = {}
    for q in keyed["questions"]:
        for part in [q, *q.get("questions", [])]:
            entry: dict[str, Any] = {"explain": part["explain"]}
            if "answer" in part:
                entry["answer"] = part["answer"]
            if part["type"] == "order":
                entry["order"] = shipped_order(part["items"])
            elif part["type"] == "match":
                entry["order"] = shipped_order([right for _, right in part["pairs"]])
            out[part["id"]] = entry
    return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode()


def bank_json(bank_id: str, bank: QuizBank) -> dict[str, Any]:
    """The keyed bank; ``version`` changes whenever what decides a grade does."""
    questions = [question_json(q) for q in bank.questions]
    data = {
        "id": bank_id,
        "title": bank.title,
        "mode": bank.mode,
        "passMark": bank.pass_mark,
        "timeLimit": bank.time_limit,
        "draw": bank.draw,
        "blueprint": [quota.model_dump() for quota in bank.blueprint],
        "shuffleQuestions": bank.shuffle_questions,
        "shuffleOptions": bank.shuffle_options,
        "attempts": bank.attempts,
        "grading": "trainer" if bank.trainer_graded else "browser",
        "tickets": bank.tickets,
        "sitting": bank.sitting,
        "questions": questions,
    }
    data["version"] = gradable_version(data)
    return data
