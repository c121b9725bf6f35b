"""Every query of search_queries.yaml typed into the real search box of the shipped site."""

from __future__ import annotations

import pytest
from search_box import open_search, search
from search_support import load_queries

QUERIES = load_queries()


@pytest.fixture(scope="module")
def search_page(browser, shipped_url):
    """One phone-sized page with the search dialog open, shared by the queries."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_search(page, shipped_url)
    page.errors_seen = errors  # type: ignore[attr-defined]
    yield page
    context.close()


def test_the_list_is_long_and_varied() -> None:
    assert len(QUERIES) >= 74
    kinds = {q["kind"] for q in QUERIES}
    assert {"名称", "别称", "单字步骤", "步骤", "地点", "数字", "多词", "问句", "近似"} <= kinds
    assert {q["query"] for q in QUERIES} >= set("听辨劝借让和") | {"会诊", "坐诊"}
    asked = [q for q in QUERIES if q["kind"] in ("问句", "近似")]
    assert len(asked) >= 30  # how trainees ask, not the names the pages use
    assert all(len(q.get("absent", [])) >= 3 for q in asked)  # precision is checked too


@pytest.mark.parametrize("case", QUERIES, ids=[q["query"] for q in QUERIES])
def test_query(case, search_page, shipped_url) -> None:
    answer = search(search_page, shipped_url, case["query"])
    top = answer.pages[:3]
    assert all(page in top for page in case["top3"]), f"{case['query']}: top 3 are {top}"
    missing = [page for page in case.get("found", []) if page not in answer.pages]
    assert not missing, f"{case['query']}: {missing} not among {answer.pages}"
    shown = [page for page in case.get("absent", []) if page in answer.pages]
    assert not shown, f"{case['query']}: unexpected {shown} among {answer.pages}"
    assert not search_page.errors_seen


def test_results_mark_the_words(search_page, shipped_url) -> None:
    search(search_page, shipped_url, "会诊")
    marks = search_page.locator(".md-search-result mark").evaluate_all(
        "els => els.map(e => e.textContent)"
    )
    assert marks and all(mark.replace("\u200b", "") == "会诊" for mark in marks)


def test_enter_opens_the_best_result(search_page, shipped_url) -> None:
    search(search_page, shipped_url, "坐诊")
    search_page.locator("input.md-search__input").press("Enter")
    search_page.wait_for_url("**/methods/sizhen-tiaojie/**")
    open_search(search_page, shipped_url)  # leave the dialog open for the next test
