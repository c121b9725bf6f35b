"""A batch's schedule as an iCalendar file (RFC 5545), one event per session."""

from __future__ import annotations

import datetime
import os
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from ..model import Curriculum
from ..model.curriculum import Cohort
from .days import DayView

TIMEZONE = "Asia/Shanghai"


def _stamp(cohort: Cohort) -> datetime.datetime:
    """DTSTAMP: the build's SOURCE_DATE_EPOCH when set, else a fixed time, so builds repeat."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    return datetime.datetime.combine(cohort.start, datetime.time(), tzinfo=datetime.UTC)


def _at(date: datetime.date, clock: str, zone: ZoneInfo) -> datetime.datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=zone)


def cohort_calendar(
    programme_id: str, programme: Curriculum, cohort: Cohort, days: list[DayView]
) -> bytes:
    """The .ics file of one batch (``days`` dated from its start); UIDs stay the same from build to build."""
    zone = ZoneInfo(TIMEZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//lunxun//集中轮训//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # one-line properties: a folded YAML title may hold line breaks, which these cannot
    calendar.add("x-wr-calname", _line(f"{programme.title}（{cohort.name}）"))
    calendar.add("x-wr-timezone", TIMEZONE)
    stamp = _stamp(cohort)
    for day in days:
        assert day.date is not None
        for view in day.sessions:
            session = view.session
            event = Event()
            event.add("uid", f"{programme_id}-{cohort.id}-{view.key}@lunxun")
            event.add("dtstamp", stamp)
            event.add("dtstart", _at(day.date, view.start, zone))
            event.add("dtend", _at(day.date, view.end, zone))
            event.add("summary", _line(f"{session.kind}：{session.title}"))
            place = session.place or cohort.place
            if place:
                event.add("location", _line(place))
            lines = [f"{programme.title}（{cohort.name}）第 {day.number} 天"]
            if session.speaker:
                lines.append(f"主讲：{session.speaker}")
            if session.notes:
                lines.append(session.notes.strip())
            event.add("description", "\n".join(lines))
            event.add("categories", [session.kind])
            calendar.add_component(event)
    calendar.add_missing_timezones(
        first_date=cohort.start - datetime.timedelta(days=366),
        last_date=cohort.start + datetime.timedelta(days=366),
    )
    return calendar.to_ical()


def _line(text: str) -> str:
    return " ".join(text.split())
