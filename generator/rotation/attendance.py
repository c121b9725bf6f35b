"""The attendance workbook: roster × sessions, filled in by the class teacher, and read back.

Written with openpyxl (a drop-down of the five marks on every cell); read back through the
bounded sheet reader the importers use, so a crafted workbook cannot take minutes or memory.
A session's column counts once it holds a mark and its day has come; then every blank in
it is a mistake. Every unreadable cell is reported with sheet, row and column, all at once.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from ..interop.import_.columns import normalize
from ..interop.import_.sheets import read_sheets
from ..model.programme import Cohort, Programme
from ..model.roster import Roster
from ..problems import Problem
from .roster import fold
from .schedule import ClassSession, class_sessions

MARKS = ("到", "迟到", "早退", "请假", "缺勤")
PRESENT = frozenset({"到", "迟到", "早退"})  # late or leaving early still attended the session
SPELLINGS = {
    "到": "到", "出勤": "到", "已到": "到", "实到": "到", "√": "到", "✓": "到", "✔": "到", "V": "到",
    "迟到": "迟到", "迟": "迟到",
    "早退": "早退", "早": "早退",
    "请假": "请假", "假": "请假", "事假": "请假", "病假": "请假", "公假": "请假", "公差": "请假",
    "缺勤": "缺勤", "缺": "缺勤", "缺席": "缺勤", "旷课": "缺勤", "未到": "缺勤", "×": "缺勤", "X": "缺勤",
}
SHEET = "考勤"
FIXED = ("学员编号", "姓名", "单位")
HEADER_ROW = 3
GUIDE = ("填写说明：每位学员一行，每个课次一列；在单元格的下拉列表中选 到、迟到、早退、请假 或 缺勤。"
         "还没上的课次留空；不要增删行列、不要改列名。")


def mark_of(text: str) -> str | None:
    """The mark a cell means (``√`` is 到, ``病假`` is 请假), or None."""
    return SPELLINGS.get(normalize(text))


def write_workbook(programme: Programme, cohort: Cohort, roster: Roster, filled: Attendance | None = None) -> bytes:
    """The blank workbook for one cohort, as .xlsx bytes; with ``filled``, its marks written in
    (the archive's record of a roll call made by codes, which reads back as the same marks)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    sessions = class_sessions(programme, cohort)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    last = len(FIXED) + len(sessions)
    track = programme.track(cohort.track)
    heading = " · ".join([programme.title, *([track.name] if track else []), f"{cohort.name} 考勤表"])
    sheet.cell(1, 1, heading).font = Font(bold=True, size=14)
    sheet.cell(2, 1, GUIDE)
    for column, text in enumerate([*FIXED, *(s.heading for s in sessions)], start=1):
        cell = sheet.cell(HEADER_ROW, column, text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    for row, trainee in enumerate(roster.trainees, start=HEADER_ROW + 1):
        for column, value in enumerate((trainee.id, trainee.name, trainee.unit or ""), start=1):
            cell = sheet.cell(row, column, value)
            cell.data_type = "s"  # a name is text, never a formula
        for column, session in enumerate(sessions, start=len(FIXED) + 1):
            mark = filled.mark(trainee.id, session.number) if filled else None
            if mark is not None:
                sheet.cell(row, column, mark)
    sheet.row_dimensions[HEADER_ROW].height = 48
    for column in range(1, last + 1):
        sheet.column_dimensions[get_column_letter(column)].width = (10, 10, 22)[column - 1] if column <= 3 else 12
    if sessions:
        first, end = get_column_letter(len(FIXED) + 1), get_column_letter(last)
        bottom = HEADER_ROW + len(roster.trainees)
        check = DataValidation(type="list", formula1='"' + ",".join(MARKS) + '"', allow_blank=True,
                               showErrorMessage=True, errorTitle="考勤标记", error="请从列表中选：" + "、".join(MARKS))
        check.add(f"{first}{HEADER_ROW + 1}:{end}{bottom}")
        sheet.add_data_validation(check)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, len(FIXED) + 1)
    _session_list(book.create_sheet("课次"), sessions)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _session_list(sheet: Any, sessions: list[ClassSession]) -> None:
    """A reference sheet the reader ignores: what each column is."""
    sheet.append(["课次", "日期", "时间", "类型", "课题", "学时"])
    for s in sessions:
        sheet.append([s.number, s.date.isoformat(), s.time, s.kind, s.title, round(s.hours, 2)])


@dataclass
class Attendance:
    """Marks read from a workbook: trainee id → session number → mark, for sessions held."""

    sessions: list[ClassSession]
    held: list[int] = field(default_factory=list)  # session numbers
    marks: dict[str, dict[int, str]] = field(default_factory=dict)

    def mark(self, trainee: str, session: int) -> str | None:
        return self.marks.get(trainee, {}).get(session)


def read_workbook(path: FsPath, file: str, programme: Programme, cohort: Cohort, roster: Roster,
                  as_of: datetime.date) -> tuple[Attendance | None, list[Problem]]:
    """The marks of every session held by ``as_of``, or None with every problem found."""
    sheets, problems = read_sheets(path, file)
    if problems:
        return None, problems
    sheet = next((s for s in sheets if s.name == SHEET), sheets[0] if sheets else None)
    if sheet is None:
        return None, [Problem(file, 1, 1, "", "考勤表是空的")]
    label = f"{file}[{sheet.name}]"
    sessions = class_sessions(programme, cohort)
    header = sheet.rows[HEADER_ROW - 1] if len(sheet.rows) >= HEADER_ROW else []
    expected = [*FIXED, *(s.heading for s in sessions)]
    for column, text in enumerate(expected, start=1):
        found = header[column - 1] if column <= len(header) else ""
        if fold(found) != fold(text):
            problems.append(Problem(label, HEADER_ROW, column, found or "", f"此列应为“{_one_line(text)}”："
                                    "考勤表与日程或格式不一致；请勿改动列名，"
                                    "日程改过时用 lunxun attendance sheet --force 重新生成"))
    for column in range(len(expected) + 1, len(header) + 1):
        if header[column - 1]:
            problems.append(Problem(label, HEADER_ROW, column, header[column - 1], "多出的列：日程中没有这个课次"))
    if problems:
        return None, problems
    ids = {trainee.id: trainee for trainee in roster.trainees}
    rows: dict[str, tuple[int, list[str]]] = {}
    for number in range(HEADER_ROW + 1, len(sheet.rows) + 1):
        cells = sheet.rows[number - 1]
        if not any(cells):
            continue
        number_text = cells[0] if cells else ""
        if number_text not in ids:
            problems.append(Problem(label, number, 1, "学员编号", f"学员编号“{number_text}”"
                                                              f"不在第 {cohort.id} 期的名册中"
                                    if number_text else "缺少学员编号"))
        elif number_text in rows:
            problems.append(Problem(label, number, 1, "学员编号", f"学员编号“{number_text}”重复："
                                                              f"第 {rows[number_text][0]} 行已有"))
        else:
            rows[number_text] = (number, cells)
            name = cells[1] if len(cells) > 1 else ""
            if fold(name) != fold(ids[number_text].name):
                problems.append(Problem(label, number, 2, "姓名",
                                        f"姓名“{name}”与名册中编号 {number_text} 的“{ids[number_text].name}”不符"))
    for trainee in roster.trainees:
        if trainee.id not in rows:
            problems.append(Problem(label, HEADER_ROW, 1, "学员编号",
                                    f"名册中的 {trainee.id} {trainee.name} 不在考勤表中"))
    attendance = Attendance(sessions)
    for session in sessions:
        column = len(FIXED) + session.number
        column_cells = {key: (number, row[column - 1] if column <= len(row) else "")
                        for key, (number, row) in rows.items()}
        if session.date > as_of or not any(text for _, text in column_cells.values()):
            continue  # not held yet (marks entered ahead, such as a leave granted, wait for the day)
        attendance.held.append(session.number)
        for key, (number, text) in column_cells.items():
            mark = mark_of(text) if text else None
            if mark is None:
                message = (f"“{text}”不是考勤标记：应为 {'、'.join(MARKS)} 之一" if text
                           else f"未填写：这一课次已有考勤记录，每位学员都应填写（{'、'.join(MARKS)}）")
                problems.append(Problem(label, number, column, _one_line(session.heading), message))
            else:
                attendance.marks.setdefault(key, {})[session.number] = mark
    return (None, problems) if problems else (attendance, [])


def _one_line(text: str) -> str:
    return " ".join(text.split())
