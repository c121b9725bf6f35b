"""Evaluation codes (LE1) pasted from chats, as the questionnaire's Responses per cohort.

A code names its cohort and the schedule it was filled in for by tags; one from another
programme, or from before the rated sessions changed, is refused with the reason. The same
code pasted twice counts once. When the programme's evaluations are ticketed, a code counts
only if one of its cohort's tickets verifies it, and each ticket counts once: its latest
evaluation (by the time it was made, then by its place in the input). Which ticket verified a
code is used for that count only: it is never printed nor written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.programme import Cohort, Programme
from .evaluation import ASPECTS, Responses, rated_sessions
from .evaluation_code import EvaluationCode, decode_evaluation_code, schedule_lines
from .roster import roster_file
from .schedule import ClassSession
from .short_code import InvalidShortCode, Place, cohort_tag, schedule_tag


@dataclass
class Intake:
    responses: dict[str, Responses] = field(default_factory=dict)  # cohort id → what its codes gave
    problems: list[str] = field(default_factory=list)  # "FILE:LINE: reason，已跳过"
    repeated: int = 0  # the same code pasted again
    superseded: int = 0  # a ticket's earlier evaluations, replaced by its latest

    @property
    def counted(self) -> int:
        return sum(r.forms for r in self.responses.values())


def take_codes(programme: Programme, places: list[Place], keys: dict[str, list[bytes]] | None) -> Intake:
    """The codes' responses; ``keys`` holds each cohort's ticket keys when evaluations are ticketed."""
    programme_id = str(programme.id)
    cohorts: dict[int, tuple[Cohort, list[ClassSession], int]] = {}
    for cohort in programme.cohorts:
        rated = rated_sessions(programme, cohort)
        cohorts[cohort_tag(programme_id, cohort.id)] = (cohort, rated, schedule_tag(schedule_lines(rated)))
    intake = Intake()
    seen: set[str] = set()
    latest: dict[tuple[str, int], tuple[int, int, EvaluationCode]] = {}  # (cohort, ticket) → (minutes, order, code)
    kept: list[tuple[str, EvaluationCode]] = []
    for order, place in enumerate(places):
        where = f"{place.file}:{place.line}"
        try:
            code = decode_evaluation_code(place.text)
        except InvalidShortCode as error:
            intake.problems.append(f"{where}: {error}，已跳过")
            continue
        if code.text in seen:
            intake.repeated += 1
            continue
        seen.add(code.text)
        found = cohorts.get(code.cohort_tag)
        reason = _refusal(programme, code, found)
        if reason is None and found is not None:
            cohort = found[0]
            if not code.ticketed:
                kept.append((cohort.id, code))
                continue
            ticket = _ticket(code, (keys or {}).get(cohort.id, []))
            if keys is not None and cohort.id not in keys:
                reason = (f"{cohort.name}（{cohort.id}）没有名册 {roster_file(programme_id, cohort.id)}，"
                          "无法按准考证核对：请先用 lunxun roster import 导入本期名册")
            elif ticket is None:
                reason = "没有一张本期准考证能验证这个测评码：可能不是本期学员填写，或测评码被改动过"
            else:
                before = latest.get((cohort.id, ticket))
                if before is not None:
                    intake.superseded += 1
                if before is None or (code.minutes, order) >= before[:2]:
                    latest[(cohort.id, ticket)] = (code.minutes, order, code)
                continue
        intake.problems.append(f"{where}: {reason}，已跳过")
    kept += [(cohort_id, code) for (cohort_id, _), (_, _, code) in latest.items()]
    for cohort_id, code in kept:
        cohort, rated, _ = next(c for c in cohorts.values() if c[0].id == cohort_id)
        _add(intake.responses.setdefault(cohort_id, Responses(cohort)), rated, code)
    return intake


def _refusal(programme: Programme, code: EvaluationCode,
             found: tuple[Cohort, list[ClassSession], int] | None) -> str | None:
    if found is None:
        return f"这个测评码不属于培训项目 {programme.id} 的任何期次"
    cohort, rated, tag = found
    if code.schedule_tag != tag or len(code.ratings) != len(rated):
        return f"这个测评码填写时 {cohort.name} 的日程与现在不同（课次或主讲人改过），无法对应课次"
    if programme.evaluation_tickets and not code.ticketed:
        return "本项目的测评凭准考证填写，这个测评码没有用准考证签名"
    if not programme.evaluation_tickets and code.ticketed:
        return "这个测评码用准考证签名，但本项目的测评不凭准考证（evaluation.tickets 改过？）"
    if not code.ticketed and not code.verifies():
        return "测评码的签名不符：内容被改动过，请让学员重新复制"
    return None


def _ticket(code: EvaluationCode, keys: list[bytes]) -> int | None:
    """The place of the ticket whose key verifies the code: tried one by one."""
    return next((k for k, key in enumerate(keys) if code.verifies(key)), None)


def _add(responses: Responses, rated: list[ClassSession], code: EvaluationCode) -> None:
    responses.forms += 1
    for session, triple in zip(rated, code.ratings):
        for aspect, score in zip(ASPECTS, triple):
            if score:
                responses.scores.setdefault(session.number, {}).setdefault(aspect, []).append(score)
    if code.overall:
        responses.overall.append(code.overall)
    if code.comment.strip():
        responses.comments.append(code.comment.strip())
