"""The course-evaluation commands (培训质量测评): the questionnaire workbook and its results.

The shared steps (finding a programme and cohort, writing a new file) are rotation's; reading the
questionnaires and the codes is evaluation_collect's, which `lunxun report` and `lunxun archive` share.
"""

from __future__ import annotations

import datetime
from pathlib import Path as FsPath
from typing import TYPE_CHECKING

from ..loading.project import Layout
from ..model.programme import Programme
from ..problems import UsageError
from ..rotation.ledger import build_ledger
from ..rotation.roster import FOLDER, load_roster
from .evaluation_collect import collect, evaluation_file, intake_line, summarised
from .rotation import find_programme, write_new

if TYPE_CHECKING:
    from ..rotation.evaluation_tables import Summary


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
                    force: bool, code_files: list[str] | None = None) -> int:
    """lunxun evaluation read PROGRAMME [--codes FILE…]: every cohort's questionnaires and the
    evaluation codes pasted from chats, aggregated per session and speaker; ticketed codes are
    checked against the cohorts' rosters, found as lunxun report and lunxun archive find them."""
    programme, _ = find_programme(root, layout, programme_id)
    by_cohort, intake = collect(root, programme, code_files)
    if not by_cohort:
        if intake is not None:
            raise UsageError(f"没有可计入的测评：{programme_id} 还没有测评表，所给文件中也没有有效的测评码")
        raise UsageError(f"{programme_id} 还没有任何测评表：请先用 lunxun evaluation sheet 生成并录入，"
                         "或用 --codes 读取学员发来的测评码")
    summary = summarised(root, programme, by_cohort, threshold)
    written = _write_summary(root, programme, summary, len(by_cohort), as_of, force, intake is not None)
    if intake is not None:
        print(intake_line(intake))
    print(f"已写入 {written}")
    return 0


def _write_summary(root: FsPath, programme: Programme, summary: Summary, cohorts: int, as_of: datetime.date,
                   force: bool, codes: bool) -> str:
    from ..rotation.report import write_xlsx as write_tables

    programme_id = str(programme.id)
    relative = f"{FOLDER}/{programme_id}/报表/测评汇总-{as_of.isoformat()}.xlsx"
    if (root / relative).exists() and not force:
        raise UsageError(f"{relative} 已存在，未覆盖；确需重新生成请加 --force")
    ledger = build_ledger(programme, [], None, {}, as_of)  # only for the title and date of the workbook
    title = f"{programme.title}培训质量测评汇总（截至 {as_of.isoformat()}）"
    write_new(root, relative, write_tables(ledger, summary.tables, title), True)
    noun = "测评" if codes else "测评表"
    print(f"{cohorts} 期共收回{noun} {summary.forms} 份（回收率 {summary.rate}）。")
    for rating in summary.low:
        print(f"  {rating.label}：均分 {rating.mean():.2f}，低于 {summary.threshold:g} 分，建议调整课程或师资")
    return relative
