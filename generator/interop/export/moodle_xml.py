"""Moodle XML export: a <quiz> of questions Moodle's XML importer (qformat_xml) reads.

Choices (documented in the trainers' guide):

- Text is converted from Markdown to HTML (``format="html"``), the way the site shows it.
- A ``category`` question starts each run of questions about one method
  (``$course$/top/<bank title>/<method title>``).
- ``single``/``multiple`` → ``multichoice`` (``<single>true/false``); in multiple, right
  options share +100%, wrong ones -100%. ``judge`` → ``truefalse``.
- ``blank`` with one blank → ``shortanswer``; with several blanks → ``cloze`` (embedded
  answers, ``{1:SHORTANSWER:=情~=情理}`` at each gap). Moodle marks each gap on its own
  (one mark a gap), where the site gives the question's points only when every gap is right;
  the export says so for each such question.
- ``match`` → ``matching``; ``order`` → ``matching`` with ``第1步``, ``第2步`` … on the left.
- ``case``: each sub-question on its own, the scenario prefixed to its text.
- ``explain`` → general feedback; ``points`` → default mark; ``tags`` → tags; the idnumber is
  ``<bank id>/<question id>``.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from ...model import QuizBank
from ...model.quiz import LETTERS, Blank, Judge, Match, Multiple, Order, Single
from ...render.quiz import blank_stem_html
from ...render.text import md_inline, md_to_html
from ..common import Item, category_path, items, method_title, share
from .gift import ORDER_LEFT

_SLOT = re.compile(r'<span class="lx-slot" data-blank="(\d+)"></span>')


def export_moodle_xml(bank: QuizBank, bank_id: str, titles: dict[str, str]) -> bytes:
    """The whole bank as a Moodle XML document (UTF-8 bytes)."""
    quiz = ET.Element("quiz")
    category: str | None = None
    for item in items(bank):
        path = category_path(bank.title, method_title(item.ref, titles))
        if path != category:
            _category(quiz, path)
            category = path
        quiz.append(question_xml(item, bank, bank_id))
    ET.indent(quiz)
    return ET.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"


def _category(quiz: ET.Element, path: str) -> None:
    question = ET.SubElement(quiz, "question", type="category")
    _text(ET.SubElement(question, "category"), path)
    _text(ET.SubElement(question, "info", format="html"), "")


def _text(parent: ET.Element, value: str) -> ET.Element:
    ET.SubElement(parent, "text").text = value
    return parent


def _html(parent: ET.Element, tag: str, value: str) -> None:
    _text(ET.SubElement(parent, tag, format="html"), value)


def plain(markdown: str) -> str:
    """Markdown as plain text, for places Moodle shows without formatting (matching answers)."""
    return html.unescape(re.sub(r"<[^>]+>", "", md_inline(markdown))).strip()


def question_xml(item: Item, bank: QuizBank, bank_id: str) -> ET.Element:
    """One question element; its type follows the question's type."""
    question = item.question
    kind = _kind(item)
    element = ET.Element("question", type=kind)
    _text(ET.SubElement(element, "name"), question.id)
    _html(element, "questiontext", _stem_html(item, kind))
    _html(element, "generalfeedback", md_to_html(question.explain))
    ET.SubElement(element, "defaultgrade").text = f"{question.points:g}"
    ET.SubElement(element, "penalty").text = "1" if kind == "truefalse" else "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = f"{bank_id}/{question.id}"
    if isinstance(question, (Single, Multiple)):
        _choices(element, question, bank.shuffle_options)
    elif isinstance(question, Judge):
        for value, label in ((True, "true"), (False, "false")):
            answer = ET.SubElement(element, "answer", fraction="100" if question.answer is value else "0",
                                   format="moodle_auto_format")
            _text(answer, label)
            _html(answer, "feedback", "")
    elif isinstance(question, Blank) and kind == "shortanswer":
        ET.SubElement(element, "usecase").text = "0"
        for text in question.answer[0]:
            answer = ET.SubElement(element, "answer", fraction="100", format="moodle_auto_format")
            _text(answer, text.replace("*", "\\*"))
            _html(answer, "feedback", "")
    elif isinstance(question, (Match, Order)):
        _matching(element, question, bank.shuffle_options)
    if question.tags:
        tags = ET.SubElement(element, "tags")
        for tag in question.tags:
            _text(ET.SubElement(tags, "tag"), tag)
    return element


def _kind(item: Item) -> str:
    question = item.question
    if isinstance(question, (Single, Multiple)):
        return "multichoice"
    if isinstance(question, Judge):
        return "truefalse"
    if isinstance(question, Blank):
        return "shortanswer" if len(question.answer) == 1 else "cloze"
    return "matching"


def _stem_html(item: Item, kind: str) -> str:
    question = item.question
    prefix = ""
    if item.case is not None:
        prefix = md_to_html(item.case.scenario) + md_to_html(item.case.stem)
    if not isinstance(question, Blank):
        return prefix + md_to_html(question.stem)
    rendered = blank_stem_html(question.stem)
    if kind == "shortanswer":
        return prefix + _SLOT.sub("_____", rendered)
    return prefix + _SLOT.sub(lambda m: _cloze(question.answer[int(m.group(1))]), rendered)


# Moodle's cloze parser ends an answer at ~ # or } unless "&" (or a backslash) stands just
# before it, then decodes HTML entities and undoes only a backslash before } and #. So a
# character that means something there is written as a numeric entity: "5~6" arrives as 5~6,
# where a backslash before the ~ would stay in the accepted text and never match what a
# learner types.
_CLOZE_SPECIAL = {ch: f"&#{ord(ch)};" for ch in '~#}{\\%="/'}


def cloze_escape(text: str) -> str:
    r"""One accepted text inside ``{1:SHORTANSWER:=…}``; ``*`` is the wildcard, ``\*`` a star."""
    escaped = html.escape(text, quote=False)
    escaped = "".join(_CLOZE_SPECIAL.get(ch, ch) for ch in escaped)
    return escaped.replace("*", "\\*")


def _cloze(accepted: list[str]) -> str:
    """An embedded short answer worth one mark (Moodle gives each gap its own mark)."""
    return "{1:SHORTANSWER:" + "~".join(f"={cloze_escape(text)}" for text in accepted) + "}"


def _choices(element: ET.Element, question: Single | Multiple, shuffle: bool) -> None:
    multiple = isinstance(question, Multiple)
    right = set(question.answer) if multiple else {question.answer}
    ET.SubElement(element, "single").text = "false" if multiple else "true"
    ET.SubElement(element, "shuffleanswers").text = "true" if shuffle else "false"
    ET.SubElement(element, "answernumbering").text = "ABCD"
    wrong = len(question.options) - len(right)
    for index, option in enumerate(question.options):
        correct = LETTERS[index] in right
        if multiple:
            fraction = share(len(right)) if correct else share(wrong, -100.0)
        else:
            fraction = "100" if correct else "0"
        answer = ET.SubElement(element, "answer", fraction=fraction, format="html")
        _text(answer, md_inline(option))
        _html(answer, "feedback", "")


def _matching(element: ET.Element, question: Match | Order, shuffle: bool) -> None:
    ET.SubElement(element, "shuffleanswers").text = "true" if shuffle else "false"
    if isinstance(question, Order):
        pairs = [(ORDER_LEFT.format(n), text) for n, text in enumerate(question.items, 1)]
    else:
        pairs = [(left, right) for left, right in question.pairs]
    for left, right in pairs:
        sub = ET.SubElement(element, "subquestion", format="html")
        _text(sub, md_inline(left))
        _text(ET.SubElement(sub, "answer"), plain(right))
