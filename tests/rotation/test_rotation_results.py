"""The ledger reads the grade sheet the real `lunxun results` writes: codes of ten trainees
re-graded from the sample bank, then `lunxun report --grades results/grades.xlsx`."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from paths import TESTS
from python_calamine import CalamineWorkbook
from results_support import NAMES, code, sample_grader
from rotation_support import PROGRAMME, roster_workbook

from generator.cli import main

SAMPLE = TESTS / "projects" / "sample"
RIGHT = {"q1": "A", "q2": "ABC", "q3": 0, "q4": ["听", "回访"], "q5": [0, 1, 2], "q6": [0, 1, 2]}
WRONG = {"q1": "B", "q2": "AB", "q3": 1}


def graded(tmp_path: Path, programme: str, *others: str) -> Path:
    """The sample project with ``programme`` (and other programmes), and the grade sheet
    `lunxun results` writes for ten trainees: the first six pass tingqing-lianxi."""
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    (root / "content/curricula/banji.yaml").write_text(programme, encoding="utf-8")
    for k, other in enumerate(others):
        (root / f"content/curricula/other{k + 1}.yaml").write_text(other, encoding="utf-8")
    codes = []
    for k, name in enumerate(NAMES):
        drawn = sample_grader().draw(k)
        given = RIGHT if k < 6 else WRONG
        codes.append(code(name, "城关镇", ident=f"{k + 1:03d}", seed=k,
                          answers={q: a for q, a in given.items() if q in drawn}))
    (tmp_path / "chat.txt").write_text("\n".join(codes), encoding="utf-8")
    assert main(["results", str(tmp_path / "chat.txt"), "-o", str(tmp_path / "results"), "--root", str(root)]) == 0
    return root


def sheet_rows(path: Path) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def test_grades_from_lunxun_results_decide_who_is_struck_off(tmp_path: Path) -> None:
    root = graded(tmp_path, PROGRAMME.replace("quizzes: [jieye]", "quizzes: [tingqing-lianxi]"))

    people = [{"name": n, "unit": "城关镇", "id": f"{k + 1:03d}", "category": "村党组织书记", "gender": "男"}
              for k, n in enumerate(NAMES)]
    assert main(["roster", "import", str(roster_workbook(tmp_path / "名单.xlsx", people)), "banji", "2026-01",
                 "--root", str(root)]) == 0
    assert main(["attendance", "sheet", "banji", "2026-01", "--root", str(root)]) == 0
    path = root / "rosters/banji/2026-01-考勤.xlsx"
    book = openpyxl.load_workbook(path)
    for row in range(4, 14):
        for column in range(4, 12):
            book["考勤"].cell(row, column, "到")
    book.save(path)
    grades = tmp_path / "results" / "grades.xlsx"
    assert main(["report", "banji", "--root", str(root), "--date", "2026-09-30", "--grades", str(grades)]) == 0

    sheet = sheet_rows(grades)
    assert "学时" not in sheet[0]  # no programme credits the quiz with 学时
    scores = {row[0]: float(row[sheet[0].index("得分")]) for row in sheet[1:] if row[0]}
    assert set(scores) == set(NAMES)
    report = CalamineWorkbook.from_path(str(root / "rosters/banji/报表/情况报表-2026-09-30.xlsx"))
    ledger = report.get_sheet_by_name("建帐销号台账").to_python()
    states = {row[2]: row[5] for row in ledger[2:]}
    assert states == {name: ("已销号" if k < 6 else "未销号") for k, name in enumerate(NAMES)}
    total = report.get_sheet_by_name("情况报表").to_python()[-1]
    assert total[:2] == ["合计", "全部"]
    assert total[9:13] == [10, 6, 60.0, round(sum(scores.values()) / 10, 1)]


CREDITED = PROGRAMME.replace("quizzes: [jieye]", "quizzes: [tingqing-lianxi]\n  quiz_hours: {tingqing-lianxi: 1.5}")
OTHER = """\
title: 另一个培训班
summary: 也给这个测验计学时，但计 2 学时。
hours: 1
completion:
  quiz_hours: {tingqing-lianxi: 2}
days:
  - sessions:
      - {time: "08:30-09:30", kind: 专题辅导, title: 一讲}
"""


def test_the_grade_sheet_shows_the_hours_a_passed_quiz_earns(tmp_path: Path) -> None:
    root = graded(tmp_path, CREDITED)
    workbook = sheet_rows(tmp_path / "results" / "grades.xlsx")
    text = (tmp_path / "results" / "grades.csv").read_text(encoding="utf-8-sig").splitlines()
    table = [line.split(",") for line in text]
    assert workbook[0][4:7] == table[0][4:7] == ["得分", "是否及格", "学时"]  # beside the pass, before 用时
    assert {row[0]: row[6] for row in workbook[1:]} == {name: 1.5 if k < 6 else 0 for k, name in enumerate(NAMES)}
    assert {row[0]: row[6] for row in table[1:]} == {name: "1.5" if k < 6 else "0" for k, name in enumerate(NAMES)}
    # the report's ledger counts the same 学时 against the annual requirement
    people = [{"name": n, "unit": "城关镇", "id": f"{k + 1:03d}", "category": "村党组织书记", "gender": "男"}
              for k, n in enumerate(NAMES)]
    assert main(["roster", "import", str(roster_workbook(tmp_path / "名单.xlsx", people)), "banji", "2026-01",
                 "--root", str(root)]) == 0
    assert main(["report", "banji", "--root", str(root), "--date", "2026-09-30", "--grades",
                 str(tmp_path / "results" / "grades.xlsx")]) == 0
    ledger = CalamineWorkbook.from_path(str(root / "rosters/banji/报表/情况报表-2026-09-30.xlsx")).get_sheet_by_name(
        "建帐销号台账").to_python()
    by_name = {row[2]: dict(zip(ledger[1], row)) for row in ledger[2:]}
    for k, name in enumerate(NAMES):
        quiz = 1.5 if k < 6 else 0  # no attendance recorded: the quiz's 学时 are all the year's
        assert float(by_name[name]["测验学时"]) == float(by_name[name]["本年累计学时"]) == quiz
        assert float(by_name[name]["尚差学时"]) == 90 - quiz


def test_programmes_that_credit_a_quiz_differently_are_each_named(tmp_path: Path) -> None:
    graded(tmp_path, CREDITED, OTHER)
    rows = sheet_rows(tmp_path / "results" / "grades.xlsx")
    column = rows[0].index("学时")
    # each programme counts its own 学时 in its ledger: the sheet names both
    assert {row[0]: row[column] for row in rows[1:]} == {name: "banji 1.5；other1 2" if k < 6 else 0
                                                        for k, name in enumerate(NAMES)}
