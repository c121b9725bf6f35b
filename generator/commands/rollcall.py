"""Roll-call codes in `lunxun attendance read`, `lunxun report` and `lunxun archive`.

The class teacher's codes (LA1, from the cohort's 点名 page) are kept where the attendance
workbook is: pasted into rosters/<programme>/<cohort>-点名码.txt, which every command reading
the cohort's attendance merges (rotation/rollcall_merge.py); `attendance read --codes FILE…`
reads more files besides. Codes that cannot be read and marks that disagree with the workbook
are reported with file and line.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path as FsPath

from ..model.programme import Cohort, Programme
from ..model.roster import Roster
from ..problems import Problem
from ..results.bits import find_codes
from ..results.collect import label_of, read_input
from ..rotation.attendance import Attendance
from ..rotation.rollcall_code import PREFIX
from ..rotation.rollcall_merge import Place, merge_rollcall
from ..rotation.roster import FOLDER


def rollcall_file(programme: str, cohort: str) -> str:
    return f"{FOLDER}/{programme}/{cohort}-点名码.txt"


def with_rollcall(root: FsPath, programme: Programme, cohort: Cohort, roster: Roster, workbook: Attendance | None,
                  problems: list[Problem], as_of: datetime.date,
                  files: list[str]) -> tuple[Attendance | None, list[Problem]]:
    """The workbook's attendance with the cohort's roll-call codes merged in (or its problems)."""
    kept = rollcall_file(str(programme.id), cohort.id)
    sources = ([str(root / kept)] if (root / kept).is_file() else []) + files
    if problems or not sources:
        return workbook, problems
    places: list[Place] = []
    for source in sources:
        text, notes = read_input(source)
        for note in notes:
            print(note, file=sys.stderr)
        label = kept if source == str(root / kept) else label_of(source)
        found = find_codes(PREFIX, text or "")
        if text is not None and not found:
            print(f"{label}: 没有找到点名码（点名码以 {PREFIX} 开头）", file=sys.stderr)
        places += [Place(label, line, code) for line, code in found]
    merged = merge_rollcall(programme, cohort, roster, workbook, places, as_of)
    for line in merged.skipped + merged.conflicts:
        print(line, file=sys.stderr)
    if merged.codes:
        print(f"{cohort.name}：读取点名码 {merged.codes} 个，补入考勤 {merged.filled} 人次"
              + (f"；与考勤表不一致 {len(merged.conflicts)} 处（按考勤表计，见上）" if merged.conflicts else ""),
              file=sys.stderr)
    return merged.attendance, merged.problems
