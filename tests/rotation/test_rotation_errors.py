"""Bad rosters and attendance workbooks: every problem at once, with sheet, row and column, nothing written."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from rotation_support import fill, person, project, roster_workbook

from generator.cli import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(args)
    return code, capsys.readouterr().err


def test_roster_problems_come_all_at_once_with_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    first = roster_workbook(tmp_path / "一期.xlsx", [person(i) for i in range(5)])
    assert main(["roster", "import", str(first), "banji", "2026-01", "--root", str(root)]) == 0
    people = [person(i) for i in range(10, 15)]
    people[1]["name"] = ""  # row 5
    people[2] = dict(people[3])  # rows 6 and 7: the same person twice
    people[4]["category"] = "机关党组织书记"  # row 8
    people.append(person(2) | {"id": "B1"})  # row 9: already in cohort 2026-01
    people[0]["gender"] = "未知"  # row 4
    bad = roster_workbook(tmp_path / "二期.xlsx", people)
    code, err = run(["roster", "import", str(bad), "banji", "2026-02", "--root", str(root)], capsys)
    assert code == 1
    file = str(bad)
    assert f"{file}:4:3: 性别: 性别“未知”应为 男 或 女" in err
    assert f"{file}:5:2: 姓名（必填）: 缺少姓名" in err
    assert f"{file}:7:7: 学员编号(勿改): 学员编号“A014”重复：第 6 行已用了这个编号" in err
    assert f"{file}:7:2: 姓名（必填）: “{people[3]['name']}”（{people[3]['unit']}）重复：第 6 行已有同一人" in err
    assert (f"{file}:8:6: 学员类别*: 类别“机关党组织书记”不在本培训项目的培训对象中（村党组织书记、"
            "社区党组织书记）") in err
    assert f"{file}:9:2: 姓名（必填）: “{person(2)['name']}”（{person(2)['unit']}）已在第 2026-01 期的名册中" in err
    assert "未生成任何文件" in err
    assert not (root / "rosters/banji/2026-02.yaml").exists()


def test_a_roster_without_ids_is_numbered_and_import_never_replaces(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    path = tmp_path / "名单.csv"
    path.write_text("学员名单\n姓名,工作单位,类别\n甲一,东村,村党组织书记\n乙二,西村,村党组织书记\n",
                    encoding="gb18030")
    code, err = run(["roster", "import", str(path), "banji", "2026-01", "--root", str(root)], capsys)
    assert code == 0 and "已按名册顺序编为 001–002" in err
    text = (root / "rosters/banji/2026-01.yaml").read_text(encoding="utf-8")
    assert "id: '001'" in text and "name: 乙二" in text
    code, err = run(["roster", "import", str(path), "banji", "2026-01", "--root", str(root)], capsys)
    assert code == 1 and "已存在，未覆盖" in err
    assert run(["roster", "import", str(path), "banji", "2026-01", "--root", str(root), "--force"], capsys)[0] == 0


def test_a_hand_edited_roster_is_checked_with_file_line_col(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    folder = root / "rosters/banji"
    folder.mkdir(parents=True)
    (folder / "2026-01.yaml").write_text(
        "programme: banji\ncohort: 2026-01\ntrainees:\n  - {id: '1', name: 甲}\n  - {id: '1', name: 乙, gender: 男性}\n"
        "  - {id: '3', nmae: 丙}\n", encoding="utf-8")
    code, err = run(["roster", "check", "banji", "--root", str(root)], capsys)
    assert code == 1
    assert "rosters/banji/2026-01.yaml:5:32: trainees[1].gender: 应为以下之一：男、女" in err
    assert "rosters/banji/2026-01.yaml:6:5: trainees[2].name: 缺少必填字段" in err
    assert "rosters/banji/2026-01.yaml:6:15: trainees[2].nmae: 未知字段“nmae”，是否想写“name”？" in err
    (folder / "2026-01.yaml").write_text(
        "programme: banji\ncohort: 2026-01\ntrainees:\n  - {id: '1', name: 甲}\n  - {id: '1', name: 乙}\n",
        encoding="utf-8")
    code, err = run(["roster", "check", "banji", "--root", str(root)], capsys)
    assert code == 1
    assert "rosters/banji/2026-01.yaml:5:10: trainees[1].id: 学员编号“1”重复：第 4 行的学员已用了这个编号" in err


def test_unreadable_attendance_cells_have_sheet_row_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    workbook = roster_workbook(tmp_path / "名单.xlsx", [person(i) for i in range(6)])
    assert main(["roster", "import", str(workbook), "banji", "2026-01", "--root", str(root)]) == 0
    assert main(["attendance", "sheet", "banji", "2026-01", "--root", str(root)]) == 0
    path = root / "rosters/banji/2026-01-考勤.xlsx"
    fill(path)
    book = openpyxl.load_workbook(path)
    sheet = book["考勤"]
    sheet["E5"] = "到了吗"
    sheet["F6"] = None
    sheet["B7"] = "别人"
    sheet["A10"] = "Z99"
    book.save(path)
    code, err = run(["attendance", "read", "banji", "2026-01", "--root", str(root), "--date", "2026-09-03"], capsys)
    assert code == 1
    label = "rosters/banji/2026-01-考勤.xlsx[考勤]"
    assert (f"{label}:5:5: 第1天 9月1日 09:30-11:30 专题辅导: “到了吗”不是考勤标记：应为 到、迟到、早退、请假、"
            "缺勤 之一") in err
    assert f"{label}:6:6: 第1天 9月1日 14:30-17:30 专题辅导: 未填写" in err
    assert f"{label}:7:2: 姓名: 姓名“别人”与名册中编号 A004 的“{person(3)['name']}”不符" in err
    assert f"{label}:10:1: 学员编号: 学员编号“Z99”不在第 2026-01 期的名册中" in err
    assert err.count("\n") == 5  # four problems and the closing line
