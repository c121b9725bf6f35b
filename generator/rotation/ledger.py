"""The completion ledger (建帐销号): every trainee on a programme's rosters and where they stand.

A trainee is 销号 (struck off as done) when their cohort is over and they meet the
programme's ``completion``: the attendance rate, the leave rule (leave over ``leave_limit``
of the class's 学时 and the class is not completed) and every required quiz passed.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction

from ..model.programme import LEAVE_LIMIT, Cohort, Programme
from ..model.roster import Roster, Trainee
from .attendance import MARKS, PRESENT, Attendance
from .grades import Grade, grades_for
from .roster import identity
from .schedule import ClassSession, class_sessions

DONE, OUTSTANDING, IN_CLASS, SCHEDULED = "已销号", "未销号", "在训", "待开班"
EPSILON = 1e-9  # 学时 are sums of decimals: 3.7142857 is not over 26/7


@dataclass
class Standing:
    """One trainee of one cohort."""

    trainee: Trainee
    cohort: Cohort
    state: str = SCHEDULED
    held_hours: float = 0.0  # 学时 of the sessions held so far
    attended_hours: float = 0.0
    leave_hours: float = 0.0
    absent_hours: float = 0.0
    quiz_hours: float = 0.0  # 学时 the programme's completion.quiz_hours credits for quizzes passed
    marks: Counter[str] = field(default_factory=Counter)
    grades: dict[str, Grade] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)

    @property
    def attendance_rate(self) -> float | None:
        return 100 * self.attended_hours / self.held_hours if self.held_hours > EPSILON else None

    @property
    def earned_hours(self) -> float:
        """学时 earned in this programme: the sessions attended and the quizzes passed that count."""
        return self.attended_hours + self.quiz_hours

    @property
    def trained(self) -> bool:
        return sum(self.marks[m] for m in PRESENT) > 0


@dataclass
class CohortRecord:
    cohort: Cohort
    sessions: list[ClassSession]
    attendance: Attendance | None
    standings: list[Standing]

    @property
    def class_hours(self) -> float:
        return sum(s.hours for s in self.sessions)

    def session_rate(self, number: int) -> float | None:
        """Share of the roster present at a session held, in percent."""
        if self.attendance is None or number not in self.attendance.held or not self.standings:
            return None
        present = sum(1 for s in self.standings if self.attendance.mark(s.trainee.id, number) in PRESENT)
        return 100 * present / len(self.standings)


@dataclass
class Ledger:
    programme: Programme
    as_of: datetime.date
    cohorts: list[CohortRecord]

    @property
    def standings(self) -> list[Standing]:
        return [s for record in self.cohorts for s in record.standings]


Year = tuple[tuple[str, str], int]  # a person (name, unit folded) and a calendar year


def year_hours(ledgers: list[Ledger]) -> dict[Year, float]:
    """学时 each person earned in each year (by their cohort's opening), across programmes."""
    totals: dict[Year, float] = {}
    for ledger in ledgers:
        for standing in ledger.standings:
            key = (identity(standing.trainee), standing.cohort.start.year)
            totals[key] = totals.get(key, 0.0) + standing.earned_hours
    return totals


def share_text(value: float) -> str:
    """1/7 for 0.142857…, 15% for 0.15."""
    fraction = Fraction(value).limit_denominator(20)
    return f"{fraction.numerator}/{fraction.denominator}" if abs(float(fraction) - value) < EPSILON else f"{value:.0%}"


def hours_text(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def build_ledger(programme: Programme, cohorts: list[tuple[Cohort, Roster, Attendance | None]],
                 grades: list[Grade] | None, banks: dict[str, str], as_of: datetime.date) -> Ledger:
    """Stand every trainee against the programme's completion rules, as of ``as_of``."""
    completion = programme.completion
    required = list(completion.quizzes) if completion else []
    limit = completion.leave_limit if completion else LEAVE_LIMIT
    minimum = completion.attendance if completion else None
    credits = dict(completion.quiz_hours) if completion else {}
    records = []
    for cohort, roster, attendance in cohorts:
        sessions = class_sessions(programme, cohort)
        record = CohortRecord(cohort, sessions, attendance, [])
        held = set(attendance.held) if attendance else set()
        over = bool(sessions) and sessions[-1].date <= as_of
        for trainee in roster.trainees:
            standing = Standing(trainee, cohort)
            for session in sessions:
                mark = attendance.mark(trainee.id, session.number) if attendance and session.number in held else None
                if mark is None:
                    continue
                standing.marks[mark] += 1
                standing.held_hours += session.hours
                if mark in PRESENT:
                    standing.attended_hours += session.hours
                elif mark == "请假":
                    standing.leave_hours += session.hours
                else:
                    standing.absent_hours += session.hours
            standing.grades = grades_for(trainee, grades or [], banks)
            standing.quiz_hours = sum(h for bank, h in credits.items()
                                      if bank in standing.grades and standing.grades[bank].passed)
            if cohort.start > as_of:
                standing.state = SCHEDULED
            elif not over:
                standing.state = IN_CLASS
            else:
                standing.reasons = _shortfalls(standing, record, held, minimum, limit, required, grades is not None)
                standing.state = OUTSTANDING if standing.reasons else DONE
            record.standings.append(standing)
        records.append(record)
    return Ledger(programme, as_of, records)


def _shortfalls(standing: Standing, record: CohortRecord, held: set[int], minimum: float | None,
                limit: float, required: list[str], graded: bool) -> list[str]:
    """Why a trainee of a finished cohort is not complete (empty when complete)."""
    reasons = []
    missing = len(record.sessions) - len(held)
    if missing:
        reasons.append(f"考勤表还有 {missing} 个课次没有记录")
    rate = standing.attendance_rate
    if minimum is not None and rate is not None and rate + EPSILON < minimum:
        reasons.append(f"出勤率 {rate:.1f}%，低于要求的 {minimum:g}%")
    allowed = limit * record.class_hours
    if standing.leave_hours > allowed + EPSILON:
        reasons.append(f"请假 {hours_text(standing.leave_hours)} 学时，"
                       f"超过本期 {hours_text(record.class_hours)} 学时的 "
                       f"{share_text(limit)}（{hours_text(allowed)} 学时）")
    for bank in required:
        grade = standing.grades.get(bank)
        if grade is None:
            reasons.append(f"没有 {bank} 的成绩" if graded else "未提供成绩表（lunxun report --grades）")
        elif not grade.passed:
            score = f"（{grade.score:g} 分）" if grade.score is not None else ""
            reasons.append(f"{bank} 未及格{score}")
    return reasons


@dataclass
class Figures:
    """The 情况报表's figures for one group of standings."""

    planned: int
    trained: int
    done: int
    outstanding: int
    ongoing: int  # in class or not started
    attendance_rate: float | None
    sat: int
    passed: int
    mean_score: float | None
    marks: Counter[str]

    @property
    def completion_rate(self) -> float | None:
        return 100 * self.done / self.planned if self.planned else None

    @property
    def pass_rate(self) -> float | None:
        return 100 * self.passed / self.sat if self.sat else None


def figures(standings: list[Standing], required: list[str]) -> Figures:
    """Counts and rates; the attendance rate weighs sessions by their 学时, over the sessions held."""
    held = sum(s.held_hours for s in standings)
    attended = sum(s.attended_hours for s in standings)
    sat = [s for s in standings if required and all(bank in s.grades for bank in required)]
    scores = [s.grades[bank].score for s in sat for bank in required if s.grades[bank].score is not None]
    marks: Counter[str] = Counter()
    for s in standings:
        marks.update(s.marks)
    return Figures(
        planned=len(standings),
        trained=sum(1 for s in standings if s.trained),
        done=sum(1 for s in standings if s.state == DONE),
        outstanding=sum(1 for s in standings if s.state == OUTSTANDING),
        ongoing=sum(1 for s in standings if s.state in (IN_CLASS, SCHEDULED)),
        attendance_rate=100 * attended / held if held > EPSILON else None,
        sat=len(sat),
        passed=sum(1 for s in sat if all(s.grades[bank].passed for bank in required)),
        mean_score=sum(scores) / len(scores) if scores else None,  # type: ignore[arg-type]
        marks=Counter({mark: marks[mark] for mark in MARKS}),
    )
