"""The course-evaluation commands (培训质量测评): the questionnaire workbook and its results.

The shared steps (finding a programme and cohort, writing a new file) are rotation's.
"""

from __future__ import annotations

import datetime
from pathlib import Path as FsPath
from typing import Any

from ..loading.project import Layout
from ..problems import ContentError, Problem, UsageError
from ..rotation.ledger import build_ledger
from ..rotation.roster import FOLDER, load_roster
from .rotation import find_programme, write_new


def evaluation_file(programme: str, cohort: str) -> str:
    return f"{FOLDER}/{programme}/{cohort}-测评.xlsx"


def evaluation_sheet(root: FsPath, layout: Layout, programme: str, cohort_id: str, force: bool) -> int:
    """lunxun evaluation sheet PROGRAMME COHORT: the questionnaire workbook, one numbered row per form."""
    from ..rotation.evaluation import rated_sessions
    from ..rotation.evaluation import write_workbook as write_questionnaire

    curriculum, cohort = find_programme(root, layout, programme, cohort_id)
    assert cohort is not None
    if not rated_sessions(curriculum, cohort):
        raise UsageError(f"{programme} 的日程中没有需要测评的课次（专题辅导、经验介绍、现场观摩、分组讨论）")
    loaded, _ = load_roster(root, programme, cohort_id)
    forms = len(loaded.roster.trainees) if loaded else (cohort.capacity or 50)
    relative = evaluation_file(programme, cohort_id)
    write_new(root, relative, write_questionnaire(curriculum, cohort, forms), force)
    print(f"已生成测评表：{relative}（{forms} 行，每份测评表录入一行，不写姓名）")
    return 0


def evaluation_read(root: FsPath, layout: Layout, programme: str, threshold: float, as_of: datetime.date,
                    force: bool) -> int:
    """lunxun evaluation read PROGRAMME: every cohort's questionnaires, aggregated per session and speaker."""
    from ..rotation.evaluation import ASPECTS, Responses, aggregate
    from ..rotation.evaluation import read_workbook as read_questionnaire
    from ..rotation.report import Table
    from ..rotation.report import write_xlsx as write_tables

    curriculum, _ = find_programme(root, layout, programme)
    collected: list[Responses] = []
    problems: list[Problem] = []
    planned = 0
    for cohort in curriculum.cohorts:
        relative = evaluation_file(programme, cohort.id)
        if not (root / relative).is_file():
            continue
        responses, trouble = read_questionnaire(root / relative, relative, curriculum, cohort)
        problems += trouble
        if responses is not None:
            collected.append(responses)
            loaded, _ = load_roster(root, programme, cohort.id)
            planned += len(loaded.roster.trainees) if loaded else 0
    if problems:
        raise ContentError(problems)
    if not collected:
        raise UsageError(f"{programme} 还没有任何测评表：请先用 lunxun evaluation sheet 生成并录入")
    sessions, speakers = aggregate(curriculum, collected)
    forms = sum(r.forms for r in collected)

    def row(rating: Any) -> list[Any]:
        means = [rating.mean(a) for a in ASPECTS]
        mean = rating.mean()
        flag = f"低于 {threshold:g} 分" if mean is not None and mean < threshold else ""
        return [rating.label, len(rating.aspects[ASPECTS[0]]), *(_one(m) for m in means), _one(mean), *rating.spread(), flag]

    header = ["", "打分人数", *(f"{a}均分" for a in ASPECTS), "均分", "1分", "2分", "3分", "4分", "5分", "提示"]
    overall = [s for r in collected for s in r.overall]
    rate = f"{100 * forms / planned:.1f}%" if planned else "—"
    tables = [
        Table("课次", ["课次", *header[1:]], [row(r) for r in sessions]),
        Table("主讲人", ["主讲人", *header[1:]], [row(r) for r in speakers]),
        Table("总体", ["期次数", "名册人数", "收回测评表", "回收率", "总体评价均分", "1分", "2分", "3分", "4分", "5分"],
              [[len(collected), planned, forms, rate, _one(sum(overall) / len(overall) if overall else None),
                *(overall.count(n) for n in range(1, 6))]]),
        Table("意见建议", ["期次", "意见建议"], [[r.cohort.name, c] for r in collected for c in r.comments]),
    ]
    ledger = build_ledger(curriculum, [], None, {}, as_of)  # only for the title and date of the workbook
    relative = f"{FOLDER}/{programme}/报表/测评汇总-{as_of.isoformat()}.xlsx"
    if (root / relative).exists() and not force:
        raise UsageError(f"{relative} 已存在，未覆盖；确需重新生成请加 --force")
    title = f"{curriculum.title}培训质量测评汇总（截至 {as_of.isoformat()}）"
    write_new(root, relative, write_tables(ledger, tables, title), True)
    print(f"{len(collected)} 期共收回测评表 {forms} 份（回收率 {rate}）。")
    for rating in sessions + speakers:
        mean = rating.mean()
        if mean is not None and mean < threshold:
            print(f"  {rating.label}：均分 {mean:.2f}，低于 {threshold:g} 分，建议调整课程或师资")
    print(f"已写入 {relative}")
    return 0


def _one(value: float | None) -> float | str:
    return "—" if value is None else round(value, 2)
