"""A cohort's sessions in order, dated, with the 学时 each one credits."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..model.programme import Cohort, Programme, session_hours


@dataclass(frozen=True)
class ClassSession:
    number: int  # 1-based, across the whole class
    day: int  # 1-based day of the schedule
    date: datetime.date
    time: str
    kind: str
    title: str
    hours: float  # 学时 credited for attending it
    speaker: str | None = None
    methods: tuple[str, ...] = ()  # the method pages read for it

    @property
    def heading(self) -> str:
        """The attendance workbook's column heading, which also identifies the column on reading."""
        return f"第{self.day}天 {self.date.month}月{self.date.day}日\n{self.time}\n{self.kind}"


def class_sessions(programme: Programme, cohort: Cohort) -> list[ClassSession]:
    """Every session of the cohort (of its track, when the programme has tracks); with
    ``completion.day_hours`` a full day credits that many 学时, shared among its sessions by
    their length (a 党校 day is 6 学时 however it is cut)."""
    per_day = programme.completion.day_hours if programme.completion else None
    found: list[ClassSession] = []
    for day_number, day in enumerate(programme.for_cohort(cohort).days, start=1):
        lengths = [session_hours(s.time, s.hours) for s in day.sessions]
        total = sum(lengths)
        for session, length in zip(day.sessions, lengths):
            credit = length if per_day is None else (per_day * length / total if total else 0.0)
            found.append(ClassSession(len(found) + 1, day_number,
                                      cohort.start + datetime.timedelta(days=day_number - 1),
                                      session.time.strip(), session.kind, session.title, credit,
                                      session.speaker, tuple(session.methods)))
    return found
