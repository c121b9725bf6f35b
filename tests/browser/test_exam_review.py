"""The released review of a trainer-graded exam, in the browser: take the exam, hand the code to
`lunxun results`, then type the code `lunxun exam unlock` prints (wrong ones first, after 交卷, then
the right one in 本机作答记录 after a reload); the review shows the score the trainer's grading
gave, the wrong answers enter the 错题本 once, and a reload keeps the review."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from conftest import build_project
from exam_support import BANK_ID, Exam, exam_bank, make_project
from test_quiz_support import start_exam

LUNXUN = str(Path(sys.executable).with_name("lunxun"))  # the installed command, as a trainer runs it
KEY = "lunxun:v1:attempt:" + BANK_ID


def _bank() -> dict:
    bank = exam_bank(12)
    bank["sitting"] = False
    return bank


def _lunxun(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([LUNXUN, *args], capture_output=True, text=True, check=False, timeout=120)


def _storage(page, key: str):
    return json.loads(page.evaluate(f"localStorage.getItem({json.dumps('lunxun:v1:' + key)})") or "null")


def test_the_unlock_code_releases_the_review_with_the_trainers_score(page, serve, tmp_path: Path) -> None:
    root = make_project(tmp_path, _bank())
    site = serve(build_project(root, tmp_path / "site"))
    page.goto(site + f"quizzes/{BANK_ID}/")
    start_exam(page, "张三", "红旗村")
    attempt = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY)})"))
    attempt["answers"] = Exam(_bank()).right_answers(attempt["seed"], wrong=3)  # the first three presented wrong
    page.evaluate(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(attempt))})")
    page.reload()
    page.get_by_role("button", name="交卷").first.click()
    page.get_by_role("button", name="确定交卷").click()
    result = page.locator(".lx-result")
    assert result.locator("h2").text_content() == "已交卷"
    assert result.locator(".lx-fb, .lx-explain").count() == 0  # nothing shown before the release
    code = result.locator("textarea.lx-codetext").input_value()

    (tmp_path / "chat.txt").write_text(f"张三：{code}\n", encoding="utf-8")
    graded = _lunxun("results", str(tmp_path / "chat.txt"), "-o", str(tmp_path / "out"), "--root", str(root))
    assert graded.returncode == 0, graded.stderr
    with open(tmp_path / "out" / "grades.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["姓名"], row["得分"]) for row in rows] == [("张三", "75.0")]  # 9 of 12 right

    unlocked = _lunxun("exam", "unlock", BANK_ID, "--root", str(root))
    assert unlocked.returncode == 0, unlocked.stderr
    announced = unlocked.stdout.split("解锁码：")[1].split()[0]
    assert len(announced) == 15 and announced.count("-") == 2

    form = page.locator(".lx-result form.lx-unlock")
    wrong = announced[:-1] + ("0" if announced[-1] != "0" else "1")
    form.get_by_label("输入解锁码查看答案").fill(wrong)
    form.get_by_role("button", name="查看答案").click()
    assert "解锁码不对" in form.get_by_role("alert").text_content()
    form.get_by_label("输入解锁码查看答案").fill("12")
    form.get_by_role("button", name="查看答案").click()
    assert "13 位" in form.get_by_role("alert").text_content()
    assert _storage(page, "wrong") is None  # nothing released yet

    page.reload()  # days later: the page opens on 考前登记, the attempt is in 本机作答记录
    assert page.locator(".lx-result").count() == 0
    history = page.locator(".lx-hist")
    history.locator("summary").first.click()
    form = history.locator("form.lx-unlock")
    form.get_by_label("输入解锁码查看答案").fill(" " + announced.lower().replace("-", " ") + " ")  # typed loosely
    form.get_by_role("button", name="查看答案").click()
    review = page.locator(".lx-result")
    assert review.locator("h2").text_content() == f"{float(rows[0]['得分']):g} 分 · 合格"
    assert review.locator(".lx-marks .lx-bad").count() == 3 and review.locator(".lx-marks .lx-ok").count() == 9
    assert review.locator(".lx-explain").count() == 12 and review.locator(".lx-wrong").count() == 3
    assert "成绩以老师评定为准" in review.text_content() and review.locator(".lx-certbox").count() == 0
    assert review.locator(".lx-answer").first.text_content().startswith("正确答案：")

    book = _storage(page, "wrong")
    assert len(book) == 3 and all(key.startswith(BANK_ID + "/") for key in book)
    assert sorted(entry["question"]["id"] for entry in book.values()) == sorted(
        q["id"] for q in Exam(_bank()).grader.gradables(attempt["seed"])[:3])
    assert all("explain" in entry["question"] for entry in book.values())

    page.reload()  # the device keeps the code: the review is shown again, the 错题本 is not counted twice
    assert page.locator(".lx-result h2").text_content() == "75 分 · 合格"
    assert _storage(page, "wrong") == book
    history = page.locator(".lx-hist")
    history.locator("summary").first.click()
    assert history.get_by_role("button", name="查看答案与解析").count() == 1

    page.goto(site + "quizzes/cuotiben/")
    assert page.locator(".lx-wrongbook .lx-q").count() == 3
