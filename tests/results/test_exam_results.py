"""`lunxun results` against the attacks of issue 13: every code is re-graded, identities are checked.

Codes are made as the browser engine makes them (tests/exam_support.py), then altered the
way a trainee who wants a better mark, or a worse one for a classmate, would.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml
from exam_support import BANK_ID, START, Exam, exam_bank, make_project
from paths import TESTS
from results_support import code as legacy_code
from results_support import sample_grader

from generator.cli import main
from generator.grading.secret import load_secret
from generator.results.bits import ALPHABET
from generator.results.tickets import load_roster, tickets


def run(root: Path, tmp: Path, lines: list[str], *extra: str) -> tuple[int, list[dict[str, str]], str]:
    chat = tmp / "chat.txt"
    chat.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status = main(["results", str(chat), "-o", str(tmp / "out"), "--root", str(root), *extra])
    rows = []
    if status == 0:
        with open(tmp / "out" / "grades.csv", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    return status, rows, ""


@pytest.fixture(scope="module")
def exam() -> Exam:
    return Exam()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_project(tmp_path)


def _grades(rows: list[dict[str, str]]) -> dict[str, tuple[str, str]]:
    return {row["姓名"]: (row["得分"], row["标记"]) for row in rows}


def test_a_30_question_code_is_short_and_chat_safe(exam: Exam) -> None:
    code = exam.code(name="欧阳建国", unit="红旗村党支部委员会", sitting="K7Q2")
    assert len(code) <= 200
    assert set(code) <= set(ALPHABET) | set("LX")  # capitals and digits: no links, emoji or full width


def test_the_score_comes_from_the_answers(exam: Exam, root: Path, tmp_path: Path, capsys) -> None:
    lines = [exam.code(seed=1, name="张三", unit="红旗村", sitting="K7"),
             exam.code(seed=2, answers={}, name="李四", unit="红旗村", sitting="K7"),
             exam.code(seed=3, answers=exam.right_answers(3, wrong=6), name="王五", unit="红旗村", sitting="K7")]
    status, rows, _ = run(root, tmp_path, lines)
    assert status == 0
    assert _grades(rows) == {"张三": ("100.0", ""), "李四": ("0.0", ""), "王五": ("80.0", "")}


def test_a_forged_legacy_score_is_ignored(tmp_path: Path, capsys) -> None:
    """LX1 codes carry a score: 0 changed to 100 with no answers, and a score of 250, grade as 0."""
    sample = TESTS / "projects" / "sample"
    lines = [legacy_code("张三", score=100, passed=1, points=5, correct={"q1": 1}),
             legacy_code("李四", score=250, passed=1)]
    status, rows, _ = run(sample, tmp_path, lines)
    assert status == 0
    assert {row["姓名"]: row["得分"] for row in rows} == {"张三": "0.0", "李四": "0.0"}


def test_an_altered_code_is_rejected_not_regraded(exam: Exam, root: Path, tmp_path: Path, capsys) -> None:
    code = exam.code(seed=1, answers={}, name="张三", unit="红旗村", sitting="K7")
    # flip one response bit deep in the code and recompute the check symbol, as a forger would
    from generator.results.bits import check_symbol, symbols_of
    symbols = symbols_of(code[3:-1])
    symbols[-3] ^= 1
    forged = "LX2" + "".join(ALPHABET[s] for s in symbols) + ALPHABET[check_symbol(symbols)]
    typo = code[:40] + ("0" if code[40] != "0" else "1") + code[41:]
    swap = code[:50] + code[51] + code[50] + code[52:]
    status, rows, _ = run(root, tmp_path, [forged, typo, swap])
    err = capsys.readouterr().err
    assert status == 1 and not rows
    assert "chat.txt:1: 成绩码的签名不符" in err
    assert "chat.txt:2: 校验位不符" in err and "chat.txt:3: 校验位不符" in err


def test_bank_a_code_is_not_bank_b(exam: Exam, root: Path, tmp_path: Path, capsys) -> None:
    """A practice code re-labelled as the exam: its questions are not what the exam draws."""
    grader = sample_grader()
    ids = grader.draw(1)
    relabelled = legacy_code("张三", bank=BANK_ID, version=exam.keyed["version"], questions=ids,
                             answers={"q1": "A"}, score=100)
    other = Exam(bank_id="lianxi-b").code(seed=1, name="李四", unit="红旗村")
    status, _, _ = run(root, tmp_path, [relabelled, other])
    err = capsys.readouterr().err
    assert status == 1
    assert "chat.txt:1: 成绩码中的题目与该题库按随机种子抽出的题目不一致" in err
    assert "chat.txt:2: 题库（编号" in err and "不在本项目中" in err


def test_overtime_future_and_window_are_flagged(exam: Exam, root: Path, tmp_path: Path, capsys) -> None:
    lines = [exam.code(seed=1, minutes=180, name="张三", unit="红旗村", sitting="K7"),
             exam.code(seed=2, started=4_000_000_000, name="李四", unit="红旗村", sitting="K7"),
             exam.code(seed=3, minutes=-5, name="王五", unit="红旗村", sitting="K7"),
             exam.code(seed=4, minutes=31.5, name="赵六", unit="红旗村", sitting="K7"),
             exam.code(seed=5, minutes=10, name="钱七", unit="红旗村")]
    status, rows, _ = run(root, tmp_path, lines, "--window", "2026-08-29 18:00", "2026-08-29 20:00")
    assert status == 0
    flags = {row["姓名"]: row["标记"] for row in rows}
    assert "超过限时 30 分钟" in flags["张三"]
    assert "交卷时间晚于现在" in flags["李四"] and "不在考场时间内" in flags["李四"]
    assert "交卷时间早于开考时间" in flags["王五"]
    assert flags["赵六"] == ""  # within the two-minute grace
    assert flags["钱七"] == "没有考场口令"


def test_sabotage_cannot_lower_a_classmates_grade(exam: Exam, root: Path, tmp_path: Path, capsys) -> None:
    """Without a roster anyone can type a name: the best attempt counts, even under --keep latest."""
    mine = exam.code(seed=1, name="张三", unit="红旗村", sitting="K7")
    sabotage = exam.code(seed=2, answers={}, started=4_100_000_000, name="张三\u200b", unit="红旗村", sitting="K7")
    status, rows, _ = run(root, tmp_path, [mine, sabotage], "--keep", "latest")
    assert status == 0 and len(rows) == 1  # the zero-width space does not make another trainee
    assert rows[0]["得分"] == "100.0" and rows[0]["作答次数"] == "2"


def test_too_many_attempts_are_flagged(exam: Exam, root: Path, tmp_path: Path, capsys) -> None:
    lines = [exam.code(seed=k, name="张三", unit="红旗村", sitting="K7") for k in (1, 2, 3)]
    status, rows, _ = run(root, tmp_path, lines)
    assert status == 0 and "作答 3 次，超过允许的 2 次" in rows[0]["标记"]


def test_only_the_announced_sitting_counts(exam: Exam, root: Path, tmp_path: Path, capsys) -> None:
    lines = [exam.code(seed=1, name="张三", unit="红旗村", sitting="K7"),
             exam.code(seed=2, name="李四", unit="红旗村", sitting="X9")]
    status, rows, _ = run(root, tmp_path, lines, "--sitting", "K7")
    assert status == 0 and [row["姓名"] for row in rows] == ["张三"]
    assert "考场口令是“X9”，不是本场的“K7”" in capsys.readouterr().err


def test_the_sheet_groups_the_rows_by_sitting(exam: Exam, root: Path, tmp_path: Path, capsys) -> None:
    lines = [exam.code(seed=1, name="张三", unit="红旗村", sitting="X9"),
             exam.code(seed=2, name="李四", unit="红旗村", sitting="K7"),
             exam.code(seed=3, name="王五", unit="东风社区", sitting="X9")]
    status, rows, _ = run(root, tmp_path, lines)
    assert status == 0
    assert [(row["考场"], row["姓名"]) for row in rows] == [("K7", "李四"), ("X9", "王五"), ("X9", "张三")]
    (tmp_path / "none").mkdir()
    status, rows, _ = run(root, tmp_path / "none", [exam.code(seed=1, name="张三", unit="红旗村")])
    assert status == 0 and "考场" not in rows[0]  # no sitting codes: no column


def _roster(root: Path) -> tuple[Path, list]:
    roster = {"cohort": "2026 秋季班",
              "trainees": [{"name": "张三", "unit": "红旗村"}, {"name": "李四", "unit": "东风社区"}]}
    path = root / ".lunxun-private" / "roster.yaml"
    secret = load_secret(root, create=True)
    path.write_text(yaml.safe_dump(roster, allow_unicode=True), encoding="utf-8")
    return path, tickets(load_roster(path, "roster.yaml")[0], secret)


def test_with_tickets_only_the_ticket_holder_can_submit(exam: Exam, root: Path, tmp_path: Path, capsys) -> None:
    path, (zhang, li) = _roster(root)
    mine = exam.code(seed=1, key=zhang.key(), ticket=zhang.number, sitting="K7")
    # 李四 tries to lower 张三's grade: 张三's number, but 李四's own ticket secret
    sabotage = exam.code(seed=2, answers={}, started=START + 3600, key=li.key(), ticket=zhang.number, sitting="K7")
    relabel = exam.code(seed=3, key=li.key(), ticket="009", sitting="K7")
    self_declared = exam.code(seed=4, name="李四", unit="东风社区", sitting="K7")
    status, rows, _ = run(root, tmp_path, [mine, sabotage, relabel, self_declared], "--roster", str(path))
    err = capsys.readouterr().err
    assert status == 0
    graded = [(row["姓名"], row["单位"], row["编号"], row["得分"]) for row in rows]
    assert graded == [("张三", "红旗村", "001", "100.0")]
    assert "chat.txt:2: 准考证号 001 的签名不符" in err
    assert "chat.txt:3: 准考证号 009 不在名单中" in err
    assert "chat.txt:4: 本次考试使用准考证" in err


def test_with_tickets_the_latest_attempt_counts(exam: Exam, root: Path, tmp_path: Path, capsys) -> None:
    path, (zhang, _) = _roster(root)
    first = exam.code(seed=1, key=zhang.key(), ticket=zhang.number, sitting="K7")
    retake = exam.code(seed=2, answers={}, started=START + 3600, key=zhang.key(), ticket="001", sitting="K7")
    status, rows, _ = run(root, tmp_path, [first, retake], "--roster", str(path), "--keep", "latest")
    assert status == 0 and rows[0]["得分"] == "0.0"


def test_an_older_bank_version_is_graded_from_git_history(exam: Exam, root: Path, tmp_path: Path, capsys) -> None:
    import subprocess

    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "quizzes"], check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], check=True)
    old_code = exam.code(seed=1, name="张三", unit="红旗村", sitting="K7")
    changed = exam_bank()
    changed["questions"][0]["answer"] = "B"  # the key changed after the exam
    (root / "quizzes" / f"{BANK_ID}.yaml").write_text(yaml.safe_dump(changed, allow_unicode=True), encoding="utf-8")
    unknown = Exam(bank=dict(exam_bank(), pass_mark=61)).code(seed=2, name="李四", unit="红旗村", sitting="K7")
    status, rows, _ = run(root, tmp_path, [old_code, unknown])
    err = capsys.readouterr().err
    assert status == 0 and rows[0]["姓名"] == "张三" and rows[0]["得分"] == "100.0"
    assert "chat.txt:2: 成绩码属于题库“结业考试”的另一个版本" in err


@pytest.mark.parametrize("payload", [
    "x" * 279,  # was a TypeError in distractors.py
    "[" * 2000 + "]" * 2000,  # was a RecursionError
    "9" * 400,  # was an OverflowError
], ids=["long", "nested", "huge-number"])
def test_crash_payloads_are_listed_and_everyone_else_graded(payload: str, exam: Exam, root: Path,
                                                            tmp_path: Path, capsys) -> None:
    import base64
    import json
    import zlib

    data = {"v": 1, "b": BANK_ID, "bv": exam.keyed["version"], "s": 1, "n": "坏人", "u": "", "i": "",
            "q": exam.grader.draw(1), "a": {"q01": payload}, "r": {}, "p": 0, "m": 1, "sc": 0, "ok": 0,
            "t": 1, "f": START}
    text = json.dumps(data)
    if payload.startswith("["):
        text = text.replace(json.dumps(payload), payload)  # 2,000 levels: json.dumps would refuse
    elif payload.startswith("9"):
        text = text.replace('"s": 1,', f'"s": {payload},')
    body = base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")
    bad = f"LX1.{body}.{zlib.crc32(body.encode()) & 0xFFFFFFFF:08x}"
    good = exam.code(seed=1, name="张三", unit="红旗村", sitting="K7")
    status, rows, _ = run(root, tmp_path, [bad, good])
    err = capsys.readouterr().err
    assert status == 0 and [row["姓名"] for row in rows] == ["张三"]
    assert "chat.txt:1: " in err and "已跳过" in err


def test_tickets_command_prints_slips_into_the_private_folder(root: Path, capsys) -> None:
    roster = root / ".lunxun-private" / "roster.yaml"
    roster.parent.mkdir()
    roster.write_text("cohort: 2026 秋季班\ntrainees:\n  - {name: 张三, unit: 红旗村}\n  - {name: 李四}\n",
                      encoding="utf-8")
    assert main(["exam", "tickets", str(roster), "--root", str(root)]) == 0
    page = (root / ".lunxun-private" / "tickets.html").read_text(encoding="utf-8")
    issued = tickets(load_roster(roster, "roster.yaml")[0], load_secret(root, create=False))
    assert all(ticket.shown in page and ticket.number in page for ticket in issued)
    assert (root / ".lunxun-private" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert main(["exam", "tickets", str(roster), "--root", str(root)]) == 1  # no overwrite without --force
    assert "已存在" in capsys.readouterr().err
