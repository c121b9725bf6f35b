"""What makes `lunxun results` fast must not change a verdict: the fast shuffle, the prepared
rules, the second grading process and the hand-written XLSX each checked against the plain way."""

from __future__ import annotations

import pickle
import random
import subprocess
import sys
from pathlib import Path

from exam_support import Exam
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from generator.grading import prng
from generator.grading.attempt import Grader
from generator.grading.prng import Mulberry32, mulberry32, shuffle
from generator.results import grade_worker
from generator.results.banks import BankInfo
from generator.results.regrade import Context
from generator.results.sheet import Table, write_xlsx
from generator.results.xlsx import column_letter

EXAM = Exam()
INFO = BankInfo(EXAM.bank_id, "结业考试", EXAM.keyed["version"], 60, {}, 30, 2, False,
                {EXAM.keyed["version"]: EXAM.grader})


def codes(count: int) -> list[str]:
    """Codes of varied quality, with tampered and truncated ones among them."""
    rng = random.Random(5)
    out = []
    for k in range(count):
        text = EXAM.code(seed=rng.randrange(2**32), answers=EXAM.right_answers(k, wrong=k % 7), name=f"学员{k}")
        if k % 5 == 3:
            text = text[:-6] + ("A" if text[-6] != "A" else "B") + text[-5:]
        elif k % 5 == 4:
            text = text[: len(text) // 2]
        out.append(text)
    return out


def test_the_fast_shuffle_is_the_reference_for_every_length_and_seed() -> None:
    rng = random.Random(1)
    for _ in range(3000):
        seed, length = rng.randrange(2**32), rng.randrange(0, 80)
        fast, slow = Mulberry32(seed), mulberry32(seed)
        assert fast.shuffle(range(length)) == shuffle(range(length), slow)
        assert fast() == slow()


def test_long_lists_take_the_float_steps(monkeypatch) -> None:
    monkeypatch.setattr(prng, "EXACT", 4)  # as a list of 2**21 items would
    for seed in range(50):
        assert Mulberry32(seed).shuffle(range(30)) == shuffle(range(30), mulberry32(seed))


def test_a_grader_crosses_to_another_process_and_grades_alike() -> None:
    copy = pickle.loads(pickle.dumps(EXAM.grader))
    for seed in range(20):
        answers = EXAM.right_answers(seed, wrong=seed % 4)
        assert copy.grade(seed, answers) == EXAM.grader.grade(seed, answers)
    assert isinstance(copy, Grader) and copy.draw(3) == EXAM.grader.draw(3)


def test_two_processes_give_the_verdicts_of_one(monkeypatch) -> None:
    texts = codes(60)
    context = Context({EXAM.bank_id: INFO}, now=1.9e9)
    alone = grade_worker.grade(texts, context)
    assert sum(isinstance(result, str) for result in alone) >= 20  # the bad ones are in the mix
    started = []
    start = grade_worker._start

    def counted() -> subprocess.Popen[bytes] | None:
        child = start()
        started.append(child)
        return child

    monkeypatch.setattr(grade_worker, "SPLIT_FROM", 10)
    monkeypatch.setattr(grade_worker, "_start", counted)
    seen: list[str] = []
    assert grade_worker.grade_all(texts, context, seen.append) == alone
    assert len(started) == 1 and started[0] is not None and started[0].returncode == 0
    assert sorted(seen) == sorted(texts)


def test_a_failing_second_process_costs_time_not_verdicts(monkeypatch) -> None:
    texts = codes(30)
    context = Context({EXAM.bank_id: INFO}, now=1.9e9)

    def broken() -> subprocess.Popen[bytes]:
        return subprocess.Popen([sys.executable, "-c", "import sys; sys.stdout.write('junk'); sys.exit(3)"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    monkeypatch.setattr(grade_worker, "SPLIT_FROM", 10)
    monkeypatch.setattr(grade_worker, "_start", broken)
    assert grade_worker.grade_all(texts, context) == grade_worker.grade(texts, context)


def test_the_sheet_keeps_every_value_and_no_text_becomes_a_formula(tmp_path: Path) -> None:
    hostile = ["=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", " 前后有空格 ", "a\x00b\x1fc", "<b>&amp;</b>",
               "坏\udcff字", "\ufffe", "换\n行", "-", "名字"]
    rows = [[text, k, k + 0.5, True, None, ""] for k, text in enumerate(hostile)]
    grades = Table(["文字", "整数", "小数", "真假", "空", "空串"], rows)
    items = Table(["题号"], [["q1"]])
    path = tmp_path / "grades.xlsx"
    write_xlsx(path, grades, items)
    book = load_workbook(path)
    assert book.sheetnames == ["成绩", "题目分析"]
    sheet = book["成绩"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb == "FFF2DCDB"
    read = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    expected = [" 前后有空格 " if text == " 前后有空格 " else text.replace("\x00", "").replace("\x1f", "")
                .replace("\udcff", "").replace("\ufffe", "") for text in hostile]
    assert [row[0] for row in read] == [text or None for text in expected]
    assert all(cell.data_type == "s" for cell in sheet["A"][1:] if cell.value is not None)
    assert [row[1:4] for row in read] == [[k, k + 0.5, True] for k in range(len(hostile))]
    assert all(row[4] is None and row[5] is None for row in read)
    other = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("成绩").to_python()
    assert [row[0] for row in other[1:]] == expected
    assert [column_letter(k) for k in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
