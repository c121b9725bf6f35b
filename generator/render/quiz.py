"""Quiz pages: a bank's questions as JSON for the browser engine, plus the page around them."""

from __future__ import annotations

import hashlib
import re
from typing import Any

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
from .environment import safe_json
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


def bank_json(bank_id: str, bank: QuizBank) -> dict[str, Any]:
    """The whole bank for the page; ``version`` changes whenever the bank's content does."""
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
        "questions": questions,
    }
    data["version"] = hashlib.sha256(str(safe_json(data)).encode()).hexdigest()[:12]
    return data
