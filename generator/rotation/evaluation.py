"""培训质量测评: a questionnaire workbook per cohort, filled in from the trainees' forms, and
the means per session and per speaker across cohorts, so the next schedule can be adjusted.

Anonymous: a row is a form (问卷序号), not a trainee. Each taught session is rated 1–5 on
content, delivery and usefulness; then an overall score and free comments. A blank rating is
"not rated"; anything other than 1–5 is a problem with sheet, row and column.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path as FsPath

from ..interop.import_.sheets import read_sheets
from ..model.programme import Cohort, Programme
from ..problems import Problem
from .roster import fold
from .schedule import ClassSession, class_sessions

RATED_KINDS = ("专题辅导", "经验介绍", "现场观摩", "分组讨论")
ASPECTS = ("内容", "授课", "实用")
SHEET = "测评"
HEADER_ROW = 3
FIRST = "问卷序号"
OVERALL, COMMENTS = "总体评价", "意见建议"
GUIDE = ("填写说明：每份测评表录入一行（不写姓名）。每个课次按 内容、授课、实用 三项打分，"
         "1 分最低、5 分最高；没有打分的格子留空。最后是总体评价（1–5 分）和意见建议。")


def rated_sessions(programme: Programme, cohort: Cohort) -> list[ClassSession]:
    return [s for s in class_sessions(programme, cohort) if s.kind in RATED_KINDS]


def headings(sessions: list[ClassSession]) -> list[str]:
    return [FIRST, *(f"{s.heading}\n{s.title}\n{aspect}" for s in sessions for aspect in ASPECTS), OVERALL, COMMENTS]


def write_workbook(programme: Programme, cohort: Cohort, forms: int) -> bytes:
    """A blank questionnaire workbook with ``forms`` numbered rows and a 1–5 check on every rating."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    sessions = rated_sessions(programme, cohort)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.cell(1, 1, f"{programme.title} · {cohort.name} 培训质量测评").font = Font(bold=True, size=14)
    sheet.cell(2, 1, GUIDE)
    names = headings(sessions)
    for column, text in enumerate(names, start=1):
        cell = sheet.cell(HEADER_ROW, column, text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        sheet.column_dimensions[get_column_letter(column)].width = 40 if text == COMMENTS else 12
    sheet.row_dimensions[HEADER_ROW].height = 90
    for number in range(1, forms + 1):
        sheet.cell(HEADER_ROW + number, 1, number)
    check = DataValidation(type="whole", operator="between", formula1="1", formula2="5", allow_blank=True,
                           showErrorMessage=True, errorTitle="测评分数", error="请填 1 到 5 的整数")
    check.add(f"B{HEADER_ROW + 1}:{get_column_letter(len(names) - 1)}{HEADER_ROW + forms}")
    sheet.add_data_validation(check)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 2)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


@dataclass
class Responses:
    """One cohort's forms: session number → aspect → scores; overall scores; comments."""

    cohort: Cohort
    forms: int = 0
    scores: dict[int, dict[str, list[int]]] = field(default_factory=dict)
    overall: list[int] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


def read_workbook(path: FsPath, file: str, programme: Programme,
                  cohort: Cohort) -> tuple[Responses | None, list[Problem]]:
    sheets, problems = read_sheets(path, file)
    if problems:
        return None, problems
    sheet = next((s for s in sheets if s.name == SHEET), sheets[0] if sheets else None)
    if sheet is None:
        return None, [Problem(file, 1, 1, "", "测评表是空的")]
    label = f"{file}[{sheet.name}]"
    sessions = rated_sessions(programme, cohort)
    names = headings(sessions)
    header = sheet.rows[HEADER_ROW - 1] if len(sheet.rows) >= HEADER_ROW else []
    for column, text in enumerate(names, start=1):
        found = header[column - 1] if column <= len(header) else ""
        if fold(found) != fold(text):
            problems.append(Problem(label, HEADER_ROW, column, found, f"此列应为“{' '.join(text.split())}”："
                                                                      "请勿改动列名；"
                                    "日程改过时用 lunxun evaluation sheet --force 重新生成"))
    if problems:
        return None, problems
    responses = Responses(cohort)
    last = len(names)
    for number in range(HEADER_ROW + 1, len(sheet.rows) + 1):
        cells = sheet.rows[number - 1] + [""] * last
        if not any(cells[1:last]):
            continue  # an unused numbered row
        responses.forms += 1
        for column in range(2, last):
            text = cells[column - 1]
            if not text:
                continue
            score = int(text) if text in ("1", "2", "3", "4", "5") else None
            if score is None:
                problems.append(Problem(label, number, column, " ".join(names[column - 1].split()),
                                        f"“{text}”不是测评分数：应为 1 到 5 的整数，没打分就留空"))
            elif column == last - 1:
                responses.overall.append(score)
            else:
                session = sessions[(column - 2) // len(ASPECTS)]
                aspect = ASPECTS[(column - 2) % len(ASPECTS)]
                responses.scores.setdefault(session.number, {}).setdefault(aspect, []).append(score)
        if cells[last - 1]:
            responses.comments.append(cells[last - 1])
    return (None, problems) if problems else (responses, [])


@dataclass
class Rating:
    """Scores gathered for one session or one speaker, across cohorts."""

    label: str
    aspects: dict[str, list[int]] = field(default_factory=lambda: {a: [] for a in ASPECTS})

    def add(self, scores: dict[str, list[int]]) -> None:
        for aspect in ASPECTS:
            self.aspects[aspect] += scores.get(aspect, [])

    @property
    def all(self) -> list[int]:
        return [s for aspect in ASPECTS for s in self.aspects[aspect]]

    def mean(self, aspect: str | None = None) -> float | None:
        values = self.aspects[aspect] if aspect else self.all
        return sum(values) / len(values) if values else None

    def spread(self) -> list[int]:
        """How many scores were 1, 2, 3, 4 and 5."""
        values = self.all
        return [values.count(score) for score in range(1, 6)]


def aggregate(programme: Programme, collected: list[Responses]) -> tuple[list[Rating], list[Rating]]:
    """Per session (by its place in the schedule, the same in every cohort) and per speaker."""
    sessions: dict[int, Rating] = {}
    speakers: dict[str, Rating] = {}
    for responses in collected:
        for session in rated_sessions(programme, responses.cohort):
            scores = responses.scores.get(session.number, {})
            label = f"第{session.day}天 {session.time} {session.title}"
            sessions.setdefault(session.number, Rating(label)).add(scores)
            if session.speaker:
                speakers.setdefault(session.speaker, Rating(session.speaker)).add(scores)
    return [sessions[n] for n in sorted(sessions)], [speakers[s] for s in sorted(speakers)]
