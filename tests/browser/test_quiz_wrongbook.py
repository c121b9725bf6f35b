"""The wrong-answer book (错题本) with its review schedule, and the daily practice (每日一练)."""

from __future__ import annotations

from datetime import datetime

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


DAY_MS = 86400000


def test_wrong_answers_fill_the_book_due_the_next_day(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    miss(page, ["dan", "an"])
    wrong = storage(page, "wrong")
    assert set(wrong) == {"lianxi/dan", "lianxi/an-a", "lianxi/an-b"}
    entry = wrong["lianxi/dan"]
    assert entry["bank"] == "lianxi" and entry["bankTitle"] == "听情工作法 练习"
    assert entry["review"]["due"] - entry["review"]["last"] == DAY_MS
    assert entry["question"]["options"] == ["入户倾听", "马上办理", "事后回访"]  # authored order
    assert entry["refHref"] == site + "methods/tingqing/#ting"
    assert wrong["lianxi/an-a"]["question"]["scenario"] == "<p>某村村民反映路灯坏了，多次找村里没人管。</p>"
    page.goto(site + "quizzes/cuotiben/")
    book = page.locator(".lx-wrongbook")
    assert book.get_by_role("heading", level=2).text_content() == "其余错题 3 题"  # due tomorrow, not today
    assert book.locator(".lx-wcard").count() == 3
    assert "听情工作法 练习 · 下次复习：" in book.locator(".lx-wcard").first.text_content()
    assert "多次找村里没人管" in book.locator(".lx-wcard").nth(1).text_content()  # the case's scenario


def test_review_shows_answer_and_explanation_without_counting(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    miss(page, ["dan"])
    page.goto(site + "quizzes/cuotiben/")
    card = page.locator(".lx-wcard").first
    before = storage(page, "wrong")["lianxi/dan"]["review"]
    card.get_by_role("button", name="查看答案").click()
    assert card.locator(".lx-answer").text_content() == "正确答案：A. 入户倾听"
    assert card.locator(".lx-explain").text_content() == "先听后办。"
    assert card.get_by_role("link", name="查看步骤：相关方法").get_attribute("href") == site + "methods/tingqing/#ting"
    assert storage(page, "wrong")["lianxi/dan"]["review"] == before


def answer_dan(card, right: bool) -> None:
    card.get_by_role("radio", name="入户倾听" if right else "马上办理").check()
    card.get_by_role("button", name="确定").click()


def test_spaced_right_answers_master_a_question(page, site: str) -> None:
    start = datetime(2026, 12, 1, 9, 0)
    page.clock.set_fixed_time(start)
    page.goto(site + "quizzes/lianxi/")
    miss(page, ["dan", "pan"])
    page.goto(site + "quizzes/cuotiben/")
    dan = page.locator(".lx-wcard", has=page.get_by_role("radio", name="入户倾听"))
    answer_dan(dan, True)  # again on the same day: rescheduled, not mastered
    assert dan.locator(".lx-verdict").text_content() == "✔ 回答正确"
    assert dan.locator(".lx-note").text_content() == "答对了！下次复习：12 月 2 日。"
    dan.get_by_role("button", name="再练一次").click()
    answer_dan(dan, False)
    assert dan.locator(".lx-note").text_content() == "答错了，明天再复习这道题。"
    # then right each time it falls due, until the next review is half a month away
    intervals = []
    while "lianxi/dan" in (storage(page, "wrong") or {}):
        review = storage(page, "wrong")["lianxi/dan"]["review"]
        page.clock.set_fixed_time(datetime.fromtimestamp(review["due"] / 1000))
        page.reload()
        assert page.locator(".lx-wrongbook h2").first.text_content() == "今天该复习 2 题"  # pan fell due too
        answer_dan(dan, True)
        after = (storage(page, "wrong") or {}).get("lianxi/dan")
        if after:
            intervals.append(round((after["review"]["due"] - after["review"]["last"]) / DAY_MS))
            assert dan.locator(".lx-note").text_content().startswith("答对了！下次复习：")
        assert len(intervals) < 8
    assert dan.locator(".lx-note").text_content() == "答对了，已经记牢，这道题已移出错题本。"
    assert intervals == sorted(intervals) and intervals[-1] < 15 and len(intervals) >= 2
    assert set(storage(page, "wrong")) == {"lianxi/pan"}
    page.reload()
    assert page.locator(".lx-wcard").count() == 1


def test_right_answers_in_the_bank_also_count(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    miss(page, ["dan"])
    page.get_by_role("button", name="完成").click()
    page.get_by_role("button", name="结束并评分").click()
    first = storage(page, "wrong")["lianxi/dan"]["review"]
    page.get_by_role("button", name="再练一次").click()
    answer(current(page), *plan("lianxi", True)["dan"])
    page.get_by_role("button", name="确定").click()
    again = storage(page, "wrong")["lianxi/dan"]["review"]
    assert again["s"] > first["s"] and again["last"] >= first["last"]  # rescheduled by the right answer


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


def test_daily_practice_mixes_in_the_reviews_that_fall_due(page, browser, site: str) -> None:
    start = datetime(2026, 12, 1, 9, 0)
    page.clock.set_fixed_time(start)
    page.goto(site + "quizzes/lianxi/")
    miss(page, ["dan"])
    next_day = datetime(2026, 12, 2, 10, 0)
    page.clock.set_fixed_time(next_day)
    page.goto(site + "quizzes/meiri/")
    page.locator(".lx-daily .lx-q").wait_for()
    order = storage(page, "daily")["order"]
    assert order[0] == "lianxi/dan" and len(order) == 5 and len(set(order)) == 5
    assert page.locator(".lx-daily > .lx-note").first.text_content() == (
        "2026-12-02 的 5 道题：前 1 道是错题本里今天该复习的题，其余是新题")
    assert storage(page, "daily-reviews") == {"date": "2026-12-02", "keys": ["lianxi/dan"]}
    # the new questions are everyone's for the day (a fresh phone has no reviews)
    other = browser.new_context(viewport={"width": 390, "height": 844})
    second = other.new_page()
    second.clock.set_fixed_time(next_day)
    second.goto(site + "quizzes/meiri/")
    second.locator(".lx-daily .lx-q").wait_for()
    theirs = [qid for qid in storage(second, "daily")["order"] if qid != "lianxi/dan"]
    other.close()
    assert order[1:] == theirs[:4]
    answer(current(page), *plan("lianxi", True)["dan"])
    page.get_by_role("button", name="确定").click()
    review = storage(page, "wrong")["lianxi/dan"]["review"]
    assert review["last"] == next_day.timestamp() * 1000 and review["due"] > review["last"] + DAY_MS
