"""A programme's schedule as plain views: days in order, sessions in time order with a stable key.

Both the programme pages and the calendar files read these views.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..model import Programme
from ..model.programme import Session, parse_span, session_hours

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


@dataclass(frozen=True)
class SessionView:
    key: str  # "d1-0830": stable while the session keeps its day and start time
    day: int
    start: str
    end: str
    hours: float
    session: Session
    position: int = 0  # 1-based place in the day as written: stays when the time changes

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


def days_of(programme: Programme, start: datetime.date | None = None) -> list[DayView]:
    """The schedule day by day, sessions sorted by start time; dated when ``start`` is given."""
    days = []
    for number, day in enumerate(programme.days, start=1):
        sessions = []
        for position, session in enumerate(day.sessions, start=1):
            begin, end = parse_span(session.time) or (0, 0)  # checked before rendering
            sessions.append(
                SessionView(
                    key=f"d{number}-{_clock(begin).replace(':', '')}",
                    day=number,
                    start=_clock(begin),
                    end=_clock(end),
                    hours=session_hours(session.time, session.hours),
                    session=session,
                    position=position,
                )
            )
        sessions.sort(key=lambda view: view.start)
        date = start + datetime.timedelta(days=number - 1) if start else None
        days.append(DayView(number, day.title, sessions, date))
    return days
