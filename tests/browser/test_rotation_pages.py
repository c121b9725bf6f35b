"""A cohort's 培训质量测评 and 点名 pages on a phone in WeChat (360 × 740), then the real CLI.

The evaluation is filled by taps, survives a reload, its code is copied from the page and read
by `lunxun evaluation read --codes`, whose means must be those of the taps; the roll call goes
the same way into `lunxun attendance read --codes`. A ticketed evaluation sent twice counts
once, and the site built beside the roster holds none of its names.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from conftest import build_project, shipped_copy
from python_calamine import CalamineWorkbook
from site_support import wechat_phone

from generator.grading.secret import load_secret
from generator.results.tickets import load_roster as load_tickets
from generator.results.tickets import tickets
from generator.rotation.evaluation_code import decode_evaluation_code

PROGRAMME, COHORT = "shuji-lunxun", "2026-01"
EVALUATION = f"programmes/{PROGRAMME}/{COHORT}-pingjia/"
ROLLCALL = f"programmes/{PROGRAMME}/{COHORT}-dianming/"
LUNXUN = str(Path(sys.executable).with_name("lunxun"))
SURNAMES = "赵钱孙李周吴郑冯陈"
GIVEN = ("建国", "秀英", "海波", "丽华", "志强", "春梅", "国庆", "玉兰", "文斌", "桂芳")
NAMES = [f"{s}{g}" for s in SURNAMES for g in GIVEN]


def lunxun(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([LUNXUN, *args], capture_output=True, text=True, timeout=120, check=False)


def roster(root: Path, tmp: Path, size: int) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "工作单位"])
    for k in range(size):
        sheet.append([NAMES[k], f"某镇{k + 1}村"])
    book.save(tmp / "名单.xlsx")
    done = lunxun("roster", "import", str(tmp / "名单.xlsx"), PROGRAMME, COHORT, "--root", str(root))
    assert done.returncode == 0, done.stderr


def score(session: int, aspect: int) -> int:
    """What the test taps: every score 1–5 used; the last session is left unrated."""
    return 1 + (session + 2 * aspect) % 5


def tap_evaluation(page, sessions: int, scores, overall: int, comment: str) -> None:
    groups = page.locator(".lx-eval-session")
    for k in range(sessions):
        for aspect in range(3):
            value = scores(k, aspect)
            if value:
                groups.nth(k).locator(".lx-rc-scale").nth(aspect).locator("label").nth(value - 1).tap()
    page.locator(".lx-eval-session").last.locator("label").nth(overall - 1).tap()
    if comment:
        page.get_by_label("意见建议（可不填，最多 300 字）").fill(comment)


def copied_code(page, button: str) -> str:
    page.get_by_role("button", name=button).tap()
    page.wait_for_function("document.querySelector('.lx-rc-hint').textContent.includes('已复制')")
    return page.evaluate("navigator.clipboard.readText()")


def summary(root: Path, day: str) -> dict[str, list[list[object]]]:
    book = CalamineWorkbook.from_path(str(root / f"rosters/{PROGRAMME}/报表/测评汇总-{day}.xlsx"))
    return {name: book.get_sheet_by_name(name).to_python() for name in ("课次", "总体", "意见建议")}


def after(table: list[list[object]], header: str) -> list[list[object]]:
    return table[[r[0] for r in table].index(header) + 1:]


@pytest.fixture
def phone(browser, shipped_url: str):
    with wechat_phone(browser) as page:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=shipped_url.rstrip("/"))
        page.dialogs = []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        yield page


def fits_the_phone(page, smallest: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling
    targets = (".lx-rc-scale label span, .lx-rc-seat label span, .lx-rc .md-button, "
               ".lx-rc-field :is(input, select, textarea)")
    heights = page.evaluate(f"Array.from(document.querySelectorAll('{targets}'))"
                            ".filter(e => e.offsetParent).map(e => e.getBoundingClientRect().height)")
    assert heights and min(heights) >= smallest


@pytest.mark.parametrize("elder", [False, True], ids=["standard", "elder"])
def test_evaluation_from_taps_to_the_trainers_means(phone, shipped_url: str, tmp_path: Path, elder: bool) -> None:
    if elder:
        phone.add_init_script("localStorage.setItem('lunxun:v1:elder', '1')")
    phone.goto(shipped_url + EVALUATION)
    phone.locator(".lx-rc-status").get_by_text("已打分 0/").wait_for()
    sessions = phone.locator(".lx-eval-session").count() - 1  # the last is the overall score
    assert sessions >= 5
    fits_the_phone(phone, 60 if elder else 48)
    scores = lambda k, a: 0 if k == sessions - 1 else score(k, a)
    tap_evaluation(phone, sessions - 1, scores, 4, "")
    phone.reload()  # the draft survives
    phone.locator(".lx-rc-status").get_by_text(f"已打分 {3 * (sessions - 1)}/{3 * sessions} 项").wait_for()
    tap_evaluation(phone, 0, scores, 4, "希望多安排现场观摩")
    phone.get_by_role("button", name="生成测评码").tap()
    phone.locator(".lx-rc-status").get_by_text("测评码已生成（3 项没有打分").wait_for()
    code = copied_code(phone, "复制测评码")
    assert code.startswith("LE1") and phone.dialogs == []
    assert "希望" not in code  # the comment is in the code's bits, not as text

    project = shipped_copy(tmp_path)
    roster(project, tmp_path, 20)
    chat = tmp_path / "群聊.txt"
    chat.write_text(f"培训班群\n学员甲 16:02\n{code}\n学员乙 16:03\n{code}\n", encoding="utf-8")
    done = lunxun("evaluation", "read", PROGRAMME, "--root", str(project), "--codes", str(chat), "--date", "2026-09-01")
    assert done.returncode == 0, done.stderr
    assert "1 期共收回测评 1 份（回收率 5.0%）" in done.stdout and "重复粘贴 1 条" in done.stdout
    tables = summary(project, "2026-09-01")
    rows = after(tables["课次"], "课次")
    assert len(rows) == sessions
    for k, row in enumerate(rows):
        if k == sessions - 1:
            assert row[1] == 0 and row[5] == "—"
            continue
        expected = [score(k, a) for a in range(3)]
        assert row[1:6] == [1, *map(float, expected), round(sum(expected) / 3, 2)]
        assert (row[-1] == "低于 4 分") == (sum(expected) / 3 < 4)
    assert after(tables["总体"], "期次数")[0][:5] == [1, 20, 1, "5.0%", 4.0]
    assert [r[1] for r in after(tables["意见建议"], "期次")] == ["希望多安排现场观摩"]


def test_roll_call_from_taps_to_the_attendance(phone, shipped_url: str, tmp_path: Path) -> None:
    phone.goto(shipped_url + ROLLCALL)
    phone.locator(".lx-rc-status").get_by_text("本课次已点 0/90 人").wait_for()
    fits_the_phone(phone, 48)
    select = phone.get_by_label("课次")
    select.select_option(index=0)
    phone.get_by_role("button", name="未点的都记为“到”").tap()
    seat = lambda n: phone.get_by_role("radiogroup", name=f"{n:02d} 号", exact=True)
    seat(3).get_by_text("迟到", exact=True).tap()
    seat(5).get_by_text("请假", exact=True).tap()
    seat(90).get_by_text("缺勤", exact=True).tap()
    phone.reload()  # what was tapped is kept
    select = phone.get_by_label("课次")
    select.select_option(index=0)
    phone.locator(".lx-rc-status").get_by_text("本课次已点 90/90 人：到 87，迟到 1，早退 0，请假 1，"
                                               "缺勤 1。").wait_for()
    select.select_option(index=1)
    seat(1).get_by_text("早退", exact=True).tap()
    phone.get_by_role("button", name="未点的都记为“到”").tap()
    phone.get_by_role("button", name="生成点名码").tap()
    phone.locator(".lx-rc-status").get_by_text("点名码已生成，含 2 个课次").wait_for()
    code = copied_code(phone, "复制点名码")
    assert code.startswith("LA1") and phone.dialogs == []

    project = shipped_copy(tmp_path)
    roster(project, tmp_path, 90)
    chat = tmp_path / "点名.txt"
    chat.write_text(f"班主任 10:05\n{code}\n", encoding="utf-8")
    done = lunxun("attendance", "read", PROGRAMME, COHORT, "--root", str(project), "--codes", str(chat), "--date",
                  "2026-08-31")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "已记录 2/" in lines[0]
    rates = [line for line in lines if "出勤率" in line and line.startswith("  ")]
    assert [r.rsplit(" ", 1)[-1] for r in rates] == [f"{100 * 88 / 90:.1f}%", "100.0%"]
    assert "读取点名码 1 个，补入考勤 180 人次" in done.stderr


@pytest.fixture(scope="module")
def ticketed(browser, serve, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, list]:
    """The shipped project with ticketed evaluations and a roster of six, built beside it."""
    tmp = tmp_path_factory.mktemp("ticketed")
    project = shipped_copy(tmp)
    path = project / f"content/curricula/{PROGRAMME}.yaml"
    ticketed = path.read_text(encoding="utf-8").replace("\ncohorts:", "\nevaluation:\n  tickets: true\ncohorts:", 1)
    path.write_text(ticketed, encoding="utf-8")
    roster(project, tmp, 6)
    loaded, problems = load_tickets(project / f"rosters/{PROGRAMME}/{COHORT}.yaml", "roster")
    assert loaded is not None and not problems
    issued = tickets(loaded, load_secret(project, create=True))
    site = build_project(project, tmp / "site")
    return project, serve(site), issued


def test_a_ticketed_evaluation_sent_twice_counts_once(browser, ticketed, tmp_path: Path) -> None:
    project, url, issued = ticketed
    codes = []
    with wechat_phone(browser) as page:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
        page.goto(url + EVALUATION)
        page.locator(".lx-rc-status").get_by_text("已打分 0/").wait_for()
        sessions = page.locator(".lx-eval-session").count() - 1
        for ticket, value in ((issued[0], 2), (issued[0], 5), (issued[1], 3)):
            page.get_by_label("准考证号").fill(ticket.number)
            page.get_by_label("密码").fill(ticket.shown.lower())  # as typed: lower case and the dash
            tap_evaluation(page, sessions, lambda k, a, v=value: v, value, "")
            page.get_by_role("button", name="生成测评码").tap()
            page.locator(".lx-rc-status").get_by_text("测评码已生成，谢谢").wait_for()
            assert page.get_by_label("密码").input_value() == ""  # not kept once the code is made
            codes.append(copied_code(page, "复制测评码"))
        stored = page.evaluate("JSON.stringify(localStorage)")
        assert issued[1].secret not in stored and issued[0].secret not in stored
    for code, ticket, other in ((codes[1], issued[0], issued[1]), (codes[2], issued[1], issued[0])):
        decoded = decode_evaluation_code(code)  # its fields: tags, time, scores, comment; no ticket number
        assert decoded.ticketed and decoded.verifies(ticket.key()) and not decoded.verifies(other.key())
    chat = tmp_path / "群聊.txt"
    chat.write_text("\n".join([codes[0], codes[2], codes[1], codes[1]]), encoding="utf-8")
    done = lunxun("evaluation", "read", PROGRAMME, "--root", str(project), "--codes", str(chat), "--roster",
                  "--date", "2026-09-02")
    assert done.returncode == 0, done.stderr
    assert "收回测评 2 份（回收率 33.3%）" in done.stdout
    assert "较早的 1 份未计" in done.stdout and "重复粘贴 1 条" in done.stdout
    for row in after(summary(project, "2026-09-02")["课次"], "课次"):
        assert row[1] == 2 and row[5] == 4.0  # (5 + 3) / 2: the ticket's second evaluation, and the other's
    for ticket in issued:
        assert ticket.number not in done.stdout + done.stderr and ticket.name not in done.stdout + done.stderr


def test_the_site_built_beside_a_roster_holds_no_name(ticketed) -> None:
    project, _, issued = ticketed
    site = project.parent / "site"
    assert len(issued) == 6
    for file in site.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".js", ".json", ".xml", ".txt", ".ics", ".css"):
            text = file.read_text(encoding="utf-8", errors="replace")
            for ticket in issued:
                assert ticket.name not in text, file
                assert ticket.secret not in text, file
