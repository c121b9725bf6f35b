"""Personal data never reaches the built site: a project with rosters, an attendance workbook
and a report builds to a site holding none of the trainees' names or units."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import build_project, shipped_copy
from paths import ROOT
from rotation_support import NAMES, UNITS, fill, person, roster_workbook

from generator.cli import main

pytestmark = pytest.mark.slow


TOWNSHIP = [{"name": f"欧阳{given}", "unit": f"{town}镇", "id": f"X{k + 1:02d}",
             "category": "街道党工委书记" if k % 2 else "乡镇党委书记", "gender": "男"}
            for k, (given, town) in enumerate(zip(("明远", "思齐", "宏图", "立新"), ("枫岭", "白水", "红岭", "金沙")))]


def test_the_built_site_holds_no_roster_name(tmp_path: Path) -> None:
    """Both tracks of the shipped programme have a roster, a workbook, a named sign-in sheet and tickets."""
    root = shipped_copy(tmp_path)
    workbook = roster_workbook(tmp_path / "名单.xlsx", [person(i) for i in range(90)])
    township = roster_workbook(tmp_path / "乡镇名单.xlsx", TOWNSHIP)
    assert main(["roster", "import", str(workbook), "shuji-lunxun", "2026-01", "--root", str(root)]) == 0
    assert main(["roster", "import", str(township), "shuji-lunxun", "2026-02", "--root", str(root)]) == 0
    for cohort in ("2026-01", "2026-02"):
        assert main(["attendance", "sheet", "shuji-lunxun", cohort, "--root", str(root)]) == 0
        assert main(["exam", "tickets", str(root / f"rosters/shuji-lunxun/{cohort}.yaml"), "--root", str(root)]) == 0
        assert (root / f"rosters/shuji-lunxun/{cohort}-签到表.html").is_file()
        assert (root / f"rosters/shuji-lunxun/{cohort}-准考证.html").is_file()
    fill_path = root / "rosters/shuji-lunxun/2026-01-考勤.xlsx"
    assert fill_path.is_file()
    assert main(["report", "shuji-lunxun", "--root", str(root), "--date", "2026-09-30"]) == 0
    site = build_project(root, tmp_path / "site")
    words = NAMES + UNITS + [p[key] for p in TOWNSHIP for key in ("name", "unit")]
    leaks = []
    for path in site.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="ignore")
            leaks += [f"{path.relative_to(site)}: {word}" for word in words if word in text]
    assert leaks == []
    assert not any(part == "rosters" for path in site.rglob("*") for part in path.parts)
    # the track pages were built: the check above covered them
    assert (site / "programmes/shuji-lunxun/xiangzhen-jiedao/index.html").is_file()
    assert (site / "programmes/shuji-lunxun/cun-shequ/index.html").is_file()


def test_git_never_takes_a_roster_even_without_the_project_gitignore(tmp_path: Path) -> None:
    root = shipped_copy(tmp_path)
    workbook = roster_workbook(tmp_path / "名单.xlsx", [person(i) for i in range(3)])
    assert main(["roster", "import", str(workbook), "shuji-lunxun", "2026-01", "--root", str(root)]) == 0
    assert main(["attendance", "sheet", "shuji-lunxun", "2026-01", "--root", str(root)]) == 0
    fill(root / "rosters/shuji-lunxun/2026-01-考勤.xlsx")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    staged = subprocess.run(["git", "-C", str(root), "diff", "--cached", "--name-only"], check=True,
                            capture_output=True, text=True).stdout.splitlines()
    assert staged and not [name for name in staged if name.startswith("rosters/")]
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "rosters/" in ignored
