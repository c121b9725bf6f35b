"""Broken and hostile files given to the rotation commands: a Chinese message, never a traceback,
nothing written; and the imported roster passes its own JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import openpyxl
import pytest
import yaml
from paths import ROOT
from rotation_support import person, project, roster_workbook

from generator.cli import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(args)
    return code, capsys.readouterr().err


def test_imported_roster_passes_its_schema(tmp_path: Path) -> None:
    root = project(tmp_path)
    workbook = roster_workbook(tmp_path / "名单.xlsx", [person(i) for i in range(5)])
    assert main(["roster", "import", str(workbook), "banji", "2026-01", "--root", str(root)]) == 0
    path = root / "rosters/banji/2026-01.yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    schema = json.loads((ROOT / "schemas" / "roster.schema.json").read_text(encoding="utf-8"))
    assert first == "# yaml-language-server: $schema=../../schemas/roster.schema.json"
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)


@pytest.mark.parametrize("content", [b"", b"not a workbook", b"PK\x03\x04" + bytes(100)])
def test_a_broken_spreadsheet_is_one_message(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             content: bytes) -> None:
    root = project(tmp_path)
    (tmp_path / "名单.xlsx").write_bytes(content)
    code, err = run(["roster", "import", str(tmp_path / "名单.xlsx"), "banji", "2026-01", "--root", str(root)], capsys)
    assert code == 1 and "Traceback" not in err and err.strip()
    assert not (root / "rosters").exists()


def test_a_broken_attendance_workbook_is_one_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    workbook = roster_workbook(tmp_path / "名单.xlsx", [person(i) for i in range(5)])
    assert main(["roster", "import", str(workbook), "banji", "2026-01", "--root", str(root)]) == 0
    assert main(["attendance", "sheet", "banji", "2026-01", "--root", str(root)]) == 0
    (root / "rosters/banji/2026-01-考勤.xlsx").write_bytes(b"PK\x03\x04garbage")
    code, err = run(["attendance", "read", "banji", "2026-01", "--root", str(root)], capsys)
    assert code == 1 and "无法读取 Excel 文件" in err
    code, err = run(["report", "banji", "--root", str(root)], capsys)
    assert code == 1 and "无法读取 Excel 文件" in err
    assert not (root / "rosters/banji/报表").exists()


def test_a_moved_or_renamed_column_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    workbook = roster_workbook(tmp_path / "名单.xlsx", [person(i) for i in range(5)])
    assert main(["roster", "import", str(workbook), "banji", "2026-01", "--root", str(root)]) == 0
    assert main(["attendance", "sheet", "banji", "2026-01", "--root", str(root)]) == 0
    path = root / "rosters/banji/2026-01-考勤.xlsx"
    book = openpyxl.load_workbook(path)
    book["考勤"]["E3"] = "第一讲"
    book["考勤"]["M3"] = "加课"
    book["考勤"]["D4"] = "=1+1"
    book.save(path)
    code, err = run(["attendance", "read", "banji", "2026-01", "--root", str(root)], capsys)
    assert code == 1
    assert "2026-01-考勤.xlsx[考勤]:3:5: 第一讲: 此列应为“第1天 9月1日 09:30-11:30 专题辅导”" in err
    assert "2026-01-考勤.xlsx[考勤]:3:13: 加课: 多出的列：日程中没有这个课次" in err


def test_unknown_programme_cohort_and_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    workbook = roster_workbook(tmp_path / "名单.xlsx", [person(i) for i in range(5)])
    code, err = run(["roster", "import", str(workbook), "nosuch", "2026-01", "--root", str(root)], capsys)
    assert code == 1 and "没有培训项目“nosuch”：可用的有 banji" in err
    code, err = run(["roster", "import", str(workbook), "banji", "2030-01", "--root", str(root)], capsys)
    assert code == 1 and "没有期次“2030-01”：可用的有 2026-01、2026-02" in err
    code, err = run(["roster", "import", str(tmp_path / "无.xlsx"), "banji", "2026-01", "--root", str(root)], capsys)
    assert code == 1 and "找不到文件" in err
    code, err = run(["attendance", "sheet", "banji", "2026-01", "--root", str(root)], capsys)
    assert code == 1 and "没有找到名册" in err
    with pytest.raises(SystemExit):
        main(["report", "banji", "--root", str(root), "--annual", "nan"])
    assert "不是有效的每年应完成的学时" in capsys.readouterr().err
    assert not (root / "rosters").exists()
