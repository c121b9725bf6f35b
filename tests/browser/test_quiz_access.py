"""Keyboard only, narrow phones, roles and names, hostile content, no network, seeded draws."""

from __future__ import annotations

import pytest
from test_quiz_support import (
    answer,
    answer_exam,
    current,
    no_horizontal_scroll,
    plan,
    quizlab_url,
    regraded,
    start_exam,
    storage,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve) -> str:
    return quizlab_url(tmp_path_factory, serve)


def focused(page) -> str:
    """What the focused element is called: its aria-label, else its text."""
    return page.evaluate("""() => { const e = document.activeElement;
        return e.getAttribute('aria-label')
          || (e.labels && e.labels[0] ? e.labels[0].textContent : e.textContent).trim(); }""")


def tab_to(page, name: str, limit: int = 120) -> None:
    """Press Tab until the focused element's name starts with ``name``."""
    for _ in range(limit):
        if focused(page).startswith(name):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {name!r}")


def press_on(page, name: str, key: str = "Enter") -> None:
    tab_to(page, name)
    page.keyboard.press(key)


def choose_by_keyboard(page, label: str, wanted: str) -> None:
    """Focus a <select> by Tab and move through it with the arrow keys."""
    tab_to(page, label)
    page.keyboard.press("Home")
    for _ in range(10):
        if page.evaluate("document.activeElement.selectedOptions[0].textContent") == wanted:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(wanted)


def test_whole_practice_quiz_with_the_keyboard_alone(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    press_on(page, "A入户倾听", "Space")
    press_on(page, "确定")
    assert focused(page) == "下一题"  # focus follows to the next step
    assert current(page).locator(".lx-verdict").text_content() == "✔ 回答正确"
    page.keyboard.press("Enter")
    assert focused(page).startswith("第 2 题")  # the question heading
    for option in ["A倾听诉求", "B分类办理", "C办结回访"]:
        press_on(page, option, "Space")
    press_on(page, "确定")
    page.keyboard.press("Enter")
    press_on(page, "正确")
    page.keyboard.press("ArrowDown")  # radios move with the arrows
    press_on(page, "确定")
    page.keyboard.press("Enter")
    tab_to(page, "第 1 空")
    page.keyboard.type("听")
    page.keyboard.press("Tab")
    page.keyboard.type("访")
    press_on(page, "确定")
    page.keyboard.press("Enter")
    for item in ["上门听取诉求", "能办的马上办", "办结后回访"]:
        press_on(page, f"放入下一位：{item}")
    assert storage(page, "attempt:lianxi")["answers"]["pai"] == [0, 1, 2]
    press_on(page, "确定")
    page.keyboard.press("Enter")
    for left, right in [("听", "上门听取诉求"), ("办", "能办的马上办"), ("访", "办结后回访")]:
        choose_by_keyboard(page, left, right)
    press_on(page, "确定")
    page.keyboard.press("Enter")
    press_on(page, "A上门了解情况", "Space")
    press_on(page, "正确", "Space")
    press_on(page, "确定")
    assert focused(page) == "完成"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "H2"
    assert focused(page) == "100 分 · 合格"
    code = regraded(page)
    assert code.score == 100 and code.answers["tian"] == ["听", "访"]


def test_exam_registration_and_submit_with_the_keyboard(page, site: str) -> None:
    page.goto(site + "quizzes/yici/")
    tab_to(page, "姓名")
    page.keyboard.type("赵六")
    page.keyboard.press("Tab")
    page.keyboard.type("幸福村")
    page.keyboard.press("Enter")  # submits the form
    assert focused(page).startswith("第 1 题")
    press_on(page, "正确", "Space")
    press_on(page, "交卷")
    assert focused(page) == "确认交卷"
    press_on(page, "确定交卷")
    assert focused(page) == "100 分 · 合格"
    assert regraded(page).name == "赵六"


def test_roles_and_accessible_names(page, site: str) -> None:
    page.goto(site + "quizzes/lianxi/")
    assert page.get_by_role("radiogroup", name="第 1 题 单选题 · 1 分").get_by_role("radio").count() == 3
    page.get_by_role("button", name="下一题").click()
    assert page.get_by_role("group", name="第 2 题 多选题 · 1 分").get_by_role("checkbox").count() == 4
    for _ in range(4):
        page.get_by_role("button", name="下一题").click()
    assert page.get_by_role("group", name="第 6 题 配对题 · 1 分").get_by_role("combobox").count() == 3
    assert page.get_by_role("combobox", name="听", exact=True).is_visible()
    names = page.evaluate("""() => [...document.querySelectorAll('.lx-quiz :is(button, input, select, textarea)')]
        .filter(e => !(e.getAttribute('aria-label') || (e.labels && e.labels.length) || e.textContent.trim()))
        .map(e => e.outerHTML)""")
    assert names == []
    assert page.locator(".lx-quiz [aria-live=polite]").count() == 1
    page.goto(site + "quizzes/xianshi-chang/")
    start_exam(page)
    assert page.get_by_role("timer").text_content().startswith("剩余")


@pytest.mark.parametrize("bank", ["lianxi", "kaoshi"])
def test_no_horizontal_scroll_at_360_px(browser, site: str, bank: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site + f"quizzes/{bank}/")
    screens = 0
    if bank == "kaoshi":
        assert no_horizontal_scroll(page)
        start_exam(page)
        page.get_by_role("button", name="答题卡").click()
    order = storage(page, f"attempt:{bank}")["order"]
    for index, qid in enumerate(order):
        answer(current(page), *plan(bank, False)[qid])
        if bank == "lianxi":
            page.get_by_role("button", name="确定").click()
        assert no_horizontal_scroll(page), qid
        screens += 1
        if index < len(order) - 1:
            page.get_by_role("button", name="下一题").click()
    page.get_by_role("button", name="交卷" if bank == "kaoshi" else "完成").first.click()
    if bank == "kaoshi":
        assert no_horizontal_scroll(page)
        page.get_by_role("button", name="确定交卷").click()
    assert page.locator(".lx-result").is_visible()
    assert no_horizontal_scroll(page)
    page.goto(site + "quizzes/cuotiben/")
    assert page.locator(".lx-wcard").count() == 8
    assert no_horizontal_scroll(page)
    page.goto(site + "quizzes/meiri/")
    page.locator(".lx-daily .lx-q").wait_for()
    assert no_horizontal_scroll(page)
    assert screens == 7
    context.close()


def test_hostile_content_is_shown_as_text(page, site: str) -> None:
    page.goto(site + "quizzes/xss/")
    quiz = page.locator(".lx-quiz")
    assert "题干含 </script> 和 <script>alert(1)</script> 标签" in current(page).locator(".lx-stem").text_content()
    assert current(page).get_by_role("radio", name="<img src=x onerror=alert(1)>").count() == 1
    page.get_by_role("radio").first.check()
    page.get_by_role("button", name="确定").click()
    assert "<script>alert(1)</script>" in current(page).locator(".lx-explain").text_content()
    page.get_by_role("button", name="下一题").click()
    current(page).get_by_role("textbox").fill("<img src=x onerror=alert(1)>")
    page.get_by_role("button", name="确定").click()
    assert current(page).locator(".lx-verdict").text_content() == "✔ 回答正确"
    page.get_by_role("button", name="下一题").click()
    page.get_by_role("button", name="放入下一位：</script>").click()
    page.get_by_role("button", name="放入下一位：<script>alert(1)</script>").click()
    page.get_by_role("button", name="确定").click()
    page.get_by_role("button", name="下一题").click()
    page.get_by_label("<i>左</i>").select_option(label="<img src=x onerror=alert(1)>")
    page.get_by_role("button", name="确定").click()
    page.get_by_role("button", name="完成").click()
    assert page.locator(".lx-result").is_visible()
    assert quiz.locator("script, img, iframe, [onerror]").count() == 0
    assert quiz.locator("a[href^='javascript']").count() == 0
    page.goto(site + "quizzes/cuotiben/")
    assert page.locator(".lx-wrongbook script, .lx-wrongbook img").count() == 0
    assert page.dialogs_seen == []


def test_no_request_leaves_the_site_and_other_pages_are_untouched(page, site: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site + "about/")
    # the quiz engine leaves a page without a quiz alone (the 长辈版 switch is on every page)
    assert page.locator("[class^=lx-]:not([class^=lx-elder])").count() == 0
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('lunxun:'))") == []
    page.goto(site + "quizzes/kaoshi/")
    start_exam(page)
    answer_exam(page, "kaoshi", True)
    page.get_by_role("button", name="交卷").first.click()
    page.get_by_role("button", name="确定交卷").click()
    page.goto(site + "quizzes/meiri/")
    page.locator(".lx-daily .lx-q").wait_for()
    assert errors == []
    assert page.requests_seen and all(url.startswith(site) for url in page.requests_seen)


def test_storage_disabled_still_works(browser, site: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new Error('denied'); }});")
    page = context.new_page()
    page.goto(site + "quizzes/lianxi/")
    answer(current(page), *plan("lianxi", True)["dan"])
    page.get_by_role("button", name="确定").click()
    assert current(page).locator(".lx-verdict").text_content() == "✔ 回答正确"
    page.get_by_role("button", name="结束练习").click()
    page.get_by_role("button", name="结束并评分").click()
    assert page.locator(".lx-result h2").text_content() == "12.5 分 · 不合格"
    context.close()


def mulberry32(seed: int):
    """The engine's PRNG, ported, to check that a seed reproduces an attempt."""
    mask = 0xFFFFFFFF

    def next_value() -> float:
        nonlocal seed
        seed = (seed + 0x6D2B79F5) & mask
        t = ((seed ^ (seed >> 15)) * (1 | seed)) & mask
        t = ((t + (((t ^ (t >> 7)) * (61 | t)) & mask)) & mask) ^ t
        return ((t ^ (t >> 14)) & mask) / 2**32

    return next_value


def shuffle(items: list, rnd) -> list:
    items = list(items)
    for i in range(len(items) - 1, 0, -1):
        j = int(rnd() * (i + 1))
        items[i], items[j] = items[j], items[i]
    return items


def test_blueprint_draw_is_reproducible_from_the_seed(page, site: str) -> None:
    page.goto(site + "quizzes/chouti/")
    attempt = storage(page, "attempt:chouti")
    rnd = mulberry32(attempt["seed"])
    ting = shuffle(["t1", "t2", "t3"], rnd)[:2]  # quota 1: two of the questions on tingqing#ting
    judge = shuffle(["j1"], rnd)[:1]  # quota 2: one judge question
    left = [q for q in ["t1", "t2", "t3", "j1", "b1", "b2"] if q not in ting + judge]
    shuffle(left, rnd)  # the fill-up draw takes nothing: the quotas already make draw: 3
    order = shuffle(ting + judge, rnd)
    assert attempt["order"] == order
    expected = {qid: shuffle([0, 1], rnd) for qid in order if qid != "j1"}
    assert attempt["optionOrder"] == expected
    assert page.locator(".lx-bar .lx-prog").text_content() == "第 1 / 3 题 · 已答 0"


def test_tampered_wrong_answer_book_is_cleaned(page, site: str) -> None:
    """On file:// every local page shares localStorage, so stored HTML is not trusted."""
    page.goto(site + "quizzes/cuotiben/")
    page.evaluate("""() => localStorage.setItem('lunxun:v1:wrong', JSON.stringify({'x/q': {
        bank: 'x', bankTitle: '<b>题库</b>', streak: 0, added: 1, refHref: 'javascript:alert(1)',
        question: {id: 'q', type: 'single', points: 1, answer: 0, explain: '<p onclick="alert(2)">解析</p>',
            stem: '<p>题干<img src=x onerror=alert(3)><script>alert(4)</script>'
              + '<a href="javascript:alert(5)">链</a></p>',
            options: ['<iframe src="https://example.com"></iframe>甲', '<img src="https://example.com/x.png">乙']}}}))""")
    page.reload()
    book = page.locator(".lx-wrongbook")
    assert book.get_by_role("heading", level=2).text_content() == "今天该复习 1 题"  # an older entry: due at once
    assert book.locator(".lx-note").last.text_content() == "<b>题库</b> · 下次复习：今天"  # the title as text
    assert book.locator(".lx-stem").text_content() == "题干链"
    book.get_by_role("button", name="查看答案").click()
    assert book.locator("script, iframe, [onerror], [onclick], a[href^=javascript]").count() == 0
    assert [img.get_attribute("src") for img in book.locator("img").all()] == ["x", None]
    assert book.locator(".lx-ref").count() == 0
    assert page.dialogs_seen == []
    assert all(url.startswith(site) for url in page.requests_seen)
