"""The site model: who links to whom (method ↔ quizzes ↔ programme sessions)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..loading.project import Project
from ..model import Method, Programme, QuizBank, Source
from ..model.programme import Session


@dataclass(frozen=True)
class SessionUse:
    """A session of a programme, as seen from a method or quiz it uses."""

    programme_id: str
    programme_title: str
    day: int
    session: Session
    page: str = "index"  # the page with the schedule: a tracked programme's track page


@dataclass
class SiteModel:
    sources: dict[str, Source]
    methods: dict[str, Method]
    quizzes: dict[str, QuizBank]
    programmes: dict[str, Programme]
    quizzes_of_method: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    methods_citing: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    sessions_using_method: dict[str, list[SessionUse]] = field(default_factory=lambda: defaultdict(list))
    sessions_using_quiz: dict[str, list[SessionUse]] = field(default_factory=lambda: defaultdict(list))
    programmes_requiring_quiz: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    calendar_ledger: dict[str, Any] = field(default_factory=dict)  # see render.revisions
    built_at: datetime.datetime = field(default_factory=lambda: datetime.datetime.now(datetime.UTC))


def build_site_model(project: Project) -> SiteModel:
    """Cross-link a checked project; everything is sorted by id so builds are reproducible."""
    site = SiteModel(
        sources={k: e.model for k, e in sorted(project.sources.items())},
        methods={k: e.model for k, e in sorted(project.methods.items())},
        quizzes={k: e.model for k, e in sorted(project.quizzes.items())},
        programmes={k: e.model for k, e in sorted(project.programmes.items())},
        calendar_ledger=project.calendar_ledger,
        built_at=project.built_at,
    )
    for quiz_id, bank in site.quizzes.items():
        for method_id in bank.methods:
            site.quizzes_of_method[method_id].append(quiz_id)
    for method_id, method in site.methods.items():
        for source_id in method.sources:
            site.methods_citing[source_id].append(method_id)
    for programme_id, programme in site.programmes.items():
        schedules = [(f"{programme.title}（{t.name}）", t.id, programme.for_track(t)) for t in programme.tracks]
        for title, page, run in schedules or [(programme.title, "index", programme)]:
            for day_number, day in enumerate(run.days, start=1):
                for session in day.sessions:
                    use = SessionUse(programme_id, title, day_number, session, page)
                    for method_id in dict.fromkeys(session.methods):
                        site.sessions_using_method[method_id].append(use)
                    for quiz_id in dict.fromkeys(session.quizzes):
                        site.sessions_using_quiz[quiz_id].append(use)
        if programme.completion:
            for quiz_id in programme.completion.quizzes:
                site.programmes_requiring_quiz[quiz_id].append(programme_id)
    return site
