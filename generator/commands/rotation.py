"""`lunxun roster`, `lunxun attendance` and `lunxun report`: running a rotation's cohorts.

Everything these commands write holds names, so it goes under the git-ignored roster folder
(rosters/, which gets its own .gitignore on first use); nothing existing is replaced
without --force, and on any problem nothing is written at all.
"""

from __future__ import annotations

import datetime
import io
import os
import sys
from pathlib import Path as FsPath

import yaml

from ..fs import write_atomically
from ..interop.import_.sheets import read_sheets
from ..loading.project import Layout, load_project
from ..model.programme import Cohort, Programme
from ..model.roster import Roster
from ..problems import ContentError, Problem, UsageError
from ..rotation.attendance import Attendance, read_workbook, write_workbook
from ..rotation.evaluation_tables import Summary
from ..rotation.grades import Grade, read_grades
from ..rotation.ledger import Ledger, build_ledger, figures, hours_text, share_text, year_hours
from ..rotation.printing import signin_sheet
from ..rotation.roster import (
    FOLDER,
    IGNORE_FILE,
    IGNORE_TEXT,
    LoadedRoster,
    load_roster,
    other_rosters,
    roster_cohorts,
    roster_file,
    roster_problems,
    yaml_places,
)
from ..rotation.roster_import import import_roster

ROSTER_HEADER = ("# yaml-language-server: $schema=../../schemas/roster.schema.json\n"
                 "# 学员名册：含个人信息，只存放在本机的 rosters/ 目录，不进入网站，也不提交到 git。\n")


def attendance_file(programme_id: str, cohort: str) -> str:
    return f"{FOLDER}/{programme_id}/{cohort}-考勤.xlsx"


def signin_file(programme_id: str, cohort: str) -> str:
    return f"{FOLDER}/{programme_id}/{cohort}-签到表.html"


def find_programme(root: FsPath, layout: Layout, programme_id: str,
                   cohort: str | None = None) -> tuple[Programme, Cohort | None]:
    project, problems = load_project(root, layout)
    entry = project.programmes.get(programme_id)
    if entry is None:
        own = [p for p in problems if p.file.endswith(f"/{programme_id}.yaml")]
        if own:
            raise ContentError(own)
        known = "、".join(sorted(project.programmes)) or "（项目中还没有培训项目）"
        raise UsageError(f"没有培训项目“{programme_id}”：可用的有 {known}")
    programme = entry.model
    if cohort is None:
        return programme, None
    found = next((c for c in programme.cohorts if c.id == cohort), None)
    if found is None:
        known = "、".join(c.id for c in programme.cohorts) or "（cohorts 中还没有期次）"
        raise UsageError(f"培训项目 {programme_id} 中没有期次“{cohort}”：可用的有 {known}")
    return programme, found


def write_new(root: FsPath, relative: str, data: bytes, force: bool) -> None:
    """Write under rosters/, creating the folder with its .gitignore; refuse to replace without force."""
    target = root / relative
    if target.exists() and not force:
        raise UsageError(f"{relative} 已存在，未覆盖；确需重新生成请加 --force（已填写的内容会丢失）")
    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    if not (folder / IGNORE_FILE).exists():
        write_atomically(folder / IGNORE_FILE, IGNORE_TEXT.encode("utf-8"))
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, data)


def roster_import(root: FsPath, layout: Layout, source: str, programme_id: str, cohort: str, force: bool) -> int:
    """lunxun roster import FILE PROGRAMME COHORT."""
    programme, found = find_programme(root, layout, programme_id, cohort)
    assert found is not None
    path = FsPath(source)
    if not path.is_file():
        raise UsageError(f"找不到文件 {source}")
    sheets, problems = read_sheets(path, source)
    if problems:
        raise ContentError(problems)
    others, trouble = other_rosters(root, programme_id, cohort)
    if trouble:
        raise ContentError(trouble)
    imported = import_roster(sheets, source, programme, found, others)
    for note in imported.notes:
        print(note, file=sys.stderr)
    if imported.roster is None:
        raise ContentError(imported.problems)
    relative = roster_file(programme_id, cohort)
    write_new(root, relative, roster_yaml(imported.roster), force)
    print(f"已导入 {len(imported.roster.trainees)} 名学员：{relative}\n"
          "名册含个人信息，只保存在 rosters/ 目录中（不进入网站，也不提交到 git）。")
    return 0


def roster_yaml(roster: Roster) -> bytes:
    data = roster.model_dump(mode="json", exclude_none=True)
    return (ROSTER_HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200)).encode("utf-8")


def _checked_roster(root: FsPath, programme: Programme, cohort: Cohort) -> LoadedRoster:
    programme_id = str(programme.id)
    loaded, problems = load_roster(root, programme_id, cohort.id)
    others, trouble = other_rosters(root, programme_id, cohort.id)
    if loaded is not None:
        locate, mention = yaml_places(loaded)
        problems += roster_problems(loaded.roster.trainees, locate, mention, programme, cohort, others)
    if problems or trouble or loaded is None:
        raise ContentError(problems + trouble)
    return loaded


def roster_check(root: FsPath, layout: Layout, programme_id: str) -> int:
    """lunxun roster check PROGRAMME: every cohort's roster, all problems at once."""
    programme, _ = find_programme(root, layout, programme_id)
    problems: list[Problem] = []
    lines = []
    cohorts = {c.id: c for c in programme.cohorts}
    for cohort_id in roster_cohorts(root, programme_id):
        cohort = cohorts.get(cohort_id)
        if cohort is None:
            problems.append(Problem(roster_file(programme_id, cohort_id), 1, 1, "",
                                    f"培训项目 {programme_id} 中没有期次“{cohort_id}”"))
            continue
        try:
            loaded = _checked_roster(root, programme, cohort)
        except ContentError as error:
            problems += error.problems
            continue
        track = programme.track(cohort.track)
        lines.append(f"{cohort.name}（{cohort.id}{'，' + track.name if track else ''}）："
                     f"{len(loaded.roster.trainees)} 人")
    if problems:
        raise ContentError(sorted(set(problems)))
    missing = [c.id for c in programme.cohorts if c.id not in roster_cohorts(root, programme_id)]
    print("\n".join(lines) if lines else f"{programme_id} 还没有任何名册。")
    if missing:
        print(f"还没有名册的期次：{'、'.join(missing)}")
    return 0


def attendance_sheet(root: FsPath, layout: Layout, programme_id: str, cohort: str, force: bool) -> int:
    """lunxun attendance sheet PROGRAMME COHORT: the workbook the class teacher fills in."""
    programme, found = find_programme(root, layout, programme_id, cohort)
    assert found is not None
    loaded = _checked_roster(root, programme, found)
    relative, sheet = attendance_file(programme_id, cohort), signin_file(programme_id, cohort)
    taken = [name for name in (relative, sheet) if (root / name).exists()]
    if taken and not force:  # both or neither: a new workbook beside an old sign-in sheet would disagree
        raise UsageError(f"{'、'.join(taken)} 已存在，未覆盖；确需重新生成请加 --force（已填写的内容会丢失）")
    write_new(root, relative, write_workbook(programme, found, loaded.roster), True)
    write_new(root, sheet, signin_sheet(programme, found, loaded.roster), True)
    print(f"已生成考勤表：{relative}（{len(loaded.roster.trainees)} 名学员）\n"
          "请班主任每个课次在对应列中选 到、迟到、早退、请假 或 缺勤，填完后运行 lunxun attendance read 检查。\n"
          f"印有姓名的签到表：{sheet}（用浏览器打开，按 Ctrl+P 用 A4 纸打印，每页重复表头）")
    return 0


def _attendance(root: FsPath, programme: Programme, cohort: Cohort, roster: Roster,
                as_of: datetime.date, codes: list[str] | None = None) -> tuple[Attendance | None, list[Problem]]:
    """The workbook's marks, with the roll-call codes merged in (commands/rollcall.py)."""
    from .rollcall import with_rollcall

    relative = attendance_file(str(programme.id), cohort.id)
    workbook, problems = (read_workbook(root / relative, relative, programme, cohort, roster, as_of)
                          if (root / relative).is_file() else (None, []))
    return with_rollcall(root, programme, cohort, roster, workbook, problems, as_of, codes or [])


def attendance_read(root: FsPath, layout: Layout, programme_id: str, cohort: str, as_of: datetime.date,
                    codes: list[str] | None = None) -> int:
    """lunxun attendance read PROGRAMME COHORT [--codes FILE…]: check the workbook and the
    roll-call codes, and print the rates."""
    from .rollcall import rollcall_file

    programme, found = find_programme(root, layout, programme_id, cohort)
    assert found is not None
    loaded = _checked_roster(root, programme, found)
    relative = attendance_file(programme_id, cohort)
    if not (root / relative).is_file() and not codes and not (root / rollcall_file(programme_id, cohort)).is_file():
        raise UsageError(f"没有找到考勤表 {relative}：请先运行 lunxun attendance sheet {programme_id} {cohort}，"
                         f"或用 --codes 读取点名码")
    attendance, problems = _attendance(root, programme, found, loaded.roster, as_of, codes)
    if attendance is None:
        if not problems:
            raise UsageError("所给文件中没有本期可用的点名码")
        raise ContentError(problems)
    ledger = build_ledger(programme, [(found, loaded.roster, attendance)], None, {}, as_of)
    print(attendance_summary(ledger))
    return 0


def attendance_summary(ledger: Ledger) -> str:
    record = ledger.cohorts[0]
    numbers = record.attendance.held if record.attendance else []
    lines = [f"{record.cohort.name}：已记录 {len(numbers)}/{len(record.sessions)} 个课次。"]
    for session in record.sessions:
        rate = record.session_rate(session.number)
        if rate is not None:
            lines.append(f"  第{session.day}天 {session.time} {session.title}：出勤率 {rate:.1f}%")
    total = figures(record.standings, [])
    if total.attendance_rate is not None:
        lines.append(f"全班出勤率（按学时）：{total.attendance_rate:.1f}%；"
                     + "，".join(f"{mark} {count} 人次" for mark, count in total.marks.items()))
    limit = ledger.programme.completion.leave_limit if ledger.programme.completion else None
    for standing in record.standings:
        if limit is not None and standing.leave_hours > limit * record.class_hours + 1e-9:
            lines.append(f"  请假超过 {share_text(limit)} 学时：{standing.trainee.id} {standing.trainee.name}"
                         f"（请假 {hours_text(standing.leave_hours)} 学时）")
    return "\n".join(lines)


def _programme_cohorts(root: FsPath, programme: Programme, as_of: datetime.date
                       ) -> tuple[list[tuple[Cohort, Roster, Attendance | None]], list[Problem], list[str]]:
    """Every cohort of a programme that has a roster, with its attendance when there is a workbook."""
    problems: list[Problem] = []
    cohorts: list[tuple[Cohort, Roster, Attendance | None]] = []
    notes = []
    for cohort in programme.cohorts:
        if cohort.id not in roster_cohorts(root, str(programme.id)):
            notes.append(f"{cohort.name}（{cohort.id}）还没有名册，未计入")
            continue
        try:
            loaded = _checked_roster(root, programme, cohort)
        except ContentError as error:
            problems += error.problems
            continue
        attendance, trouble = _attendance(root, programme, cohort, loaded.roster, as_of)
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
    grades: list[Grade] | None = None
    if grades_file is not None:
        path = FsPath(grades_file)
        if not path.is_file():
            raise UsageError(f"找不到成绩表 {grades_file}：请先运行 lunxun results 生成")
        grades, trouble = read_grades(path, grades_file)
        problems += trouble
    if problems:
        raise ContentError(problems)
    if not cohorts:
        raise UsageError(f"{programme_id} 还没有任何名册：请先用 lunxun roster import 导入")
    banks = {entry.model.title: bank for bank, entry in project.quizzes.items()} | {b: b for b in project.quizzes}
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
    loaded = _checked_roster(root, programme, cohort)
    attendance, problems = _attendance(root, programme, cohort, loaded.roster, as_of)
    grades: list[Grade] | None = None
    if grades_file is not None:
        if not FsPath(grades_file).is_file():
            raise UsageError(f"找不到成绩表 {grades_file}：请先运行 lunxun results 生成")
        grades, trouble = read_grades(FsPath(grades_file), grades_file)
        problems += trouble
    if problems:
        raise ContentError(problems)
    base = f"{FOLDER}/{programme_id}/{cohort_id}"
    photos = collected(root / f"{base}-照片", photos_only=True)
    essays = collected(root / f"{base}-体会", photos_only=False)
    if sum(len(x.data) for x in photos + essays) > MAX_EXTRA_BYTES:
        raise UsageError(f"照片和体会文章合计超过 {MAX_EXTRA_BYTES // 1024 // 1024} MB：请先压缩照片")
    banks = {entry.model.title: bank for bank, entry in project.quizzes.items()} | {b: b for b in project.quizzes}
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
