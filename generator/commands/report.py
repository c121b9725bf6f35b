"""`lunxun report` and `lunxun archive`: what is handed up from a rotation's cohorts, the
建帐销号 ledger and 情况报表 for a programme, the 培训档案 of a cohort.

Both hold names, so they are written under the git-ignored roster folder; nothing existing is
replaced without --force, and on any problem nothing is written at all.
"""

from __future__ import annotations

import datetime
import io
import os
import sys
from pathlib import Path as FsPath

from ..loading.project import Layout, Project, load_project
from ..model.programme import Cohort, Programme
from ..model.roster import Roster
from ..problems import ContentError, Problem, UsageError
from ..rotation.attendance import Attendance, write_workbook
from ..rotation.evaluation_tables import Summary
from ..rotation.grades import Grade, read_grades
from ..rotation.ledger import build_ledger, figures, year_hours
from ..rotation.roster import FOLDER, roster_cohorts
from .rotation import attendance_file, checked_roster, cohort_attendance, find_programme, write_new


def _grades(grades_file: str | None) -> tuple[list[Grade] | None, list[Problem]]:
    """The grade sheet ``lunxun results`` wrote, when one is given."""
    if grades_file is None:
        return None, []
    if not FsPath(grades_file).is_file():
        raise UsageError(f"找不到成绩表 {grades_file}：请先运行 lunxun results 生成")
    return read_grades(FsPath(grades_file), grades_file)


def _bank_names(project: Project) -> dict[str, str]:
    """Bank id by the bank's title or its id: a grade sheet names a bank either way."""
    return {entry.model.title: bank for bank, entry in project.quizzes.items()} | {b: b for b in project.quizzes}


def _programme_cohorts(root: FsPath, programme: Programme, as_of: datetime.date
                       ) -> tuple[list[tuple[Cohort, Roster, Attendance | None]], list[Problem], list[str]]:
    """Every cohort of a programme that has a roster, with its attendance when there is a workbook."""
    problems: list[Problem] = []
    cohorts: list[tuple[Cohort, Roster, Attendance | None]] = []
    notes = []
    rostered = set(roster_cohorts(root, str(programme.id)))
    for cohort in programme.cohorts:
        if cohort.id not in rostered:
            notes.append(f"{cohort.name}（{cohort.id}）还没有名册，未计入")
            continue
        try:
            loaded = checked_roster(root, programme, cohort)
        except ContentError as error:
            problems += error.problems
            continue
        attendance, trouble = cohort_attendance(root, programme, cohort, loaded.roster, as_of)
        problems += trouble
        if attendance is None and not trouble and cohort.start <= as_of:
            notes.append(f"{cohort.name}（{cohort.id}）没有考勤表：出勤按未记录计")
        cohorts.append((cohort, loaded.roster, attendance))
    return cohorts, problems, notes


def _evaluation(root: FsPath, programme: Programme, code_files: list[str] | None,
                cohort_id: str | None = None) -> Summary | None:
    """The 培训质量测评 for the report (every cohort) or the archive (``cohort_id``): the cohorts'
    questionnaire workbooks and the LE1 codes in ``code_files``, checked against the rosters'
    tickets when the programme's evaluation asks for them; None when there is none to count."""
    from .evaluation_collect import collect, intake_line, summarised

    by_cohort, intake = collect(root, programme, code_files)
    if cohort_id is not None:
        by_cohort = {key: value for key, value in by_cohort.items() if key == cohort_id}
    if intake is not None:
        print(intake_line(intake), file=sys.stderr)
    if not by_cohort:
        if code_files:
            scope = "本期" if cohort_id is not None else f"培训项目 {programme.id} "
            raise UsageError(f"--evaluation-codes 所给的文件中没有{scope}的有效测评码（测评码以 LE1 开头），"
                             "未生成任何文件")
        return None
    return summarised(root, programme, by_cohort, None)


def report(root: FsPath, layout: Layout, programme_id: str, grades_file: str | None, as_of: datetime.date,
           output: str | None, annual: float, force: bool, evaluation_codes: list[str] | None = None) -> int:
    """lunxun report PROGRAMME: the 建帐销号 ledger and the 情况报表 as of a date, with the
    培训质量测评 when there are questionnaires or evaluation codes."""
    from ..rotation.report import report_tables, write_html, write_xlsx

    project, _ = load_project(root, layout)
    programme, _ = find_programme(root, layout, programme_id)
    cohorts, problems, notes = _programme_cohorts(root, programme, as_of)
    grades, trouble = _grades(grades_file)
    problems += trouble
    if problems:
        raise ContentError(problems)
    if not cohorts:
        raise UsageError(f"{programme_id} 还没有任何名册：请先用 lunxun roster import 导入")
    banks = _bank_names(project)
    others = []
    for other_id, entry in sorted(project.programmes.items()):
        if other_id == programme_id or not roster_cohorts(root, other_id):
            continue
        found, trouble, _ = _programme_cohorts(root, entry.model, as_of)
        if trouble:
            notes.append(f"培训项目 {other_id} 的名册或考勤表有问题，"
                         f"其学时未计入本年累计（运行 lunxun roster check {other_id} 查看）")
            continue
        # the same grade sheet: quizzes another programme credits with 学时 count in the year's total
        others.append(build_ledger(entry.model, found, grades, banks, as_of))
    evaluation = _evaluation(root, programme, evaluation_codes)
    ledger = build_ledger(programme, cohorts, grades, banks, as_of)
    tables = report_tables(ledger, annual, year_hours([ledger, *others]))
    tables += evaluation.titled("测评") if evaluation else []
    folder = output or f"{FOLDER}/{programme_id}/报表"
    stem = f"情况报表-{as_of.isoformat()}"
    files = [(f"{folder}/{stem}.xlsx", write_xlsx(ledger, tables)),
             (f"{folder}/{stem}.html", write_html(ledger, tables))]
    taken = [name for name, _ in files if (root / name).exists()]
    if taken and not force:
        raise UsageError(f"{'、'.join(taken)} 已存在，未覆盖；确需重新生成请加 --force")
    for name, data in files:
        write_new(root, name, data, True)
    for note in notes:
        print(note, file=sys.stderr)
    total = figures(ledger.standings, list(programme.completion.quizzes) if programme.completion else [])
    print(f"截至 {as_of.isoformat()}：计划 {total.planned} 人，参训 {total.trained} 人，已销号 {total.done} 人，"
          f"未销号 {total.outstanding} 人，在训或待开班 {total.ongoing} 人。")
    if evaluation is not None:
        print(f"培训质量测评：{evaluation.line()}。")
    print("已写入 " + "、".join(name for name, _ in files))
    return 0


def archive(root: FsPath, layout: Layout, programme_id: str, cohort_id: str, grades_file: str | None,
            as_of: datetime.date, annual: float, force: bool, evaluation_codes: list[str] | None = None) -> int:
    """lunxun archive PROGRAMME COHORT: the cohort's 培训档案 as a folder and a .zip."""
    import shutil
    import zipfile

    from ..rotation.archive import MAX_EXTRA_BYTES, collected, overview_html, roster_xlsx
    from ..rotation.report import report_tables, write_html, write_xlsx
    from .rollcall import rollcall_file

    project, _ = load_project(root, layout)
    programme, cohort = find_programme(root, layout, programme_id, cohort_id)
    assert cohort is not None
    loaded = checked_roster(root, programme, cohort)
    attendance, problems = cohort_attendance(root, programme, cohort, loaded.roster, as_of)
    grades, trouble = _grades(grades_file)
    problems += trouble
    if problems:
        raise ContentError(problems)
    base = f"{FOLDER}/{programme_id}/{cohort_id}"
    photos = collected(root / f"{base}-照片", photos_only=True)
    essays = collected(root / f"{base}-体会", photos_only=False)
    if sum(len(x.data) for x in photos + essays) > MAX_EXTRA_BYTES:
        raise UsageError(f"照片和体会文章合计超过 {MAX_EXTRA_BYTES // 1024 // 1024} MB：请先压缩照片")
    banks = _bank_names(project)
    evaluation = _evaluation(root, programme, evaluation_codes, cohort_id)
    ledger = build_ledger(programme, [(cohort, loaded.roster, attendance)], grades, banks, as_of)
    tables = report_tables(ledger, annual) + (evaluation.titled("测评") if evaluation else [])
    files: dict[str, bytes] = {"学员名册.xlsx": roster_xlsx(loaded.roster),
                               "情况报表.xlsx": write_xlsx(ledger, tables), "情况报表.html": write_html(ledger, tables)}
    workbook = root / attendance_file(programme_id, cohort_id)
    if workbook.is_file():
        files["考勤表.xlsx"] = workbook.read_bytes()
    elif attendance is not None:  # a roll call by codes alone: its marks as the workbook would hold them
        files["考勤表.xlsx"] = write_workbook(programme, cohort, loaded.roster, attendance)
    if (root / rollcall_file(programme_id, cohort_id)).is_file():  # the roll-call codes, as the teacher sent them
        files["点名码.txt"] = (root / rollcall_file(programme_id, cohort_id)).read_bytes()
    if evaluation is not None:
        title = f"{programme.title}（{cohort.name}）培训质量测评汇总（截至 {as_of.isoformat()}）"
        files["测评汇总.xlsx"] = write_xlsx(ledger, evaluation.tables, title)
    if grades_file is not None:
        files["成绩表" + FsPath(grades_file).suffix.lower()] = FsPath(grades_file).read_bytes()
    files |= {f"培训图片/{x.name}": x.data for x in photos} | {f"学习体会/{x.name}": x.data for x in essays}
    methods = {key: entry.model.title for key, entry in project.methods.items()}
    names = ["档案总览.html", *sorted(files)]
    files["档案总览.html"] = overview_html(ledger, loaded.roster, methods, names,
                                        [f"培训图片/{x.name}" for x in photos], [f"学习体会/{x.name}" for x in essays],
                                        tables, evaluation.line() if evaluation else "")
    folder = root / FOLDER / programme_id / "档案" / cohort_id
    zipped = folder.with_name(f"{cohort_id}.zip")
    if (folder.exists() or zipped.exists()) and not force:
        raise UsageError(f"{folder.relative_to(root)} 已存在，未覆盖；确需重新生成请加 --force")
    staging = folder.with_name(f".{cohort_id}.tmp")
    shutil.rmtree(staging, ignore_errors=True)  # a staging folder only lunxun makes, left by an interrupted run
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name in names:
            stamp = (as_of.year, as_of.month, as_of.day, 0, 0, 0)  # entries dated by the archive's date, not the clock
            bundle.writestr(zipfile.ZipInfo(f"{cohort_id}/{name}", date_time=stamp), files[name],
                            compress_type=zipfile.ZIP_DEFLATED)
    write_new(root, str(zipped.relative_to(root)), stream.getvalue(), True)
    for name in names:
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        (staging / name).write_bytes(files[name])
    if folder.exists():
        shutil.rmtree(folder)  # lunxun's own earlier archive, replaced as --force asks
    os.replace(staging, folder)
    print(f"已生成培训档案：{folder.relative_to(root)}/ 和 {zipped.relative_to(root)}"
          f"（{len(photos)} 张照片、{len(essays)} 篇体会文章）\n用浏览器打开 档案总览.html，按 Ctrl+P 可打印成册。")
    return 0
