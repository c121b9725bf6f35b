"""A trainer-graded exam in the browser: no key on the page, no score after 交卷, and the code it
hands out is graded by `lunxun results` from the trainer's bank."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from conftest import build_project
from exam_support import BANK_ID, Exam, exam_bank, make_project
from test_quiz_support import result_code, start_exam

from generator.cli import main

KEY = "lunxun:v1:attempt:" + BANK_ID


def _bank() -> dict:
    bank = exam_bank(12)
    bank["sitting"] = False
    return bank


def test_exam_page_takes_answers_hands_out_a_code_and_results_grades_it(page, serve, tmp_path: Path) -> None:
    root = make_project(tmp_path, _bank())
    site = serve(build_project(root, tmp_path / "site"))
    page.goto(site + f"quizzes/{BANK_ID}/")
    start_exam(page, "张三", "红旗村")
    attempt = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY)})"))
    exam = Exam(_bank())
    answers = exam.right_answers(attempt["seed"], wrong=3)  # the first three presented answered wrong
    assert [qid for qid in attempt["order"]] == exam.grader.draw(attempt["seed"])  # the same draw on both sides
    attempt["answers"] = answers
    page.evaluate(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(attempt))})")
    page.reload()
    page.get_by_role("button", name="交卷").first.click()
    page.get_by_role("button", name="确定交卷").click()
    result = page.locator(".lx-result")
    assert result.locator("h2").text_content() == "已交卷"
    assert "成绩由培训老师统一评定" in result.text_content()
    assert "分 ·" not in result.text_content() and result.locator(".lx-ok, .lx-bad, .lx-fb").count() == 0
    code = result_code(page)
    assert re.fullmatch(r"LX2[0-9A-HJKMNP-TV-Z]+", code), code  # the short code: capitals and digits only
    (tmp_path / "chat.txt").write_text(f"张三：{code}\n", encoding="utf-8")
    assert main(["results", str(tmp_path / "chat.txt"), "-o", str(tmp_path / "out"), "--root", str(root)]) == 0
    with open(tmp_path / "out" / "grades.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["姓名"], row["得分"]) for row in rows] == [("张三", "75.0")]  # 9 of 12 right
