"""A training programme (content/curricula/<id>.yaml) and its batches."""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from .common import CalendarDate, Entity, Md, Slug, SlugList, Text, TextList

SessionKind = Literal["开班式", "专题辅导", "经验介绍", "现场观摩", "分组讨论", "自学", "测验", "结业式"]
SESSION_KINDS: tuple[str, ...] = SessionKind.__args__  # type: ignore[attr-defined]


class Session(Entity):
    time: Text = Field(description="HH:MM-HH:MM")
    kind: SessionKind
    title: Text
    speaker: str | None = None
    place: str | None = None
    hours: float | None = Field(None, ge=0, description="学时；省略时按时长计算")
    methods: SlugList = Field(default_factory=list, description="阅读材料：方法 id")
    quizzes: SlugList = Field(default_factory=list)
    notes: Md | None = None


class Day(Entity):
    title: str | None = None
    sessions: list[Session] = Field(min_length=1)


def _share(value: Any) -> Any:
    """A share of the class's 学时, written as a fraction (``1/7``) or a decimal (``0.15``)."""
    if isinstance(value, str) and "/" in value:
        try:
            return float(Fraction(value.strip()))
        except (ValueError, ZeroDivisionError):
            raise PydanticCustomError("share", "“{value}”不是有效的比例，应写成 1/7 或 0.15", {"value": value}) from None
    return value


Share = Annotated[float, BeforeValidator(_share, json_schema_input_type=float | str), Field(ge=0, le=1)]
LEAVE_LIMIT = 1 / 7  # rules in force: leave over 1/7 of a class's 学时 and the class is not completed


class Completion(Entity):
    attendance: float | None = Field(None, ge=0, le=100, description="出勤百分比")
    quizzes: SlugList = Field(default_factory=list, description="必须通过的测验 id")
    leave_limit: Share = Field(LEAVE_LIMIT, description="请假学时超过本期学时的这一比例即不能结业；写 1/7 或小数，默认 1/7")
    day_hours: float | None = Field(None, gt=0, le=24, description="按天折算学时：全天出勤计多少学时（如党校一天 6 学时）；省略时按各课次学时")


class Cohort(Entity):
    id: Slug
    name: Text
    start: CalendarDate = Field(description="开班日期；日程第 N 天即 start + N - 1")
    place: str | None = None
    capacity: int | None = Field(None, ge=1, le=2000)


class Curriculum(Entity):
    id: Slug | None = Field(None, description="等于文件名；可省略")
    title: Text
    audience: TextList = Field(default_factory=list)
    organizer: str | None = None
    summary: Md
    goals: list[Md] = Field(default_factory=list)
    hours: float = Field(ge=0, description="学时，须与各课时之和一致")
    completion: Completion | None = None
    days: list[Day] = Field(min_length=1)
    cohorts: list[Cohort] = Field(default_factory=list)


# Format facts: how a session's time is written, and what it counts for.
TIME_SPAN = re.compile(r"([01]\d|2[0-3]):([0-5]\d)\s*[-–—~～]\s*([01]\d|2[0-3]):([0-5]\d)")


def parse_span(text: str) -> tuple[int, int] | None:
    """``08:30-09:00`` as minutes since midnight, or None when malformed."""
    match = TIME_SPAN.fullmatch(text.strip())
    if not match:
        return None
    h1, m1, h2, m2 = (int(group) for group in match.groups())
    return h1 * 60 + m1, h2 * 60 + m2


def session_hours(time: str, declared: float | None) -> float:
    """A session's 学时: as declared, else its length in hours."""
    if declared is not None:
        return declared
    span = parse_span(time)
    return (span[1] - span[0]) / 60 if span else 0.0
