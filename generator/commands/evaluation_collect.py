"""The 培训质量测评 collected: each cohort's questionnaire workbook and the LE1 codes pasted from chats.

`lunxun evaluation read` aggregates them on their own; `lunxun report` and `lunxun archive` add the
same figures to the 情况报表 and the 培训档案. Nothing here writes a file.
"""

from __future__ import annotations

import sys
from pathlib import Path as FsPath
from typing import TYPE_CHECKING

from ..model.programme import EVALUATION_THRESHOLD, Programme
from ..problems import ContentError, Problem, UsageError
from ..rotation.roster import FOLDER, load_roster, roster_cohorts, roster_file

if TYPE_CHECKING:
    from ..rotation.evaluation import Responses
    from ..rotation.evaluation_intake import Intake
    from ..rotation.evaluation_tables import Summary


def evaluation_file(programme_id: str, cohort: str) -> str:
    return f"{FOLDER}/{programme_id}/{cohort}-测评.xlsx"


def collect(root: FsPath, programme: Programme,
            code_files: list[str] | None) -> tuple[dict[str, list[Responses]], Intake | None]:
    """Cohort id → its questionnaire workbook (rosters/<programme>/<cohort>-测评.xlsx) and the
    evaluation codes in ``code_files``, checked against the tickets of the cohorts' rosters
    (rosters/<programme>/<cohort>.yaml, found here) when the evaluation is ticketed; a workbook
    with problems stops everything (ContentError)."""
    from ..rotation.evaluation import read_workbook as read_questionnaire

    by_cohort: dict[str, list[Responses]] = {}
    problems: list[Problem] = []
    for cohort in programme.cohorts:
        relative = evaluation_file(str(programme.id), cohort.id)
        if not (root / relative).is_file():
            continue
        responses, trouble = read_questionnaire(root / relative, relative, programme, cohort)
        problems += trouble
        if responses is not None:
            by_cohort.setdefault(cohort.id, []).append(responses)
    if problems:
        raise ContentError(problems)
    intake = _codes(root, programme, code_files) if code_files else None
    if intake is not None:
        for cohort_id, responses in intake.responses.items():
            by_cohort.setdefault(cohort_id, []).append(responses)
    return by_cohort, intake


def summarised(root: FsPath, programme: Programme, by_cohort: dict[str, list[Responses]],
               threshold: float | None) -> Summary:
    """The means, flags and response rate of the cohorts collected; the rate over their rosters
    (a cohort without a roster adds none), the threshold the command's or else the programme's."""
    from ..rotation.evaluation_tables import summarise

    limit = threshold if threshold is not None else (
        programme.evaluation.threshold if programme.evaluation else EVALUATION_THRESHOLD)
    collected = [r for cohort in programme.cohorts for r in by_cohort.get(cohort.id, [])]
    planned = 0
    for cohort_id in by_cohort:
        loaded, _ = load_roster(root, str(programme.id), cohort_id)
        planned += len(loaded.roster.trainees) if loaded else 0
    return summarise(programme, collected, len(by_cohort), planned, limit)


def intake_line(intake: Intake) -> str:
    return (f"测评码：计入 {intake.counted} 份" + (f"；重复粘贴 {intake.repeated} 条，"
                                            "只计一次" if intake.repeated else "")
            + (f"；同一张准考证提交了多份，较早的 {intake.superseded} 份未计，"
               "只计最后一份" if intake.superseded else "")
            + (f"；无效 {len(intake.problems)} 条（见上）" if intake.problems else "") + "。")


def _codes(root: FsPath, programme: Programme, files: list[str]) -> Intake:
    """Every LE1 code in the files; invalid ones are reported with file and line and skipped."""
    from ..results.bits import find_codes
    from ..results.collect import label_of, read_input
    from ..rotation.evaluation_code import PREFIX
    from ..rotation.evaluation_intake import Place, take_codes

    keys = _ticket_keys(root, programme) if programme.evaluation_tickets else None
    places: list[Place] = []
    for source in files:
        text, notes = read_input(source)
        for note in notes:
            print(note, file=sys.stderr)
        if text is None:
            continue
        found = find_codes(PREFIX, text)
        if not found:
            print(f"{label_of(source)}: 没有找到测评码（测评码以 {PREFIX} 开头）", file=sys.stderr)
        places += [Place(label_of(source), line, code) for line, code in found]
    intake = take_codes(programme, places, keys)
    for problem in intake.problems:
        print(problem, file=sys.stderr)
    return intake


def _ticket_keys(root: FsPath, programme: Programme) -> dict[str, list[bytes]]:
    """Each cohort's ticket keys, in roster order (a cohort without a roster has none: its codes
    are refused, each with why); no roster at all stops here, as no code could be counted."""
    from ..grading.secret import SecretUnreadable, load_secret, secret_path
    from ..results.tickets import load_roster as load_tickets
    from ..results.tickets import tickets

    cohorts = roster_cohorts(root, str(programme.id))
    if not cohorts:
        raise UsageError(f"{programme.id} 的测评凭准考证填写（evaluation.tickets），但 {FOLDER}/{programme.id}/ "
                         "中还没有任何一期的名册：测评码要按名册上的准考证核对，"
                         "请先用 lunxun roster import 导入名册（并用 lunxun exam tickets 发准考证），再汇总")
    try:
        secret = load_secret(root, create=False)
    except SecretUnreadable as error:
        raise UsageError(str(error)) from None
    if secret is None:
        raise UsageError(f"没有项目密钥（{secret_path(root)}）：准考证是用它生成的，请在发准考证的那台电脑上运行")
    keys: dict[str, list[bytes]] = {}
    problems: list[Problem] = []
    for cohort_id in cohorts:
        relative = roster_file(str(programme.id), cohort_id)
        roster, trouble = load_tickets(root / relative, relative)
        problems += trouble
        if roster is not None:
            keys[cohort_id] = [ticket.key() for ticket in tickets(roster, secret)]
    if problems:
        raise ContentError(problems)
    return keys
