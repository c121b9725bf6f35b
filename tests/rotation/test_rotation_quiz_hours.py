"""学时 from quizzes: with ``completion.quiz_hours`` a quiz passed (in the results' grade sheet)
earns its 学时 on top of the sessions attended; they show in the ledger against the annual 90,
in the 成绩与学时 sheet and in the 结业证书名单 of the report and the archive.

Every figure is computed here from the marks and grades rotation_support chooses, by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from rotation_support import (
    HOURS,
    NAMES,
    PROGRAMME,
    UNITS,
    fill,
    grade_csv,
    mark,
    passed,
    person,
    roster_workbook,
)

from generator.cli import main

PRESENT = ("到", "迟到", "早退")
QUIZ_HOURS = 2  # what passing jieye earns in the programme below
CREDITED = PROGRAMME.replace("  quizzes: [jieye]\n", "  quizzes: [jieye]\n  quiz_hours: {jieye: 2}\n")


def attended(i: int) -> int:
    return sum(h for s, h in enumerate(HOURS, start=1) if mark(i, s) in PRESENT)


def complete(i: int) -> bool:
    leave = sum(h for s, h in enumerate(HOURS, start=1) if mark(i, s) == "请假")
    return 100 * attended(i) / sum(HOURS) >= 80 and leave <= sum(HOURS) / 7 and passed(i) is True


def sheet(path: Path, name: str) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("quiz-hours")
    root = tmp / "proj"
    (root / "content" / "curricula").mkdir(parents=True)
    (root / "quizzes").mkdir()
    (root / "content/curricula/banji.yaml").write_text(CREDITED, encoding="utf-8")
    (root / "quizzes/jieye.yaml").write_text(
        "title: 结业测试\nmode: exam\npass_mark: 60\nquestions:\n  - {id: q1, type: judge, stem: 这是一道题。"
        ", answer: 对}\n",
        encoding="utf-8")
    workbook = roster_workbook(tmp / "名单.xlsx", [person(i) for i in range(90)])
    assert main(["roster", "import", str(workbook), "banji", "2026-01", "--root", str(root)]) == 0
    assert main(["attendance", "sheet", "banji", "2026-01", "--root", str(root)]) == 0
    fill(root / "rosters/banji/2026-01-考勤.xlsx")
    grades = grade_csv(tmp / "grades.csv")
    assert main(["report", "banji", "--root", str(root), "--date", "2026-09-05", "--grades", str(grades)]) == 0
    return root, grades


def test_a_passed_quiz_adds_its_hours_against_the_annual_requirement(reported: tuple[Path, Path]) -> None:
    root, _ = reported
    rows = sheet(root / "rosters/banji/报表/情况报表-2026-09-05.xlsx", "建帐销号台账")
    by_id = {row[1]: dict(zip(rows[1], row)) for row in rows[2:]}
    for i in range(90):
        row = by_id[f"A{i + 1:03d}"]
        quiz = QUIZ_HOURS if passed(i) is True else 0  # a failed exam or no grade earns nothing
        assert (float(row["课堂学时"]), float(row["测验学时"])) == (attended(i), quiz), i
        assert float(row["已得学时"]) == float(row["本年累计学时"]) == attended(i) + quiz, i
        assert float(row["尚差学时"]) == 90 - attended(i) - quiz, i
    # by hand: A001 attends all 15 学时 and passes, 17 in all; A008 fails (index 7), 15; A004 has no grade
    assert by_id["A001"]["已得学时"] == "17" and by_id["A008"]["已得学时"] == "15" and by_id["A004"]["测验学时"] == "0"


def test_the_grade_sheet_shows_score_pass_and_hours(reported: tuple[Path, Path]) -> None:
    root, _ = reported
    rows = sheet(root / "rosters/banji/报表/情况报表-2026-09-05.xlsx", "成绩与学时")
    assert rows[1] == ["期次", "学员编号", "姓名", "单位", "jieye 得分", "jieye 是否及格", "jieye 计学时",
                       "课堂学时", "测验学时", "合计学时"]
    by_id = {row[1]: row for row in rows[2:]}
    assert len(by_id) == 90
    for i in range(90):
        row = by_id[f"A{i + 1:03d}"]
        outcome = passed(i)
        want = (["—", "无成绩", "0"] if outcome is None else [85.0, "及格", "2"] if outcome else [40.0, "不及格", "0"])
        assert row[2:4] == [NAMES[i], UNITS[i % 10]] and row[4:7] == want, i
        earned = attended(i) + (2 if outcome else 0)
        assert row[7:] == [str(attended(i)), str(QUIZ_HOURS if outcome else 0), str(earned)]


def test_certificates_list_every_trainee_struck_off_with_their_hours(reported: tuple[Path, Path]) -> None:
    root, _ = reported
    rows = sheet(root / "rosters/banji/报表/情况报表-2026-09-05.xlsx", "结业证书名单")
    done = [i for i in range(90) if complete(i)]
    assert len(done) == 76  # as in test_rotation_cohort: the marks and grades are the same
    assert [row[0] for row in rows[2:]] == [f"banji-2026-01-A{i + 1:03d}" for i in done]
    first = rows[2]
    assert first[1:] == [NAMES[0], UNITS[0], "社区党组织书记", "村（社区）党组织书记轮训", "", "第一期",
                         "2026-09-01 至 2026-09-03", "17", "2"]
    assert all(row[8] == str(attended(i) + QUIZ_HOURS) for row, i in zip(rows[2:], done))
    page = (root / "rosters/banji/报表/情况报表-2026-09-05.html").read_text(encoding="utf-8")
    assert "结业证书名单" not in page and NAMES[0] not in page.split("未销号名单")[0]  # the page stays a report


def test_the_archive_states_the_quiz_hours_and_the_certificates(reported: tuple[Path, Path]) -> None:
    root, grades = reported
    assert main(["archive", "banji", "2026-01", "--root", str(root), "--date", "2026-09-05",
                 "--grades", str(grades)]) == 0
    overview = (root / "rosters/banji/档案/2026-01/档案总览.html").read_text(encoding="utf-8")
    passed_count = sum(1 for i in range(90) if passed(i) is True)
    assert "通过 jieye 计 2 学时" in overview
    # mean quiz hours over the 90: 2 学时 for each of those who passed
    assert f"<th>已得测验学时（人均）</th><td>{round(2 * passed_count / 90, 2):g}</td>" in overview
    assert "<th>结业证书</th><td>76 人" in overview
    rows = sheet(root / "rosters/banji/档案/2026-01/情况报表.xlsx", "结业证书名单")
    assert len(rows) - 2 == 76
