"""The 集中轮训情况报表 and the 建帐销号 ledger: tables, then XLSX and a printable A4 page.

The tables are built once (``report_tables``) and both formats write the same values, so
the page and the workbook cannot disagree.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .attendance import MARKS
from .ledger import DONE, Figures, Ledger, Standing, Year, figures, hours_text
from .roster import identity

NONE = "—"
GROUP_HEADER = ["分组", "名称", "计划人数", "参训人数", "已销号", "未销号", "在训或待开班", "结业率%", "出勤率%",
                "参考人数", "通过人数", "通过率%", "平均分"]


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[Any]]


def _rate(value: float | None) -> float | str:
    return NONE if value is None else round(value, 1)


def _group_row(kind: str, name: str, f: Figures) -> list[Any]:
    return [kind, name, f.planned, f.trained, f.done, f.outstanding, f.ongoing, _rate(f.completion_rate),
            _rate(f.attendance_rate), f.sat, f.passed, _rate(f.pass_rate), _rate(f.mean_score)]


def _groups(standings: list[Standing], key: Callable[[Standing], str]) -> dict[str, list[Standing]]:
    groups: dict[str, list[Standing]] = {}
    for standing in standings:
        groups.setdefault(key(standing), []).append(standing)
    return groups


def report_tables(ledger: Ledger, annual: float, yearly: dict[Year, float] | None = None) -> list[Table]:
    """情况报表 (by track, cohort, unit, category, all), the per-session rates, the ledger, the outstanding.

    ``yearly`` (from ``year_hours`` over every programme) adds the 学时 a trainee earned in the
    same year in other programmes, so the annual requirement is met by all of them together.
    """
    required = list(ledger.programme.completion.quizzes) if ledger.programme.completion else []
    everyone = ledger.standings
    summary = []
    for track in ledger.programme.tracks:  # 分级分类: the classes of a tracked programme, each on its own
        group = [s for s in everyone if s.cohort.track == track.id]
        if group:
            summary.append(_group_row("班次", track.name, figures(group, required)))
    for record in ledger.cohorts:
        summary.append(_group_row("期次", record.cohort.name, figures(record.standings, required)))
    for kind, key in (("单位", lambda s: s.trainee.unit or "未填单位"),
                      ("类别", lambda s: s.trainee.category or "未填类别")):
        for name, group in sorted(_groups(everyone, key).items()):
            summary.append(_group_row(kind, name, figures(group, required)))
    summary.append(_group_row("合计", "全部", figures(everyone, required)))
    sessions = []
    for record in ledger.cohorts:
        for session in record.sessions:
            rate = record.session_rate(session.number)
            if rate is not None:
                sessions.append([record.cohort.name, session.date.isoformat(), session.time, session.kind,
                                 session.title, hours_text(session.hours), round(rate, 1)])
    credits = dict(ledger.programme.completion.quiz_hours) if ledger.programme.completion else {}
    rows = []
    for s in everyone:
        scores = [s.grades[b].score if b in s.grades and s.grades[b].score is not None else NONE for b in required]
        year = (yearly or {}).get((identity(s.trainee), s.cohort.start.year), s.earned_hours)
        short = max(0.0, annual - year)
        rows.append([s.cohort.name, s.trainee.id, s.trainee.name, s.trainee.unit or "", s.trainee.category or "",
                     s.state, *(s.marks[m] for m in MARKS), _rate(s.attendance_rate), hours_text(s.leave_hours),
                     hours_text(s.attended_hours), hours_text(s.quiz_hours), hours_text(s.earned_hours),
                     hours_text(year), hours_text(annual), hours_text(short), *scores, "；".join(s.reasons)])
    ledger_header = ["期次", "学员编号", "姓名", "单位", "类别", "状态", *MARKS, "出勤率%", "请假学时", "课堂学时",
                     "测验学时", "已得学时", "本年累计学时", "年度要求学时", "尚差学时",
                     *(f"{b} 得分" for b in required),
                     "未销号原因"]
    outstanding = [[s.cohort.name, s.trainee.id, s.trainee.name, s.trainee.unit or "", "；".join(s.reasons)]
                   for s in everyone if s.state != DONE and s.reasons]
    graded = list(dict.fromkeys([*required, *credits]))
    grade_rows = [[s.cohort.name, s.trainee.id, s.trainee.name, s.trainee.unit or "",
                   *(cell for b in graded for cell in _grade_cells(s, b, credits)),
                   hours_text(s.attended_hours), hours_text(s.quiz_hours), hours_text(s.earned_hours)]
                  for s in everyone]
    grade_header = ["期次", "学员编号", "姓名", "单位",
                    *(f"{b} {what}" for b in graded for what in ("得分", "是否及格", "计学时")),
                    "课堂学时", "测验学时", "合计学时"]
    return [
        Table("情况报表", GROUP_HEADER, summary),
        Table("课次出勤", ["期次", "日期", "时间", "类型", "课题", "学时", "出勤率%"], sessions),
        Table("建帐销号台账", ledger_header, rows),
        Table("未销号名单", ["期次", "学员编号", "姓名", "单位", "原因"], outstanding),
        Table("成绩与学时", grade_header, grade_rows),
        Table("结业证书名单", CERTIFICATE_HEADER, certificate_rows(ledger)),
    ]


def _grade_cells(s: Standing, bank: str, credits: dict[str, float]) -> list[Any]:
    """得分, 是否及格 and the 学时 the quiz credited, for one bank."""
    grade = s.grades.get(bank)
    if grade is None:
        return [NONE, "无成绩", hours_text(0) if bank in credits else NONE]
    score = grade.score if grade.score is not None else NONE
    earned = credits.get(bank, 0.0) if grade.passed else 0.0
    return [score, "及格" if grade.passed else "不及格", hours_text(earned) if bank in credits else NONE]


CERTIFICATE_HEADER = ["证书编号", "姓名", "单位", "类别", "培训项目", "班次", "期次", "培训日期", "学时",
                      "其中测验学时"]


def certificate_rows(ledger: Ledger) -> list[list[Any]]:
    """What a 结业证书 says of each trainee struck off (已销号): the data a certificate is printed from.

    The number is the programme, the cohort and the 学员编号: the same trainee gets the same number
    whenever the report is made again.
    """
    rows = []
    for record in ledger.cohorts:
        track = ledger.programme.track(record.cohort.track)
        last = record.sessions[-1].date if record.sessions else record.cohort.start
        for s in record.standings:
            if s.state != DONE:
                continue
            rows.append([f"{ledger.programme.id}-{record.cohort.id}-{s.trainee.id}", s.trainee.name,
                         s.trainee.unit or "", s.trainee.category or "", ledger.programme.title,
                         track.name if track else "",
                         record.cohort.name, f"{record.cohort.start.isoformat()} 至 {last.isoformat()}",
                         hours_text(s.earned_hours), hours_text(s.quiz_hours)])
    return rows


def title_of(ledger: Ledger) -> str:
    return f"{ledger.programme.title}情况报表（截至 {ledger.as_of.isoformat()}）"


def write_xlsx(ledger: Ledger, tables: list[Table], title: str | None = None) -> bytes:
    """One sheet per table, a title row with the date covered, a bold frozen header."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(table.title)
        sheet.cell(1, 1, f"{title or title_of(ledger)} · {table.title}").font = Font(bold=True, size=13)
        for column, text in enumerate(table.header, start=1):
            sheet.cell(2, column, text).font = Font(bold=True)
            sheet.column_dimensions[get_column_letter(column)].width = max(8, min(40, 2 * len(text) + 4))
        for number, row in enumerate(table.rows, start=3):
            for column, value in enumerate(row, start=1):
                cell = sheet.cell(number, column, value)
                if isinstance(value, str):
                    cell.data_type = "s"  # names and units are text, never formulas
        sheet.freeze_panes = "A3"
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


PAGE_CSS = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
       font-size: 10pt; margin: 0; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
p.meta { text-align: center; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #444; padding: 1mm 1.5mm; text-align: center; }
td.text { text-align: left; }
section.ledger { break-before: page; }
"""


PERSONAL_TABLES = ("建帐销号台账", "成绩与学时", "结业证书名单")


def write_html(ledger: Ledger, tables: list[Table]) -> bytes:
    """The printable page: the 情况报表, the per-session rates and the outstanding; A4, headers repeated."""
    e = html.escape
    parts = [(f"<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{e(title_of(ledger))}</title>"
              f"<style>{PAGE_CSS}</style></head><body>"),
             f"<h1>{e(ledger.programme.title)}情况报表</h1>",
             f"<p class=\"meta\">{e(ledger.programme.organizer or '')} 统计截至 {ledger.as_of.isoformat()}</p>"]
    for table in tables:
        if table.title in PERSONAL_TABLES:
            continue  # every trainee's row: the workbook has it, the page stays a report
        cls = " class=\"ledger\"" if table.title == "未销号名单" else ""
        parts.append(f"<section{cls}><h2>{e(table.title)}</h2>")
        if not table.rows:
            parts.append("<p>无。</p></section>")
            continue
        parts.append("<table><thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in table.header) + "</tr></thead><tbody>")
        for row in table.rows:
            cells = "".join(f"<td class=\"text\">{e(v)}</td>" if isinstance(v, str) and v != NONE and not _numeric(v)
                            else f"<td>{e(str(v))}</td>" for v in row)
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</tbody></table></section>")
    parts.append("</body></html>\n")
    return "".join(parts).encode("utf-8")


def _numeric(text: str) -> bool:
    return text.replace(".", "", 1).isdigit()
