"""A ticketed exam with a sitting code, end to end: the trainer issues tickets with `lunxun exam
tickets`, a trainee takes the exam in the page with their ticket and the sitting code, and the
code they copy is graded by `lunxun results --roster` (the installed command) for that trainee,
in that sitting; the same answers signed with a wrong secret are refused. Released with the
unlock code, the page's review shows the score lunxun results gave."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

from conftest import build_project
from exam_support import BANK_ID, Exam, exam_bank, make_project
from test_quiz_support import answer, current, storage

from generator.results.exam_code import Slot, decode_exam_code, encode_exam_code
from generator.results.regrade import slot_size
from generator.results.tickets import ticket_key

LUNXUN = str(Path(sys.executable).parent / "lunxun")
SITTING = "2719"
ROSTER = """cohort: 2026 秋季班
trainees:
  - {name: 张三, unit: 红旗村}
  - {name: 李四, unit: 东风社区, number: "0107"}
"""
# What the trainee answers, by the texts on screen (exam_support.exam_bank's six types), and whether it is right.
PLAN = {
    "q01": ("single", "直接裁决", False),
    "q02": ("multiple", ["听", "办", "访"], True),
    "q03": ("judge", "错误", True),
    "q04": ("blank", ["倾听"], True),
    "q05": ("order", ["听取诉求", "核实情况", "提出方案", "回访确认"], True),
    "q06": ("match", [("邻里纠纷", "亲情劝说"), ("家庭矛盾", "上门调解"), ("土地争议", "依法确权")], False),
}
EXPECTED = round(100 * sum(right for *_, right in PLAN.values()) / len(PLAN), 1)  # 4 of 6: 66.7


def lunxun(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([LUNXUN, *args], capture_output=True, text=True, timeout=300, check=False)


def issue_tickets(root: Path) -> dict[str, str]:
    """`lunxun exam tickets`, and every 准考证号 → 密码 as printed on the slips."""
    roster = root / ".lunxun-private" / "roster.yaml"
    roster.parent.mkdir(exist_ok=True)
    roster.write_text(ROSTER, encoding="utf-8")
    done = lunxun("exam", "tickets", str(roster), "--root", str(root))
    assert done.returncode == 0, done.stderr
    slips = (root / ".lunxun-private" / "tickets.html").read_text(encoding="utf-8")
    return {number: re.search(re.escape(number) + r"\D.*?([0-9A-Z]{5}-[0-9A-Z]{5})", slips, re.DOTALL).group(1)
            for number in ("001", "0107")}


def grades(out: Path) -> list[dict[str, str]]:
    with open(out / "grades.csv", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_a_ticketed_exam_is_graded_for_the_ticket_holder_in_their_sitting(page, serve, tmp_path: Path) -> None:
    bank = exam_bank(6) | {"tickets": True, "sitting": True}
    root = make_project(tmp_path, bank)
    secrets = issue_tickets(root)
    site = serve(build_project(root, tmp_path / "site"))
    page.goto(site + f"quizzes/{BANK_ID}/")

    # 考前登记 asks for the ticket and the sitting code, not for a name, and checks what it can.
    assert page.get_by_label("姓名").count() == 0
    page.get_by_label("准考证号").fill("０１０７")  # full-width, as a Chinese IME types it
    page.get_by_label("密码").fill(secrets["0107"][:10])  # one symbol short
    page.get_by_role("button", name="开始考试").click()
    alert = page.get_by_role("alert").text_content()
    assert "现在是 9 位" in alert and "考场口令" in alert
    assert storage(page, f"attempt:{BANK_ID}") is None  # nothing started
    typed = secrets["0107"].lower().replace("-", " ")  # lower case, a space for the hyphen
    page.get_by_label("密码").fill(typed)
    page.get_by_label("考场口令").fill(f" {SITTING} ")
    page.get_by_role("button", name="开始考试").click()
    current(page).locator(".lx-q").first.wait_for()
    attempt = storage(page, f"attempt:{BANK_ID}")
    secret = secrets["0107"].replace("-", "")
    assert (attempt["ticket"], attempt["secret"], attempt["sitting"]) == ("0107", secret, SITTING)
    assert storage(page, "profile") is None  # the ticket is kept with the attempt alone

    for index, qid in enumerate(attempt["order"]):
        kind, value, _ = PLAN[qid]
        answer(current(page), kind, value)
        if index < len(attempt["order"]) - 1:
            page.get_by_role("button", name="下一题").click()
    page.reload()  # resumed: the ticket is still the attempt's
    page.get_by_role("button", name="交卷").first.click()
    page.get_by_role("button", name="确定交卷").click()
    code = page.locator(".lx-result").get_by_label("成绩码", exact=True).input_value()  # not its QR code's label
    assert "成绩码含有准考证号“0107”和你的作答（不含分数），用准考证签了名" in page.locator(".lx-result").text_content()
    stored = page.evaluate("Object.keys(localStorage).map(key => localStorage.getItem(key)).join('\\n')")
    assert secret not in stored.upper() and typed not in stored  # the secret went with the attempt

    # The same answers, seed and times, signed with the classmate's secret instead.
    exam, header = Exam(bank), decode_exam_code(code)
    slots = [Slot(q["id"], q["type"], slot_size(q)) for q in exam.grader.gradables(header.seed)]
    forged = encode_exam_code(bank_id=BANK_ID, version=exam.keyed["version"], seed=header.seed, started=header.started,
                              finished=header.finished, slots=slots, answers=header.responses(slots),
                              key=ticket_key("0107", secrets["001"]), ticket="0107", sitting=SITTING)
    (tmp_path / "chat.txt").write_text(f"李四：{code}\n冒名：{forged}\n", encoding="utf-8")
    roster = str(root / ".lunxun-private" / "roster.yaml")

    done = lunxun("results", str(tmp_path / "chat.txt"), "--roster", roster, "--sitting", SITTING,
                  "-o", str(tmp_path / "out"), "--root", str(root))
    assert done.returncode == 0, done.stderr
    assert re.search(r"chat\.txt:2\b.*签名不符", done.stderr), done.stderr  # the forged line, with its reason
    rows = grades(tmp_path / "out")
    assert [(row["姓名"], row["单位"], row["编号"], float(row["得分"]), row["作答次数"], row["标记"]) for row in rows] \
        == [("李四", "东风社区", "0107", EXPECTED, "1", "")]

    # The trainer releases the answers: the review on the trainee's page shows the score lunxun results gave.
    released = lunxun("exam", "unlock", BANK_ID, "--root", str(root))
    assert released.returncode == 0, released.stderr
    page.get_by_label("输入解锁码查看答案").first.fill(re.search(r"解锁码：(\S+)", released.stdout).group(1))
    page.get_by_role("button", name="查看答案").first.click()
    assert page.locator(".lx-result h2").text_content() == f"{EXPECTED:g} 分 · 合格"

    # Another sitting's codes leave this one out; without the roster a ticketed code cannot be checked.
    other = lunxun("results", str(tmp_path / "chat.txt"), "--roster", roster, "--sitting", "8888",
                   "-o", str(tmp_path / "other"), "--root", str(root))
    assert other.returncode != 0 and f"考场口令是“{SITTING}”" in other.stderr and not (tmp_path / "other").exists()
    unchecked = lunxun("results", str(tmp_path / "chat.txt"), "-o", str(tmp_path / "bare"), "--root", str(root))
    assert unchecked.returncode != 0 and "没有提供名单" in unchecked.stderr
