"""Exam mode: registration, answer sheet and flags, one submit, review, result code, timer, attempts."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect
from test_quiz_support import (
    answer_exam,
    code_answers,
    current,
    quizlab_url,
    regraded,
    result_code,
    start_exam,
    storage,
)

GRADABLE = ["dan", "duo", "pan", "tian", "pai", "pei", "an-a", "an-b"]


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve) -> str:
    return quizlab_url(tmp_path_factory, serve)


def submit(page) -> None:
    page.get_by_role("button", name="交卷").first.click()
    page.get_by_role("button", name="确定交卷").click()


def test_registration_is_required_stored_and_editable(page, site: str) -> None:
    page.goto(site + "quizzes/kaoshi/")
    assert page.get_by_role("heading", name="考前登记").is_visible()
    page.get_by_role("button", name="开始考试").click()
    assert page.get_by_role("alert").text_content() == "请填写姓名和单位：成绩码和合格证明要用到。"
    assert page.evaluate("document.activeElement.name") == "lx-name"
    start_exam(page, "张三", "红旗村", "007")
    assert storage(page, "profile") == {"name": "张三", "unit": "红旗村", "id": "007"}
    page.goto(site + "quizzes/yici/")
    assert page.get_by_label("姓名").input_value() == "张三"
    start_exam(page, "张三丰", "红旗村")
    assert storage(page, "profile")["name"] == "张三丰"


@pytest.mark.parametrize("right", [True, False])
def test_all_types_in_exam_mode_and_the_code_records_what_was_answered(page, site: str, right: bool) -> None:
    page.goto(site + "quizzes/kaoshi/")
    start_exam(page, "李四", "东风社区", "A-12")
    attempt = storage(page, "attempt:kaoshi")
    assert sorted(attempt["order"]) == sorted(["dan", "duo", "pan", "tian", "pai", "pei", "an"])
    answer_exam(page, "kaoshi", right)
    assert current(page).locator(".lx-fb").count() == 0  # no feedback before submitting
    submit(page)
    heading = page.locator(".lx-result h2")
    assert heading.text_content() == ("100 分 · 合格" if right else "0 分 · 不合格")
    assert page.evaluate("document.activeElement.tagName") == "H2"
    code = regraded(page)
    assert code.answers == code_answers("kaoshi", right)
    assert code.correct == {qid: int(right) for qid in GRADABLE}
    assert (code.name, code.unit, code.trainee_id, code.bank) == ("李四", "东风社区", "A-12", "kaoshi")
    assert code.version == json.loads(page.locator("script.lx-bank-data").text_content())["version"]
    assert code.seed == attempt["seed"]
    order = attempt["order"]
    expected_q = [x for qid in order for x in ([qid, "an-a", "an-b"] if qid == "an" else [qid])]
    assert code.questions == expected_q
    assert code.score == (100 if right else 0) and code.passed == right and code.max_points == 8
    review = page.locator(".lx-result .lx-q:not(.lx-sub)")
    assert review.count() == 7
    assert page.locator(".lx-result .lx-answer").count() == 8
    assert page.locator(".lx-result .lx-verdict", has_text="回答正确" if right else "回答错误").count() == 8
    wrong = storage(page, "wrong")
    assert (wrong is None) if right else set(wrong) == {f"kaoshi/{q}" for q in GRADABLE}


def test_answer_sheet_flags_navigation_and_unanswered_warning(page, site: str) -> None:
    page.goto(site + "quizzes/kaoshi/")
    start_exam(page)
    assert page.evaluate("document.activeElement.textContent").startswith("第 1 题")
    order = storage(page, "attempt:kaoshi")["order"]
    answer_exam(page, "kaoshi", {qid: True for qid in order})  # answers everything, ends on the last
    page.get_by_role("button", name="答题卡").click()
    sheet = page.get_by_role("group", name="答题卡")
    assert sheet.get_by_role("button").count() == 7
    assert sheet.get_by_role("button", name="第 7 题：已答").get_attribute("aria-current") == "step"
    sheet.get_by_role("button", name="第 2 题：已答").click()
    assert page.evaluate("document.activeElement.textContent").startswith("第 2 题")
    flag = page.get_by_role("button", name="标记", exact=True)
    assert flag.get_attribute("aria-pressed") == "false"
    flag.click()
    assert flag.get_attribute("aria-pressed") == "true"
    assert storage(page, "attempt:kaoshi")["flags"] == [order[1]]
    assert sheet.get_by_role("button", name="第 2 题：已答，已标记").is_visible()
    # take back the answer of question 3 (whatever was drawn there) so that one stays unanswered
    qid = order[2]
    page.evaluate("""ids => {
        const k = 'lunxun:v1:attempt:kaoshi', a = JSON.parse(localStorage.getItem(k));
        for (const id of ids) delete a.answers[id];
        a.current = 2;
        localStorage.setItem(k, JSON.stringify(a));
    }""", ["an-a", "an-b"] if qid == "an" else [qid])
    page.reload()
    page.get_by_role("button", name="答题卡").click()
    assert sheet.get_by_role("button", name="第 3 题：未答").is_visible()
    page.get_by_role("button", name="交卷").first.click()
    panel = page.get_by_role("region", name="确认")
    assert "还有 1 题未答完（第 3 题）" in panel.text_content()
    assert page.evaluate("document.activeElement.textContent") == "确认交卷"
    page.get_by_role("button", name="返回检查").click()
    assert page.locator(".lx-result").count() == 0
    assert page.evaluate("document.activeElement.textContent").startswith("第 3 题")
    submit(page)
    assert page.locator(".lx-result h2").is_visible()
    assert page.dialogs_seen == []  # the confirmation is in the page, not window.confirm


def test_resume_exam_after_reload(page, site: str) -> None:
    page.goto(site + "quizzes/kaoshi/")
    start_exam(page)
    before = storage(page, "attempt:kaoshi")
    page.get_by_role("button", name="标记", exact=True).click()
    page.get_by_role("button", name="下一题").click()
    page.reload()
    after = storage(page, "attempt:kaoshi")
    assert after["order"] == before["order"] and after["optionOrder"] == before["optionOrder"]
    assert after["seed"] == before["seed"] and after["current"] == 1 and after["flags"] == [before["order"][0]]
    assert current(page).locator(".lx-qh").first.text_content().startswith("第 2 题")


def test_countdown_submits_at_zero(page, site: str) -> None:
    page.goto(site + "quizzes/xianshi/")
    assert "限时 3 秒" in page.locator(".lx-panel").text_content()
    start_exam(page)
    page.get_by_role("radio", name="正确").check()
    attempt = storage(page, "attempt:xianshi")
    assert attempt["deadline"] - attempt["startedAt"] == 3000
    page.locator(".lx-result").wait_for(timeout=10_000)
    assert page.get_by_text("时间到，系统已自动交卷。").is_visible()
    code = regraded(page)
    assert code.answers == {"q1": 1} and code.correct == {"q1": 1, "q2": 0} and code.score == 50
    assert code.finished - code.started <= 3
    assert storage(page, "attempt:xianshi") is None


def test_countdown_survives_reload(page, site: str) -> None:
    page.goto(site + "quizzes/xianshi-chang/")
    start_exam(page)
    timer = page.get_by_role("timer")
    assert re.fullmatch(r"剩余 (10:00|09:5\d)", timer.text_content())
    deadline = storage(page, "attempt:xianshi-chang")["deadline"]
    page.get_by_role("radio", name="正确").check()
    page.reload()
    assert storage(page, "attempt:xianshi-chang")["deadline"] == deadline
    assert re.fullmatch(r"剩余 (10:00|09:5\d)", page.get_by_role("timer").text_content())
    page.evaluate("""() => {  // as if the trainee came back just before the end
        const k = 'lunxun:v1:attempt:xianshi-chang', a = JSON.parse(localStorage.getItem(k));
        a.deadline = Date.now() + 1500; localStorage.setItem(k, JSON.stringify(a));
    }""")
    page.reload()
    page.locator(".lx-result").wait_for(timeout=10_000)
    assert page.get_by_text("时间到，系统已自动交卷。").is_visible()
    assert regraded(page).answers == {"q1": 1}


def test_reload_after_the_deadline_submits_at_once(page, site: str) -> None:
    page.goto(site + "quizzes/xianshi-chang/")
    start_exam(page)
    page.evaluate("""() => {
        const k = 'lunxun:v1:attempt:xianshi-chang', a = JSON.parse(localStorage.getItem(k));
        a.deadline = Date.now() - 1000; localStorage.setItem(k, JSON.stringify(a));
    }""")
    page.reload()
    assert page.locator(".lx-result h2").text_content() == "0 分 · 不合格"
    assert len(storage(page, "history:xianshi-chang")) == 1


def test_attempts_limit_counted_per_browser(page, site: str) -> None:
    page.goto(site + "quizzes/yici/")
    assert "本机还可作答 1 次（共 1 次）" in page.locator(".lx-panel").text_content()
    start_exam(page)
    page.get_by_role("radio", name="正确").check()
    submit(page)
    assert page.get_by_role("button", name="再考一次").count() == 0
    page.reload()
    assert page.get_by_role("heading", name="作答次数已用完").is_visible()
    assert "最多作答 1 次" in page.locator(".lx-stop").text_content()
    assert page.get_by_role("button", name="开始考试").count() == 0
    history = page.locator(".lx-hist")
    assert "第 1 次" in history.text_content() and "100 分 · 合格" in history.text_content()


def test_certificate_print_and_download(page, site: str) -> None:
    page.goto(site + "quizzes/yici/")
    start_exam(page, "王五", "向阳村")
    page.get_by_role("radio", name="正确").check()
    submit(page)
    cert = page.locator(".lx-result .lx-cert")
    text = cert.text_content()
    assert "王五" in text and "向阳村" in text and "只能考一次" in text and "100 分" in text
    assert re.search(r"\d{4} 年 \d{1,2} 月 \d{1,2} 日", text)
    page.evaluate("""() => { window.print = () => {
        const holder = document.querySelector('body > .lx-print');
        window.printed = {text: holder.textContent, printing: document.body.classList.contains('lx-printing')};
    }; }""")
    page.get_by_role("button", name="打印合格证明").click()
    assert page.evaluate("window.printed.printing") is True
    assert "王五" in page.evaluate("window.printed.text")
    page.evaluate("""() => { const holder = document.createElement('div'); holder.className = 'lx-print';
        holder.append(document.querySelector('.lx-cert').cloneNode(true)); document.body.append(holder);
        document.body.classList.add('lx-printing'); }""")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-container')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('body > .lx-print')).display") == "block"
    page.emulate_media(media="screen")
    with page.expect_download() as info:
        page.get_by_role("button", name="下载作答记录").click()
    download = info.value
    assert download.suggested_filename.startswith("lunxun-yici-")
    record = json.loads(download.path().read_text(encoding="utf-8"))
    assert record["a"] == {"q1": 1} and record["code"] == result_code(page) and record["title"] == "只能考一次"


def test_copy_button_with_clipboard_and_with_fallback(page, site: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.rstrip("/"))
    page.goto(site + "quizzes/yici/")
    start_exam(page)
    submit(page)
    page.get_by_role("button", name="复制成绩码").click()
    live = page.locator(".lx-quiz .lx-sr")
    expect(live).to_have_text(re.compile("^成绩码已复制"))
    assert page.evaluate("navigator.clipboard.readText()") == result_code(page)
    page.evaluate("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.evaluate("document.execCommand = () => true")
    live.evaluate("el => { el.textContent = '' }")
    page.get_by_role("button", name="复制成绩码").click()
    expect(live).to_have_text(re.compile("^成绩码已复制"))
    assert page.evaluate("document.activeElement.value") == result_code(page)


def test_history_lists_attempts_with_their_codes(page, site: str) -> None:
    page.goto(site + "quizzes/kaoshi/")
    for _ in range(2):
        if page.get_by_role("button", name="再考一次").count():
            page.get_by_role("button", name="再考一次").click()
        start_exam(page)
        submit(page)
    history = storage(page, "history:kaoshi")
    assert len(history) == 2 and all(not entry["passed"] for entry in history)
    assert set(history[0]) == {"finishedAt", "score", "passed", "points", "max", "seconds", "seed", "code"}
    page.reload()
    items = page.locator(".lx-hist li")
    assert items.count() == 2 and items.first.text_content().startswith("第 2 次")
    items.first.locator("summary").click()
    assert items.first.get_by_label("成绩码").input_value() == history[1]["code"]
