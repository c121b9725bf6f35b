"""What the whole-cohort browser tests do as the organiser between the pages: run lunxun's real
command, read a workbook it wrote, read ticket passwords off the printed slips (no tests here;
tests/browser/test_rotation_whole_cohort.py, test_rotation_cohort_of_90.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from python_calamine import CalamineWorkbook

LUNXUN = str(Path(sys.executable).with_name("lunxun"))


def lunxun(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed ``lunxun`` command, which must succeed."""
    done = subprocess.run([LUNXUN, *args], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def rows_of(path: Path, sheet: str) -> list[list[object]]:
    """A sheet's rows as a second reader (calamine, not openpyxl) sees them."""
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def ticket_secrets(slips: str, numbers: Iterable[str]) -> dict[str, str]:
    """准考证号 → 密码, as printed on the ticket slips."""
    found = {}
    for number in numbers:
        hit = re.search(re.escape(number) + r"\D.*?([0-9A-Z]{5}-[0-9A-Z]{5})", slips, re.DOTALL)
        assert hit, number
        found[number] = hit.group(1)
    return found
