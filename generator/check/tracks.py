"""Checks on a programme's tracks (分级分类): who each serves, which days and sessions are whose.

A day or session without ``tracks`` is shared by every track; one with ``tracks`` belongs to
those only. Each track's schedule is then checked for its hours like an untracked programme.
"""

from __future__ import annotations

from ..loading.project import Entry
from ..model import Programme
from ..model.programme import Track
from ..problems import Problem
from .refs import duplicates


def check_tracks(entry: Entry[Programme]) -> list[Problem]:
    """Track ids, their audience, the ``tracks`` of days and sessions, and each cohort's track."""
    programme = entry.model
    problems = duplicates(entry, programme.tracks, ("tracks",), "班次")
    known = {t.id for t in programme.tracks}
    served = set(programme.audience)
    for index, track in enumerate(programme.tracks):
        for position, category in enumerate(track.audience):
            if served and category not in served:
                problems.append(entry.problem(("tracks", index, "audience", position),
                                              f"“{category}”不在培训项目的培训对象（audience）中："
                                              f"{'、'.join(programme.audience)}"))
        if not programme.for_track(track).days:
            problems.append(entry.problem(("tracks", index, "id"), f"班次“{track.id}”没有任何课次"))
    for day_index, day in enumerate(programme.days):
        problems += _track_refs(entry, ("days", day_index, "tracks"), day.tracks, known, None)
        for index, session in enumerate(day.sessions):
            path = ("days", day_index, "sessions", index, "tracks")
            problems += _track_refs(entry, path, session.tracks, known, day.tracks or None)
    listed = "、".join(sorted(known))
    for index, cohort in enumerate(programme.cohorts):
        if cohort.track is None and known:
            problems.append(entry.problem(("cohorts", index),
                                          f"本项目分班，每期须写 track（属于哪个班次）：可用的有 {listed}"))
        elif cohort.track is not None and cohort.track not in known:
            message = (f"引用了不存在的班次“{cohort.track}”：可用的有 {listed}" if known
                       else f"引用了班次“{cohort.track}”，但本项目没有分班（tracks）")
            problems.append(entry.problem(("cohorts", index, "track"), message))
    return problems


def _track_refs(entry: Entry[Programme], path: tuple, ids: list[str], known: set[str],
                within: list[str] | None) -> list[Problem]:
    """Each id names a track, and a session's tracks lie within its day's."""
    problems = []
    for index, ref in enumerate(ids):
        if not known:
            problems.append(entry.problem(path + (index,), f"引用了班次“{ref}”，但本项目没有分班（tracks）"))
        elif ref not in known:
            problems.append(entry.problem(path + (index,), f"引用了不存在的班次“{ref}”："
                                                           f"可用的有 {'、'.join(sorted(known))}"))
        elif within is not None and ref not in within:
            problems.append(entry.problem(path + (index,), f"班次“{ref}”不在本日的 tracks（{'、'.join(within)}）中，"
                                                           "本课次不会出现在它的日程里"))
    return problems


def track_label(track: Track | None) -> str:
    """How a message names the schedule it is about: ``班次“cun-shequ”：`` or nothing."""
    return f"班次“{track.id}”：" if track is not None else ""
