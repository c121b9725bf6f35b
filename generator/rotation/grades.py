"""Exam outcomes for the ledger, read from the grade sheet `lunxun results` writes.

The sheet (grades.xlsx or grades.csv) is read by its column names, so the ledger depends
only on what results promises its users, not on how it grades. A row is matched to a
trainee by name and 编号 (the 学员编号 or ticket the trainee typed), else by name and unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path as FsPath

from ..interop.import_.columns import find_header_by, normalize
from ..interop.import_.sheets import read_sheets
from ..model.roster import Trainee
from ..problems import Problem
from .roster import fold

COLUMNS = {"姓名": "name", "单位": "unit", "编号": "id", "题库": "bank", "得分": "score", "是否及格": "passed"}
NEEDED = ("name", "bank", "passed")


@dataclass(frozen=True)
class Grade:
    name: str
    unit: str
    trainee_id: str
    bank: str  # the bank's title or id, as the sheet gives it
    score: float | None
    passed: bool


def read_grades(path: FsPath, file: str) -> tuple[list[Grade], list[Problem]]:
    """Every row of the grade sheet's first sheet (成绩)."""
    sheets, problems = read_sheets(path, file)
    if problems:
        return [], problems
    if not sheets:
        return [], [Problem(file, 1, 1, "", "成绩表是空的")]
    sheet = sheets[0]
    header = find_header_by(sheet.rows, lambda text: COLUMNS.get(normalize(text)), "name")
    missing = [name for name, key in COLUMNS.items() if key in NEEDED and (header is None or key not in header.columns)]
    if header is None or missing:
        return [], [Problem(file, header.row if header else 1, 1, "", "不是 lunxun results 生成的成绩表："
                                                                      f"缺少列 {'、'.join(missing)}")]
    grades = []
    for number in range(header.row + 1, len(sheet.rows) + 1):
        cells = sheet.rows[number - 1]
        value = {key: _plain(cells[col - 1]) if col <= len(cells) else "" for key, col in header.columns.items()}
        if not value.get("name"):
            continue
        try:
            score = float(value["score"]) if value.get("score") else None
        except ValueError:
            score = None
        grades.append(Grade(value["name"], value.get("unit", ""), value.get("id", ""), value["bank"], score,
                            value["passed"] == "及格"))
    return grades, []


def _plain(text: str) -> str:
    """The CSV writer puts an apostrophe before a text that would run as a formula."""
    return text[1:] if text.startswith("'") and text[1:2] in ("=", "@", "+", "-") else text


def grades_for(trainee: Trainee, grades: list[Grade], banks: dict[str, str]) -> dict[str, Grade]:
    """Bank id → the trainee's grade; ``banks`` maps titles and ids to the bank id."""
    found: dict[str, Grade] = {}
    name, number, unit = fold(trainee.name), fold(trainee.id), fold(trainee.unit)
    for grade in grades:
        if fold(grade.name) != name:
            continue
        if fold(grade.trainee_id) != number and not (unit and fold(grade.unit) == unit):
            continue
        bank = banks.get(grade.bank, banks.get(fold(grade.bank), grade.bank))
        found[bank] = grade
    return found
