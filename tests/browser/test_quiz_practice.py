"""Practice mode: feedback after each question, every type right and wrong, resume, drag."""

from __future__ import annotations

import pytest
from test_quiz_support import answer, current, plan, quizlab_url, regraded, storage

ORDER = ["dan", "duo", "pan", "tian", "pai", "pei", "an"]


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve) -> str:
    return quizlab_url(tmp_path_factory, serve)


def practise(page, right: bool) -> list[str]:
    """Answer and check every lianxi question; returns the verdicts shown."""
    verdicts = []
    answers = plan("lianxi", right)
    for index, qid in enumerate(ORDER):
        kind, value = answers[qid]
        answer(current(page), kind, value)
        page.get_by_role("button", name="确定").click()
        verdicts += current(page).locator(".lx-verdict").all_text_contents()
        page.get_by_role("button", name="完成" if index == len(ORDER) - 1 else "下一题").click()
    return verdicts


def test_every_type_answered_right(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    verdicts = practise(page, right=True)
    assert verdicts == ["✔ 回答正确"] * 8  # the case has two sub-questions
    result = page.locator(".lx-result")
    assert result.get_by_role("heading", level=2).text_content() == "100 分 · 合格"
    assert "7 / 7 题" in result.locator(".lx-facts").text_content()  # the case is one question, as on the answer sheet
    assert result.locator(".lx-cert").is_visible()
    code = regraded(page)
    assert code.score == 100 and code.passed and code.points == code.max_points == 8
    assert code.answers == {
        "dan": "A", "duo": "ABC", "pan": 0, "tian": ["听", "回访"], "pai": [0, 1, 2],
        "pei": [0, 1, 2], "an-a": "A", "an-b": 1,
    }
    assert code.questions == ORDER[:-1] + ["an", "an-a", "an-b"]
    history = storage(page, "history:lianxi")
    assert len(history) == 1 and history[0]["passed"] is True and history[0]["score"] == 100
    assert history[0]["code"] == result.get_by_label("成绩码").input_value()
    assert storage(page, "attempt:lianxi") is None
    assert storage(page, "wrong") is None


def test_every_type_answered_wrong_shows_answer_explanation_and_step(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    kind, value = plan("lianxi", False)["dan"]
    answer(current(page), kind, value)
    page.get_by_role("button", name="确定").click()
    feedback = current(page).locator(".lx-fb")
    assert feedback.locator(".lx-verdict").text_content() == "✘ 回答错误"
    assert feedback.locator(".lx-answer").text_content() == "正确答案：A. 入户倾听"
    assert feedback.locator(".lx-explain").text_content() == "先听后办。"
    link = feedback.get_by_role("link", name="查看步骤：听情工作法 · 听")
    assert link.get_attribute("href") == site + "methods/tingqing/#ting"
    assert page.locator(".lx-sr").first.text_content().startswith("回答错误")
    assert current(page).get_by_role("radio").first.is_disabled()
    page.get_by_role("button", name="下一题").click()
    for index, qid in enumerate(ORDER[1:], start=1):
        kind, value = plan("lianxi", False)[qid]
        answer(current(page), kind, value)
        page.get_by_role("button", name="确定").click()
        assert set(current(page).locator(".lx-verdict").all_text_contents()) == {"✘ 回答错误"}
        page.get_by_role("button", name="完成" if index == len(ORDER) - 1 else "下一题").click()
    result = page.locator(".lx-result")
    assert result.get_by_role("heading", level=2).text_content() == "0 分 · 不合格"
    assert result.locator(".lx-cert").count() == 0
    assert result.get_by_role("link", name="第 1 题：答错").count() == 1
    code = regraded(page)
    assert not code.passed and code.points == 0 and set(code.correct.values()) == {0}
    assert code.answers["tian"] == ["办", "拖"] and code.answers["pai"] == [2, 1, 0]
    assert code.answers["pei"] == [1, 2, 0]
    missed = ["dan", "duo", "pan", "tian", "pai", "pei", "an-a", "an-b"]
    assert set(storage(page, "wrong")) == {f"lianxi/{q}" for q in missed}


def test_pass_mark_is_applied(page, site: str) -> None:
    """5 of 8 right is 62.5 (passes 60); the feedback of the case counts each sub-question."""
    page.goto(site + "quizzes/lianxi/")
    good = {"dan", "duo", "pan", "tian", "pai"}
    for index, qid in enumerate(ORDER):
        kind, value = plan("lianxi", qid in good)[qid]
        answer(current(page), kind, value)
        page.get_by_role("button", name="确定").click()
        page.get_by_role("button", name="完成" if index == len(ORDER) - 1 else "下一题").click()
    assert page.locator(".lx-result h2").text_content() == "62.5 分 · 合格"


def test_check_needs_an_answer_and_unanswered_count_as_wrong(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    page.get_by_role("button", name="确定").click()
    assert page.locator(".lx-sr").first.text_content() == "请先作答，再点“确定”"
    assert current(page).locator(".lx-fb").count() == 0
    page.get_by_role("button", name="结束练习").click()
    assert "还有 7 题未答完" in page.locator(".lx-panel").text_content()
    page.get_by_role("button", name="结束并评分").click()
    assert page.locator(".lx-result h2").text_content() == "0 分 · 不合格"
    assert storage(page, "wrong") is None  # nothing was answered wrongly


def test_blank_ignores_width_spaces_punctuation_and_case(page, site: str) -> None:
    page.goto(site + "quizzes/tiankong/")
    blanks = current(page).get_by_role("textbox")
    blanks.nth(0).fill("  ｗｉ－ｆｉ！ ")
    blanks.nth(1).fill("１２３４５")
    blanks.nth(2).fill("情 理。")
    page.get_by_role("button", name="确定").click()
    assert current(page).locator(".lx-verdict").text_content() == "✔ 回答正确"
    assert storage(page, "attempt:tiankong")["answers"]["k1"] == ["  ｗｉ－ｆｉ！ ", "１２３４５", "情 理。"]
    page.get_by_role("button", name="下一题").click()
    current(page).get_by_role("textbox").fill("法")
    page.get_by_role("button", name="确定").click()
    assert current(page).locator(".lx-verdict").text_content() == "✘ 回答错误"
    assert current(page).locator(".lx-answer").text_content() == "正确答案：情 或 情理"


def test_resume_after_reload(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    answer(current(page), *plan("lianxi", True)["dan"])
    page.get_by_role("button", name="确定").click()
    page.get_by_role("button", name="下一题").click()
    answer(current(page), *plan("lianxi", True)["duo"])
    page.get_by_role("button", name="下一题").click()
    page.get_by_role("button", name="下一题").click()
    page.get_by_label("第 1 空").fill("听")
    page.reload()
    assert page.get_by_role("status").first.text_content() == "已恢复上次未完成的作答。"
    assert current(page).locator(".lx-qh").text_content().startswith("第 4 题")
    assert page.get_by_label("第 1 空").input_value() == "听"
    page.get_by_role("button", name="上一题").click()
    page.get_by_role("button", name="上一题").click()
    assert [box.is_checked() for box in current(page).get_by_role("checkbox").all()] == [True, True, True, False]
    page.get_by_role("button", name="上一题").click()
    assert current(page).locator(".lx-verdict").text_content() == "✔ 回答正确"


def test_attempt_of_an_older_bank_version_is_discarded(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    answer(current(page), *plan("lianxi", True)["dan"])
    page.evaluate("""() => {
        const k = 'lunxun:v1:attempt:lianxi', a = JSON.parse(localStorage.getItem(k));
        a.version = 'old'; a.current = 3; localStorage.setItem(k, JSON.stringify(a));
    }""")
    page.reload()
    assert current(page).locator(".lx-qh").text_content().startswith("第 1 题")
    assert not current(page).get_by_role("radio").first.is_checked()


def test_restart_clears_the_attempt(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    answer(current(page), *plan("lianxi", True)["dan"])
    page.get_by_role("button", name="重新开始").click()
    page.get_by_role("button", name="清空并重新开始").click()  # it asks first (test_quiz_phone.py)
    assert not current(page).get_by_role("radio").first.is_checked()
    assert storage(page, "attempt:lianxi")["answers"] == {}


def chip(page, text: str):
    return current(page).locator(".lx-chip", has_text=text)


def mouse_drag(page, source, target_y: float) -> None:
    box = source.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, target_y, steps=8)
    page.mouse.up()


def test_order_by_tapping_with_undo_and_reset(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    for _ in range(4):
        page.get_by_role("button", name="下一题").click()
    scope = current(page)
    scope.get_by_role("button", name="放入下一位：办结后回访").click()
    scope.get_by_role("button", name="放入下一位：上门听取诉求").click()
    assert storage(page, "attempt:lianxi")["answers"]["pai"] == [2, 0]
    scope.get_by_role("button", name="撤销").click()
    assert storage(page, "attempt:lianxi")["answers"]["pai"] == [2]
    scope.get_by_role("button", name="重排").click()
    assert "pai" not in storage(page, "attempt:lianxi")["answers"]
    scope.get_by_role("button", name="放入下一位：能办的马上办").click()
    scope.get_by_role("button", name="1 能办的马上办（第 1 位，点按退回）").click()
    assert "pai" not in storage(page, "attempt:lianxi")["answers"]
    answer(scope, *plan("lianxi", True)["pai"])
    page.get_by_role("button", name="确定").click()
    assert scope.locator(".lx-verdict").text_content() == "✔ 回答正确"


def test_order_by_mouse_drag(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    for _ in range(4):
        page.get_by_role("button", name="下一题").click()
    placed = current(page).locator(".lx-put")
    for text in ["能办的马上办", "办结后回访", "上门听取诉求"]:  # each dropped at the end of the list
        box = placed.bounding_box()
        mouse_drag(page, chip(page, text), box["y"] + box["height"] - 4)
    assert storage(page, "attempt:lianxi")["answers"]["pai"] == [1, 2, 0]
    first = chip(page, "能办的马上办").bounding_box()
    mouse_drag(page, chip(page, "上门听取诉求"), first["y"] + 2)  # to the top
    assert storage(page, "attempt:lianxi")["answers"]["pai"] == [0, 1, 2]
    below = current(page).locator(".lx-order .lx-tools").bounding_box()["y"] + 10
    mouse_drag(page, chip(page, "办结后回访"), below)  # back out of the list
    assert storage(page, "attempt:lianxi")["answers"]["pai"] == [0, 1]


def test_order_by_touch_drag(browser, site: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site + "quizzes/lianxi/")
    for _ in range(4):
        page.get_by_role("button", name="下一题").tap()
    cdp = context.new_cdp_session(page)

    def touch_drag(source, target_y: float) -> None:
        box = source.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
        for step in range(1, 9):
            point = {"x": x, "y": y + (target_y - y) * step / 8}
            cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

    for text in ["上门听取诉求", "能办的马上办", "办结后回访"]:
        placed = current(page).locator(".lx-put").bounding_box()
        touch_drag(chip(page, text), placed["y"] + placed["height"] - 4)
    assert storage(page, "attempt:lianxi")["answers"]["pai"] == [0, 1, 2]
    context.close()
