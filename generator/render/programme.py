"""Training programmes: the schedule seen by day and by batch, with real dates.

The views here are plain data for the templates: sessions in time order with a stable
key, days with their calendar date when a batch is known, and the JSON the progress
panel reads in the browser.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from ..check.curriculum import parse_span, session_hours
from ..model import Curriculum
from ..model.curriculum import Cohort, Session

WEEKDAYS = "一二三四五六日"
DEFAULT_CAPACITY = 50
# CSS class per kind of session: ASCII, so the colours live in programme.css
KIND_CLASSES = {
    "开班式": "kaiban",
    "专题辅导": "zhuanti",
    "经验介绍": "jingyan",
    "现场观摩": "guanmo",
    "分组讨论": "taolun",
    "自学": "zixue",
    "测验": "ceyan",
    "结业式": "jieye",
}
# the pages a batch gets besides its schedule: file suffix → what it is
BATCH_PAGES = {"qiandao": "签到表", "richeng": "日程表"}


@dataclass(frozen=True)
class SessionView:
    key: str  # "d1-0830": stable while the session keeps its day and start time
    day: int
    start: str
    end: str
    hours: float
    session: Session

    @property
    def time(self) -> str:
        return f"{self.start}–{self.end}"

    @property
    def kind_class(self) -> str:
        return KIND_CLASSES.get(self.session.kind, "other")


@dataclass(frozen=True)
class DayView:
    number: int
    title: str | None
    sessions: list[SessionView]
    date: datetime.date | None = None


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def days_of(programme: Curriculum, start: datetime.date | None = None) -> list[DayView]:
    """The schedule day by day, sessions sorted by start time; dated when ``start`` is given."""
    days = []
    for number, day in enumerate(programme.days, start=1):
        sessions = []
        for session in day.sessions:
            begin, end = parse_span(session.time) or (0, 0)  # checked before rendering
            sessions.append(SessionView(
                key=f"d{number}-{_clock(begin).replace(':', '')}",
                day=number,
                start=_clock(begin),
                end=_clock(end),
                hours=session_hours(session.time, session.hours),
                session=session,
            ))
        sessions.sort(key=lambda view: view.start)
        date = start + datetime.timedelta(days=number - 1) if start else None
        days.append(DayView(number, day.title, sessions, date))
    return days


def end_date(programme: Curriculum, cohort: Cohort) -> datetime.date:
    return cohort.start + datetime.timedelta(days=len(programme.days) - 1)


def capacity(cohort: Cohort) -> int:
    return cohort.capacity or DEFAULT_CAPACITY


def date_cn(date: datetime.date, year: bool = True) -> str:
    """2026年9月1日, or 9月1日 without the year."""
    text = f"{date.month}月{date.day}日"
    return f"{date.year}年{text}" if year else text


def weekday_cn(date: datetime.date) -> str:
    return "星期" + WEEKDAYS[date.weekday()]


def span_cn(programme: Curriculum, cohort: Cohort) -> str:
    """2026年9月1日（星期二）至9月4日（星期五）; one day needs no range."""
    first, last = cohort.start, end_date(programme, cohort)
    head = f"{date_cn(first)}（{weekday_cn(first)}）"
    if last == first:
        return head
    return f"{head}至{date_cn(last, year=last.year != first.year)}（{weekday_cn(last)}）"


def hours_text(value: float) -> str:
    """Hours as people write them: 32, 0.5, 2.5."""
    return f"{round(value, 2):g}"


def progress_data(programme_id: str, programme: Curriculum, site: Any) -> dict[str, Any]:
    """What the progress panel needs, and nothing else."""
    sessions = [view for day in days_of(programme) for view in day.sessions]
    method_ids = list(dict.fromkeys(m for view in sessions for m in view.session.methods))
    completion = programme.completion
    required = list(completion.quizzes) if completion else []
    quiz_ids = list(dict.fromkeys([q for view in sessions for q in view.session.quizzes] + required))
    return {
        "id": programme_id,
        "title": programme.title,
        "hours": programme.hours,
        "attendance": completion.attendance if completion else None,
        "required": required,
        "sessions": [
            {
                "key": view.key,
                "day": view.day,
                "time": view.time,
                "kind": view.session.kind,
                "title": view.session.title,
                "hours": view.hours,
                "methods": list(dict.fromkeys(view.session.methods)),
                "quizzes": list(dict.fromkeys(view.session.quizzes)),
            }
            for view in sessions
        ],
        "methods": {m: site.methods[m].title for m in method_ids},
        "quizzes": {q: site.quizzes[q].title for q in quiz_ids},
    }
