"""Training programmes: the schedule seen by day and by cohort, with real dates.

The views here are plain data for the templates: sessions in time order with a stable
key, days with their calendar date when a cohort is known, and the JSON the progress
panel reads in the browser.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..model import Programme
from ..model.programme import Cohort, Track
from .calendar import cohort_calendar
from .days import KIND_CLASSES, DayView, days_of
from .environment import render
from .links import SiteModel
from .revisions import EventRevisions
from .rotation_pages import page_links, rotation_pages
from .text import md_inline

WEEKDAYS = "一二三四五六日"
DEFAULT_CAPACITY = 50
# a sign-in sheet with more session columns than this is printed on landscape A4
PORTRAIT_SESSIONS = 8
def end_date(programme: Programme, cohort: Cohort) -> datetime.date:
    return cohort.start + datetime.timedelta(days=len(programme.for_cohort(cohort).days) - 1)


def capacity(cohort: Cohort) -> int:
    return cohort.capacity or DEFAULT_CAPACITY


def date_cn(date: datetime.date, year: bool = True) -> str:
    """2026年9月1日, or 9月1日 without the year."""
    text = f"{date.month}月{date.day}日"
    return f"{date.year}年{text}" if year else text


def weekday_cn(date: datetime.date) -> str:
    return "星期" + WEEKDAYS[date.weekday()]


def span_cn(programme: Programme, cohort: Cohort) -> str:
    """2026年9月1日（星期二）至9月4日（星期五）; one day needs no range."""
    first, last = cohort.start, end_date(programme, cohort)
    head = f"{date_cn(first)}（{weekday_cn(first)}）"
    if last == first:
        return head
    return f"{head}至{date_cn(last, year=last.year != first.year)}（{weekday_cn(last)}）"


def hours_text(value: float) -> str:
    """Hours as people write them: 32, 0.5, 2.5."""
    return f"{round(value, 2):g}"


def progress_data(programme_id: str, programme: Programme, site: SiteModel) -> dict[str, Any]:
    """What the progress panel needs, and nothing else; ``programme_id`` also keys what it stores
    (a track's panel is ``<programme>/<track>``: its sessions are not the other track's)."""
    sessions = [view for day in days_of(programme) for view in day.sessions]
    method_ids = list(dict.fromkeys(m for view in sessions for m in view.session.methods))
    completion = programme.completion
    required = list(completion.quizzes) if completion else []
    quiz_ids = list(
        dict.fromkeys([q for view in sessions for q in view.session.quizzes] + required)
    )
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
        # completion.quiz_hours: the panel adds a browser-graded quiz's 学时 once it is passed here;
        # a trainer-graded exam's only once the trainer confirms the pass, so there it says so instead
        "credits": [
            {"id": q, "title": site.quizzes[q].title, "hours": hours, "trainer": site.quizzes[q].trainer_graded}
            for q, hours in (completion.quiz_hours.items() if completion else ())
        ],
    }


def cell(text: str | None) -> Markup:
    """Trainer Markdown as HTML that fits in one cell of a Markdown table."""
    html = md_inline(text).replace("\n", " ").replace("|", "&#124;")
    return Markup(html)


def _helpers() -> dict[str, Any]:
    return {"cell": cell, "hours_text": hours_text, "date_cn": date_cn, "weekday_cn": weekday_cn}


@dataclass(frozen=True)
class CohortView:
    programme_id: str
    programme: Programme
    cohort: Cohort
    span: str
    capacity: int
    track: Track | None = None


@dataclass(frozen=True)
class TrackView:
    """One track of a tracked programme, for the programme page's table of tracks."""

    track: Track
    programme: Programme  # the programme as this track runs it
    days: list[DayView]
    cohorts: list[CohortView]

    @property
    def session_count(self) -> int:
        return sum(len(day.sessions) for day in self.days)


def _cohorts(programme_id: str, programme: Programme) -> list[CohortView]:
    return [
        CohortView(programme_id, programme, c, span_cn(programme, c), capacity(c), programme.track(c.track))
        for c in sorted(programme.cohorts, key=lambda c: (c.start, c.id))
    ]


def render_programmes(site: SiteModel, revisions: EventRevisions) -> tuple[dict[str, str], dict[str, bytes]]:
    """Every programme's pages and calendar files: (md path → Markdown, path → bytes)."""
    pages: dict[str, str] = {}
    files: dict[str, bytes] = {}
    helpers = _helpers()
    index = []
    every_cohort: list[CohortView] = []
    for programme_id, programme in site.programmes.items():
        base = f"programmes/{programme_id}"
        days = days_of(programme)
        cohorts = _cohorts(programme_id, programme)
        every_cohort += cohorts
        tracks = [_track_view(programme, track, cohorts) for track in programme.tracks]
        index.append({"id": programme_id, "programme": programme, "days": days, "tracks": tracks})
        common = {
            "programme_id": programme_id,
            "programme": programme,
            "methods": site.methods,
            "quizzes": site.quizzes,
            "session_count": sum(len(day.sessions) for day in days),
            "track": None,
            **helpers,
        }
        pages[f"{base}/index.md"] = _programme_page(programme, days, cohorts, common, site, tracks)
        for track_view in tracks:
            own = {**common, "programme": track_view.programme, "track": track_view.track,
                   "session_count": track_view.session_count}
            pages[f"{base}/{track_view.track.id}.md"] = _programme_page(
                track_view.programme, track_view.days, track_view.cohorts, own, site, [])
        for view in cohorts:
            cohort = view.cohort
            run = programme.for_cohort(cohort)  # its track's schedule
            dated = days_of(run, cohort.start)
            cohort_page = {
                **common,
                "programme": run,
                "track": view.track,
                "session_count": sum(len(day.sessions) for day in dated),
                "cohort": cohort,
                "span": view.span,
                "capacity": view.capacity,
                "days": dated,
            }
            running = rotation_pages(programme_id, programme, cohort, view.capacity, cohort_page)  # 测评 and 点名
            pages.update(running)
            cohort_page["rotation_links"] = page_links(running)
            pages[f"{base}/{cohort.id}.md"] = render("cohort.md.j2", **cohort_page)
            sessions = [s for day in dated for s in day.sessions]
            pages[f"{base}/{cohort.id}-qiandao.md"] = render(
                "signin.md.j2",
                sessions=sessions,
                landscape=len(sessions) > PORTRAIT_SESSIONS,
                **cohort_page,
            )
            pages[f"{base}/{cohort.id}-richeng.md"] = render(
                "handout.md.j2", notes=handout_notes(programme, site), **cohort_page
            )
            files[f"{base}/{cohort.id}.ics"] = cohort_calendar(
                programme_id, run, cohort, dated, revisions
            )
    every_cohort.sort(key=lambda c: (c.cohort.start, c.programme_id, c.cohort.id))
    if index:
        pages["programmes/index.md"] = render(
            "programmes_index.md.j2", programmes=index, cohorts=every_cohort, **helpers
        )
    return pages, files


def _track_view(programme: Programme, track: Track, cohorts: list[CohortView]) -> TrackView:
    run = programme.for_track(track)
    return TrackView(track, run, days_of(run), [c for c in cohorts if c.cohort.track == track.id])


def _programme_page(
    programme: Programme,
    days: list[DayView],
    cohorts: list[CohortView],
    common: dict[str, Any],
    site: SiteModel,
    tracks: list[TrackView],
) -> str:
    """The programme's page; with tracks it lists them, and each track's page has the schedule."""
    completion = programme.completion
    count = common["session_count"]
    needed = 0
    if completion and completion.attendance is not None:
        needed = math.ceil(count * completion.attendance / 100 - 1e-9)
    used = {view.session.kind for day in days for view in day.sessions}
    kinds = [(kind, css) for kind, css in KIND_CLASSES.items() if kind in used]
    return render(
        "programme.md.j2",
        days=days,
        cohorts=cohorts,
        completion=completion,
        attendance_needed=needed,
        kinds=kinds,
        tracks=tracks,
        data=progress_data(_panel_id(common["programme_id"], common["track"]), programme, site),
        panel_id=_panel_id(common["programme_id"], common["track"]),
        **common,
    )


def _panel_id(programme_id: str, track: Track | None) -> str:
    return f"{programme_id}/{track.id}" if track is not None else programme_id


def handout_notes(programme: Programme, site: SiteModel) -> list[str]:
    """The few rules a trainee needs on paper, taken from the programme itself."""
    notes = ["每个课次开始前签到，不迟到、不早退，不无故缺席。"]
    completion = programme.completion
    if completion and completion.attendance is not None:
        notes.append(f"结业须完成不少于 {hours_text(completion.attendance)}% 的课次。")
    if completion and completion.quizzes:
        titles = "、".join(f"“{site.quizzes[q].title}”" for q in completion.quizzes)
        notes.append(f"结业须通过{titles}。")
    notes.append("课前可在手机上打开本站项目主页，阅读各课次的学习材料，记录自己的学习进度。")
    return notes
