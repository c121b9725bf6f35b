"""Roll-call codes (LA1) merged into the attendance the workbook gives, by the same rules.

A seat is the trainee's 序号, their place in the roster (the sign-in sheet's first column).
Of several codes marking one trainee in one session, the latest (by the time it was made,
then its place in the input) holds: the teacher tapped again and sent a new code. Where the
workbook holds a mark too and the two differ, the workbook holds (the teacher's written
record, corrected by hand) and the conflict is reported. A session the codes mark counts as
held once its day has come; then, as in the workbook, every trainee must have a mark.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ..model.programme import Cohort, Programme
from ..model.roster import Roster
from ..problems import Problem
from .attendance import Attendance
from .rollcall_code import RollCallCode, decode_rollcall_code, schedule_lines
from .schedule import ClassSession, class_sessions
from .short_code import InvalidShortCode, Place, cohort_tag, schedule_tag


@dataclass
class Merged:
    attendance: Attendance | None
    problems: list[Problem] = field(default_factory=list)  # as the workbook's: nothing is counted then
    skipped: list[str] = field(default_factory=list)  # "FILE:LINE: reason，已跳过": codes not read
    conflicts: list[str] = field(default_factory=list)  # workbook and code disagree; the workbook holds
    codes: int = 0  # codes read for this cohort
    filled: int = 0  # marks the codes added


def merge_rollcall(programme: Programme, cohort: Cohort, roster: Roster, workbook: Attendance | None,
                   places: list[Place], as_of: datetime.date) -> Merged:
    sessions = class_sessions(programme, cohort)
    by_number = {s.number: s for s in sessions}
    own, schedule = cohort_tag(str(programme.id), cohort.id), schedule_tag(schedule_lines(sessions))
    merged = Merged(None)
    # (session, seat) → ((minutes, order), mark, place)
    chosen: dict[tuple[int, int], tuple[tuple[int, int], str, Place]] = {}
    seen: set[str] = set()
    for order, place in enumerate(places):
        code = _read(place, own, schedule, merged.skipped)
        if code is None or code.text in seen:
            continue
        seen.add(code.text)
        merged.codes += 1
        if code.seats < len(roster.trainees):
            merged.problems.append(Problem(place.file, place.line, 1, "点名码",
                                           f"点名页只有 {code.seats} 个序号，名册却有 {len(roster.trainees)} 人："
                                           "请把本期的 capacity "
                                           f"改为不少于 {len(roster.trainees)}，重新生成网站后再点名"))
        for number, row in code.marks.items():
            if number not in by_number:
                merged.skipped.append(f"{place.file}:{place.line}: 点名码中的第 {number} 课次不在日程中，已跳过")
                continue
            for seat, mark in row.items():
                if seat > len(roster.trainees):
                    merged.problems.append(Problem(place.file, place.line, 1, "点名码",
                                                   f"{_name(by_number[number])}：序号 {seat} 有考勤记录（{mark}），"
                                                   f"但名册只有 {len(roster.trainees)} 人"))
                    continue
                stamp = (code.minutes, order)
                if (number, seat) not in chosen or stamp >= chosen[(number, seat)][0]:
                    chosen[(number, seat)] = (stamp, mark, place)
    attendance = Attendance(sessions, list(workbook.held) if workbook else [],
                            {key: dict(row) for key, row in workbook.marks.items()} if workbook else {})
    by_session: dict[int, dict[int, tuple[str, Place]]] = {}
    for (number, seat), (_, mark, place) in chosen.items():
        by_session.setdefault(number, {})[seat] = (mark, place)
    for number in sorted(by_session):
        session = by_number[number]
        if session.date > as_of:
            continue  # marked ahead (a leave granted): it waits for the day, as in the workbook
        marks = by_session[number]
        in_workbook = number in attendance.held
        for seat, trainee in enumerate(roster.trainees, start=1):
            written = attendance.mark(trainee.id, number) if in_workbook else None
            if seat in marks:
                mark, place = marks[seat]
                if written is None:
                    attendance.marks.setdefault(trainee.id, {})[number] = mark
                    merged.filled += 1
                elif written != mark:
                    merged.conflicts.append(f"{place.file}:{place.line}: {_name(session)} 序号 {seat}"
                                            f"（学员编号 {trainee.id}）：考勤表为“{written}”，"
                                            f"点名码为“{mark}”，按考勤表计")
            elif written is None:
                place = next(iter(marks.values()))[1]
                merged.problems.append(Problem(place.file, place.line, 1, "点名码",
                                               f"{_name(session)}：序号 {seat}（学员编号 {trainee.id}）没有点名，"
                                               "考勤表中也没有；请在点名页补点后重新发点名码，或在考勤表中填写"))
        if not in_workbook:
            attendance.held.append(number)
    attendance.held.sort()
    merged.attendance = None if merged.problems else attendance
    return merged


def _read(place: Place, own: int, schedule: int, skipped: list[str]) -> RollCallCode | None:
    where = f"{place.file}:{place.line}"
    try:
        code = decode_rollcall_code(place.text)
    except InvalidShortCode as error:
        skipped.append(f"{where}: {error}，已跳过")
        return None
    if code.cohort_tag != own:
        skipped.append(f"{where}: 这个点名码属于另一期（或另一个培训项目），未计入本期")
        return None
    if code.schedule_tag != schedule:
        skipped.append(f"{where}: 这个点名码生成时的日程与现在不同（课次改过），无法对应课次，已跳过")
        return None
    return code


def _name(session: ClassSession) -> str:
    return f"第{session.day}天 {session.date.month}月{session.date.day}日 {session.time} {session.kind}"
