"""A cohort's schedule as an iCalendar file (RFC 5545), one event per session."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from ..model import Programme
from ..model.programme import Cohort
from .days import DayView
from .revisions import EventRevisions

TIMEZONE = "Asia/Shanghai"


def _at(date: datetime.date, clock: str, zone: ZoneInfo) -> datetime.datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=zone)


def cohort_calendar(
    programme_id: str, programme: Programme, cohort: Cohort, days: list[DayView], revisions: EventRevisions
) -> bytes:
    """The .ics file of one cohort (``days`` dated from its start); UIDs stay the same when a
    session's time or text changes, SEQUENCE and DTSTAMP change only when the event does (see revisions)."""
    zone = ZoneInfo(TIMEZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//lunxun//集中轮训//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # one-line properties: a folded YAML title may hold line breaks, which these cannot
    calendar.add("x-wr-calname", _line(f"{programme.title}（{cohort.name}）"))
    calendar.add("x-wr-timezone", TIMEZONE)
    for day in days:
        assert day.date is not None
        for view in day.sessions:
            session = view.session
            # by the session's place in its day, not its time: a moved session is the same event
            uid = f"{programme_id}-{cohort.id}-d{day.number}-{view.position}@lunxun"
            start, end = _at(day.date, view.start, zone), _at(day.date, view.end, zone)
            summary = _line(f"{session.kind}：{session.title}")
            place = session.place or cohort.place
            lines = [f"{programme.title}（{cohort.name}）第 {day.number} 天"]
            if session.speaker:
                lines.append(f"主讲：{session.speaker}")
            if session.notes:
                lines.append(session.notes.strip())
            description = "\n".join(lines)
            sequence, stamp = revisions.revision(
                uid, [start.isoformat(), end.isoformat(), summary, _line(place or ""), description, session.kind],
                first=datetime.datetime.combine(cohort.start, datetime.time(), tzinfo=datetime.UTC),
            )
            event = Event()
            event.add("uid", uid)
            event.add("dtstamp", stamp)
            event.add("sequence", sequence)
            event.add("dtstart", start)
            event.add("dtend", end)
            event.add("summary", summary)
            if place:
                event.add("location", _line(place))
            event.add("description", description)
            event.add("categories", [session.kind])
            calendar.add_component(event)
    calendar.add_missing_timezones(
        first_date=cohort.start - datetime.timedelta(days=366),
        last_date=cohort.start + datetime.timedelta(days=366),
    )
    return calendar.to_ical()


def _line(text: str) -> str:
    return " ".join(text.split())
