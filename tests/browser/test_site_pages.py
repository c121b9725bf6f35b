"""What a trainee meets on a first visit, on a phone in WeChat (360 × 740): the quiz and
programme lists as cards with the exam first, a home page that leads to today's practice,
the mistakes, the progress and the exam, no internal file names, a glossary that defines,
the trainers' guide after every trainee page, and the guide's sentences without stray spaces."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from site_support import wechat_phone

from generator.loading.project import load_project

ROOT = Path(__file__).resolve().parents[2]
# a line break of the source between Chinese characters, which the browser draws as a space
CJK_GAP = re.compile(r"[\u3400-\u9fff，。；：、！？）”][ \t]*\n\s*[\u3400-\u9fff（“]")


@pytest.fixture
def phone(browser) -> Iterator:
    with wechat_phone(browser) as page:
        yield page


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")


def test_quizzes_are_cards_with_the_exam_first(phone, shipped_url: str) -> None:
    _open(phone, shipped_url + "quizzes/")
    cards = phone.locator(".md-typeset .lx-cards > ul > li")
    titles = [t.strip() for t in cards.locator(".lx-card-title").all_text_contents()]
    assert titles[0] == "基层党组织书记集中轮训 结业测试"
    assert {"每日一练", "错题本"} <= set(titles)
    banks = phone.evaluate("document.querySelectorAll('.lx-quiz-cards .lx-card-title').length")
    assert banks == len(list((ROOT / "quizzes").glob("*.yaml")))  # a card for every bank
    for index in range(cards.count()):  # each card: its title, then its description, inside it
        paragraphs = cards.nth(index).locator("p")
        assert paragraphs.count() == 2, titles[index]
        assert paragraphs.nth(1).inner_text().strip()
    first = cards.first.locator("p").nth(1).inner_text()
    assert "考试" in first and "限时 30 分钟" in first and "每次 20 题" in first
    box = cards.first.bounding_box()
    assert box and box["y"] < 740  # the exam is on the first screen


def test_programmes_keep_their_descriptions_inside_their_cards(phone, shipped_url: str) -> None:
    _open(phone, shipped_url + "programmes/")
    cards = phone.locator(".md-typeset .lx-cards > ul > li")
    assert cards.count() >= 2
    for index in range(cards.count()):
        text = cards.nth(index).inner_text()
        assert "学时" in text and "培训对象：" in text
    assert phone.locator(".md-typeset .lx-cards > p").count() == 0  # nothing spilled out


def test_home_leads_to_what_a_trainee_came_for(phone, shipped_url: str) -> None:
    _open(phone, shipped_url)
    today = phone.locator(".lx-home-today")
    for name in ("今日一练", "错题本", "我的学习进度", "基层党组织书记集中轮训 结业测试"):
        link = today.get_by_role("link", name=name, exact=True)
        assert link.is_visible(), name
    today.get_by_role("link", name="今日一练", exact=True).click()
    assert phone.locator("h1").inner_text().startswith("每日一练")
    phone.go_back()
    progress = phone.locator(".lx-home-today a[href*='#progress']").first
    progress.click()
    phone.wait_for_load_state("load")
    assert phone.url.endswith("#progress") and phone.locator("#progress").is_visible()
    phone.go_back()
    today.get_by_role("link", name="基层党组织书记集中轮训 结业测试", exact=True).click()
    assert phone.url.endswith("quizzes/shuji-lunxun-jieye/")
    assert phone.locator("h1").inner_text().startswith("基层党组织书记集中轮训 结业测试")


@pytest.mark.parametrize("path", ["", "sources/", "quizzes/", "programmes/", "glossary/", "methods/liuchixiang/"])
def test_trainees_see_no_internal_file_names(phone, shipped_url: str, path: str) -> None:
    _open(phone, shipped_url + path)
    text = phone.locator("article").inner_text()
    assert not re.search(r"\w+\.(txt|ya?ml)\b|content/|quizzes/\w", text), path


def test_glossary_entries_say_what_a_term_means(phone, shipped_url: str) -> None:
    _open(phone, shipped_url + "glossary/")
    entries = phone.locator(".lx-glossary li")
    texts = entries.all_inner_texts()
    assert len(texts) > 100
    by_term = {t.split("：", 1)[0]: t.split("：", 1)[1] for t in texts}
    project, _ = load_project(ROOT)
    method = project.methods["liuchixiang"].model
    opening = " ".join(method.summary.split()).split("。")[0]
    assert by_term[method.title].startswith(opening.replace("**", "")[:20])
    step = method.steps[0]
    assert by_term[step.name].split("（")[0].strip() != ""  # a step's gist, before its place
    defined = [t for t in texts if not t.split("：", 1)[1].lstrip().startswith("（标签")]
    assert len(defined) / len(texts) > 0.85  # only tags the prose never spells out stay bare


def test_the_guide_comes_after_every_trainee_page(phone, shipped_url: str) -> None:
    _open(phone, shipped_url + "methods/liuchixiang/")
    top = phone.locator(".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link, "
                        ".md-nav--primary > .md-nav__list > .md-nav__item > a")
    names = [n.strip() for n in top.all_inner_texts() if n.strip()]
    assert names[-1] == "培训者指南", names
    assert names.index("术语表") < names.index("培训者指南")


@pytest.mark.parametrize("page_name",
                         ["", "method/", "quiz/", "curriculum/", "class/", "results/", "interop/", "deploy/"])
def test_the_guide_has_no_stray_spaces_in_its_sentences(phone, shipped_url: str, page_name: str) -> None:
    _open(phone, shipped_url + "guide/" + page_name)
    # the text as written between tags: a space next to code or a link is the guide's style
    texts = phone.evaluate(
        """() => { const out = [];
            const walk = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
            while (walk.nextNode()) {
              if (!walk.currentNode.parentElement.closest('pre, code')) out.push(walk.currentNode.data);
            }
            return out; }"""
    )
    gaps = [text for text in texts if CJK_GAP.search(text)]
    assert gaps == []
