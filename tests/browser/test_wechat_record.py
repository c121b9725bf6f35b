"""Issue 17, items 3, 7 and 8, on a phone in WeChat (360 × 740, WeChat's user agent):
the certificate kept in 本机作答记录 (reopened and printed after a reload, with the programme and
the site's organizer as issuer); downloads and printing that WeChat ignores replaced by
guidance; copying without navigator.clipboard falling back to selected text with a hint; the
trainee's record backed up as a code in one browser and restored in another, and a tampered
backup refused."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from site_support import WECHAT
from xiaoce_support import XIAOCE

from generator.engines.mkdocs.build import build_site

SAMPLE = Path(__file__).resolve().parents[1] / "projects" / "sample"
ORGANIZER = "测试县委组织部"
PROGRAMME = "programmes/xiaoban/"
QUIZ = "quizzes/xiaoce/"
XIAOBAN = """\
title: 听情工作法半日班
summary: 开班、听课、小测、结业。
hours: 3
completion:
  quizzes: [xiaoce]
  quiz_hours: {xiaoce: 1.5}  # the certificate states them
days:
  - sessions:
      - {time: "08:30-09:00", kind: 开班式, title: 开班}
      - {time: "09:00-11:00", kind: 专题辅导, title: 听情工作法, methods: [tingqing]}
      - {time: "11:00-11:30", kind: 测验, title: 小测, quizzes: [xiaoce]}
cohorts:
  - {id: "2026-01", name: 第一期, start: 2026-09-07}
"""
# What a trainee's browser holds after some use: every kind the backup carries, plus a quiz
# under way, which it leaves out (tests/js/backup.test.js: the set-aside copies too).
RECORD = {
    "visited": {"tingqing": 1788739200000},
    "attended:xiaoban": ["d1-0830"],
    "history:xiaoce": [{"finishedAt": 1788739300000, "score": 100, "passed": True, "points": 1, "max": 1, "seconds": 42,
                        "seed": 7, "code": "LX1.e30.00000000",
                        "cert": {"name": "王五", "unit": "向阳村", "id": "", "title": "听情工作法 小测",
                                 "programme": "听情工作法半日班", "issuer": ORGANIZER}}],
    "wrong": {"tingqing-lianxi/pan": {"bank": "tingqing-lianxi", "bankTitle": "听情工作法 练习",
                                      "question": {"id": "pan", "type": "judge", "stem": "<p>走访只听不记。</p>",
                                                   "answer": False},
                                      "streak": 0, "added": 1788739200000, "refHref": None, "shuffle": True}},
    "profile": {"name": "王五", "unit": "向阳村", "id": ""},
    "elder": 1,
}
LEFT_OUT = {"attempt:tingqing-lianxi": {"version": "x", "seed": 1}}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    project = tmp_path_factory.mktemp("wechat") / "project"
    shutil.copytree(SAMPLE, project)
    (project / "quizzes" / "xiaoce.yaml").write_text(XIAOCE, encoding="utf-8")
    (project / "content" / "curricula" / "xiaoban.yaml").write_text(XIAOBAN, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - lunxun\n", f"  - lunxun:\n      organizer: {ORGANIZER}\n")
    # the shipped site's colours and footer (mkdocs.yml), which test_accessibility.py judges; the
    # sample keeps Material's
    text = text.replace("  font: false\n", "  font: false\n  palette:\n    primary: red\n    accent: red\n")
    config.write_text(text + "extra:\n  generator: false\n", encoding="utf-8")
    return serve(build_site(config, site_dir=str(project.parent / "site"), strict=True))


def _context(browser, wechat: bool = True, clipboard: bool = True):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN", is_mobile=True,
                                  has_touch=True,
                                  **({"user_agent": WECHAT} if wechat else {}))
    if not clipboard:  # as on a plain-http intranet site, where browsers give no clipboard API
        context.add_init_script("delete Navigator.prototype.clipboard")
    return context


@pytest.fixture
def phone(browser) -> Iterator:
    context = _context(browser)
    yield context.new_page()
    context.close()


def _record(page) -> dict[str, object]:
    """Every lunxun key but the set-aside copies a cleaner's repair leaves (lunxun:v1:broken:…)."""
    return page.evaluate("""() => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k.startsWith('lunxun:v1:') && !k.startsWith('lunxun:v1:broken:'))
        .map(k => [k.slice(10), JSON.parse(localStorage.getItem(k))]))""")


def _seed(page, site: str, record: dict[str, object]) -> None:
    page.goto(site + PROGRAMME)
    page.evaluate("r => Object.entries(r).forEach(([k, v]) => "
                  "localStorage.setItem('lunxun:v1:' + k, JSON.stringify(v)))", record)


def _pass_quiz(page, site: str) -> None:
    page.goto(site + QUIZ)
    page.get_by_role("radio", name="正确").check()
    page.get_by_role("button", name="确定", exact=True).click()
    page.get_by_role("button", name="完成").click()
    page.locator(".lx-result").wait_for()


def _backup_code(page, site: str) -> str:
    page.goto(site + PROGRAMME)
    page.get_by_role("button", name="生成备份码").click()
    return page.locator(".lx-backup-code").input_value()


def test_the_certificate_names_programme_and_issuer_survives_a_reload_and_prints(phone, site: str) -> None:
    phone.goto(site + QUIZ)
    phone.evaluate("localStorage.setItem('lunxun:v1:profile', JSON.stringify({name: '王五', unit: '向阳村', id: ''}))")
    _pass_quiz(phone, site)
    cert = phone.locator(".lx-result .lx-cert").inner_text()
    assert "王五" in cert and "向阳村" in cert and "听情工作法半日班" in cert and ORGANIZER in cert and "100 分" in cert
    assert "计 1.5 学时。" in cert  # what completion.quiz_hours credits for passing it, carried by the page
    phone.reload()  # as when coming back from WeChat after pasting the code
    history = phone.locator(".lx-hist")
    summary = history.locator("summary").first
    expect(summary).to_contain_text("合格证明")
    summary.click()
    kept = history.locator(".lx-cert")
    expect(kept).to_be_visible()
    assert kept.inner_text() == cert  # the same certificate, from 本机作答记录
    # printed: the certificate alone on the page (WeChat cannot print, so this is a browser)
    context = _context(phone.context.browser, wechat=False)
    browser_page = context.new_page()
    browser_page.goto(site + QUIZ)
    browser_page.evaluate("r => localStorage.setItem('lunxun:v1:history:xiaoce', JSON.stringify(r))",
                          phone.evaluate("JSON.parse(localStorage.getItem('lunxun:v1:history:xiaoce'))"))
    browser_page.reload()
    browser_page.locator(".lx-hist summary").first.click()
    browser_page.emulate_media(media="print")
    browser_page.evaluate("""() => { window.print = () => { window.printed = {
        text: document.querySelector('body > .lx-print').innerText,
        page: getComputedStyle(document.querySelector('.md-container')).display,
        holder: getComputedStyle(document.querySelector('body > .lx-print')).display}; }; }""")
    browser_page.locator(".lx-hist").get_by_role("button", name="打印合格证明").click()
    printed = browser_page.evaluate("window.printed")
    assert printed["page"] == "none" and printed["holder"] == "block"
    assert "王五" in printed["text"] and ORGANIZER in printed["text"] and "计 1.5 学时" in printed["text"]
    pdf = browser_page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    context.close()
    # in WeChat the print button says what to do instead
    phone.locator(".lx-hist").get_by_role("button", name="打印合格证明").click()
    expect(phone.locator(".lx-hist .lx-instead")).to_contain_text("在浏览器中打开")


def test_in_wechat_download_buttons_give_guidance_and_the_record_as_text(phone, site: str) -> None:
    downloads: list[object] = []
    phone.on("download", lambda download: downloads.append(download))
    _pass_quiz(phone, site)
    phone.get_by_role("button", name="下载作答记录").click()
    instead = phone.locator(".lx-result div.lx-instead")
    expect(instead).to_contain_text("点右上角「…」，选择「在浏览器中打开」")
    record = json.loads(instead.locator("textarea").input_value())
    assert record["title"] == "听情工作法 小测" and record["ok"] == 1
    phone.goto(site + PROGRAMME + "2026-01/")
    link = phone.get_by_role("link", name="导入手机日历（.ics）")
    link.click()
    expect(phone.locator(".lx-wx-guide")).to_contain_text("微信里不能下载文件")
    assert phone.url.endswith("2026-01/")
    phone.goto(site + PROGRAMME)
    phone.get_by_role("link", name="日历").click()
    expect(phone.locator(".lx-cohorts .lx-wx-guide")).to_be_visible()
    phone.get_by_role("button", name="生成备份码").click()
    phone.get_by_role("button", name="保存为文件").click()
    expect(phone.locator(".lx-backup-msg")).to_contain_text("在浏览器中打开")
    assert downloads == []


def test_outside_wechat_the_same_buttons_download(browser, site: str) -> None:
    context = _context(browser, wechat=False)
    page = context.new_page()
    page.goto(site + PROGRAMME + "2026-01/")
    with page.expect_download() as calendar:
        page.get_by_role("link", name="导入手机日历（.ics）").click()
    assert calendar.value.suggested_filename.endswith(".ics")
    assert page.locator(".lx-wx-guide").count() == 0
    page.goto(site + PROGRAMME)
    page.get_by_role("button", name="生成备份码").click()
    with page.expect_download() as saved:
        page.get_by_role("button", name="保存为文件").click()
    assert re.fullmatch(r"lunxun-beifen-\d{4}-\d\d-\d\d\.txt", saved.value.suggested_filename)
    assert saved.value.path().read_text(encoding="utf-8") == page.locator(".lx-backup-code").input_value()
    context.close()


def test_without_the_clipboard_api_copy_leaves_the_code_selected_with_a_hint(browser, site: str) -> None:
    context = _context(browser, clipboard=False)
    page = context.new_page()
    page.goto(site + PROGRAMME)
    assert page.evaluate("navigator.clipboard") is None
    page.get_by_role("button", name="生成备份码").click()
    hint = page.locator(".lx-copy-hint")
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("长按选择复制")
    page.evaluate("document.execCommand = () => false")  # as where execCommand cannot copy either
    page.get_by_role("button", name="复制备份码").click()
    expect(page.locator(".lx-backup-msg")).to_contain_text("备份码已选中，请长按选中的文字")
    selected = page.evaluate("""() => { const a = document.activeElement;
        return {cls: a.className, all: a.selectionStart === 0 && a.selectionEnd === a.value.length}; }""")
    assert selected == {"cls": "lx-backup-code", "all": True}
    context.close()


def test_the_result_code_without_the_clipboard_api_is_left_selected_with_a_hint(browser, site: str) -> None:
    context = _context(browser, clipboard=False)
    page = context.new_page()
    _pass_quiz(page, site)
    hint = page.locator(".lx-result .lx-copy-hint")
    expect(hint).to_be_visible()  # on screen before any tap: the copy button may do nothing here
    expect(hint).to_contain_text("长按选择复制")
    page.evaluate("document.execCommand = () => false")
    page.get_by_role("button", name="复制成绩码").click()
    expect(page.locator(".lx-status").first).to_contain_text("成绩码已选中")
    selected = page.evaluate("""() => { const a = document.activeElement;
        return {cls: a.className, all: a.selectionStart === 0 && a.selectionEnd === a.value.length}; }""")
    assert selected == {"cls": "lx-codetext", "all": True}
    context.close()
    ordinary = browser.new_context(viewport={"width": 360, "height": 740})
    page = ordinary.new_page()
    _pass_quiz(page, site)
    expect(page.locator(".lx-result .lx-copy-hint")).to_be_hidden()  # a clipboard and not WeChat: no hint
    ordinary.close()


def test_a_backup_restores_the_same_record_in_a_fresh_browser(browser, phone, site: str) -> None:
    _seed(phone, site, {**RECORD, **LEFT_OUT})
    code = _backup_code(phone, site)
    assert code.startswith("LXB1-")
    kept = {key: value for key, value in _record(phone).items() if key not in LEFT_OUT}  # as the cleaners left it
    assert set(kept) == set(RECORD) and kept["history:xiaoce"] == RECORD["history:xiaoce"]
    fresh = _context(browser)
    page = fresh.new_page()
    page.goto(site + PROGRAMME)
    assert _record(page) == {}
    page.get_by_label("把备份码粘贴到这里：").fill(code)
    page.get_by_role("button", name="恢复", exact=True).click()
    confirm = page.locator(".lx-backup-confirm")
    expect(confirm).to_contain_text("作答记录 1 次、错题 1 道")
    confirm.get_by_role("button", name="恢复", exact=True).click()
    expect(page.locator(".lx-backup-msg")).to_contain_text("已恢复")
    assert _record(page) == kept
    # the panel shows the restored progress at once
    assert page.locator(".lx-progress-rules li").first.get_attribute("class") == "is-met"
    fresh.close()


def test_restoring_over_a_record_asks_and_merges_or_replaces(browser, phone, site: str) -> None:
    _seed(phone, site, RECORD)
    code = _backup_code(phone, site)
    kept = _record(phone)
    other = _context(browser)
    page = other.new_page()
    _seed(page, site, {"visited": {"fenji": 1788739500000}, "profile": {"name": "赵六", "unit": "", "id": ""}})
    page.goto(site + PROGRAMME)
    page.get_by_label("把备份码粘贴到这里：").fill(code)
    page.get_by_role("button", name="恢复", exact=True).click()
    confirm = page.locator(".lx-backup-confirm")
    expect(confirm).to_contain_text("这台设备上现有：已读材料 1 篇、考前登记（赵六）")
    assert _record(page)["profile"]["name"] == "赵六"  # nothing written before the choice
    confirm.get_by_role("button", name="合并（两边的记录都保留）").click()
    merged = _record(page)
    assert merged["visited"] == {"tingqing": 1788739200000, "fenji": 1788739500000}
    assert merged["profile"] == {"name": "赵六", "unit": "向阳村", "id": ""}  # what is filled in here wins
    assert merged["history:xiaoce"] == RECORD["history:xiaoce"]
    page.get_by_label("把备份码粘贴到这里：").fill(code)
    page.get_by_role("button", name="恢复", exact=True).click()
    confirm.get_by_role("button", name="替换（删除现有记录，以备份为准）").click()
    assert _record(page) == kept
    other.close()


def test_a_tampered_or_cut_backup_is_refused_with_a_message(phone, site: str) -> None:
    _seed(phone, site, RECORD)
    code = _backup_code(phone, site)
    phone.evaluate("localStorage.clear()")
    phone.reload()
    paste = phone.get_by_label("把备份码粘贴到这里：")
    message = phone.locator(".lx-backup-msg")
    for damaged in (code.replace('"score":100', '"score":99'), code[:-20], "随便一段文字"):
        paste.fill(damaged)
        phone.get_by_role("button", name="恢复", exact=True).click()
        expect(message).to_have_attribute("role", "alert")
        expect(message).to_contain_text("这次没有恢复任何内容" if damaged.startswith("LXB1-") else "这不是本站的备份码")
        assert phone.locator(".lx-backup-confirm button").count() == 0
        assert _record(phone) == {}


AXE = Path(__file__).resolve().parents[1] / "audit" / "node_modules" / "axe-core" / "axe.min.js"


def _no_serious_violations_nor_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.evaluate("document.activeElement.blur()")  # the theme's colour for a focused link is not judged here
    assert AXE.is_file(), "axe-core is missing: run `make test`, which installs tests/audit's npm packages"
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    blocking = [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in results["violations"]
                if v["impact"] in {"serious", "critical"}]
    assert not blocking, blocking


def test_what_these_add_to_a_page_is_accessible_at_360_px(phone, site: str) -> None:
    _seed(phone, site, RECORD)
    code = _backup_code(phone, site)  # the code, its hint, the copy and save buttons
    phone.get_by_role("button", name="保存为文件").click()  # WeChat's guidance
    phone.get_by_label("把备份码粘贴到这里：").fill(code)
    phone.get_by_role("button", name="恢复", exact=True).click()  # the in-page choice
    expect(phone.locator(".lx-backup-confirm button")).to_have_count(3)
    phone.get_by_role("link", name="日历").click()
    _no_serious_violations_nor_sideways_scroll(phone)
    _pass_quiz(phone, site)
    phone.get_by_role("button", name="下载作答记录").click()  # the record as text, with guidance
    phone.locator(".lx-result").get_by_role("button", name="打印合格证明").click()
    _no_serious_violations_nor_sideways_scroll(phone)
