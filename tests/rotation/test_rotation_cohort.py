"""A whole cohort of 90: roster from the department's spreadsheet, attendance workbook filled
with every mark, grades from the results sheet, then the ledger and the 情况报表.

Every expected figure is computed here from the marks chosen in rotation_support, with plain
loops, never by calling the code under test; generated workbooks are read back with
python-calamine, a second reader.

This is the fast test of the ledger at scale (90 trainees, every mark, the 1/7 rule at its edge),
so the grade sheet is written here in the format `lunxun results` writes. The same chain with
nothing hand-made, from roll-call, exam and evaluation codes made in Chromium to the report and
the archive, is tests/browser/test_rotation_whole_cohort.py; the ledger reading a grade sheet the
real `lunxun results` wrote is tests/rotation/test_rotation_results.py.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import yaml
from python_calamine import CalamineWorkbook
from rotation_support import (
    HOURS,
    NAMES,
    UNITS,
    fill,
    grade_csv,
    mark,
    passed,
    person,
    project,
    roster_workbook,
)

from generator.cli import main

PRESENT = ("到", "迟到", "早退")
TOTAL = sum(HOURS)  # 15 学时
LEAVE_LIMIT = TOTAL / 7
MIN_RATE = 80


def hours_with(index: int, marks: tuple[str, ...]) -> int:
    return sum(h for s, h in enumerate(HOURS, start=1) if mark(index, s) in marks)


def complete(index: int) -> bool:
    attended = hours_with(index, PRESENT)
    return (100 * attended / TOTAL >= MIN_RATE and hours_with(index, ("请假",)) <= LEAVE_LIMIT
            and passed(index) is True)


def sheet_rows(path: Path, name: str) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("cohort")
    root = project(tmp)
    workbook = roster_workbook(tmp / "名单.xlsx", [person(i) for i in range(90)])
    assert main(["roster", "import", str(workbook), "banji", "2026-01", "--root", str(root)]) == 0
    assert main(["attendance", "sheet", "banji", "2026-01", "--root", str(root)]) == 0
    fill(root / "rosters/banji/2026-01-考勤.xlsx")
    return root


def test_roster_keeps_what_the_class_needs(cohort: Path) -> None:
    data = yaml.safe_load((cohort / "rosters/banji/2026-01.yaml").read_text(encoding="utf-8"))
    assert data["programme"] == "banji" and data["cohort"] == "2026-01"
    assert [t["name"] for t in data["trainees"]] == NAMES
    assert data["trainees"][4] == {"id": "A005", "name": NAMES[4], "unit": UNITS[4], "post": "党组织书记",
                                   "category": "村党组织书记", "gender": "男"}
    text = (cohort / "rosters/banji/2026-01.yaml").read_text(encoding="utf-8")
    assert "360123" not in text  # the ID-card column is not imported
    assert (cohort / "rosters/.gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_attendance_workbook_has_the_roster_the_sessions_and_the_drop_down(tmp_path: Path) -> None:
    root = project(tmp_path)
    workbook = roster_workbook(tmp_path / "名单.xlsx", [person(i) for i in range(90)])
    assert main(["roster", "import", str(workbook), "banji", "2026-01", "--root", str(root)]) == 0
    assert main(["attendance", "sheet", "banji", "2026-01", "--root", str(root)]) == 0
    path = root / "rosters/banji/2026-01-考勤.xlsx"
    rows = sheet_rows(path, "考勤")
    assert rows[2][:4] == ["学员编号", "姓名", "单位", "第1天 9月1日\n08:30-09:30\n开班式"]
    assert rows[2][-1] == "第3天 9月3日\n10:30-11:30\n结业式"
    assert [row[:3] for row in rows[3:]] == [[f"A{i + 1:03d}", NAMES[i], UNITS[i % 10]] for i in range(90)]
    assert all(cell == "" for row in rows[3:] for cell in row[3:])
    (check,) = openpyxl.load_workbook(path)["考勤"].data_validations.dataValidation
    assert check.formula1 == '"到,迟到,早退,请假,缺勤"' and str(check.sqref) == "D4:K93"
    assert main(["attendance", "sheet", "banji", "2026-01", "--root", str(root)]) == 1  # never replaced unasked


def test_attendance_read_gives_each_session_rate(cohort: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["attendance", "read", "banji", "2026-01", "--root", str(cohort), "--date", "2026-09-03"]) == 0
    out = capsys.readouterr().out
    for session in range(1, 9):
        present = sum(1 for i in range(90) if mark(i, session) in PRESENT)
        assert f"出勤率 {100 * present / 90:.1f}%" in out.splitlines()[session]
    over = [i for i in range(90) if hours_with(i, ("请假",)) > LEAVE_LIMIT]
    assert over == [80, 81, 82, 83, 84, 89]
    assert [line.split("：")[1].split("（")[0] for line in out.splitlines() if "请假超过" in line] == [
        f"A{i + 1:03d} {NAMES[i]}" for i in over]


def test_sessions_not_yet_held_are_left_out(cohort: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["attendance", "read", "banji", "2026-01", "--root", str(cohort), "--date", "2026-09-01"]) == 0
    assert "已记录 3/8 个课次" in capsys.readouterr().out


def test_ledger_and_report(cohort: Path, tmp_path: Path) -> None:
    grades = grade_csv(tmp_path / "grades.csv")
    assert main(["report", "banji", "--root", str(cohort), "--date", "2026-09-05", "--grades", str(grades)]) == 0
    path = cohort / "rosters/banji/报表/情况报表-2026-09-05.xlsx"
    summary = sheet_rows(path, "情况报表")
    assert summary[0][0].startswith("村（社区）党组织书记轮训情况报表（截至 2026-09-05）")

    def expected(kind: str, name: str, members: list[int]) -> list[object]:
        done = [i for i in members if complete(i)]
        sat = [i for i in members if passed(i) is not None]
        held = TOTAL * len(members)
        attended = sum(hours_with(i, PRESENT) for i in members)
        scores = [85 if passed(i) else 40 for i in sat]
        return [kind, name, len(members), len(members), len(done), len(members) - len(done), 0,
                round(100 * len(done) / len(members), 1), round(100 * attended / held, 1), len(sat),
                sum(1 for i in sat if passed(i)), round(100 * sum(1 for i in sat if passed(i)) / len(sat), 1),
                round(sum(scores) / len(scores), 1)]

    everyone = list(range(90))
    want = [expected("期次", "第一期", everyone)]
    want += [expected("单位", unit, [i for i in everyone if UNITS[i % 10] == unit]) for unit in sorted(UNITS)]
    for category in sorted({person(i)["category"] for i in everyone}):
        want.append(expected("类别", category, [i for i in everyone if person(i)["category"] == category]))
    want.append(expected("合计", "全部", everyone))
    got = [[int(v) if isinstance(v, float) and v.is_integer() and c in (2, 3, 4, 5, 6, 9, 10) else v
            for c, v in enumerate(row)] for row in summary[2:]]
    assert got == want
    assert sum(1 for i in everyone if complete(i)) == 76  # a check on the hand computation itself

    ledger = sheet_rows(path, "建帐销号台账")
    header = ledger[1]
    by_id = {row[1]: dict(zip(header, row)) for row in ledger[2:]}
    assert len(by_id) == 90
    for i in everyone:
        row = by_id[f"A{i + 1:03d}"]
        assert row["状态"] == ("已销号" if complete(i) else "未销号"), i
        assert float(row["已得学时"]) == hours_with(i, PRESENT)
        assert float(row["尚差学时"]) == 90 - hours_with(i, PRESENT)
        assert [row[m] for m in ("到", "迟到", "早退", "请假", "缺勤")] == [
            sum(1 for s in range(1, 9) if mark(i, s) == m) for m in ("到", "迟到", "早退", "请假", "缺勤")]
    assert "超过本期 15 学时的 1/7（2.14 学时）" in by_id["A081"]["未销号原因"]
    assert by_id["A088"]["未销号原因"] == "出勤率 73.3%，低于要求的 80%"
    assert by_id["A086"]["状态"] == "已销号"  # two hours' leave is within 15/7
    assert by_id["A004"]["未销号原因"] == "没有 jieye 的成绩"
    assert by_id["A008"]["未销号原因"] == "jieye 未及格（40 分）"

    outstanding = sheet_rows(path, "未销号名单")[2:]
    assert [row[1] for row in outstanding] == [f"A{i + 1:03d}" for i in everyone if not complete(i)]

    page = (cohort / "rosters/banji/报表/情况报表-2026-09-05.html").read_text(encoding="utf-8")
    assert "@page { size: A4" in page and "统计截至 2026-09-05" in page
    assert page.count("<tr>") == 1 + len(want) + 1 + 8 + 1 + len(outstanding)
    assert main(["report", "banji", "--root", str(cohort), "--date", "2026-09-05", "--grades", str(grades)]) == 1


def test_spelled_marks_read_as_the_five(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    workbook = roster_workbook(tmp_path / "名单.xlsx", [person(i) for i in range(90)])
    assert main(["roster", "import", str(workbook), "banji", "2026-01", "--root", str(root)]) == 0
    assert main(["attendance", "sheet", "banji", "2026-01", "--root", str(root)]) == 0
    fill(root / "rosters/banji/2026-01-考勤.xlsx", {"到": "√", "请假": "病假", "缺勤": "旷课", "迟到": "迟"})
    capsys.readouterr()
    assert main(["attendance", "read", "banji", "2026-01", "--root", str(root), "--date", "2026-09-03"]) == 0
    counts = {m: sum(1 for i in range(90) for s in range(1, 9) if mark(i, s) == m)
              for m in ("到", "迟到", "请假", "缺勤")}
    assert f"到 {counts['到']} 人次，迟到 {counts['迟到']} 人次" in capsys.readouterr().out


ONE_DAY = """\
title: 专题培训
audience: [村党组织书记, 社区党组织书记]
summary: 一天，按党校的算法计 6 学时。
hours: 5
completion: {day_hours: 6}
days:
  - sessions:
      - {time: "08:30-11:30", kind: 专题辅导, title: 上午}
      - {time: "14:30-16:30", kind: 专题辅导, title: 下午}
cohorts:
  - {id: "2026-10", name: 十月班, start: 2026-10-10}
"""


def test_annual_hours_count_every_programme_of_the_year(cohort: Path, tmp_path: Path) -> None:
    (cohort / "content/curricula/zhuanti.yaml").write_text(ONE_DAY, encoding="utf-8")
    workbook = roster_workbook(tmp_path / "十月.xlsx", [person(i) for i in range(10)])
    assert main(["roster", "import", str(workbook), "zhuanti", "2026-10", "--root", str(cohort)]) == 0
    assert main(["attendance", "sheet", "zhuanti", "2026-10", "--root", str(cohort)]) == 0
    path = cohort / "rosters/zhuanti/2026-10-考勤.xlsx"
    book = openpyxl.load_workbook(path)
    for row in range(4, 14):
        book["考勤"].cell(row, 4, "到")
        book["考勤"].cell(row, 5, "缺勤" if row == 4 else "到")
    book.save(path)
    output = tmp_path / "out"
    assert main(["report", "banji", "--root", str(cohort), "--date", "2026-12-31", "-o", str(output)]) == 0
    rows = sheet_rows(output / "情况报表-2026-12-31.xlsx", "建帐销号台账")
    by_id = {row[1]: dict(zip(rows[1], row)) for row in rows[2:]}
    # a 6-学时 day shared 3:2 between its sessions: the morning is 3.6, the afternoon 2.4
    for i in range(90):
        extra = (3.6 if i == 0 else 6) if i < 10 else 0
        row = by_id[f"A{i + 1:03d}"]
        assert float(row["本年累计学时"]) == pytest.approx(hours_with(i, PRESENT) + extra), i
        assert float(row["尚差学时"]) == pytest.approx(90 - hours_with(i, PRESENT) - extra), i
    assert by_id["A002"]["未销号原因"] == "未提供成绩表（lunxun report --grades）"
