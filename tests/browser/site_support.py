"""A phone in WeChat for the site tests: 360 × 740, touch, and WeChat's Android user agent."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# WeChat's in-app browser on Android (XWEB) as it reports itself
WECHAT = (
    "Mozilla/5.0 (Linux; Android 12; V2049A Build/SP1A.210812.003; wv) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5197 "
    "MMWEBSDK/20230504 MicroMessenger/8.0.37.2380(0x2800253D) WeChat/arm64 Weixin NetType/WIFI "
    "Language/zh_CN ABI/arm64"
)


@contextmanager
def wechat_phone(browser) -> Iterator:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, user_agent=WECHAT, locale="zh-CN",
        device_scale_factor=2, is_mobile=True, has_touch=True,
    )
    try:
        yield context.new_page()
    finally:
        context.close()


PRACTICE = "quizzes/liuchixiang-jichu/"
EXAM = "quizzes/shuji-lunxun-jieye/"
# run as an expression: the shared file is a bare function (lighthouse.mjs uses it too)
_ANSWER_SCRIPT = Path(__file__).resolve().parents[1] / "audit" / "answer-current.js"
ANSWER_CURRENT = f"({_ANSWER_SCRIPT.read_text(encoding='utf-8')})()"


# The quiz states the page tests visit, each reached from the page's first view.
def practice_answered(page) -> None:
    page.locator(".lx-main .lx-q").first.wait_for()
    page.evaluate(ANSWER_CURRENT)
    page.get_by_role("button", name="确定", exact=True).click()
    page.locator(".lx-main .lx-fb").first.wait_for()


def exam_started(page) -> None:
    page.get_by_label("姓名").fill("张三")
    page.get_by_label("单位（乡镇、村或社区）").fill("某村")
    page.get_by_role("button", name="开始考试").click()
    page.locator(".lx-main .lx-q").first.wait_for()
    page.evaluate(ANSWER_CURRENT)


def exam_sheet(page) -> None:
    exam_started(page)
    page.get_by_role("button", name="答题卡").click()
    page.locator(".lx-sheet .lx-cell").first.wait_for()


def exam_result(page) -> None:
    exam_started(page)
    page.locator(".lx-tools").get_by_role("button", name="交卷").click()
    page.get_by_role("button", name="确定交卷").click()
    page.locator(".lx-result").wait_for()
