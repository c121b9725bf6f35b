"""The grade sheet: one row per trainee and bank, as XLSX (xlsx.py) and as CSV for Excel.

Texts come from trainees' phones, so a name that starts like a formula is written as text
(XLSX: every string is one, see xlsx.py) or behind an apostrophe (CSV) and never runs as one in Excel.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path as FsPath
from typing import Any

from ..collector import collector_paused
from .analysis import MIN_SAMPLE, BankStats, ItemStats
from .collect import Attempt, Group
from .xlsx import Sheet, write_workbook

BEIJING = timezone(timedelta(hours=8))
ITEM_HEADER = ["题库", "题号", "题型", "题干", "作答人数", "答对人数", "难度 p", "区分度 D", "标记", "各选项人数"]
TYPE_NAMES = {"single": "单选", "multiple": "多选", "judge": "判断", "blank": "填空", "order": "排序",
              "match": "连线", "letters": "选择", "arrangement": "排序/连线", "": "—"}
_RISKY_START = ("=", "@", "+", "-", "\t", "\r")
_FORMULA_START = re.compile(r"^(?:[=@\t\r]|[+-](?![\d.]+$))")


@dataclass
class Table:
    """A header and its rows of plain values: what both file formats write."""

    header: list[str]
    rows: list[list[Any]]


def grade_table(groups: Iterable[Group], keep: str, titles: dict[str, str],
                batch_of: Callable[[Attempt], str] | None = None,
                credits: dict[str, dict[str, float]] | None = None) -> Table:
    """One row per trainee and bank, sorted by bank (first seen), sitting, unit and name.

    Besides the graded attempt, a row gives the number of attempts and the score the other
    rule would grade (the best when grading the latest, and the other way round). When any
    code carries a sitting code (考场口令), a 考场 column groups the rows by it. When a
    programme credits a bank with 学时 (``credits``: bank → programme → 学时, from its
    ``completion.quiz_hours``), a 学时 column gives what the attempt earns.
    """
    with collector_paused():  # a row per trainee beside millions of live objects: see generator/collector.py
        return _grade_table(groups, keep, titles, batch_of, credits or {})


def hours_cell(credit: dict[str, float], passed: bool) -> float | int | str:
    """学时 earned: the credited 学时 when passed, 0 when not, "—" for a bank no programme credits;
    where programmes credit the bank differently, each programme's (the ledger counts its own)."""
    if not credit:
        return "—"
    if not passed:
        return 0
    values = set(credit.values())
    if len(values) == 1:
        value = values.pop()
        return int(value) if value.is_integer() else value
    return "；".join(f"{programme} {hours:g}" for programme, hours in sorted(credit.items()))


def _grade_table(groups: Iterable[Group], keep: str, titles: dict[str, str],
                 batch_of: Callable[[Attempt], str] | None, credits: dict[str, dict[str, float]]) -> Table:
    other_name = "最高分" if keep == "latest" else "最后一次得分"
    header = ["姓名", "单位", "编号", "题库", "得分", "是否及格", "用时", "完成时间", "作答次数", other_name, "标记",
              "来源"]
    order: dict[str, int] = {}
    chosen = []
    for group in groups:
        attempt = group.chosen(keep)  # type: ignore[arg-type]
        other = group.best if attempt is group.latest else group.latest
        order.setdefault(attempt.bank, len(order))
        chosen.append((attempt, other, group.attempts))
    chosen.sort(key=lambda entry: (order[entry[0].bank], entry[0].sitting, entry[0].unit, entry[0].name,
                                   entry[0].trainee_id))
    sittings = any(attempt.sitting for attempt, _, _ in chosen)
    credited = any(credits.get(attempt.bank) for attempt, _, _ in chosen)
    if credited:
        header.insert(6, "学时")
    if sittings:
        header.insert(4, "考场")
    if batch_of is not None:
        header.insert(3, "批次")  # last, as in each row below
    rows = []
    for attempt, other, attempts in chosen:
        row = [attempt.name, attempt.unit, attempt.trainee_id, titles.get(attempt.bank, attempt.bank),
               attempt.score, "及格" if attempt.passed else "不及格", duration(attempt.seconds),
               finished_at(attempt.finished), attempts, other.score, "；".join(attempt.flags), attempt.place]
        if credited:
            row.insert(6, hours_cell(credits.get(attempt.bank, {}), attempt.passed))
        if sittings:
            row.insert(4, attempt.sitting)
        if batch_of is not None:
            row.insert(3, batch_of(attempt))
        rows.append(row)
    return Table(header, rows)


def item_table(banks: list[BankStats]) -> Table:
    return Table(ITEM_HEADER, [_item_values(bank, item) for bank in banks for item in bank.items])


def duration(seconds: int) -> str:
    minutes, rest = divmod(max(seconds, 0), 60)
    return f"{minutes:02d}:{rest:02d}"


def finished_at(stamp: int) -> str:
    """Beijing time to the minute, as trainers and trainees read it."""
    return _minute(stamp // 60) if stamp > 0 else ""


@lru_cache(maxsize=65536)
def _minute(minute: int) -> str:
    # Cached: a class finishes within minutes of each other, and strftime is slow.
    try:
        return datetime.fromtimestamp(minute * 60, tz=BEIJING).strftime("%Y-%m-%d %H:%M")
    except (OverflowError, OSError, ValueError):  # a clock far outside any real date
        return ""


def write_csv(path: FsPath, table: Table) -> None:
    """UTF-8 with a byte order mark, which is how Excel knows to read it as UTF-8."""
    with collector_paused(), path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.header)
        writer.writerows([_csv_safe(value) for value in row] for row in table.rows)


def _csv_safe(value: Any) -> Any:
    if type(value) is str and value[:1] in _RISKY_START and _FORMULA_START.match(value):
        return "'" + value
    return value


def write_xlsx(path: FsPath, grades: Table, items: Table, tick: Callable[[], None] | None = None) -> None:
    """Two sheets, 成绩 and 题目分析, each with a bold frozen header and sized columns;
    ``tick`` is called after each grade row."""
    with collector_paused():
        write_workbook(path, [Sheet(title, table.header, table.rows, _widths(table))
                              for title, table in (("成绩", grades), ("题目分析", items))], tick)


def _widths(table: Table) -> list[float]:
    """Column widths from the header and the first rows."""
    sample = table.rows[:500]
    return [min(max(max([_width(name)] + [_width(row[index]) for row in sample]) + 2, 6), 60)
            for index, name in enumerate(table.header)]


def _width(value: Any) -> int:
    text = str(value) if value is not None else ""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


def _item_values(bank: BankStats, item: ItemStats) -> list[Any]:
    options = "  ".join(
        f"{choice.label}{'✓' if choice.correct else ''} {choice.count}" for choice in item.choices
    )
    return [
        bank.title, item.id, TYPE_NAMES.get(item.type, item.type), item.stem, item.presented, item.correct,
        _round(item.p), _round(item.d), _flag_cell(item), options,
    ]


def _flag_cell(item: ItemStats) -> str:
    # An empty cell would read as "nothing wrong": say that too few saw the question to tell.
    return f"不足 {MIN_SAMPLE} 人，未标记" if item.few else "、".join(item.flags)


def _round(value: float | None) -> float | str:
    return "" if value is None else round(value, 2)
