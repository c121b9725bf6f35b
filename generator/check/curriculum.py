"""Checks on a training programme: times, overlaps, hours, references and batches."""

from __future__ import annotations

from ..loading.project import Entry, Project
from ..model import Curriculum
from ..model.curriculum import Day, parse_span, session_hours
from ..problems import Problem
from .refs import duplicates, missing_ids


def check_curriculum(entry: Entry[Curriculum], project: Project) -> list[Problem]:
    """Times, overlaps, the hours total, references and batch ids of one programme."""
    programme = entry.model
    problems: list[Problem] = []
    total = 0.0
    measurable = True  # a session with a broken time and no declared hours has no length
    for day_index, day in enumerate(programme.days):
        problems += _check_times(entry, day_index, day)
        for index, session in enumerate(day.sessions):
            path = ("days", day_index, "sessions", index)
            span = parse_span(session.time)
            if span is None or span[1] <= span[0]:
                measurable = measurable and session.hours is not None
            total += session_hours(session.time, session.hours)
            problems += missing_ids(entry, path + ("methods",), session.methods, project.known("method"), "方法")
            problems += missing_ids(entry, path + ("quizzes",), session.quizzes, project.known("quiz"), "测验")
    # a session whose time or hours failed the schema (and was stood in for) has no known length
    measurable = measurable and not any(p[0] == "days" and p[-1] in ("time", "hours") for p in entry.stand_ins)
    if measurable and abs(total - programme.hours) > 0.01:
        problems.append(entry.problem(("hours",), f"声明 {programme.hours:g} 学时，各课次合计 {total:g} 学时"))
    if programme.completion is not None:
        problems += missing_ids(
            entry, ("completion", "quizzes"), programme.completion.quizzes, project.known("quiz"), "测验"
        )
    problems += duplicates(entry, programme.cohorts, ("cohorts",), "期次")
    problems += _page_clashes(entry, programme)
    return problems


def _check_times(entry: Entry[Curriculum], day_index: int, day: Day) -> list[Problem]:
    """Each session's time is a forward span, and no two sessions of the day overlap."""
    problems = []
    spans: list[tuple[int, int, int]] = []
    for index, session in enumerate(day.sessions):
        path = ("days", day_index, "sessions", index, "time")
        span = parse_span(session.time)
        if span is None:
            problems.append(entry.problem(path, f"时间“{session.time}”应写成 HH:MM-HH:MM，如 08:30-09:00"))
            continue
        if span[1] <= span[0]:
            problems.append(entry.problem(path, f"时间“{session.time}”的结束时间不晚于开始时间"))
            continue
        for start, end, other in spans:
            if span[0] < end and start < span[1]:
                problems.append(entry.problem(
                    path, f"与本日第 {other + 1} 个课次（{day.sessions[other].time}）时间重叠"
                ))
        spans.append((span[0], span[1], index))
    return problems


# a batch's printed pages sit next to its schedule: programmes/<id>/<batch>-qiandao.md ...
BATCH_PAGES = {"qiandao": "签到表", "richeng": "日程表"}


def _page_clashes(entry: Entry[Curriculum], programme: Curriculum) -> list[Problem]:
    """A batch id that would overwrite the programme page or another batch's printed sheet."""
    taken = {
        f"{c.id}-{suffix}": f"期次“{c.id}”的{name}"
        for c in programme.cohorts
        for suffix, name in BATCH_PAGES.items()
    }
    taken["index"] = "项目主页"
    problems = []
    for index, cohort in enumerate(programme.cohorts):
        if cohort.id in taken:
            message = f"期次 id“{cohort.id}”与{taken[cohort.id]}的网页重名，请换一个"
            problems.append(entry.problem(("cohorts", index, "id"), message))
    return problems
