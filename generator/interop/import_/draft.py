"""An imported bank before it is trusted: raw questions, where each came from, and its checks.

Importers (spreadsheet, GIFT) produce a Draft; ``finish`` validates it with the same models
and checks as ``lunxun check`` and reports every problem at the row or line it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ...check.quiz import check_quiz
from ...loading.load import Document
from ...loading.messages import known_fields, translate
from ...loading.project import Entry, Project
from ...model import QuizBank
from ...problems import Problem

_PATH = re.compile(r"questions\[(\d+)\](?:\.questions\[(\d+)\])?(?:\.(\w+))?")


@dataclass(frozen=True)
class Place:
    """Where one question came from: a spreadsheet row (with its columns) or a GIFT line."""

    line: int
    col: int = 1
    label: str = ""
    columns: dict[str, tuple[int, str]] = field(default_factory=dict)  # field → (col, 列名)
    file: str | None = None  # "题库.xlsx[单选题]" when the question came from one of several sheets

    def problem(self, file: str, field_name: str | None, message: str) -> Problem:
        file = self.file or file
        if field_name in self.columns:
            col, name = self.columns[field_name]
            return Problem(file, self.line, col, name, message)
        if self.columns or not field_name:  # a spreadsheet row names its column, not the field
            return Problem(file, self.line, self.col, self.label, message)
        label = f"{self.label}.{field_name}" if self.label else field_name
        return Problem(file, self.line, self.col, label, message)


@dataclass
class Draft:
    file: str
    settings: dict[str, Any] = field(default_factory=dict)
    questions: list[dict[str, Any]] = field(default_factory=list)
    places: dict[tuple[int, ...], Place] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    settings_place: Place = field(default_factory=lambda: Place(1))
    skipped: list[Problem] = field(default_factory=list)  # questions lunxun cannot hold, left out
    report: list[str] = field(default_factory=list)  # what was read, printed after the import


def finish(draft: Draft, project: Project, bank_id: str, strict: bool = False) -> tuple[QuizBank | None, list[Problem]]:
    """The validated bank, or the problems that stop it, pinned to the input's rows or lines.

    Questions of a kind lunxun cannot hold are left out and listed; with ``strict`` they stop
    the import like any other problem.
    """
    if draft.problems or (strict and draft.skipped):
        return None, draft.problems + (draft.skipped if strict else [])
    if not draft.questions:
        first = draft.skipped[0] if draft.skipped else Problem(draft.file, 1, 1, "", "")
        return None, [Problem(first.file, first.line, first.col, "",
                              f"没有可以导入的题目：{len(draft.skipped)} 道题都是 lunxun 不支持的题型")] + draft.skipped
    data = {"id": bank_id, **draft.settings, "questions": draft.questions}
    data.setdefault("methods", _methods_of(draft.questions))
    doc = Document(draft.file, data, "")  # no text: problems are pinned by the draft's places
    try:
        bank = QuizBank.model_validate(data)
    except ValidationError as error:
        found = translate(error, doc, fields=known_fields(QuizBank))
        return None, [_pin(draft, problem) for problem in found]
    found = check_quiz(Entry(bank_id, bank, doc), project)
    if found:
        return None, [_pin(draft, problem) for problem in found]
    return bank, []


def _methods_of(questions: list[dict[str, Any]]) -> list[str]:
    """The methods a bank covers: those its questions refer to, in order of appearance."""
    methods: list[str] = []
    pending = list(questions)
    while pending:
        question = pending.pop(0)
        ref = question.get("ref")
        if isinstance(ref, str) and ref.partition("#")[0] not in methods:
            methods.append(ref.partition("#")[0])
        pending[:0] = [sub for sub in question.get("questions", []) if isinstance(sub, dict)]
    return methods


def _pin(draft: Draft, problem: Problem) -> Problem:
    match = _PATH.match(problem.path)
    if not match:
        place = draft.settings_place
        return Problem(draft.file, place.line, place.col, problem.path, problem.message)
    index, sub, field_name = match.groups()
    key = (int(index), int(sub)) if sub is not None else (int(index),)
    found: Place | None = draft.places.get(key) or draft.places.get(key[:1])
    if found is None:  # pragma: no cover - every question has a place
        return Problem(draft.file, 1, 1, problem.path, problem.message)
    return found.problem(draft.file, field_name, problem.message)
