"""Issue 17, items 2 and 4 and the pausable practice timer of item 9, on a phone in WeChat
(360 × 740, WeChat's user agent), in the standard view and in 长辈版: what the engine says is
shown on screen (not over the question) as well as announced; 重新开始 asks first; 用时 counts
from the start of the attempt; one question count everywhere; the back-to-top button keeps off
the progress bar; a timed practice pauses, across a reload. The quizlab project, with Material's
back-to-top button switched on and a timed practice added."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator

import pytest
import yaml
from playwright.sync_api import expect
from site_support import wechat_phone
from test_quiz_support import PROJECT, answer, current, plan, start_exam, storage

from generator.engines.mkdocs.build import build_site

ELDER = "lunxun:v1:elder"
TIMED_PRACTICE = """title: 限时练习
methods: [tingqing]
mode: practice
time_limit: 10
pass_mark: 60
questions:
  - id: t1
    type: judge
    stem: 办结后应当回访。
    answer: true
  - id: t2
    type: judge
    stem: 听情工作法的第一步是倾听。
    answer: true
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    project = tmp_path_factory.mktemp("phone") / "project"
    shutil.copytree(PROJECT, project)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["features"].append("navigation.top")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (project / "quizzes" / "xianshi-lianxi.yaml").write_text(TIMED_PRACTICE, encoding="utf-8")
    return serve(build_site(project / "mkdocs.yml", site_dir=str(project.parent / "site"), strict=True))


@pytest.fixture(params=["standard", "elder"])
def phone(browser, request) -> Iterator:
    with wechat_phone(browser) as page:
        if request.param == "elder":
            page.add_init_script(f"localStorage.setItem({ELDER!r}, '1')")
        yield page


def box(locator) -> dict[str, float]:
    found = locator.bounding_box()
    assert found is not None, "not rendered"
    return found


def overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def on_screen(page, locator) -> bool:
    """Wholly inside the viewport (360 × 740) and drawn (visible)."""
    found = box(locator)
    size = page.viewport_size
    return (locator.is_visible() and found["x"] >= 0 and found["y"] >= 0
            and found["x"] + found["width"] <= size["width"] + 0.5
            and found["y"] + found["height"] <= size["height"] + 0.5)


def shown(page, text: str | re.Pattern[str]) -> None:
    """The message is in the visible status line, on screen, and in the live region."""
    line = page.locator(".lx-quiz .lx-status")
    expect(line).to_have_count(1)
    expect(line).to_have_text(text)
    assert on_screen(page, line)
    expect(page.locator(".lx-quiz .lx-sr[role=status]")).to_have_text(text)


def test_please_answer_first_is_shown_below_the_buttons_not_over_the_question(phone, site: str) -> None:
    phone.goto(site + "quizzes/lianxi/")
    phone.get_by_role("button", name="确定").click()
    shown(phone, "请先作答，再点“确定”")
    card = current(phone).locator(".lx-q").first
    assert not overlaps(box(phone.locator(".lx-status")), box(card))
    assert not overlaps(box(phone.locator(".lx-status")), box(current(phone).locator(".lx-nav")))
    # answering makes the message stale: it goes; checking says how it went, in the same place
    kind, value = plan("lianxi", False)["dan"]
    answer(current(phone), kind, value)
    expect(phone.locator(".lx-status")).to_have_count(0)
    phone.get_by_role("button", name="确定").click()
    shown(phone, re.compile("^回答错误"))
    assert not overlaps(box(phone.locator(".lx-status")), box(current(phone).locator(".lx-q").first))
    phone.get_by_role("button", name="下一题").click()
    expect(phone.locator(".lx-status")).to_have_count(0)  # a message about the last question goes with it


def test_copied_is_shown_next_to_the_code(phone, site: str) -> None:
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.rstrip("/"))
    phone.goto(site + "quizzes/yici/")
    start_exam(phone)
    phone.get_by_role("button", name="交卷").click()  # its only question: 交卷 is the next button
    phone.get_by_role("button", name="确定交卷").click()
    code = phone.locator(".lx-result .lx-code")
    code.get_by_role("button", name="复制成绩码").click()
    shown(phone, re.compile("^成绩码已复制"))
    assert not overlaps(box(phone.locator(".lx-status")), box(code.get_by_label("成绩码")))
    assert not overlaps(box(phone.locator(".lx-status")), box(code.get_by_role("button", name="复制成绩码")))
    # without a clipboard: the code is selected and the line says what to do, in the same place
    phone.evaluate("Object.defineProperty(navigator, 'clipboard', {value: undefined});"
                   "document.execCommand = () => false")
    code.get_by_role("button", name="复制成绩码").click()
    shown(phone, re.compile("长按"))


def test_the_five_minute_warning_is_shown_under_the_bar(phone, site: str) -> None:
    phone.goto(site + "quizzes/xianshi-lianxi/")
    phone.get_by_role("button", name="开始练习").click()
    phone.evaluate("""() => {  // four minutes and a half left
      const key = 'lunxun:v1:attempt:xianshi-lianxi', attempt = JSON.parse(localStorage.getItem(key));
      attempt.deadline = Date.now() + 270000;
      localStorage.setItem(key, JSON.stringify(attempt));
    }""")
    phone.reload()
    phone.evaluate("scrollTo(0, 0)")
    card = current(phone).locator(".lx-q").first
    card.scroll_into_view_if_needed()  # the question in view, as when the trainee works on it
    shown(phone, "剩余时间不足 5 分钟，到时将自动交卷")
    line, bar = phone.locator(".lx-status"), phone.locator(".lx-bar")
    assert not overlaps(box(line), box(card))
    assert not overlaps(box(line), box(bar))  # under the bar, not in it: a sticky bar that grew would cover more
    expect(bar.locator(".lx-timer")).to_have_class(re.compile("lx-urgent"))  # the sticky clock tells it too
    phone.get_by_role("button", name="下一题").click()  # the clock's warning stays while the trainee goes on
    expect(line).to_be_visible()


def test_restart_asks_and_cancel_keeps_the_progress(phone, site: str) -> None:
    phone.goto(site + "quizzes/lianxi/")
    kind, value = plan("lianxi", True)["dan"]
    answer(current(phone), kind, value)
    phone.get_by_role("button", name="确定").click()
    phone.get_by_role("button", name="重新开始").click()
    panel = phone.get_by_role("region", name="确认重新开始")
    expect(panel).to_contain_text("已答 1 / 7 题")
    expect(phone.locator(".lx-main .lx-q")).to_have_count(0)
    assert "dan" in storage(phone, "attempt:lianxi")["answers"]  # asking changes nothing yet
    panel.get_by_role("button", name="取消").click()
    expect(current(phone).locator(".lx-verdict")).to_have_text("✔ 回答正确")
    assert storage(phone, "attempt:lianxi")["checked"] == ["dan"]
    phone.reload()  # still kept
    expect(current(phone).locator(".lx-verdict")).to_have_text("✔ 回答正确")
    phone.get_by_role("button", name="重新开始").click()
    phone.get_by_role("button", name="清空并重新开始").click()
    expect(current(phone).locator(".lx-verdict")).to_have_count(0)
    expect(phone.locator(".lx-prog")).to_have_text("第 1 / 7 题 · 已答 0")
    assert storage(phone, "attempt:lianxi")["answers"] == {}


def finish_practice(page) -> None:
    page.get_by_role("button", name="结束练习").click()
    page.get_by_role("button", name="结束并评分").click()


def used(page) -> str:
    facts = page.locator(".lx-result .lx-facts")
    return facts.locator("dt", has_text="用时").locator("xpath=following-sibling::dd[1]").text_content()


def test_time_used_counts_from_the_start_of_the_attempt(phone, site: str) -> None:
    phone.clock.install()
    # a practice: the page opened, read for ten minutes (and reloaded), then answered
    phone.goto(site + "quizzes/lianxi/")
    phone.clock.fast_forward("05:00")
    phone.reload()
    phone.clock.fast_forward("05:00")
    kind, value = plan("lianxi", True)["dan"]
    answer(current(phone), kind, value)
    phone.clock.fast_forward("00:30")
    finish_practice(phone)
    assert re.fullmatch(r"3[0-4] 秒", used(phone))  # not the ten minutes before the first answer
    # an exam: ten minutes on the sign-in page, then two minutes, a reload, and one more
    phone.goto(site + "quizzes/kaoshi/")
    phone.clock.fast_forward("10:00")
    start_exam(phone)
    phone.clock.fast_forward("02:00")
    phone.reload()
    expect(phone.get_by_text("已恢复上次未完成的作答。")).to_be_visible()
    phone.clock.fast_forward("01:00")
    phone.locator(".lx-tools").get_by_role("button", name="交卷").click()
    phone.get_by_role("button", name="确定交卷").click()
    assert re.fullmatch(r"3 分 [0-4] 秒", used(phone))  # not the ten minutes on the sign-in page


def test_one_question_count_everywhere(phone, site: str) -> None:
    """kaoshi: 7 questions, one a case of two sub-questions (8 graded parts)."""
    phone.goto(site + "quizzes/kaoshi/")
    expect(phone.locator(".lx-panel")).to_contain_text("共 7 题")
    start_exam(phone)
    order = storage(phone, "attempt:kaoshi")["order"]
    right = {qid: qid in {"dan", "an"} for qid in order}
    for index, qid in enumerate(order):
        if qid in {"dan", "an", "pan"}:  # pan wrong, the case right, the rest unanswered
            kind, value = plan("kaoshi", right[qid])[qid]
            answer(current(phone), kind, value)
        if index < len(order) - 1:
            phone.get_by_role("button", name="下一题").click()
    expect(phone.locator(".lx-prog")).to_have_text("第 7 / 7 题 · 已答 3")
    phone.get_by_role("button", name="答题卡").click()
    expect(phone.locator(".lx-sheet .lx-cell")).to_have_count(7)
    phone.get_by_role("button", name="交卷").first.click()
    expect(phone.locator(".lx-panel")).to_contain_text("还有 4 题未答完")
    phone.get_by_role("button", name="确定交卷").click()
    facts = phone.locator(".lx-result .lx-facts")
    expect(facts.locator("dt", has_text="答对").locator("xpath=following-sibling::dd[1]")).to_have_text("2 / 7 题")
    expect(phone.locator(".lx-result .lx-marks .lx-cell")).to_have_count(7)


def test_a_partly_right_case_is_counted_apart(phone, site: str) -> None:
    phone.goto(site + "quizzes/lianxi/")
    for qid in ["dan", "duo", "pan", "tian", "pai", "pei"]:
        phone.get_by_role("button", name="下一题").click()
    answer(current(phone), "case", [("single", "上门了解情况"), ("judge", "错误")])
    phone.get_by_role("button", name="确定").click()
    phone.get_by_role("button", name="完成").click()
    phone.get_by_role("button", name="结束并评分").click()
    facts = phone.locator(".lx-result .lx-facts")
    expect(facts.locator("dt", has_text="答对").locator("xpath=following-sibling::dd[1]")).to_have_text("0 / 7 题，"
                                                                                                      "部分答对 1 题")


def test_back_to_top_keeps_off_the_progress_bar(phone, site: str) -> None:
    phone.goto(site + "quizzes/lianxi/")
    phone.get_by_role("button", name="答题卡").click()
    # as long as a long case at 360 px
    phone.locator(".lx-main").evaluate("main => { main.style.paddingBottom = '3000px' }")
    phone.mouse.wheel(0, 1500)
    phone.wait_for_timeout(300)
    phone.mouse.wheel(0, -300)  # Material shows the button when the trainee scrolls back up
    top = phone.locator(".md-top")
    expect(top).not_to_have_attribute("hidden", "")
    phone.wait_for_timeout(300)  # its transition
    bar = phone.locator(".lx-bar")
    assert 40 <= box(bar)["y"] <= 70, "the bar sticks under the header"
    assert on_screen(phone, top)
    assert not overlaps(box(top), box(bar))


def test_a_timed_practice_pauses_across_a_reload(phone, site: str) -> None:
    phone.clock.install()
    phone.goto(site + "quizzes/xianshi-lianxi/")
    phone.get_by_role("button", name="开始练习").click()
    answer(current(phone), "judge", "正确")
    phone.clock.fast_forward("01:00")
    timer = phone.locator(".lx-bar .lx-timer")
    expect(timer).to_have_text("剩余 09:00")
    phone.locator(".lx-bar").get_by_role("button", name="暂停").click()
    expect(phone.get_by_role("heading", name="练习已暂停")).to_be_focused()
    expect(phone.locator(".lx-main .lx-q")).to_have_count(0)  # the question is hidden
    expect(timer).to_have_text("已暂停 · 剩余 09:00")
    phone.clock.fast_forward("30:00")  # longer than the whole limit
    phone.reload()
    expect(phone.get_by_role("heading", name="练习已暂停")).to_be_visible()
    expect(phone.locator(".lx-main .lx-q")).to_have_count(0)
    expect(phone.locator(".lx-bar .lx-timer")).to_have_text("已暂停 · 剩余 09:00")
    expect(phone.locator(".lx-prog")).to_have_text("第 1 / 2 题 · 已答 1")
    phone.get_by_role("button", name="继续练习").click()
    expect(phone.locator(".lx-bar .lx-timer")).to_have_text("剩余 09:00")
    expect(current(phone).get_by_role("radio", name=re.compile("正确$"))).to_be_checked()
    phone.clock.fast_forward("00:30")
    expect(phone.locator(".lx-bar .lx-timer")).to_have_text("剩余 08:30")
    phone.get_by_role("button", name="下一题").click()
    phone.get_by_role("button", name="完成").click()
    phone.get_by_role("button", name="结束并评分").click()
    assert re.fullmatch(r"1 分 3[0-4] 秒", used(phone))  # the half hour paused is not time used


def test_exams_cannot_be_paused(phone, site: str) -> None:
    phone.goto(site + "quizzes/xianshi-chang/")
    start_exam(phone)
    expect(phone.locator(".lx-bar .lx-timer")).to_have_text(re.compile("^剩余"))
    expect(phone.get_by_role("button", name="暂停")).to_have_count(0)


def test_please_answer_first_is_shown_in_the_wrong_answer_book_too(phone, site: str) -> None:
    phone.goto(site + "quizzes/lianxi/")
    answer(current(phone), *plan("lianxi", False)["dan"])
    phone.get_by_role("button", name="确定").click()
    phone.goto(site + "quizzes/cuotiben/")
    entry = phone.locator(".lx-wcard").first
    entry.get_by_role("button", name="确定").click()
    line = phone.locator(".lx-wrongbook .lx-status")
    expect(line).to_have_text("请先作答，再点“确定”")
    assert on_screen(phone, line)
    assert not overlaps(box(line), box(entry.locator(".lx-q")))
    expect(phone.locator(".lx-wrongbook .lx-sr[role=status]")).to_have_text("请先作答，再点“确定”")


def _restart_asked(page) -> None:
    answer(current(page), *plan("lianxi", True)["dan"])
    page.get_by_role("button", name="重新开始").click()


def _paused(page) -> None:
    page.get_by_role("button", name="开始练习").click()
    page.locator(".lx-bar").get_by_role("button", name="暂停").click()


AXE_STATES = {
    "status-line": ("quizzes/lianxi/", lambda page: page.get_by_role("button", name="确定").click()),
    "restart-asked": ("quizzes/lianxi/", _restart_asked),
    "paused": ("quizzes/xianshi-lianxi/", _paused),
}


@pytest.mark.parametrize("state", list(AXE_STATES))
def test_axe_finds_nothing_serious_in_the_new_states(phone, site: str, state: str) -> None:
    axe = PROJECT.parents[1] / "audit" / "node_modules" / "axe-core" / "axe.min.js"
    assert axe.is_file(), "axe-core is missing: run `make test`, which installs tests/audit's npm packages"
    path, reach = AXE_STATES[state]
    phone.goto(site + path)
    reach(phone)
    phone.add_script_tag(path=str(axe))
    # the quiz only: quizlab keeps Material's stock palette (test_accessibility.py checks the shipped pages)
    violations = phone.evaluate("() => axe.run('.lx-quiz', {resultTypes: ['violations']}).then(r => r.violations)")
    serious = [(v["id"], [n["target"] for n in v["nodes"]])
               for v in violations if v["impact"] in {"serious", "critical"}]
    assert serious == []
