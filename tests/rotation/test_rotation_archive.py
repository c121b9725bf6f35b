"""培训档案: the cohort's roster, lectures, attendance, grades, photos, essays and summary,
as a folder and a .zip, with figures that equal the hand computation."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from python_calamine import CalamineWorkbook
from rotation_support import (
    HOURS,
    NAMES,
    fill,
    grade_csv,
    mark,
    passed,
    person,
    project,
    roster_workbook,
)

from generator.cli import main

PNG = b"\x89PNG\r\n\x1a\n" + bytes(40)


def test_archive_binds_the_cohort(tmp_path: Path) -> None:
    root = project(tmp_path)
    workbook = roster_workbook(tmp_path / "名单.xlsx", [person(i) for i in range(90)])
    assert main(["roster", "import", str(workbook), "banji", "2026-01", "--root", str(root)]) == 0
    assert main(["attendance", "sheet", "banji", "2026-01", "--root", str(root)]) == 0
    fill(root / "rosters/banji/2026-01-考勤.xlsx")
    photos = root / "rosters/banji/2026-01-照片"
    photos.mkdir()
    for name in ("开班.png", "观摩.jpg"):
        (photos / name).write_bytes(PNG)
    (photos / "说明.txt").write_text("不是照片", encoding="utf-8")
    essays = root / "rosters/banji/2026-01-体会"
    essays.mkdir()
    (essays / "体会一.docx").write_bytes(b"PK\x03\x04")
    (essays / "体会二.txt").write_text("学习体会", encoding="utf-8")
    grades = grade_csv(tmp_path / "grades.csv")
    args = ["archive", "banji", "2026-01", "--root", str(root), "--date", "2026-09-05", "--grades", str(grades)]
    assert main(args) == 0

    folder = root / "rosters/banji/档案/2026-01"
    zipped = root / "rosters/banji/档案/2026-01.zip"
    expected = ["培训图片/开班.png", "培训图片/观摩.jpg", "学习体会/体会一.docx", "学习体会/体会二.txt",
                "学员名册.xlsx", "情况报表.html", "情况报表.xlsx", "成绩表.csv", "档案总览.html", "考勤表.xlsx"]
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == sorted(expected)
    with zipfile.ZipFile(zipped) as bundle:
        assert sorted(bundle.namelist()) == sorted(f"2026-01/{name}" for name in expected)
        assert bundle.read("2026-01/培训图片/开班.png") == PNG

    rows = CalamineWorkbook.from_path(str(folder / "学员名册.xlsx")).get_sheet_by_name("学员名册").to_python()
    assert [row[2] for row in rows[1:]] == NAMES

    def complete(i: int) -> bool:
        attended = sum(h for s, h in enumerate(HOURS, 1) if mark(i, s) in ("到", "迟到", "早退"))
        leave = sum(h for s, h in enumerate(HOURS, 1) if mark(i, s) == "请假")
        return attended / 15 >= 0.8 and leave <= 15 / 7 and passed(i) is True

    done = sum(1 for i in range(90) if complete(i))
    page = (folder / "档案总览.html").read_text(encoding="utf-8")
    assert f"<tr><th>已销号（结业）</th><td>{done}</td></tr>" in page
    assert f"<tr><th>未销号</th><td>{90 - done}</td></tr>" in page
    assert "<p>共 2 张。</p>" in page and "<p>共 2 篇。</p>" in page
    assert page.count("<img ") == 2 and "@page { size: A4; " in page

    first = zipped.read_bytes()
    assert main(args) == 1  # never replaced unasked
    (essays / "体会二.txt").unlink()
    assert main([*args, "--force"]) == 0
    assert not (folder / "学习体会/体会二.txt").exists()  # the folder is rebuilt, not added to
    with zipfile.ZipFile(io.BytesIO(first)) as old, zipfile.ZipFile(zipped) as new:
        assert old.testzip() is None and new.testzip() is None
        assert set(old.namelist()) - set(new.namelist()) == {"2026-01/学习体会/体会二.txt"}
        assert {info.date_time for info in new.infolist()} == {(2026, 9, 5, 0, 0, 0)}
        assert new.read("2026-01/档案总览.html") != old.read("2026-01/档案总览.html")  # one essay fewer


def test_a_roll_call_by_codes_is_archived_as_a_workbook_that_reads_back_the_same(tmp_path: Path) -> None:
    import datetime

    from generator.loading.project import load_project
    from generator.rotation.attendance import Attendance, read_workbook, write_workbook
    from generator.rotation.roster import load_roster
    from generator.rotation.schedule import class_sessions

    root = project(tmp_path)
    workbook = roster_workbook(tmp_path / "名单.xlsx", [person(i) for i in range(90)])
    assert main(["roster", "import", str(workbook), "banji", "2026-01", "--root", str(root)]) == 0
    programme = load_project(root)[0].programmes["banji"].model
    cohort = programme.cohorts[0]
    loaded, _ = load_roster(root, "banji", "2026-01")
    assert loaded is not None
    sessions = class_sessions(programme, cohort)
    held = [s.number for s in sessions if s.day < 3]  # the last day not yet held
    marks = {person(i)["id"]: {n: mark(i, n) for n in held} for i in range(90)}
    path = tmp_path / "考勤表.xlsx"
    path.write_bytes(write_workbook(programme, cohort, loaded.roster, Attendance(sessions, held, marks)))
    back, problems = read_workbook(path, "考勤表.xlsx", programme, cohort, loaded.roster, datetime.date(2026, 9, 3))
    assert problems == [] and back is not None
    assert back.held == held and back.marks == marks
