"""Checks on a training programme: times, overlaps, hours, references and cohorts."""

from __future__ import annotations

from ..loading.project import Entry, Project
from ..model import Programme
from ..model.programme import Day, Session, Track, parse_span, session_hours
from ..problems import Problem
from .refs import duplicates, missing_ids
from .tracks import check_tracks, track_label


def check_programme(entry: Entry[Programme], project: Project) -> list[Problem]:
    """Times, overlaps, the hours total, references and cohort ids of one programme."""
    programme = entry.model
    problems: list[Problem] = []
    for day_index, day in enumerate(programme.days):
        problems += _check_times(entry, day_index, day)
        for index, session in enumerate(day.sessions):
            path = ("days", day_index, "sessions", index)
            problems += missing_ids(entry, path + ("methods",), session.methods, project.known("method"), "方法")
            problems += missing_ids(entry, path + ("quizzes",), session.quizzes, project.known("quiz"), "测验")
    # a session whose time or hours failed the schema (and was stood in for) has no known length
    broken = any(p[0] == "days" and p[-1] in ("time", "hours") for p in entry.stand_ins)
    if not programme.tracks:
        problems += _check_hours(entry, programme, None, broken)
    for track in programme.tracks:
        problems += _check_hours(entry, programme, track, broken)
    if programme.completion is not None:
        problems += missing_ids(
            entry, ("completion", "quizzes"), programme.completion.quizzes, project.known("quiz"), "测验"
        )
        problems += [
            entry.problem(("completion", "quiz_hours", quiz), f"引用了不存在的测验“{quiz}”", key=True)
            for quiz in programme.completion.quiz_hours if quiz not in project.known("quiz")
        ]
    problems += duplicates(entry, programme.cohorts, ("cohorts",), "期次")
    problems += check_tracks(entry)
    problems += _page_clashes(entry, programme)
    return problems


def _check_hours(entry: Entry[Programme], programme: Programme, track: Track | None, broken: bool) -> list[Problem]:
    """The declared 学时 of the programme (or of one track) equal its sessions' total."""
    days = programme.for_track(track).days if track is not None else programme.days
    index = programme.tracks.index(track) if track is not None else 0
    declared = programme.hours if track is None or track.hours is None else track.hours
    where = ("tracks", index, "hours") if track is not None and track.hours is not None else ("hours",)
    if declared is None:
        if track is None:
            return [entry.problem(("hours",), "缺少必填字段")]
        return [entry.problem(("tracks", index), f"{track_label(track)}缺少学时：在本班写 hours，或在培训项目写 hours")]
    if track is not None and not days:
        return []  # check_tracks reports a track without sessions
    total = 0.0
    for day in days:
        for session in day.sessions:
            span = parse_span(session.time)
            if (span is None or span[1] <= span[0]) and session.hours is None:
                return []  # a session with a broken time and no declared hours has no length
            total += session_hours(session.time, session.hours)
    if broken or abs(total - declared) <= 0.01:
        return []
    return [entry.problem(where, f"{track_label(track)}声明 {declared:g} 学时，"
                                 f"{'本班' if track else ''}各课次合计 {total:g} 学时")]


def _check_times(entry: Entry[Programme], day_index: int, day: Day) -> list[Problem]:
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
            if span[0] < end and start < span[1] and _together(session, day.sessions[other]):
                problems.append(entry.problem(
                    path, f"与本日第 {other + 1} 个课次（{day.sessions[other].time}）时间重叠"
                ))
        spans.append((span[0], span[1], index))
    return problems


def _together(one: Session, other: Session) -> bool:
    """Two sessions of a day meet in some track's schedule (sessions of different tracks run side by side)."""
    if not one.tracks or not other.tracks:
        return True
    return bool(set(one.tracks) & set(other.tracks))


# a cohort's printed pages sit next to its schedule: programmes/<id>/<cohort>-qiandao.md ...
# the pages each cohort gets beside its own (render/rotation_pages.py)
COHORT_PAGES = {"qiandao": "签到表", "richeng": "日程表", "pingjia": "测评页", "dianming": "点名页"}


def _page_clashes(entry: Entry[Programme], programme: Programme) -> list[Problem]:
    """A cohort id that would overwrite the programme page or another cohort's printed sheet."""
    taken = {
        f"{c.id}-{suffix}": f"期次“{c.id}”的{name}"
        for c in programme.cohorts
        for suffix, name in COHORT_PAGES.items()
    }
    taken["index"] = "项目主页"
    problems = []
    for index, track in enumerate(programme.tracks):  # a track has a page of its own: programmes/<id>/<track>.md
        if track.id in taken:
            message = f"班次 id“{track.id}”与{taken[track.id]}的网页重名，请换一个"
            problems.append(entry.problem(("tracks", index, "id"), message))
    taken |= {t.id: f"班次“{t.id}”" for t in programme.tracks if t.id not in taken}
    for index, cohort in enumerate(programme.cohorts):
        if cohort.id in taken:
            message = f"期次 id“{cohort.id}”与{taken[cohort.id]}的网页重名，请换一个"
            problems.append(entry.problem(("cohorts", index, "id"), message))
    return problems
