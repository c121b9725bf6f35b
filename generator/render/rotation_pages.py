"""A cohort's two pages for running it: 培训质量测评 (trainees) and 点名 (the class teacher).

Both are forms drawn here and driven by their scripts (assets/rotation/, bundled as
evaluation.js and rollcall.js); they hold no name: the 点名 page lists 序号 only, as many as
the cohort's capacity, and the codes they make are read by lunxun evaluation read and
lunxun attendance read.
"""

from __future__ import annotations

from ..model.programme import Cohort, Programme
from ..rotation.attendance import MARKS
from ..rotation.evaluation import ASPECTS, rated_sessions
from ..rotation.evaluation_code import MAX_COMMENT
from ..rotation.evaluation_code import schedule_lines as evaluation_lines
from ..rotation.rollcall_code import schedule_lines as rollcall_lines
from ..rotation.schedule import class_sessions
from ..rotation.short_code import cohort_tag, schedule_tag
from .environment import render

EVALUATION_PAGE = "pingjia"
ROLLCALL_PAGE = "dianming"
LABELS = {EVALUATION_PAGE: "培训质量测评", ROLLCALL_PAGE: "班主任点名"}


def page_links(pages: dict[str, str]) -> list[tuple[str, str]]:
    """The cohort page's buttons to the pages made: (label, Markdown file beside it)."""
    found = []
    for path in pages:
        name = path.rsplit("/", 1)[-1]
        found.append((LABELS[name.removesuffix(".md").rsplit("-", 1)[-1]], name))
    return found


def rotation_pages(programme_id: str, programme: Programme, cohort: Cohort, seats: int,
                   common: dict[str, object]) -> dict[str, str]:
    """The cohort's 测评 page (when it has sessions to rate) and its 点名 page, by Markdown path."""
    base = f"programmes/{programme_id}/{cohort.id}"
    tag = cohort_tag(programme_id, cohort.id)
    pages = {}
    rated = rated_sessions(programme, cohort)
    if rated:
        data = {"id": f"{programme_id}/{cohort.id}", "cohortTag": tag,
                "scheduleTag": schedule_tag(evaluation_lines(rated)),
                "sessions": len(rated), "tickets": programme.evaluation_tickets, "maxComment": MAX_COMMENT}
        pages[f"{base}-{EVALUATION_PAGE}.md"] = render(
            "pingjia.md.j2", sessions=rated, aspects=ASPECTS, tickets=programme.evaluation_tickets,
            max_comment=MAX_COMMENT, data=data, **common)
    sessions = class_sessions(programme, cohort)
    if sessions:
        data = {"id": f"{programme_id}/{cohort.id}", "cohortTag": tag,
                "scheduleTag": schedule_tag(rollcall_lines(sessions)),
                "seats": seats,
                "sessions": [{"n": s.number, "date": s.date.isoformat(), "time": s.time} for s in sessions]}
        pages[f"{base}-{ROLLCALL_PAGE}.md"] = render(
            "dianming.md.j2", sessions=sessions, seats=seats, width=len(str(seats)), marks=MARKS, data=data, **common)
    return pages
