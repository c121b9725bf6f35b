"""The wrong-answer book (错题本) and the daily practice (每日一练)."""

from __future__ import annotations

import pytest
from test_quiz_support import answer, current, plan, quizlab_url, storage

DAILY_BANKS = {"lianxi", "kaoshi", "xianshi", "xianshi-chang", "yici", "chouti", "xss", "tiankong"}


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve) -> str:
    return quizlab_url(tmp_path_factory, serve)


def miss(page, qids: list[str]) -> None:
    """In lianxi (practice, authored order), answer the given questions wrongly and check them."""
    for index, qid in enumerate(["dan", "duo", "pan", "tian", "pai", "pei", "an"]):
        if qid in qids:
            answer(current(page), *plan("lianxi", False)[qid])
            page.get_by_role("button", name="确定").click()
        if index < 6:
            page.get_by_role("button", name="下一题").click()


def test_wrong_answers_fill_the_book_grouped_by_bank(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    miss(page, ["dan", "an"])
    wrong = storage(page, "wrong")
    assert set(wrong) == {"lianxi/dan", "lianxi/an-a", "lianxi/an-b"}
    entry = wrong["lianxi/dan"]
    assert entry["bank"] == "lianxi" and entry["bankTitle"] == "听情工作法 练习" and entry["streak"] == 0
    assert entry["question"]["options"] == ["入户倾听", "马上办理", "事后回访"]  # authored order
    assert entry["refHref"] == site + "methods/tingqing/#ting"
    assert wrong["lianxi/an-a"]["question"]["scenario"] == "<p>某村村民反映路灯坏了，多次找村里没人管。</p>"
    page.goto(site + "quizzes/cuotiben/")
    book = page.locator(".lx-wrongbook")
    assert book.get_by_role("heading", level=2).text_content() == "听情工作法 练习 3 题"
    assert book.locator(".lx-wcard").count() == 3
    assert "多次找村里没人管" in book.locator(".lx-wcard").nth(1).text_content()  # the case's scenario


def test_review_shows_answer_and_explanation_without_counting(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    miss(page, ["dan"])
    page.goto(site + "quizzes/cuotiben/")
    card = page.locator(".lx-wcard").first
    card.get_by_role("button", name="查看答案").click()
    assert card.locator(".lx-answer").text_content() == "正确答案：A. 入户倾听"
    assert card.locator(".lx-explain").text_content() == "先听后办。"
    assert card.get_by_role("link", name="查看步骤：相关方法").get_attribute("href") == site + "methods/tingqing/#ting"
    assert storage(page, "wrong")["lianxi/dan"]["streak"] == 0


def test_two_right_in_a_row_remove_a_question(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    miss(page, ["dan", "pan"])
    page.goto(site + "quizzes/cuotiben/")
    card = page.locator(".lx-wcard").first
    card.get_by_role("radio", name="入户倾听").check()
    card.get_by_role("button", name="确定").click()
    assert card.locator(".lx-verdict").text_content() == "✔ 回答正确"
    assert card.locator(".lx-note").text_content() == "答对了！再答对一次就移出错题本。"
    assert storage(page, "wrong")["lianxi/dan"]["streak"] == 1
    card.get_by_role("button", name="再练一次").click()
    card.get_by_role("radio", name="马上办理").check()  # a wrong answer resets the streak
    card.get_by_role("button", name="确定").click()
    assert storage(page, "wrong")["lianxi/dan"]["streak"] == 0
    for _ in range(2):
        card.get_by_role("button", name="再练一次").click()
        card.get_by_role("radio", name="入户倾听").check()
        card.get_by_role("button", name="确定").click()
    assert card.locator(".lx-note").text_content() == "已连续答对两次，这道题已移出错题本。"
    assert set(storage(page, "wrong")) == {"lianxi/pan"}
    page.reload()
    assert page.locator(".lx-wcard").count() == 1


def test_right_answers_in_the_bank_also_count(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    miss(page, ["dan"])
    page.get_by_role("button", name="完成").click()
    page.get_by_role("button", name="结束并评分").click()
    for expected in (1, None):
        page.get_by_role("button", name="再练一次").click()
        answer(current(page), *plan("lianxi", True)["dan"])
        page.get_by_role("button", name="确定").click()
        entry = storage(page, "wrong").get("lianxi/dan") if storage(page, "wrong") else None
        assert (entry and entry["streak"]) == expected
        page.get_by_role("button", name="结束练习").click()
        page.get_by_role("button", name="结束并评分").click()


def test_clear_asks_in_the_page_then_empties_the_book(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    miss(page, ["dan", "duo"])
    page.goto(site + "quizzes/cuotiben/")
    page.get_by_role("button", name="清空错题本").click()
    panel = page.get_by_role("region", name="确认清空")
    assert "确定清空全部 2 道错题吗" in panel.text_content()
    panel.get_by_role("button", name="取消").click()
    assert page.locator(".lx-wcard").count() == 2
    page.get_by_role("button", name="清空错题本").click()
    page.get_by_role("button", name="清空", exact=True).click()
    assert page.locator(".lx-wrongbook").text_content().startswith("错题本是空的")
    assert storage(page, "wrong") is None
    assert page.dialogs_seen == []


def test_empty_book(page, site: str) -> None:
    page.goto(site + "quizzes/cuotiben/")
    assert page.get_by_text("错题本是空的：测验中答错的题会自动收进这里。").is_visible()


def wrong_answer(page, qid: str) -> None:
    """Answer a daily question (any bank, any type) wrongly, using the bank's own data."""
    bank, _, own = qid.partition("/")
    q = page.evaluate("([b, id]) => window.lunxunBanks[b].questions.find(q => q.id === id)", [bank, own])
    scope, perm = current(page), storage(page, "daily")["optionOrder"].get(qid)
    if q["type"] == "single":
        scope.get_by_role("radio").nth(perm.index((q["answer"] + 1) % len(q["options"]))).check()
    elif q["type"] == "multiple":
        for index in (set(q["answer"]) ^ {0}) or {1}:
            scope.get_by_role("checkbox").nth(perm.index(index)).check()
    elif q["type"] == "judge":
        scope.get_by_role("radio", name="错误" if q["answer"] else "正确").check()
    elif q["type"] == "blank":
        scope.get_by_role("textbox").first.fill("不对")
    elif q["type"] == "order":  # the pool is never shown in the right order
        for _ in q["items"]:
            scope.locator(".lx-pool .lx-chip").first.click()
    elif q["type"] == "match":  # the same right item for every left one
        for select in scope.get_by_role("combobox").all():
            select.select_option(index=1)


def test_daily_practice_is_the_same_for_everyone_today(page, browser, site: str) -> None:
    page.goto(site + "quizzes/meiri/")
    page.locator(".lx-daily .lx-q").wait_for()
    order = storage(page, "daily")["order"]
    assert len(order) == 5 and len(set(order)) == 5
    assert {qid.split("/")[0] for qid in order} <= DAILY_BANKS
    loaded = {url.rsplit("/", 1)[1] for url in page.requests_seen if "/assets/lunxun/banks/" in url}
    assert loaded == {qid.split("/")[0] + ".js" for qid in order}
    assert all(url.startswith(site) for url in page.requests_seen)
    other = browser.new_context(viewport={"width": 390, "height": 844})
    second = other.new_page()
    second.goto(site + "quizzes/meiri/")
    second.locator(".lx-daily .lx-q").wait_for()
    assert storage(second, "daily")["order"] == order
    assert storage(second, "daily")["seed"] != storage(page, "daily")["seed"]  # options still shuffled per person
    other.close()
    today = page.evaluate("new Date().toLocaleDateString('sv')")  # YYYY-MM-DD, local time
    assert page.locator(".lx-daily > .lx-note").first.text_content() == f"{today} 的 5 道题"


def test_daily_practice_feeds_the_wrong_answer_book(page, site: str) -> None:
    page.goto(site + "quizzes/meiri/")
    page.locator(".lx-daily .lx-q").wait_for()
    first = storage(page, "daily")["order"][0]
    wrong_answer(page, first)
    page.get_by_role("button", name="确定").click()
    assert current(page).locator(".lx-verdict").text_content() == "✘ 回答错误"
    book = storage(page, "wrong")
    assert list(book) == [first]
    assert book[first]["question"]["id"] == first.split("/")[1] and book[first]["bank"] == first.split("/")[0]
    page.get_by_role("button", name="结束练习").click()
    page.get_by_role("button", name="结束并评分").click()
    assert page.locator(".lx-result h2").text_content() == "答对 0 / 5 题"
    assert page.locator(".lx-result .lx-code").count() == 0  # no result code for daily practice
    page.get_by_role("link", name="打开错题本").click()
    assert page.locator(".lx-wcard").count() == 1
