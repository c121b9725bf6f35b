"""A cohort's .ics file, read back with icalendar: one event per session, Beijing time."""

from __future__ import annotations

import datetime
from pathlib import Path

from icalendar import Calendar
from paths import TESTS


def load(site: Path, path: str) -> tuple[bytes, Calendar]:
    raw = (site / path).read_bytes()
    return raw, Calendar.from_ical(raw)


def test_sample_cohort_calendar(sample_site: Path) -> None:
    raw, calendar = load(sample_site, "programmes/cun-ganbu/2026-01.ics")
    events = calendar.walk("VEVENT")
    assert len(events) == 6
    first = events[0]
    start, end = first.decoded("dtstart"), first.decoded("dtend")
    assert (start.year, start.month, start.day, start.hour, start.minute) == (2026, 9, 7, 8, 30)
    assert (end.hour, end.minute) == (9, 0)
    assert str(start.tzinfo) == "Asia/Shanghai" and start.utcoffset() == datetime.timedelta(hours=8)
    assert str(first["summary"]) == "开班式：开班动员"
    assert str(first["location"]) == "二楼会议室"
    assert "主讲：县委组织部负责同志" in str(first["description"])
    # day 2 is the next calendar day; a session without a place is at the cohort's place
    last = events[-1]
    assert last.decoded("dtstart").date() == datetime.date(2026, 9, 8)
    assert str(last["summary"]) == "结业式：结业"
    assert str(last["location"]) == "县委党校"
    assert [str(e["location"]) for e in events] == [
        "二楼会议室",
        "县委党校",
        "县委党校",
        "某村",
        "县委党校",
        "县委党校",
    ]
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))


def test_calendar_is_valid_rfc5545(sample_site: Path) -> None:
    raw, calendar = load(sample_site, "programmes/cun-ganbu/2026-02.ics")
    assert str(calendar["version"]) == "2.0" and calendar.get("prodid")
    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["tzid"]) for zone in zones] == ["Asia/Shanghai"]
    events = calendar.walk("VEVENT")
    uids = [str(event["uid"]) for event in events]
    assert len(set(uids)) == len(uids) == 6
    for event in events:
        assert event.get("dtstamp") is not None
        assert event.decoded("dtend") > event.decoded("dtstart")
    assert b"DTSTART;TZID=Asia/Shanghai:20261231T083000" in raw
    assert b"DTSTART;TZID=Asia/Shanghai:20270101T090000" in raw


def test_calendar_builds_repeat_byte_for_byte(sample_site: Path) -> None:
    from generator.pipeline import render_project

    rendered = render_project(TESTS / "projects" / "sample")
    assert (
        rendered.files["programmes/cun-ganbu/2026-01.ics"]
        == (sample_site / "programmes/cun-ganbu/2026-01.ics").read_bytes()
    )


def test_shipped_calendar_has_every_session(shipped_site: Path) -> None:
    _, calendar = load(shipped_site, "programmes/shuji-lunxun/2026-01.ics")
    events = calendar.walk("VEVENT")
    assert len(events) == 18
    days = sorted({event.decoded("dtstart").date() for event in events})
    assert days == [datetime.date(2026, 8, 24) + datetime.timedelta(days=n) for n in range(4)]
    titles = [str(event["summary"]) for event in events]
    assert titles[0].startswith("开班式：") and titles[-1].startswith("结业式：")
    assert "测验：结业测试" in titles
