"""Sheets printed with names, on A4: a cohort's sign-in sheet and the exam's ticket slips.

The site's sign-in sheet is blank (the site holds no names); these are written under the
git-ignored roster folder and printed from the browser (Ctrl+P). Each table repeats its
header on every page and never splits a row, so a page shows whose line it is.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from ..model.programme import Cohort, Programme
from ..model.roster import Roster
from .schedule import ClassSession, class_sessions

PORTRAIT_SESSIONS = 8  # more session columns than this and the sheet prints landscape (as the site's does)
FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif'
SHEET_CSS = """
@page {{ size: A4 {orientation}; margin: 10mm; }}
body {{ font-family: {fonts}; font-size: 10pt; margin: 0; }}
h1 {{ font-size: 14pt; text-align: center; margin: 0 0 2mm; }}
p.meta {{ text-align: center; margin: 0 0 3mm; }}
table {{ border-collapse: collapse; width: 100%; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; }}
th, td {{ border: 1px solid #333; padding: 0 1mm; text-align: center; font-weight: normal; }}
th {{ font-weight: bold; font-size: 9pt; }}
td {{ height: 8mm; }}
td.text {{ text-align: left; }}
"""


def _page(title: str, orientation: str, body: str) -> bytes:
    css = SHEET_CSS.format(orientation=orientation, fonts=FONTS)
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{css}</style></head><body>{body}</body></html>\n").encode()


def _days(sessions: Sequence[ClassSession]) -> list[tuple[ClassSession, int]]:
    """The first session of each day and how many the day has, for the heading's top row."""
    days: list[tuple[ClassSession, int]] = []
    for session in sessions:
        if days and days[-1][0].day == session.day:
            days[-1] = (days[-1][0], days[-1][1] + 1)
        else:
            days.append((session, 1))
    return days


def signin_sheet(programme: Programme, cohort: Cohort, roster: Roster) -> bytes:
    """The cohort's sign-in sheet: a row per trainee with 编号, name and unit, a column per session."""
    e = html.escape
    sessions = class_sessions(programme, cohort)
    track = programme.track(cohort.track)
    title = f"{programme.title}（{cohort.name}）签到表"
    last = sessions[-1].date if sessions else cohort.start
    meta = " ".join(part for part in (
        track.name if track else "", f"{cohort.start.isoformat()} 至 {last.isoformat()}",
        f"地点：{cohort.place}" if cohort.place else "", f"共 {len(roster.trainees)} 人") if part)
    top = "".join(f'<th colspan="{count}">第{first.day}天 {first.date.month}月{first.date.day}日</th>'
                  for first, count in _days(sessions))
    times = "".join(f"<th>{e(s.time.split('-')[0])}<br>{e(s.kind)}</th>" for s in sessions)
    rows = "".join(
        f"<tr><td>{number}</td><td>{e(t.id)}</td><td class=\"text\">{e(t.name)}</td>"
        f"<td class=\"text\">{e(t.unit or '')}</td>{'<td></td>' * len(sessions)}</tr>"
        for number, t in enumerate(roster.trainees, start=1))
    body = (f"<h1>{e(title)}</h1><p class=\"meta\">{e(meta)}</p><table><thead>"
            f'<tr><th rowspan="2">序号</th><th rowspan="2">学员编号</th><th rowspan="2">姓名</th>'
            f'<th rowspan="2">单位</th>{top}</tr><tr>{times}</tr></thead><tbody>{rows}</tbody></table>')
    return _page(title, "landscape" if len(sessions) > PORTRAIT_SESSIONS else "portrait", body)


@dataclass(frozen=True)
class Slip:
    number: str
    secret: str  # as shown: XXXXX-XXXXX
    name: str
    unit: str


SLIP_CSS = """
.slips { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.slip { border: 1px dashed #555; padding: 2mm 3mm; break-inside: avoid; height: 27mm; box-sizing: border-box; }
.slip p { margin: 0 0 1mm; }
.slip b { font-size: 12pt; letter-spacing: .08em; font-family: monospace; }
section.signin { break-before: page; }
"""


def ticket_slips(title: str, slips: Sequence[Slip]) -> bytes:
    """The slips to cut apart (two a row, ten rows a page), then a sign-in list of the same tickets."""
    e = html.escape
    cards = "".join(f'<div class="slip"><p>{e(title)}</p><p>{e(s.name)} · {e(s.unit)}</p>'
                    f"<p>准考证号 <b>{e(s.number)}</b>　密码 <b>{e(s.secret)}</b></p></div>" for s in slips)
    rows = "".join(f"<tr><td>{e(s.number)}</td><td class=\"text\">{e(s.name)}</td><td class=\"text\">{e(s.unit)}</td>"
                   "<td></td></tr>" for s in slips)
    body = (f"<style>{SLIP_CSS}</style><h1>{e(title)}：准考证</h1>"
            "<p class=\"meta\">沿虚线剪开，开考前发给学员本人；考试页面要求输入准考证号和密码，成绩码用它签名。</p>"
            f'<div class="slips">{cards}</div><section class="signin"><h1>{e(title)}：考试签到表</h1><table>'
            f"<thead><tr><th>准考证号</th><th>姓名</th><th>单位</th><th>签名</th></tr></thead><tbody>{rows}</tbody>"
            "</table></section>")
    return _page(f"{title}：准考证", "portrait", body)
