"""One GIFT question block: the text around its answer block(s) and what the answers say.

Read as Moodle's qformat_gift reads it: ``~`` means multiple choice, ``=`` with ``->`` matching,
T/F true-false, otherwise short answer; ``####`` starts the general feedback.
"""

from __future__ import annotations

import html
import re
from typing import Any

from ...model.quiz import LETTERS
from ..export.gift import ORDER_LEFT
from ..gift_text import Chars, GiftError

FORMATS = ("moodle", "html", "plain", "markdown")
WEIGHT = re.compile(r"%(-?\d+(?:\.\d+)?)%")
CHOICE_GAP = "（　）"
MOODLE_GAP = re.compile(r"_{3,}")
MARKER = re.compile(r"^\s*\[(moodle|html|plain|markdown)\]")


class Unsupported(GiftError):
    """A well-formed question of a kind lunxun cannot hold: left out and listed, unless --strict."""


def html_to_text(text: str) -> str:
    """A rough Markdown rendering of GIFT's [html] text: paragraphs and line breaks kept."""
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"</p>\s*<p[^>]*>", "\n\n", text, flags=re.IGNORECASE)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


class GiftQuestion:
    """One question block: the text around its answer block(s) and what the answers say."""

    def __init__(self, text: Chars, start: int):
        self.text = text
        self.start = start
        self.format = "moodle"

    def parse(self, meta: dict[str, Any] | None) -> dict[str, Any]:
        text = self._format_marker(self.text).strip()
        spans = self._braces(text)
        if not spans:
            raise Unsupported(text.offset(self.start), "没有答案部分 {…}：说明文字（description）不是题目，未导入")
        answers = [self._answers(text[open_ + 1:close], text.offsets[open_]) for open_, close in spans]
        segments = [text[:spans[0][0]]]
        segments += [text[spans[i][1] + 1:spans[i + 1][0]] for i in range(len(spans) - 1)]
        segments.append(text[spans[-1][1] + 1:])
        kinds = {kind for kind, _, _ in answers}
        if len(spans) > 1 and kinds != {"blank"}:
            raise GiftError(text.offsets[spans[1][0]], "一道题只能有一个答案部分 {…}（多个空的填空题除外）")
        meta = meta or {}
        explain = next((explain for _, _, explain in answers if explain is not None), None)
        kind, data, _ = answers[0]
        question: dict[str, Any] = {"type": kind}
        written = MOODLE_GAP.findall(segments[0].text()) if len(spans) == 1 and not segments[1].strip().text() else []
        if kind == "blank" and written:  # Moodle's own export: "_____" in the text, the answers after it
            if len(written) > 1:
                raise Unsupported(text.offsets[spans[0][0]], f"题干中有 {len(written)} 个空，却只有一组答案："
                                                             "无法判断答案属于哪个空，未导入")
            stem = MOODLE_GAP.sub("____", segments[0].rstrip().text())
            question["answer"] = [data["answer"]]
        elif kind == "blank":
            gaps: list[Any] = meta["gaps"] if isinstance(meta.get("gaps"), list) else []
            stem = segments[0].text()
            for index, segment in enumerate(segments[1:]):
                width = gaps[index] if index < len(gaps) and isinstance(gaps[index], int) else 4
                stem += "_" * max(width, 4) + segment.text()
            question["answer"] = [data["answer"] for _, data, _ in answers]
        else:
            after = segments[1]
            if len(after.strip()):  # Moodle's "missing word" form: the answers stand in the text
                stem = segments[0].text() + CHOICE_GAP + after.rstrip().text()
            else:
                stem = segments[0].rstrip().text()
            question.update(data)
            declared = meta.get("type")
            if kind == "match" and (declared == "order" or (declared != "match" and _is_order(data["pairs"]))):
                question = {"type": "order", "items": [right for _, right in data["pairs"]]}
        question["stem"] = self._convert(stem)
        if explain is not None:
            question["explain"] = self._convert(explain)
        for key in ("options", "items"):
            if key in question:
                question[key] = [self._convert(text) for text in question[key]]
        if "pairs" in question:
            question["pairs"] = [[self._convert(left), right] for left, right in question["pairs"]]
        return question

    def notes(self, question: dict[str, Any]) -> list[str]:
        """What was left out of a question that was otherwise read."""
        extra = question.pop("distractors", [])
        return [f"配对题的干扰项“{'”“'.join(extra)}”（左侧为空）lunxun 不支持，已略去"] if extra else []

    def _convert(self, text: str) -> str:
        """A text in its own format (Moodle marks options and feedback one by one), or the question's."""
        found = MARKER.match(text)
        form = found.group(1) if found else self.format
        text = text[found.end():].strip() if found else text
        return html_to_text(text) if form == "html" else text

    def _format_marker(self, text: Chars) -> Chars:
        if text.find("[") == 0:
            end = text.find("]")
            if end != -1 and text[1:end].text() in FORMATS:
                self.format = text[1:end].text()
                return text[end + 1:]
        return text

    def _braces(self, text: Chars) -> list[tuple[int, int]]:
        spans, opened = [], -1
        for index, ch in enumerate(text.chars):
            if text.escaped[index] or ch not in "{}":
                continue
            if ch == "{":
                if opened != -1:
                    raise GiftError(text.offsets[index], "答案部分里又出现了“{”：前一个“{”"
                                                         "没有闭合（文字中的 { 请写成 \\{）")
                opened = index
            elif opened == -1:
                raise GiftError(text.offsets[index], "多余的“}”：前面没有对应的“{”（文字中的 } 请写成 \\}）")
            else:
                spans.append((opened, index))
                opened = -1
        if opened != -1:
            raise GiftError(text.offsets[opened], "答案部分缺少结尾的“}”")
        return spans

    def _answers(self, inner: Chars, offset: int) -> tuple[str, Any, str | None]:
        """(kind, fields, general feedback) of one answer block."""
        explain = None
        separator = inner.rfind("####")
        if separator != -1:
            explain = inner[separator + 4:].strip().text()
            inner = inner[:separator]
        inner = inner.strip()
        offset = inner.offset(offset)
        if not len(inner):
            raise Unsupported(offset, "答案部分是空的：问答题（essay）不能自动评分，lunxun 不支持，未导入")
        if inner.find("#") == 0:
            raise Unsupported(offset, "数值题（{#…}）lunxun 不支持，未导入")
        if inner.find("~") != -1:
            return (*_choice(inner, offset), explain)
        if inner.find("=") != -1 and inner.find("->") != -1:
            pairs, distractors = _pairs(inner, offset)
            return "match", {"pairs": pairs, "distractors": distractors}, explain
        head = inner[: inner.find("#")] if inner.find("#") > 0 else inner
        word = head.strip().text()
        if word in ("T", "TRUE", "F", "FALSE"):
            return "judge", {"answer": word.startswith("T")}, explain
        return "blank", _short_answers(inner, offset), explain


def _choice(inner: Chars, offset: int) -> tuple[str, dict[str, Any]]:
    pieces = inner.split("~=")
    if pieces[0][1].strip().text():
        raise GiftError(offset, "答案部分开头有多余的文字：每个选项应以 = 或 ~ 开头")
    options, weights = [], []
    for mark, piece in pieces[1:]:
        piece = piece.strip()
        weight = 100.0 if mark == "=" else 0.0
        found = WEIGHT.match(piece.text()) if mark == "~" else None
        if found:
            weight = float(found.group(1))
            piece = piece[found.end():]
        cut = piece.find("#")
        options.append((piece[:cut] if cut != -1 else piece).strip().text())
        weights.append(weight)
    if not 2 <= len(options) <= 8:
        raise GiftError(offset, f"选择题应有 2–8 个选项，这里有 {len(options)} 个")
    if any(mark == "=" for mark, _ in pieces[1:]):
        right = [i for i, (mark, _) in enumerate(pieces[1:]) if mark == "="]
        if len(right) > 1:
            raise GiftError(offset, "单选题只能有一个以“=”标出的正确答案；多选题请用 ~%50% 这样的分值")
        if any(w > 0 for i, w in enumerate(weights) if i != right[0]):
            raise Unsupported(offset, "单选题的部分得分选项（~%n% 与“=”同用）lunxun 不支持，未导入")
        return "single", {"options": options, "answer": LETTERS[right[0]]}
    right = [i for i, weight in enumerate(weights) if weight > 0]
    if not right:
        raise GiftError(offset, "没有正确答案：单选题用“=”标出正确选项，多选题用 ~%50% 这样的正分值")
    return "multiple", {"options": options, "answer": "".join(LETTERS[i] for i in right)}


def _pairs(inner: Chars, offset: int) -> tuple[list[list[str]], list[str]]:
    pieces = inner.split("=")
    if pieces[0][1].strip().text():
        raise GiftError(offset, "答案部分开头有多余的文字：配对题每一项应写成“=左 -> 右”")
    pairs, distractors = [], []
    for _, piece in pieces[1:]:
        arrow = piece.find("->")
        if arrow == -1:
            raise GiftError(piece.offset(offset), "配对题的每一项应写成“=左 -> 右”")
        left, right = piece[:arrow].strip().text(), piece[arrow + 2:].strip().text()
        if left:
            pairs.append([left, right])
        else:  # "= -> 错项": a right-hand choice that matches nothing
            distractors.append(right)
    if len(pairs) < 2:
        raise GiftError(offset, "配对题至少需要 2 对")
    return pairs, distractors


def _is_order(pairs: list[list[str]]) -> bool:
    return all(left == ORDER_LEFT.format(n) for n, (left, _) in enumerate(pairs, 1))


def _short_answers(inner: Chars, offset: int) -> dict[str, Any]:
    pieces = inner.split("=")
    accepted = []
    if not pieces[0][1].strip().text():  # {One} without "=": Moodle takes One as the accepted answer
        pieces = pieces[1:]
    for _, piece in pieces:
        piece = piece.strip()
        found = WEIGHT.match(piece.text())
        if found:
            weight = float(found.group(1))
            piece = piece[found.end():]
            if weight <= 0:
                continue
            if weight != 100:
                raise Unsupported(piece.offset(offset), f"部分得分的填空答案（%{found.group(1)}%）"
                                                        "lunxun 不支持，未导入")
        cut = piece.find("#")
        text = (piece[:cut] if cut != -1 else piece).strip().text().replace("\\*", "*")
        if text:
            accepted.append(text)
    if not accepted:
        raise GiftError(offset, "填空题没有正确答案")
    return {"answer": accepted}
