"""GIFT export, written the way Moodle's GIFT importer (qformat_gift) reads it.

Choices (documented in the trainers' guide):

- Text is Markdown, marked ``[markdown]`` before each stem; answers and feedback inherit
  that format. Newlines are written as ``\\n`` so every question stays one GIFT block.
- ``~ = # { } :`` and the backslash are escaped with a backslash.
- A ``$CATEGORY:`` line starts each run of questions about one method
  (``$course$/top/<bank title>/<method title>``).
- ``multiple``: right options share +100%, wrong ones share -100% (``~%50%``, ``~%-50%``).
- ``judge``: ``{T}`` / ``{F}``. ``explain``: general feedback ``####``.
- ``blank``: one blank is a short-answer question (``{=情 =情理}`` at the gap). GIFT has no
  question with several gaps (Moodle reads the first answer block and shows the others as
  text, answers included), so a question with n blanks becomes n short-answer questions
  ``<id>-1`` … ``<id>-n``, each asking for one gap while the others stay underscores; the
  first one's comment carries the whole question, so ``lunxun import`` restores it.
- ``match``: ``{=left -> right}``; ``order``: a matching question ``第1步 -> item``.
- ``case``: each sub-question on its own, the scenario prefixed to its stem.
- What GIFT cannot say (the bank's settings, ``ref``, ``difficulty``, ``points``, ``tags``,
  the case a question belongs to) rides in ``// lunxun:`` comments, which Moodle ignores
  and ``lunxun import`` reads back, so export then import gives the same bank.
"""

from __future__ import annotations

import json
from typing import Any

from ...model import QuizBank
from ...model.quiz import BLANK, LETTERS, Blank, Judge, Match, Multiple, Order, Single
from ..common import Item, category_path, items, method_title, share

BANK_META = "// lunxun-bank: "
QUESTION_META = "// lunxun: "
ORDER_LEFT = "第{}步"


def escape(text: str) -> str:
    """Escape GIFT's control characters; newlines become ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    escaped = "".join("\\" + ch if ch in "\\~=#{}:" else ch for ch in text)
    return escaped.replace("\n", "\\n")


def escape_short_answer(text: str) -> str:
    """A short-answer text: ``*`` is Moodle's wildcard, so a literal one is ``\\*``."""
    return escape(text.replace("*", "\\*"))


def export_gift(bank: QuizBank, bank_id: str, titles: dict[str, str]) -> str:
    """The whole bank as one GIFT text."""
    settings = bank.model_dump(mode="json", exclude={"questions"}, exclude_defaults=True)
    settings.update(id=bank_id, methods=list(bank.methods))  # import would otherwise derive methods
    header = f"// lunxun 题库导出（GIFT）：{bank.title}"
    blocks = [f"{header}\n{BANK_META}{json.dumps(settings, ensure_ascii=False, sort_keys=True)}"]
    category: str | None = None
    seen_cases: set[str] = set()
    for item in items(bank):
        path = category_path(bank.title, method_title(item.ref, titles))
        if path != category:
            blocks.append(f"$CATEGORY: {path}")
            category = path
        meta = _meta(item, seen_cases)
        question = item.question
        if isinstance(question, Blank) and len(question.answer) > 1:
            meta["whole"] = question.model_dump(mode="json", exclude_defaults=True)
            for number, part in enumerate(blank_parts(item), 1):
                part_meta = meta if number == 1 else {"part_of": question.id}
                blocks.append(f"{QUESTION_META}{_json(part_meta)}\n" + part)
            continue
        blocks.append(f"{QUESTION_META}{_json(meta)}\n" + question_gift(item))
    return "\n\n".join(blocks) + "\n"


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _meta(item: Item, seen_cases: set[str]) -> dict[str, Any]:
    question = item.question
    meta: dict[str, Any] = {"type": question.type}  # type: ignore[attr-defined]
    for name in ("ref", "difficulty", "tags"):
        value = getattr(question, name)
        if value:
            meta[name] = value
    if question.points != 1:
        meta["points"] = question.points
    if isinstance(question, Blank):
        gaps = [len(gap) for gap in BLANK.findall(question.stem)]
        if any(length != 4 for length in gaps):
            meta["gaps"] = gaps
    if item.case is not None:
        if item.case.id in seen_cases:
            meta["case"] = item.case.id
        else:
            seen_cases.add(item.case.id)
            meta["case"] = item.case.model_dump(mode="json", exclude={"questions"}, exclude_defaults=True)
    return meta


def question_gift(item: Item) -> str:
    """One question in GIFT (without its comment line)."""
    question = item.question
    head = f"::{escape(question.id)}::[markdown]"
    feedback = f"####{escape(question.explain)}" if question.explain else ""
    if isinstance(question, Blank):
        prefix = item.stem()[: -len(question.stem)] if question.stem else item.stem()
        return head + _blank(prefix, question, feedback)
    lines = [head + escape(item.stem()) + "{"]
    if isinstance(question, Judge):
        return lines[0] + ("T" if question.answer else "F") + feedback + "}"
    if isinstance(question, Single):
        lines += [("\t=" if LETTERS[i] == question.answer else "\t~") + escape(option)
                  for i, option in enumerate(question.options)]
    elif isinstance(question, Multiple):
        lines += _weighted(question)
    elif isinstance(question, Match):
        lines += [f"\t={escape(left)} -> {escape(right)}" for left, right in question.pairs]
    elif isinstance(question, Order):
        lines += [f"\t={ORDER_LEFT.format(n)} -> {escape(text)}" for n, text in enumerate(question.items, 1)]
    if feedback:
        lines.append("\t" + feedback)
    lines.append("}")
    return "\n".join(lines)


def _weighted(question: Multiple) -> list[str]:
    """Right options share +100%, wrong ones -100%, so guessing everything scores nothing."""
    right = len(question.answer)
    wrong = len(question.options) - right
    lines = []
    for index, option in enumerate(question.options):
        weight = share(right) if LETTERS[index] in question.answer else share(wrong, -100.0)
        lines.append(f"\t~%{weight}%{escape(option)}")
    return lines


def _blank(prefix: str, question: Blank, feedback: str, asked: int = 0) -> str:
    """The stem with gap ``asked`` replaced by its answer block (which holds the feedback) and
    any other gap left as it is written."""
    pieces = BLANK.split(question.stem)
    gaps = BLANK.findall(question.stem)
    out = [escape(prefix + pieces[0])]
    for index, accepted in enumerate(question.answer):
        if index == asked:
            answers = " ".join(f"={escape_short_answer(text)}" for text in accepted)
            out.append("{" + answers + (f" {feedback}" if feedback else "") + "}")
        else:
            out.append(gaps[index])
        out.append(escape(pieces[index + 1]))
    return "".join(out)


def blank_parts(item: Item) -> list[str]:
    """A question with several blanks as one short-answer question per blank."""
    question = item.question
    assert isinstance(question, Blank)
    prefix = item.stem()[: -len(question.stem)] if question.stem else item.stem()
    feedback = f"####{escape(question.explain)}" if question.explain else ""
    count = len(question.answer)
    return [
        f"::{escape(question.id)}-{number}::[markdown]"
        + _blank(prefix, question, feedback, number - 1)
        + escape(f"\n\n（本题只填第 {number} 空，共 {count} 空）")
        for number in range(1, count + 1)
    ]
