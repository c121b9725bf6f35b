"""`lunxun roster` and `lunxun attendance`: a rotation's cohorts, their rosters and attendance
(`lunxun report` and `lunxun archive`, what is handed up from them: commands/report.py).

Everything these commands write holds names, so it goes under the git-ignored roster folder
(rosters/, which gets its own .gitignore on first use); nothing existing is replaced
without --force, and on any problem nothing is written at all.
"""

from __future__ import annotations

import datetime
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
from ..rotation.ledger import Ledger, build_ledger, figures, hours_text, share_text
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


def checked_roster(root: FsPath, programme: Programme, cohort: Cohort) -> LoadedRoster:
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
    rostered = roster_cohorts(root, programme_id)
    for cohort_id in rostered:
        cohort = cohorts.get(cohort_id)
        if cohort is None:
            problems.append(Problem(roster_file(programme_id, cohort_id), 1, 1, "",
                                    f"培训项目 {programme_id} 中没有期次“{cohort_id}”"))
            continue
        try:
            loaded = checked_roster(root, programme, cohort)
        except ContentError as error:
            problems += error.problems
            continue
        track = programme.track(cohort.track)
        lines.append(f"{cohort.name}（{cohort.id}{'，' + track.name if track else ''}）："
                     f"{len(loaded.roster.trainees)} 人")
    if problems:
        raise ContentError(sorted(set(problems)))
    missing = [c.id for c in programme.cohorts if c.id not in rostered]
    print("\n".join(lines) if lines else f"{programme_id} 还没有任何名册。")
    if missing:
        print(f"还没有名册的期次：{'、'.join(missing)}")
    return 0


def attendance_sheet(root: FsPath, layout: Layout, programme_id: str, cohort: str, force: bool) -> int:
    """lunxun attendance sheet PROGRAMME COHORT: the workbook the class teacher fills in."""
    programme, found = find_programme(root, layout, programme_id, cohort)
    assert found is not None
    loaded = checked_roster(root, programme, found)
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


def cohort_attendance(root: FsPath, programme: Programme, cohort: Cohort, roster: Roster,
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
    loaded = checked_roster(root, programme, found)
    relative = attendance_file(programme_id, cohort)
    if not (root / relative).is_file() and not codes and not (root / rollcall_file(programme_id, cohort)).is_file():
        raise UsageError(f"没有找到考勤表 {relative}：请先运行 lunxun attendance sheet {programme_id} {cohort}，"
                         f"或用 --codes 读取点名码")
    attendance, problems = cohort_attendance(root, programme, found, loaded.roster, as_of, codes)
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
