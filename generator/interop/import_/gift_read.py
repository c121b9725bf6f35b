"""Import GIFT (Moodle's text format) as a Draft, reading it as Moodle's qformat_gift does.

Supported: multiple choice (one ``=`` → single; ``~%n%`` weights → multiple), true/false,
short answer (→ blank; several answer blocks in one question → several blanks), matching
(→ match; ``第1步 -> …`` pairs → order). Essay, numerical and description questions are
reported as problems. ``// lunxun:`` comments written by ``lunxun export`` restore what
GIFT cannot say (bank settings, ref, difficulty, points, tags, cases).
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from typing import Any

from ...model.common import SLUG
from ...problems import Problem
from ..export.gift import BANK_META, QUESTION_META
from ..gift_text import Chars, GiftError
from .draft import Draft, Place
from .gift_question import GiftQuestion, Unsupported

META_FIELDS = ("ref", "difficulty", "points", "tags")
MAX_QUESTIONS = 15_000  # lunxun reads about 12,000 questions from one bank file; more would take over 10 s
_GAP = re.compile(r"\n[ \t]*\n(?=[ \t]*\S)")


@dataclass
class _Block:
    start: int  # offset of the first content line
    text: Chars
    meta: dict[str, Any] | None
    meta_offset: int


def parse_gift(text: str, file: str, default_title: str) -> Draft:
    """Read a GIFT text into a Draft; every problem carries its line and column."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    blocks = sum(1 for _ in _GAP.finditer(text)) + 1
    if blocks > MAX_QUESTIONS:  # counted before anything is parsed: 100,000 questions must not take a minute
        return Draft(file, problems=[Problem(file, 1, 1, "", f"文件中有约 {blocks} 道题（以空行分隔），"
                                                             "超过一次导入的上限 "
                                                           f"{MAX_QUESTIONS} 道：请分成几个文件分别导入")])
    reader = _Reader(text, file)
    reader.run()
    draft = reader.draft
    draft.settings.setdefault("title", reader.category or default_title)
    if not draft.questions and not draft.problems:
        message = "文件是空的：没有任何 GIFT 题目" if not text.strip() else "没有找到任何题目（题目之间用空行分隔）"
        draft.problems.append(Problem(file, 1, 1, "", message))
    return draft


class _Reader:
    def __init__(self, text: str, file: str):
        self.text = text
        self.draft = Draft(file)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.category: str | None = None
        self.ids: set[str] = set()
        self.case: dict[str, Any] | None = None

    def where(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def problem(self, offset: int, label: str, message: str) -> None:
        line, col = self.where(offset)
        self.draft.problems.append(Problem(self.draft.file, line, col, label, message))

    def run(self) -> None:
        for block in self._blocks():
            try:
                self._block(block)
            except Unsupported as error:
                line, col = self.where(error.offset)
                self.draft.skipped.append(Problem(self.draft.file, line, col, error.label, error.message))
            except GiftError as error:
                self.problem(error.offset, error.label, error.message)

    def _blocks(self) -> list[_Block]:
        blocks: list[_Block] = []
        lines: list[tuple[int, str]] = []
        for number, line in enumerate(self.text.split("\n")):
            if line.strip():
                lines.append((self.line_starts[number], line))
                continue
            if lines:
                blocks += self._make_block(lines)
            lines = []
        if lines:
            blocks += self._make_block(lines)
        return blocks

    def _make_block(self, lines: list[tuple[int, str]]) -> list[_Block]:
        content: list[tuple[int, str]] = []
        meta, meta_offset = None, lines[0][0]
        for start, line in lines:
            stripped = line.strip()
            if not stripped.startswith("//"):
                content.append((start, line))
                continue
            if stripped.startswith(BANK_META.strip()):
                self._bank_meta(stripped[len(BANK_META.strip()):], start)
            elif stripped.startswith(QUESTION_META.strip()):
                meta, meta_offset = self._json(stripped[len(QUESTION_META.strip()):], start), start
        if not content:
            return []
        joined, offsets = "", []
        for start, line in content:
            if joined:
                joined += "\n"
                offsets.append(start - 1)
            joined += line
            offsets.extend(range(start, start + len(line)))
        return [_Block(content[0][0], Chars.parse(joined, offsets), meta, meta_offset)]

    def _json(self, raw: str, offset: int) -> dict[str, Any] | None:
        try:
            value = json.loads(raw)
        except ValueError:
            value = None
        if not isinstance(value, dict):
            self.problem(offset, "", "lunxun 注释中的内容无法解析（应为 JSON 对象）")
            return None
        return value

    def _bank_meta(self, raw: str, offset: int) -> None:
        settings = self._json(raw, offset)
        self.draft.settings_place = Place(*self.where(offset))
        if settings is not None:
            settings.pop("id", None)
            self.draft.settings.update(settings)

    def _block(self, block: _Block) -> None:
        text = block.text.strip()
        if text.text().startswith("$CATEGORY:"):
            path = [part for part in re.split(r"(?<!/)/(?!/)", text.text()[10:].strip()) if part]
            names = [part.replace("//", "/") for part in path if not part.startswith("$") and part != "top"]
            if names and self.category is None:
                self.category = names[0]
            return
        name, text = self._name(text, block.start)
        meta = block.meta or {}
        if "part_of" in meta:
            return  # a later part of a several-blank question; the first part carries it whole
        whole = meta.get("whole")
        notes: list[str] = []
        try:
            if isinstance(whole, dict) and whole.get("type") == "blank":
                name = str(whole.get("id", name))
                question = {key: value for key, value in whole.items() if key != "id"}
            else:
                reading = GiftQuestion(text, block.start)
                question = reading.parse(block.meta)
                notes = reading.notes(question)
            self._add(question, name, block)
            line, _ = self.where(block.start)
            self.draft.report.extend(f"第 {line} 行（{question['id']}）：{note}" for note in notes)
        except GiftError as error:
            error.label = name or ""
            raise

    def _name(self, text: Chars, start: int) -> tuple[str | None, Chars]:
        if text.find("::") != 0:
            return None, text
        end = text.find("::", 2)
        if end == -1:
            raise GiftError(text.offset(start), "题目名称缺少结尾的“::”（名称写成 ::名称::）")
        return text[2:end].text().strip(), text[end + 2:].strip()

    def _question_id(self, name: str | None, offset: int) -> str:
        if name and SLUG.fullmatch(name.lower()):
            candidate = name.lower()
            if candidate in self.ids:
                raise GiftError(offset, f"题目名称“{name}”重复：名称用作题目 id，须唯一")
        else:
            number = len(self.ids) + 1
            while f"q{number}" in self.ids:
                number += 1
            candidate = f"q{number}"
        self.ids.add(candidate)
        return candidate

    def _add(self, question: dict[str, Any], name: str | None, block: _Block) -> None:
        question["id"] = self._question_id(name, block.start)
        meta = block.meta or {}
        for key in META_FIELDS:
            if key in meta:
                question[key] = meta[key]
        line, col = self.where(block.start)
        label = question["id"]
        case = meta.get("case")
        if case is not None and not isinstance(case, (dict, str)):
            raise GiftError(block.meta_offset, "lunxun 注释中的 case 应为案例（JSON 对象）或案例 id")
        questions = self.draft.questions
        if isinstance(case, dict):
            self.case = {key: value for key, value in case.items() if key != "type"}
            self.case.update(type="case", questions=[])
            if isinstance(self.case.get("id"), str):
                self.ids.add(self.case["id"])
            self.draft.places[(len(questions),)] = Place(*self.where(block.meta_offset), str(self.case.get("id", "")))
            self.draft.notes.append(f"第 {line} 行起（GIFT）")
            questions.append(self.case)
        elif isinstance(case, str) and (self.case is None or self.case.get("id") != case):
            raise GiftError(block.meta_offset, f"题目属于案例“{case}”，但前面没有这个案例的第一道小题")
        if case is not None and self.case is not None:
            question["stem"] = _strip_scenario(question["stem"], self.case)
            self.draft.places[(len(questions) - 1, len(self.case["questions"]))] = Place(line, col, label)
            self.case["questions"].append(question)
            return
        self.case = None
        self.draft.places[(len(questions),)] = Place(line, col, label)
        self.draft.notes.append(f"第 {line} 行（GIFT）")
        questions.append(question)


def _strip_scenario(stem: str, case: dict[str, Any]) -> str:
    parts = [str(case.get("scenario", "")).rstrip("\n")]
    if case.get("stem"):
        parts.append(str(case["stem"]).rstrip("\n"))
    prefix = "\n\n".join(parts) + "\n\n"
    return stem.removeprefix(prefix)
