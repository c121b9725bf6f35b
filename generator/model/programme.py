"""A training programme (content/curricula/<id>.yaml) and its cohorts."""

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
    tracks: SlugList = Field(default_factory=list, description="只属于这些班次（tracks 中的 id）；省略时各班共用")


class Day(Entity):
    title: str | None = None
    tracks: SlugList = Field(default_factory=list, description="只属于这些班次（tracks 中的 id）；省略时各班共用")
    sessions: list[Session] = Field(min_length=1)

    def for_track(self, track: str) -> Day | None:
        """The day as one track has it: its own and the shared sessions, or None when it has none."""
        if self.tracks and track not in self.tracks:
            return None
        sessions = [s for s in self.sessions if not s.tracks or track in s.tracks]
        return self.model_copy(update={"sessions": sessions}) if sessions else None


def _share(value: Any) -> Any:
    """A share of the class's 学时, written as a fraction (``1/7``) or a decimal (``0.15``)."""
    if isinstance(value, str) and "/" in value:
        try:
            return float(Fraction(value.strip()))
        except (ValueError, ZeroDivisionError):
            raise PydanticCustomError("share", "“{value}”不是有效的比例，"
                                               "应写成 1/7 或 0.15", {"value": value}) from None
    return value


Share = Annotated[float, BeforeValidator(_share, json_schema_input_type=float | str), Field(ge=0, le=1)]
LEAVE_LIMIT = 1 / 7  # rules in force: leave over 1/7 of a class's 学时 and the class is not completed


class Completion(Entity):
    attendance: float | None = Field(None, ge=0, le=100, description="出勤百分比")
    quizzes: SlugList = Field(default_factory=list, description="必须通过的测验 id")
    leave_limit: Share = Field(LEAVE_LIMIT, description="请假学时超过本期学时的这一比例即不能结业；写 1/7 或小数，"
                                                        "默认 1/7")
    day_hours: float | None = Field(None, gt=0, le=24, description="按天折算学时："
                                                                   "全天出勤计多少学时（如党校一天 6 学时）；"
                                                                   "省略时按各课次学时")
    quiz_hours: dict[Slug, Annotated[float, Field(ge=0, le=100)]] = Field(
        default_factory=dict, description="通过测验另计学时：测验 id → 学时（按 lunxun results 的成绩表，及格才计）"
    )


EVALUATION_THRESHOLD = 4.0


class Evaluation(Entity):
    """培训质量测评 on the site (each cohort's 测评 page) and in lunxun evaluation read."""

    tickets: bool = Field(False, description="测评页要求输入准考证号和密码："
                                             "每张准考证只计一份测评（测评码不含准考证号）")
    threshold: float = Field(EVALUATION_THRESHOLD, ge=1, le=5,
                             description="均分低于它的课次和主讲人在汇总中提示调整（1–5，默认 4）")


class Track(Entity):
    """One class of a programme that serves several categories (分级分类): its own days and audience."""

    id: Slug
    name: Text = Field(description="班次名称，如 村（社区）党组织书记班")
    audience: TextList = Field(default_factory=list, description="本班的培训对象：培训项目 audience 中的项；"
                                                                 "省略时同培训项目")
    organizer: str | None = Field(None, description="本班的主办单位；省略时同培训项目")
    hours: float | None = Field(None, ge=0, description="本班学时，须与本班各课次之和一致；省略时用培训项目的 hours")
    summary: Md | None = Field(None, description="本班的说明（可省略）")


class Cohort(Entity):
    id: Slug
    name: Text
    start: CalendarDate = Field(description="开班日期；日程第 N 天即 start + N - 1")
    place: str | None = None
    capacity: int | None = Field(None, ge=1, le=2000)
    track: Slug | None = Field(None, description="本期属于哪个班次（tracks 中的 id）；培训项目分班时必填")


class Programme(Entity):
    id: Slug | None = Field(None, description="等于文件名；可省略")
    title: Text
    audience: TextList = Field(default_factory=list)
    organizer: str | None = None
    summary: Md
    goals: list[Md] = Field(default_factory=list)
    hours: float | None = Field(None, ge=0, description="学时，须与各课时之和一致；分班时可改写在各班的 hours")
    completion: Completion | None = None
    evaluation: Evaluation | None = Field(None, description="培训质量测评：是否凭准考证、提示调整的均分；"
                                                            "省略时不凭准考证、4 分")
    tracks: list[Track] = Field(default_factory=list, description="分级分类：各班次，各有培训对象和日程；"
                                                                  "省略时全项目一个班")
    days: list[Day] = Field(min_length=1)
    cohorts: list[Cohort] = Field(default_factory=list)

    def track(self, track_id: str | None) -> Track | None:
        return next((t for t in self.tracks if t.id == track_id), None)

    def for_track(self, track: Track) -> Programme:
        """The programme as one track runs it: that track's days, hours, audience and cohorts."""
        days = [d for d in (day.for_track(track.id) for day in self.days) if d is not None]
        return self.model_copy(update={
            "days": days,
            "hours": track.hours if track.hours is not None else self.hours,
            "audience": track.audience or self.audience,
            "organizer": track.organizer or self.organizer,
            "cohorts": [c for c in self.cohorts if c.track == track.id],
            "tracks": [track],
        })

    @property
    def evaluation_tickets(self) -> bool:
        return bool(self.evaluation and self.evaluation.tickets)

    def for_cohort(self, cohort: Cohort) -> Programme:
        """The programme as ``cohort`` runs it: its track's schedule, or the whole programme untracked."""
        track = self.track(cohort.track)
        return self.for_track(track) if track is not None else self


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
