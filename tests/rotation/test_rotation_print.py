"""The 情况报表 prints on A4 landscape in Chromium: the title and date on the first page, the
outstanding list from a fresh page with its header on every page, no trainee lost or cut."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

from rotation_support import NAMES, fill, person, project, roster_workbook

from generator.cli import main

A4_LANDSCAPE = (842, 595)  # points


def test_report_prints_on_a4_with_headers_on_every_page(tmp_path: Path, page, serve) -> None:
    from pypdf import PdfReader

    root = project(tmp_path)
    workbook = roster_workbook(tmp_path / "名单.xlsx", [person(i) for i in range(90)])
    assert main(["roster", "import", str(workbook), "banji", "2026-01", "--root", str(root)]) == 0
    assert main(["attendance", "sheet", "banji", "2026-01", "--root", str(root)]) == 0
    fill(root / "rosters/banji/2026-01-考勤.xlsx")
    # no grade sheet: every trainee is outstanding, so the list runs over several pages
    assert main(["report", "banji", "--root", str(root), "--date", "2026-09-05", "-o", str(tmp_path / "out")]) == 0
    url = serve(tmp_path / "out")
    page.goto(f"{url}/%E6%83%85%E5%86%B5%E6%8A%A5%E8%A1%A8-2026-09-05.html")
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    # NFKC: the PDF's text layer names some characters by their Kangxi-radical forms (⾄ for 至)
    pages = [((round(p.mediabox.width), round(p.mediabox.height)), unicodedata.normalize("NFKC", p.extract_text()))
             for p in reader.pages]
    assert all(size == A4_LANDSCAPE for size, _ in pages)
    first = pages[0][1]
    # NFKC folds the full-width brackets too
    assert "村(社区)党组织书记轮训情况报表" in first and "统计截至 2026-09-05" in first and "未销号名单" not in first
    start = next(n for n, (_, text) in enumerate(pages) if "未销号名单" in text)
    listing = pages[start:]
    # the summary (1 page) and the per-session rates (1 page), then 90 outstanding rows of about
    # 7.7 mm (a reason wraps onto a second line) at some 24 a page on 186 mm of landscape A4: 4 pages
    assert (len(pages), start) == (6, 2)
    assert [sum(1 for name in NAMES if name in text) for _, text in listing] == [22, 24, 24, 20]
    assert all("学员编号" in text and "原因" in text for _, text in listing)
    found = [name for _, text in listing for name in NAMES if name in text]
    assert sorted(found) == sorted(NAMES)  # every trainee once: none lost, none split over a page break
