"""Calendar events that update in a trainee's calendar: a session whose time changes keeps its
UID and gets a higher SEQUENCE and a later DTSTAMP; an unchanged build is byte-identical; and
Mozilla's ical.js (npm) finds every session at its Beijing time."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import PROJECTS, build_project

from generator.loading.ledger import LEDGER_FILE
from generator.render.revisions import EventRevisions

T0 = datetime.datetime(2026, 9, 1, 8, 0, tzinfo=datetime.UTC)


def test_an_unchanged_event_keeps_its_revision_and_a_changed_one_counts_up() -> None:
    first = EventRevisions({}, T0 + datetime.timedelta(hours=5))
    assert first.revision("a@lunxun", ["08:30", "开班"], T0) == (0, T0)  # new: the fixed first stamp
    ledger = json.loads(first.ledger())
    later = T0 + datetime.timedelta(days=3)
    second = EventRevisions(ledger, later)
    assert second.revision("a@lunxun", ["08:30", "开班"], T0) == (0, T0)
    third = EventRevisions(json.loads(second.ledger()), later)
    assert third.revision("a@lunxun", ["09:00", "开班"], T0) == (1, later)


def test_a_clock_set_back_still_gives_a_later_stamp() -> None:
    revisions = EventRevisions({"a@lunxun": {"fingerprint": "x", "sequence": 4, "stamp": T0.isoformat()}},
                               T0 - datetime.timedelta(days=1))
    sequence, stamp = revisions.revision("a@lunxun", ["changed"], T0)
    assert (sequence, stamp > T0) == (5, True)


@pytest.mark.parametrize("broken", [None, "x", {"sequence": "1"}, {"fingerprint": "f", "sequence": -1, "stamp": "?"},
                                    {"fingerprint": "f", "sequence": 2**40, "stamp": T0.isoformat()}])
def test_a_damaged_ledger_entry_starts_the_event_afresh(broken: object) -> None:
    assert EventRevisions({"a@lunxun": broken}, T0).revision("a@lunxun", ["x"], T0) == (0, T0)


def ical_events(npm_tools: Path, files: list[Path]) -> dict[str, list[dict]]:
    done = subprocess.run(["node", str(npm_tools / "ics-read.mjs"), *map(str, files)],
                          capture_output=True, text=True, check=False, cwd=npm_tools)
    assert done.returncode == 0, done.stderr
    return {Path(name).name: events for name, events in json.loads(done.stdout).items()}


def test_a_moved_session_updates_and_an_unchanged_build_repeats(tmp_path: Path, npm_tools: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(PROJECTS / "sample", project, ignore=shutil.ignore_patterns(".lunxun"))
    site = build_project(project, tmp_path / "site")
    calendar = site / "programmes" / "cun-ganbu" / "2026-01.ics"
    first = calendar.read_bytes()
    assert (project / LEDGER_FILE).is_file()

    build_project(project, tmp_path / "site")
    assert calendar.read_bytes() == first  # nothing changed: same SEQUENCE and DTSTAMP

    programme = project / "content" / "curricula" / "cun-ganbu.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace('"14:00-16:00"', '"14:30-16:30"'),
                         encoding="utf-8")
    build_project(project, tmp_path / "site")
    before = {e["uid"]: e for e in ical_events(npm_tools, [_saved(first, tmp_path)])["before.ics"]}
    after = {e["uid"]: e for e in ical_events(npm_tools, [calendar])["2026-01.ics"]}
    assert before.keys() == after.keys()  # the moved session is the same event
    moved = [uid for uid in after if after[uid]["start"] != before[uid]["start"]]
    assert len(moved) == 1
    uid = moved[0]
    assert (before[uid]["start"], after[uid]["start"]) == ("2026-09-07 14:00", "2026-09-07 14:30")
    assert (before[uid]["sequence"] or 0, after[uid]["sequence"]) == (0, 1)
    assert after[uid]["stamp"] > before[uid]["stamp"]
    for other in after.keys() - {uid}:
        assert (after[other]["sequence"] or 0, after[other]["stamp"]) == (0, before[other]["stamp"])


def _saved(data: bytes, folder: Path) -> Path:
    path = folder / "before.ics"
    path.write_bytes(data)
    return path


def test_ical_js_finds_every_session_at_its_beijing_time(sample_site: Path, npm_tools: Path) -> None:
    from generator.loading.site_config import layout_from
    from generator.pipeline import load_checked
    from generator.render.days import days_of

    project = load_checked(PROJECTS / "sample", layout_from(PROJECTS / "sample" / "mkdocs.yml"))
    for programme_id, entry in project.programmes.items():
        for cohort in entry.model.cohorts:
            calendar = sample_site / "programmes" / programme_id / f"{cohort.id}.ics"
            events = ical_events(npm_tools, [calendar])[calendar.name]
            wanted = [(f"{day.date} {view.start}", f"{day.date} {view.end}", (f"{view.session.kind}："
                                                                             f"{view.session.title}"))
                      for day in days_of(entry.model, cohort.start) for view in day.sessions]
            assert [(e["start"], e["end"], e["summary"]) for e in events] == wanted
            assert {e["zone"] for e in events} == {"Asia/Shanghai"}
