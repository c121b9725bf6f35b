"""Sheets printed with names (the sign-in sheet, the ticket slips) and the bound archive, printed
to PDF by Chromium on A4: page count, the header on every page, every trainee once.

The page counts follow from the CSS: a sign-in row is 8 mm high (plus its border) and an A4
page has 277 mm inside its 10 mm margins, so with the title and the two header rows a portrait
page holds about 30 rows (29, 31 and 30 in Chromium): 90 trainees take 3 pages. A ticket slip
is 27 mm high with a 4 mm gap, two in a row: 8 rows (16 slips) a page, so 90 slips take 6
pages, then the exam sign-in list (90 rows of about 9 mm) takes 3 more from a fresh page.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from urllib.parse import quote

import pytest
from rotation_support import NAMES, fill, grade_csv, person, project, roster_workbook

from generator.cli import main

A4 = (595, 842)  # points, portrait


def printed(page, url: str) -> list[tuple[tuple[int, int], str]]:
    """(size, text) per page of ``url`` printed as the print dialog would (the page's own @page size)."""
    from pypdf import PdfReader

    page.goto(url)
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    # NFKC: the text layer names some characters by their Kangxi-radical forms
    return [((round(p.mediabox.width), round(p.mediabox.height)), unicodedata.normalize("NFKC", p.extract_text()))
            for p in reader.pages]


def names_on(pages: list[tuple[tuple[int, int], str]]) -> list[str]:
    return [name for _, text in pages for name in NAMES if name in text]


@pytest.fixture
def cohort(tmp_path: Path) -> Path:
    root = project(tmp_path)
    workbook = roster_workbook(tmp_path / "名单.xlsx", [person(i) for i in range(90)])
    assert main(["roster", "import", str(workbook), "banji", "2026-01", "--root", str(root)]) == 0
    assert main(["attendance", "sheet", "banji", "2026-01", "--root", str(root)]) == 0
    return root


def test_sign_in_sheet_prints_every_trainee_by_name_with_the_header_on_each_page(cohort: Path, page, serve) -> None:
    url = serve(cohort / "rosters" / "banji") + quote("2026-01-签到表.html")
    pages = printed(page, url)
    assert len(pages) == 3 and {size for size, _ in pages} == {A4}  # 8 sessions: portrait
    assert "村(社区)党组织书记轮训(第一期)签到表" in pages[0][1] and "共 90 人" in pages[0][1]
    for _, text in pages:
        assert all(word in text for word in ("序号", "学员编号", "姓名", "单位", "第1天 9月1日", "开班式"))
    assert names_on(pages) == NAMES  # in roster order, none lost or split over a page break


def test_ticket_slips_print_with_names_then_the_exam_sign_in_list(cohort: Path, page, serve, capsys) -> None:
    roster = cohort / "rosters/banji/2026-01.yaml"
    assert main(["exam", "tickets", str(roster), "--root", str(cohort)]) == 0
    assert "rosters/banji/2026-01-准考证.html" in capsys.readouterr().out
    pages = printed(page, serve(cohort / "rosters" / "banji") + quote("2026-01-准考证.html"))
    assert {size for size, _ in pages} == {A4}
    start = next(n for n, (_, text) in enumerate(pages) if "考试签到表" in text)
    assert start == 6 and len(pages) == 9
    slips, listing = pages[:start], pages[start:]
    assert sum(text.count("准考证号") for _, text in slips) == 90 + 1  # one a slip, one in the instructions
    assert names_on(slips) == NAMES and names_on(listing) == NAMES
    assert all("准考证号" in text and "签名" in text for _, text in listing)
    assert "A001" in slips[0][1] and "A090" in listing[-1][1]  # the 准考证号 is the 学员编号


def test_archive_overview_prints_as_one_bound_document(cohort: Path, tmp_path: Path, page, serve) -> None:
    fill(cohort / "rosters/banji/2026-01-考勤.xlsx")
    photos = cohort / "rosters/banji/2026-01-照片"
    photos.mkdir()
    (photos / "开班.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))
    grades = grade_csv(tmp_path / "grades.csv")
    assert main(["archive", "banji", "2026-01", "--root", str(cohort), "--date", "2026-09-05",
                 "--grades", str(grades)]) == 0
    pages = printed(page, serve(cohort / "rosters/banji/档案/2026-01") + quote("档案总览.html"))
    assert {size for size, _ in pages} == {A4}
    first = pages[0][1]
    assert "第一期培训档案" in first and "情况总结" in first and "授课内容" in first
    photo_page = next(n for n, (_, text) in enumerate(pages) if "培训图片" in text)
    assert photo_page == len(pages) - 1 and "档案目录" in pages[-1][1]  # photos start a fresh, last page
    assert len(pages) == 3
