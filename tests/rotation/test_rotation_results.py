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


def test_grades_from_lunxun_results_decide_who_is_struck_off(tmp_path: Path) -> None:
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    programme = PROGRAMME.replace("quizzes: [jieye]", "quizzes: [tingqing-lianxi]")
    (root / "content/curricula/banji.yaml").write_text(programme, encoding="utf-8")
    codes = []
    for k, name in enumerate(NAMES):
        drawn = sample_grader().draw(k)
        given = RIGHT if k < 6 else WRONG
        codes.append(code(name, "城关镇", ident=f"{k + 1:03d}", seed=k,
                          answers={q: a for q, a in given.items() if q in drawn}))
    (tmp_path / "chat.txt").write_text("\n".join(codes), encoding="utf-8")
    assert main(["results", str(tmp_path / "chat.txt"), "-o", str(tmp_path / "results"), "--root", str(root)]) == 0

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

    graded = CalamineWorkbook.from_path(str(grades)).get_sheet_by_index(0).to_python()
    scores = {row[0]: float(row[graded[0].index("得分")]) for row in graded[1:] if row[0]}
    assert set(scores) == set(NAMES)
    report = CalamineWorkbook.from_path(str(root / "rosters/banji/报表/情况报表-2026-09-30.xlsx"))
    ledger = report.get_sheet_by_name("建帐销号台账").to_python()
    states = {row[2]: row[5] for row in ledger[2:]}
    assert states == {name: ("已销号" if k < 6 else "未销号") for k, name in enumerate(NAMES)}
    total = report.get_sheet_by_name("情况报表").to_python()[-1]
    assert total[:2] == ["合计", "全部"]
    assert total[9:13] == [10, 6, 60.0, round(sum(scores.values()) / 10, 1)]
