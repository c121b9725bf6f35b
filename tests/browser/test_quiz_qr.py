"""The result code as a QR code on the result page, read back from a screenshot by an
independent decoder (zxing-cpp, tests/qr_support.py): a short and a long exam code, a practice
code, 长辈版 on a 360 px phone, and print."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml
from qr_support import read_png
from site_support import wechat_phone
from test_quiz_support import PROJECT, current, no_horizontal_scroll, result_code, start_exam

from generator.engines.mkdocs.build import build_site

QUESTIONS = 30
# Eight characters a blank: a long code (about 50 symbols a question), far past the 200 of an unanswered one.
FILLED = "村务公开民主监督"


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve) -> str:
    """quizlab with a 30-question trainer-graded exam of fill-in blanks."""
    project = tmp_path_factory.mktemp("qrlab") / "project"
    shutil.copytree(PROJECT, project)
    bank = {"title": "三十题考试", "methods": ["tingqing"], "mode": "exam", "pass_mark": 60,
            "questions": [{"id": f"q{k:02}", "type": "blank", "stem": f"第 {k} 个词是 ____。", "answer": [[f"词{k}"]]}
                          for k in range(1, QUESTIONS + 1)]}
    (project / "quizzes" / "sanshi.yaml").write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False),
                                                      encoding="utf-8")
    return serve(build_site(project / "mkdocs.yml", site_dir=str(project.parent / "site"), strict=True))


def sit_exam(page, url: str, fill: str | None) -> str:
    """Sign in, fill every blank with ``fill`` (or leave them all empty), hand in; the code shown."""
    page.goto(url + "quizzes/sanshi/")
    start_exam(page, "王五", "青山村")
    if fill is not None:
        for k in range(QUESTIONS):
            current(page).get_by_label("第 1 空").fill(fill)
            if k < QUESTIONS - 1:
                page.get_by_role("button", name="下一题").click()
    page.get_by_role("button", name="交卷").first.click()
    page.get_by_role("button", name="确定交卷").click()
    page.locator(".lx-result .lx-qr svg").wait_for()
    return result_code(page)


def scanned(page) -> list[str]:
    return read_png(page.locator(".lx-result .lx-qr svg").screenshot())


def test_an_unanswered_30_question_exam_code_scans(page, site: str) -> None:
    code = sit_exam(page, site, None)
    assert re.fullmatch(r"LX2[0-9A-HJKMNP-TV-Z]+", code) and len(code) <= 200
    assert scanned(page) == [code]
    svg = page.locator(".lx-result .lx-qr svg")
    assert (svg.get_attribute("role"), svg.get_attribute("aria-label")) == ("img", "二维码，供培训老师扫描")
    size = int(svg.get_attribute("viewBox").split()[2])
    path = svg.locator("path").get_attribute("d")
    xs, ys = [int(n) for n in re.findall(r"M(\d+) ", path)], [int(n) for n in re.findall(r"M\d+ (\d+)", path)]
    assert min(xs) == min(ys) == 4 and max(ys) == size - 5  # a quiet zone of four modules on every side
    assert svg.bounding_box()["width"] >= 4 * size  # at least 4 px a module on a 390 px phone
    scripts = [url for url in page.requests_seen if url.endswith(".js")]
    assert any(url.endswith("/assets/lunxun/quiz-exam.js") for url in scripts)
    assert not any(url.endswith("/assets/lunxun/quiz.js") for url in scripts)
    assert all(url.startswith(site) for url in page.requests_seen)  # drawn here: no request for it


def test_a_long_code_with_every_blank_filled_scans(page, site: str) -> None:
    code = sit_exam(page, site, FILLED)
    assert len(code) > 600
    assert scanned(page) == [code]
    assert no_horizontal_scroll(page)


def test_a_practice_code_scans(page, site: str) -> None:
    page.goto(site + "quizzes/tiankong/")
    for k, blanks in enumerate((["Wi-Fi", "12345", "情理"], ["情"])):
        for index, text in enumerate(blanks):
            current(page).get_by_label(f"第 {index + 1} 空").fill(text)
        page.get_by_role("button", name="确定").click()
        page.get_by_role("button", name="完成" if k == 1 else "下一题").click()
    page.locator(".lx-result .lx-qr svg").wait_for()
    assert scanned(page) == [result_code(page)]


def test_elder_mode_on_a_360_px_phone_and_print(browser, site: str) -> None:
    with wechat_phone(browser) as phone:
        phone.add_init_script("localStorage.setItem('lunxun:v1:elder', '1')")
        code = sit_exam(phone, site, FILLED[:3])
        assert phone.evaluate("document.documentElement.classList.contains('lx-elder')")
        assert no_horizontal_scroll(phone)
        box = phone.locator(".lx-result .lx-qr svg").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert scanned(phone) == [code]
        phone.emulate_media(media="print")
        assert phone.locator(".lx-result .lx-qr svg").is_visible()
        assert scanned(phone) == [code]
