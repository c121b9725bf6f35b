"""The grade sheet: one row per trainee and bank, as XLSX (openpyxl) and as CSV for Excel.

Texts come from trainees' phones, so a name that starts like a formula is written as text
(XLSX) or behind an apostrophe (CSV) and never runs as one in Excel.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path as FsPath
from typing import Any

from .analysis import BankStats
from .collect import Attempt, Group

BEIJING = timezone(timedelta(hours=8))
HEADER = ["姓名", "单位", "编号", "题库", "得分", "原始分", "是否及格", "用时", "完成时间",
          "作答次数", "最高分", "最后一次得分", "来源"]
BATCH_HEADER = "批次"
ITEM_HEADER = ["题库", "题号", "题型", "题干", "作答人数", "答对人数", "难度 p", "区分度 D", "标记", "各选项人数"]
TYPE_NAMES = {"single": "单选", "multiple": "多选", "judge": "判断", "blank": "填空", "order": "排序",
              "match": "连线", "letters": "选择", "arrangement": "排序/连线", "": "—"}
_FORMULA_START = re.compile(r"^(?:[=@\t\r]|[+-](?![\d.]+$))")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(slots=True)
class Row:
    """One line of the sheet: the graded attempt and the trainee's other attempts at the bank."""

    attempt: Attempt
    bank_title: str
    attempts: int
    best: float
    last: float
    batch: str


def rows_of(groups: Iterable[Group], keep: str, titles: dict[str, str],
            batch_of: Callable[[Attempt], str]) -> list[Row]:
    """Rows sorted by bank (first seen), unit and name."""
    rows = []
    order: dict[str, int] = {}
    for group in groups:
        attempt = group.chosen(keep)  # type: ignore[arg-type]
        order.setdefault(attempt.bank, len(order))
        rows.append(Row(attempt, titles.get(attempt.bank, attempt.bank), group.attempts,
                        group.best.score, group.latest.score, batch_of(attempt)))
    rows.sort(key=lambda row: (order[row.attempt.bank], row.attempt.unit, row.attempt.name, row.attempt.trainee_id))
    return rows


def duration(seconds: int) -> str:
    minutes, rest = divmod(max(seconds, 0), 60)
    return f"{minutes:02d}:{rest:02d}"


def finished_at(stamp: int) -> str:
    """Beijing time, as trainers and trainees read it."""
    if stamp <= 0:
        return ""
    return datetime.fromtimestamp(stamp, tz=BEIJING).strftime("%Y-%m-%d %H:%M")


def _points(value: float) -> str:
    return f"{value:g}"


def values(row: Row, with_batch: bool) -> list[Any]:
    attempt = row.attempt
    cells: list[Any] = [
        attempt.name, attempt.unit, attempt.trainee_id, row.bank_title, attempt.score,
        f"{_points(attempt.points)}/{_points(attempt.max_points)}", "及格" if attempt.passed else "不及格",
        duration(attempt.seconds), finished_at(attempt.finished), row.attempts, row.best, row.last,
        f"{attempt.file}:{attempt.line}",
    ]
    if with_batch:
        cells.insert(3, row.batch)
    return cells


def header(with_batch: bool) -> list[str]:
    names = list(HEADER)
    if with_batch:
        names.insert(3, BATCH_HEADER)
    return names


def write_csv(path: FsPath, rows: list[Row], with_batch: bool) -> None:
    """UTF-8 with a byte order mark, which is how Excel knows to read it as UTF-8."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header(with_batch))
        for row in rows:
            writer.writerow([_csv_safe(value) for value in values(row, with_batch)])


def _csv_safe(value: Any) -> Any:
    if isinstance(value, str) and _FORMULA_START.match(value):
        return "'" + value
    return value


def write_xlsx(path: FsPath, rows: list[Row], banks: list[BankStats], with_batch: bool,
               tick: Callable[[], None] | None = None) -> None:
    """Two sheets: 成绩 (frozen header row, sized columns) and 题目分析."""
    from openpyxl import Workbook

    # Write-only mode streams the rows: several times faster for sheets of many thousands.
    book = Workbook(write_only=True)
    sheet = book.create_sheet("成绩")
    names = header(with_batch)
    sample = [values(row, with_batch) for row in rows[:500]]
    _prepare(sheet, names, sample)
    number_columns = {names.index(name) for name in ("得分", "最高分", "最后一次得分")}
    for row in rows:
        cells = values(row, with_batch)
        sheet.append([_xlsx_cell(sheet, value, index in number_columns) for index, value in enumerate(cells)])
        if tick is not None:
            tick()
    items = book.create_sheet("题目分析")
    item_rows = [_item_values(bank, item) for bank in banks for item in bank.items]
    _prepare(items, ITEM_HEADER, item_rows[:500])
    for cells in item_rows:
        items.append([_xlsx_cell(items, value, False) for value in cells])
    book.save(path)


def _prepare(sheet: Any, names: list[str], sample: list[list[Any]]) -> None:
    """Column widths from the header and the first rows, a bold frozen header."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for index, name in enumerate(names):
        widest = max([_width(name)] + [_width(cells[index]) for cells in sample])
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(max(widest + 2, 6), 60)
    sheet.freeze_panes = "A2"
    cells = []
    for name in names:
        cell = WriteOnlyCell(sheet, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F2DCDB")
        cell.alignment = Alignment(horizontal="center")
        cells.append(cell)
    sheet.append(cells)


def _width(value: Any) -> int:
    text = str(value) if value is not None else ""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


def _xlsx_cell(sheet: Any, value: Any, number: bool) -> Any:
    if isinstance(value, str):
        value = _ILLEGAL.sub("", value)
        if value.startswith("="):
            from openpyxl.cell import WriteOnlyCell

            cell = WriteOnlyCell(sheet, value)
            cell.data_type = "s"
            return cell
    if number and isinstance(value, float):
        return round(value, 1)
    return value


def _item_values(bank: BankStats, item: Any) -> list[Any]:
    options = "  ".join(
        f"{choice.label}{'✓' if choice.correct else ''} {choice.count}" for choice in item.choices
    )
    return [
        bank.title, item.id, TYPE_NAMES.get(item.type, item.type), item.stem, item.presented, item.correct,
        _round(item.p), _round(item.d), "、".join(item.flags), options,
    ]


def _round(value: float | None) -> float | str:
    return "" if value is None else round(value, 2)
