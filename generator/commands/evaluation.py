"""The course-evaluation commands (培训质量测评): the questionnaire workbook and its results.

The shared steps (finding a programme and cohort, writing a new file) are rotation's.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

from ..loading.project import Layout
from ..model.programme import EVALUATION_THRESHOLD, Programme
from ..problems import ContentError, Problem, UsageError
from ..rotation.ledger import build_ledger
from ..rotation.roster import FOLDER, load_roster, roster_cohorts, roster_file
from .rotation import find_programme, write_new

if TYPE_CHECKING:
    from ..rotation.evaluation import Responses
    from ..rotation.evaluation_intake import Intake


def evaluation_file(programme_id: str, cohort: str) -> str:
    return f"{FOLDER}/{programme_id}/{cohort}-测评.xlsx"


def evaluation_sheet(root: FsPath, layout: Layout, programme_id: str, cohort_id: str, force: bool) -> int:
    """lunxun evaluation sheet PROGRAMME COHORT: the questionnaire workbook, one numbered row per form."""
    from ..rotation.evaluation import rated_sessions
    from ..rotation.evaluation import write_workbook as write_questionnaire

    programme, cohort = find_programme(root, layout, programme_id, cohort_id)
    assert cohort is not None
    if not rated_sessions(programme, cohort):
        raise UsageError(f"{programme_id} 的日程中没有需要测评的课次（专题辅导、经验介绍、现场观摩、分组讨论）")
    loaded, _ = load_roster(root, programme_id, cohort_id)
    forms = len(loaded.roster.trainees) if loaded else (cohort.capacity or 50)
    relative = evaluation_file(programme_id, cohort_id)
    write_new(root, relative, write_questionnaire(programme, cohort, forms), force)
    print(f"已生成测评表：{relative}（{forms} 行，每份测评表录入一行，不写姓名）")
    return 0


def evaluation_read(root: FsPath, layout: Layout, programme_id: str, threshold: float | None, as_of: datetime.date,
                    force: bool, code_files: list[str] | None = None, use_roster: bool = False) -> int:
    """lunxun evaluation read PROGRAMME [--codes FILE…] [--roster]: every cohort's questionnaires
    and the evaluation codes pasted from chats, aggregated per session and speaker."""
    from ..rotation.evaluation import read_workbook as read_questionnaire

    programme, _ = find_programme(root, layout, programme_id)
    limit = threshold if threshold is not None else (
        programme.evaluation.threshold if programme.evaluation else EVALUATION_THRESHOLD)
    by_cohort: dict[str, list[Responses]] = {}
    problems: list[Problem] = []
    for cohort in programme.cohorts:
        relative = evaluation_file(programme_id, cohort.id)
        if not (root / relative).is_file():
            continue
        responses, trouble = read_questionnaire(root / relative, relative, programme, cohort)
        problems += trouble
        if responses is not None:
            by_cohort.setdefault(cohort.id, []).append(responses)
    if problems:
        raise ContentError(problems)
    intake = _codes(root, programme, code_files, use_roster) if code_files else None
    if intake is not None:
        for cohort_id, responses in intake.responses.items():
            by_cohort.setdefault(cohort_id, []).append(responses)
    if not by_cohort:
        if intake is not None:
            raise UsageError(f"没有可计入的测评：{programme_id} 还没有测评表，所给文件中也没有有效的测评码")
        raise UsageError(f"{programme_id} 还没有任何测评表：请先用 lunxun evaluation sheet 生成并录入，"
                         "或用 --codes 读取学员发来的测评码")
    collected = [r for cohort in programme.cohorts for r in by_cohort.get(cohort.id, [])]
    planned = 0
    for cohort_id in by_cohort:
        loaded, _ = load_roster(root, programme_id, cohort_id)
        planned += len(loaded.roster.trainees) if loaded else 0
    written = _write_summary(root, programme, collected, len(by_cohort), planned, limit, as_of, force,
                             intake is not None)
    if intake is not None:
        print(f"测评码：计入 {intake.counted} 份" + (f"；重复粘贴 {intake.repeated} 条，"
                                              "只计一次" if intake.repeated else "")
              + (f"；同一张准考证提交了多份，较早的 {intake.superseded} 份未计，"
                 "只计最后一份" if intake.superseded else "")
              + (f"；无效 {len(intake.problems)} 条（见上）" if intake.problems else "") + "。")
    print(f"已写入 {written}")
    return 0


def _codes(root: FsPath, programme: Programme, files: list[str], use_roster: bool) -> Intake:
    """Every LE1 code in the files; invalid ones are reported with file and line and skipped."""
    from ..results.bits import find_codes
    from ..results.collect import label_of, read_input
    from ..rotation.evaluation_code import PREFIX
    from ..rotation.evaluation_intake import Place, take_codes

    keys = _ticket_keys(root, programme) if programme.evaluation_tickets else None
    if keys is not None and not use_roster:
        raise UsageError(f"{programme.id} 的测评凭准考证填写：请加 --roster，按各期名册的准考证核对测评码"
                         "（只核对、只计数，不显示是谁）")
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
    """Each cohort's ticket keys, in roster order (a cohort without a roster has none)."""
    from ..grading.secret import SecretUnreadable, load_secret, secret_path
    from ..results.tickets import load_roster as load_tickets
    from ..results.tickets import tickets

    try:
        secret = load_secret(root, create=False)
    except SecretUnreadable as error:
        raise UsageError(str(error)) from None
    if secret is None:
        raise UsageError(f"没有项目密钥（{secret_path(root)}）：准考证是用它生成的，请在发准考证的那台电脑上运行")
    keys: dict[str, list[bytes]] = {}
    problems: list[Problem] = []
    for cohort_id in roster_cohorts(root, str(programme.id)):
        relative = roster_file(str(programme.id), cohort_id)
        roster, trouble = load_tickets(root / relative, relative)
        problems += trouble
        if roster is not None:
            keys[cohort_id] = [ticket.key() for ticket in tickets(roster, secret)]
    if problems:
        raise ContentError(problems)
    return keys


def _write_summary(root: FsPath, programme: Programme, collected: list[Responses], cohorts: int, planned: int,
                   threshold: float, as_of: datetime.date, force: bool, codes: bool) -> str:
    from ..rotation.evaluation import ASPECTS, aggregate
    from ..rotation.report import Table
    from ..rotation.report import write_xlsx as write_tables

    programme_id = str(programme.id)
    relative = f"{FOLDER}/{programme_id}/报表/测评汇总-{as_of.isoformat()}.xlsx"
    if (root / relative).exists() and not force:
        raise UsageError(f"{relative} 已存在，未覆盖；确需重新生成请加 --force")
    sessions, speakers = aggregate(programme, collected)
    forms = sum(r.forms for r in collected)

    def row(rating: Any) -> list[Any]:
        means = [rating.mean(a) for a in ASPECTS]
        mean = rating.mean()
        flag = f"低于 {threshold:g} 分" if mean is not None and mean < threshold else ""
        return [rating.label, len(rating.aspects[ASPECTS[0]]), *(_one(m) for m in means), _one(mean), *rating.spread(),
                flag]

    header = ["", "打分人数", *(f"{a}均分" for a in ASPECTS), "均分", "1分", "2分", "3分", "4分", "5分", "提示"]
    overall = [s for r in collected for s in r.overall]
    rate = f"{100 * forms / planned:.1f}%" if planned else "—"
    tables = [
        Table("课次", ["课次", *header[1:]], [row(r) for r in sessions]),
        Table("主讲人", ["主讲人", *header[1:]], [row(r) for r in speakers]),
        Table("总体", ["期次数", "名册人数", "收回测评", "回收率", "总体评价均分", "1分", "2分", "3分", "4分", "5分"],
              [[cohorts, planned, forms, rate, _one(sum(overall) / len(overall) if overall else None),
                *(overall.count(n) for n in range(1, 6))]]),
        Table("意见建议", ["期次", "意见建议"], [[r.cohort.name, c] for r in collected for c in r.comments]),
    ]
    ledger = build_ledger(programme, [], None, {}, as_of)  # only for the title and date of the workbook
    title = f"{programme.title}培训质量测评汇总（截至 {as_of.isoformat()}）"
    write_new(root, relative, write_tables(ledger, tables, title), True)
    noun = "测评" if codes else "测评表"
    print(f"{cohorts} 期共收回{noun} {forms} 份（回收率 {rate}）。")
    for rating in sessions + speakers:
        mean = rating.mean()
        if mean is not None and mean < threshold:
            print(f"  {rating.label}：均分 {mean:.2f}，低于 {threshold:g} 分，建议调整课程或师资")
    return relative


def _one(value: float | None) -> float | str:
    return "—" if value is None else round(value, 2)
