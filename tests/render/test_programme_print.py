"""The printed sheets: the sign-in sheet's rows and columns, and its pages on A4 in Chromium."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from programme_support import read_page

A4 = (595, 842)  # points, portrait


def sign_in_table(site: Path, url_path: str):
    page = read_page(site, url_path)
    return next(t for t in page.tables if t.classes == "lx-signin-table")


def test_sign_in_sheet_has_a_row_per_place_and_a_column_per_session(sample_site: Path) -> None:
    table = sign_in_table(sample_site, "programmes/cun-ganbu/2026-01-qiandao/")
    assert len(table.body) == 90
    assert [row[0] for row in table.body] == [str(n) for n in range(1, 91)]
    assert all(len(row) == 3 + 6 and row[1:] == [""] * 8 for row in table.body)
    top, times = table.head
    assert [text for text, _ in top[:3]] == ["序号", "姓名", "单位"]
    assert top[3:] == [("第1天 9月7日星期一", 3), ("第2天 9月8日星期二", 3)]
    assert [text for text, _ in times] == [
        "08:30开班式",
        "09:00专题辅导",
        "14:00经验介绍",
        "09:00现场观摩",
        "14:00测验",
        "15:00结业式",
    ]


def test_sign_in_sheet_defaults_to_50_places(sample_site: Path) -> None:
    assert len(sign_in_table(sample_site, "programmes/cun-ganbu/2026-02-qiandao/").body) == 50


def test_handout_lists_every_session_by_day(sample_site: Path) -> None:
    page = read_page(sample_site, "programmes/cun-ganbu/2026-01-richeng/")
    tables = [t for t in page.tables if t.classes == "lx-handout-table"]
    assert [len(t.body) for t in tables] == [3, 3]
    assert tables[1].body[2][:2] == ["15:00–16:00", "结业式 结业"]


def pdf_pages(page, url: str) -> list[tuple[tuple[int, int], str]]:
    """Print ``url`` to PDF on A4 as Chromium's print dialog would: (size, text) per page."""
    from pypdf import PdfReader

    page.goto(url)
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == len(PdfReader(io.BytesIO(pdf)).pages)
    reader = PdfReader(io.BytesIO(pdf))
    return [
        ((round(p.mediabox.width), round(p.mediabox.height)), p.extract_text())
        for p in reader.pages
    ]


def row_numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"^\s*(\d{1,3})\s*$", text, re.MULTILINE)]


@pytest.mark.parametrize(
    ("site", "url_path", "size", "count"),
    [
        ("sample", "programmes/cun-ganbu/2026-01-qiandao/", A4, 4),  # 6 sessions: portrait
        (
            "shipped",
            "programmes/shuji-lunxun/2026-01-qiandao/",
            A4[::-1],
            5,
        ),  # 18 sessions: landscape
    ],
)
def test_sign_in_sheet_prints_90_rows_on_a4_with_the_header_on_every_page(
    page, serve, sample_site: Path, shipped_site: Path, site: str, url_path: str, size, count
) -> None:
    base = serve(sample_site if site == "sample" else shipped_site)
    pages = pdf_pages(page, base + url_path)
    assert len(pages) == count
    assert {size for size, _ in pages} == {size}
    rows: list[int] = []
    for _, text in pages:
        assert "序号" in text and "姓名" in text and "单位" in text  # the header row is repeated
        rows += row_numbers(text)
    assert rows == list(range(1, 91))  # every row once, none split or lost
    assert "返回本期日程" not in "".join(
        text for _, text in pages
    )  # the site's chrome is not printed


def test_handout_prints_on_one_a4_page(page, serve, shipped_site: Path) -> None:
    pages = pdf_pages(page, serve(shipped_site) + "programmes/shuji-lunxun/2026-01-richeng/")
    assert len(pages) == 1 and pages[0][0] == A4
    text = pages[0][1]
    assert "学员须知" in text and "结业总结讲话" in text
