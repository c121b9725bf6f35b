"""长辈版 (large print) on a phone in WeChat, as drawn by Chromium at 360 × 740: the switch on
every page and remembered, computed text sizes ≥ 18 px with headings ≥ 30 px, line spacing
≥ 1.3, contrast ≥ 4.5:1 from the computed colours, controls ≥ 60 × 60 px, no sideways
scrolling in either mode, and right/wrong told by more than colour."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from site_support import EXAM, PRACTICE, exam_result, exam_sheet, practice_answered, wechat_phone

HERE = Path(__file__).resolve().parent
MEASURE = (HERE / "site_measure.js").read_text(encoding="utf-8")
KEY = "lunxun:v1:elder"


@pytest.fixture
def phone(browser) -> Iterator:
    with wechat_phone(browser) as page:
        yield page


STATES: dict[str, tuple[str, Callable | None]] = {
    "home": ("", None),
    "method": ("methods/liuchixiang/", None),
    "practice": (PRACTICE, None),
    "practice-answered": (PRACTICE, practice_answered),
    "exam-sign-in": (EXAM, None),
    "exam-sheet": (EXAM, exam_sheet),
    "exam-result": (EXAM, exam_result),
    "programme": ("programmes/shuji-lunxun/", None),
    "cohort": ("programmes/shuji-lunxun/2026-01/", None),
    "quizzes": ("quizzes/", None),
    "glossary": ("glossary/", None),
}


def _open(page, url: str, elder: bool, reach: Callable | None) -> dict:
    if elder:
        page.add_init_script(f"localStorage.setItem({KEY!r}, '1')")
    page.goto(url)
    page.wait_for_load_state("load")
    if reach:
        reach(page)
    return page.evaluate(MEASURE)


@pytest.mark.parametrize("state", list(STATES))
def test_elder_mode_meets_the_large_print_rules(phone, shipped_url: str, state: str) -> None:
    path, reach = STATES[state]
    found = _open(phone, shipped_url + path, True, reach)
    assert phone.evaluate("document.documentElement.classList.contains('lx-elder')")
    assert found["small"] == [], "text under 18 px"
    assert found["smallest"] >= 18
    assert found["tight"] == [], "line spacing under 1.3"
    assert found["faint"] == [], "contrast under 4.5:1"
    assert found["targets"] == [], "controls under 60 × 60 px"
    width, visible = found["scroll"]
    assert width <= visible, "the page scrolls sideways"
    h1 = phone.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset h1')).fontSize)")
    assert h1 >= 30


@pytest.mark.parametrize("state", list(STATES))
def test_standard_mode_does_not_scroll_sideways(phone, shipped_url: str, state: str) -> None:
    path, reach = STATES[state]
    found = _open(phone, shipped_url + path, False, reach)
    assert not phone.evaluate("document.documentElement.classList.contains('lx-elder')")
    width, visible = found["scroll"]
    assert width <= visible
    assert found["smallest"] < 18  # the standard mode is the one with smaller print


def test_the_switch_is_on_every_page_and_remembered(phone, shipped_url: str) -> None:
    phone.goto(shipped_url)
    switch = phone.get_by_role("button", name="长辈版")
    assert switch.get_attribute("aria-pressed") == "false"
    body = "parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)"
    standard = phone.evaluate(body)
    box = switch.bounding_box()
    assert box and box["width"] >= 44 and box["height"] >= 40  # reachable in the standard header too
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true"
    assert phone.evaluate(body) >= 18 > standard
    assert phone.evaluate(f"localStorage.getItem({KEY!r})") == "1"
    for path in ("methods/liuchixiang/", PRACTICE, "programmes/shuji-lunxun/", "guide/"):
        phone.goto(shipped_url + path)
        assert phone.get_by_role("button", name="长辈版").get_attribute("aria-pressed") == "true", path
        assert phone.evaluate(body) >= 18, path
    phone.get_by_role("button", name="长辈版").click()
    assert phone.evaluate(f"localStorage.getItem({KEY!r})") is None
    phone.reload()
    assert phone.get_by_role("button", name="长辈版").get_attribute("aria-pressed") == "false"
    assert phone.evaluate(body) == standard


def test_right_and_wrong_are_not_told_by_colour_alone(phone, shipped_url: str) -> None:
    phone.goto(shipped_url + PRACTICE)
    practice_answered(phone)
    verdict = phone.locator(".lx-main .lx-verdict").first.text_content() or ""
    assert any(word in verdict for word in ("回答正确", "回答错误", "答对"))
    # options, chips and pairs carry a mark; a blank is an input (no ::after): a wrong one is
    # dashed and struck through, a right one has a heavier border
    marks = phone.evaluate(
        """() => [...document.querySelectorAll('.lx-main .lx-q .lx-ok, .lx-main .lx-q .lx-bad')].map(el => {
            const cs = getComputedStyle(el);
            if (!el.matches('input')) return getComputedStyle(el, '::after').content;
            return el.matches('.lx-bad') ? cs.borderStyle + ' ' + cs.textDecorationLine : cs.borderWidth;
        })"""
    )
    assert marks, "the answered question shows which answers are right"
    assert all(("✓" in m or "✗" in m) or m == "dashed line-through" or m == "2px" for m in marks), marks
