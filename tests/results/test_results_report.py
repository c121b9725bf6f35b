"""`lunxun results` statistics on a hand-checked ten-trainee example, and the report page."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from paths import TESTS
from results_support import code, ten_trainees, trusted_collection

from generator.commands.results import Options, write_outputs
from generator.loading.project import Layout
from generator.results.banks import load_banks

SAMPLE = TESTS / "projects" / "sample"
BANK = "tingqing-lianxi"


@pytest.fixture(scope="module")
def version() -> str:
    banks, notes = load_banks(SAMPLE, Layout())
    assert notes == []
    return banks[BANK].version


def cells(row: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)]


def table(page: str, css_class: str, index: int = 0) -> list[list[str]]:
    """The body rows of the index-th table with the class, as cell texts."""
    found = re.findall(rf'<table class="{css_class}">.*?<tbody>(.*?)</tbody>', page, re.DOTALL)
    return [cells(row) for row in re.findall(r"<tr>(.*?)</tr>", found[index], re.DOTALL)]


def run_report(tmp_path: Path, monkeypatch, lines: list[str], keep: str = "latest", root: Path = SAMPLE,
               ticketed: bool = False) -> str:
    """The report of codes taken at their word (grading is tested in test_exam_*.py)."""
    monkeypatch.chdir(tmp_path)
    infos, notes = load_banks(root, Layout())
    options = Options(files=["chat.txt"], output=Path("out"), keep=keep, root=root)
    assert write_outputs(trusted_collection(lines, ticketed=ticketed), infos, notes, options) == 0
    return Path("out/report.html").read_text(encoding="utf-8")


def test_item_analysis_matches_the_hand_computed_numbers(tmp_path, monkeypatch, version, capsys) -> None:
    page = run_report(tmp_path, monkeypatch, ten_trainees(version))
    items = {row[0]: row for row in table(page, "items")}
    # 题号 题型 题干 人数 答对 p 高分组 低分组 D 标记: ten results are too few to flag (q2 would be
    # 偏难, q3 负区分, q6 偏易: see results_support), so the figures stand alone
    few = "不足 20 人"
    assert items["q1"][1:] == ["单选", "听情工作法的第一步是什么？", "10", "9", "0.90", "1.00", "0.67", "0.33", few]
    assert items["q2"][3:] == ["10", "1", "0.10", "0.33", "0.00", "0.33", few]
    assert items["q3"][3:] == ["10", "4", "0.40", "0.00", "1.00", "-1.00", few]
    assert items["q4"][3:] == ["10", "5", "0.50", "0.67", "0.33", "0.33", few]
    assert items["q5"][3:] == ["6", "3", "0.50", "0.50", "0.50", "0.00", few]
    assert items["q6"][3:] == ["10", "10", "1.00", "1.00", "1.00", "0.00", few]
    assert list(items) == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert '<table class="flagged">' not in page and '<span class="flag">' not in page
    assert "每道题看到的学员不足 20 人，这些题只列出难度和区分度、不标记偏易、偏难或负区分" in page
    assert "没有偏易、偏难或负区分的题目" not in page  # that would read as "all is well"
    assert "各 3 人" in page
    assert "共 10 名学员、1 个题库。" in capsys.readouterr().out


def class_of(count: int, version: str, q5_shown: int | None = None) -> list[str]:
    """``count`` trainees: q1 right for all (p 1.00), q2 for the first only (p ≤ 0.05), q3 for
    the weaker half only (D < 0), the rest for the stronger half; q5 is shown to the first
    ``q5_shown`` (all by default), as a draw would."""
    codes = []
    for k in range(count):
        strong = k < count // 2
        correct = {"q1": 1, "q2": int(k == 0), "q3": int(not strong), "q4": int(strong), "q5": int(strong),
                   "q6": int(strong)}
        answers = {"q1": "A", "q2": "ABC" if k == 0 else "AB", "q3": 0 if not strong else 1,
                   "q4": ["听", "回访"] if strong else ["看", "访"], "q5": [0, 1, 2] if strong else [1, 0, 2],
                   "q6": [0, 1, 2] if strong else [1, 0, 2]}
        questions = ["q1", "q2", "q3", "q4", "q5", "q6"]
        if q5_shown is not None and k >= q5_shown:
            questions.remove("q5")
            del correct["q5"], answers["q5"]
        score = round(100 * sum(correct.values()) / len(correct), 1)
        codes.append(code(f"学员{k:02d}", "城关镇", questions=questions, answers=answers, correct=correct,
                          score=score, version=version, seed=k, finished=1_746_064_800 + k * 60))
    return codes


@pytest.mark.parametrize("count", [19, 20])
def test_questions_are_flagged_from_twenty_results_on(tmp_path, monkeypatch, version, count) -> None:
    from openpyxl import load_workbook

    page = run_report(tmp_path, monkeypatch, class_of(count, version))
    items = {row[0]: row for row in table(page, "items")}
    sheet = load_workbook("out/grades.xlsx")["题目分析"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][8] == "标记"
    marks = {row[1]: row[8] or "" for row in rows[1:]}
    assert [items[qid][3] for qid in items] == [str(count)] * 6  # the figures are shown either way
    assert items["q1"][5] == "1.00" and items["q2"][5] == f"{1 / count:.2f}" and items["q3"][8].startswith("-")
    if count < 20:
        assert {qid: row[9] for qid, row in items.items()} == dict.fromkeys(items, "不足 20 人")
        assert marks == dict.fromkeys(items, "不足 20 人，未标记")
        assert '<table class="flagged">' not in page and '<span class="flag">' not in page
        assert "每道题看到的学员不足 20 人，这些题只列出难度和区分度、不标记偏易、偏难或负区分" in page
    else:
        assert {qid: row[9] for qid, row in items.items()} == {
            "q1": "偏易", "q2": "偏难", "q3": "负区分", "q4": "", "q5": "", "q6": ""}
        assert marks == {"q1": "偏易", "q2": "偏难", "q3": "负区分", "q4": "", "q5": "", "q6": ""}
        assert [row[0] for row in table(page, "flagged")] == ["q1", "q2", "q3"]
        assert "不足 20 人" not in page


def test_only_the_questions_too_few_saw_go_unflagged(tmp_path, monkeypatch, version) -> None:
    # 30 results, but q5 was drawn for 8 of them: its p and D stand unflagged, the others are flagged
    page = run_report(tmp_path, monkeypatch, class_of(30, version, q5_shown=8))
    items = {row[0]: row for row in table(page, "items")}
    assert items["q2"][3] == "30" and items["q2"][9] == "偏难"
    assert items["q5"][3:6] == ["8", "8", "1.00"] and items["q5"][9] == "不足 20 人"
    assert [row[0] for row in table(page, "flagged")] == ["q1", "q2", "q3"]
    assert "1 道题看到的学员不足 20 人" in page


def test_pass_rate_and_scores_per_bank_and_unit(tmp_path, monkeypatch, version) -> None:
    page = run_report(tmp_path, monkeypatch, ten_trainees(version))
    # 单位 人数 及格 及格率 平均分 中位数 分数分布
    assert [row[:6] for row in table(page, "batches")] == [
        ["城关镇", "5", "5", "100.0%", "81.0", "81.0"],
        ["河西乡", "5", "1", "20.0%", "46.0", "46.0"],
    ]
    cards = re.findall(r'<div class="card"><b>(.*?)</b><span>(.*?)</span>', page)
    bank_cards = {label: value for value, label in cards[7:]}
    assert bank_cards == {"人数": "10", "及格率": "60.0%", "平均分": "63.5", "中位数": "63.5",
                          "最高 / 最低": "95.0 / 32.0"}


def test_distractors_show_how_often_each_option_was_chosen(tmp_path, monkeypatch, version) -> None:
    page = run_report(tmp_path, monkeypatch, ten_trainees(version))
    q1, q2, q3 = (table(page, "choices", index) for index in range(3))
    # 选项 内容 人数 比例
    assert q1 == [["A ✓", "听", "9", "90.0%"], ["B", "办", "1", "10.0%"], ["C", "访", "0", "0.0%"]]
    assert q2 == [["A ✓", "听", "10", "100.0%"], ["B ✓", "办", "10", "100.0%"], ["C ✓", "访", "1", "10.0%"],
                  ["D", "拖", "4", "40.0%"]]
    assert q3 == [["对", "—", "6", "60.0%"], ["错 ✓", "—", "4", "40.0%"]]
    blocks = re.findall(r'<ul class="wrong">(.*?)</ul>', page, re.DOTALL)
    wrong = [re.findall(r"<li>(.*?)</li>", block) for block in blocks]
    assert [html.unescape(text) for text in wrong[0]] == ["第2空“办”：3 人", "第1空“看”：1 人"]  # q4
    assert wrong[1] == ["办 → 听 → 访：2 人", "听 → 访 → 办：1 人"]  # q5 (order)


def test_without_the_bank_letters_and_inferred_keys_are_shown(tmp_path, monkeypatch) -> None:
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    page = run_report(tmp_path, monkeypatch, ten_trainees("old"), root=empty)
    assert "项目中没有这个题库" in page
    assert table(page, "choices", 0) == [["A ✓", "—", "9", "90.0%"], ["B", "—", "1", "10.0%"]]
    items = {row[0]: row for row in table(page, "items")}
    assert items["q3"][5:] == ["0.40", "0.00", "1.00", "-1.00", "不足 20 人"]


def test_a_changed_bank_is_noted(tmp_path, monkeypatch) -> None:
    page = run_report(tmp_path, monkeypatch, ten_trainees("0ld0ld0ld0ld"))
    assert "10 份成绩作答的是修改前的题库版本" in page


def test_report_is_self_contained_chinese_and_escapes_names(tmp_path, monkeypatch, version) -> None:
    lines = ten_trainees(version) + [code("<script>alert(1)</script>", "某镇", bank=BANK, version=version,
                                          correct={"q1": 1}, answers={"q1": "A"})]
    page = run_report(tmp_path, monkeypatch, lines)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page
    assert '<meta name="viewport"' in page and "@media print" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "http://" not in page and "https://" not in page
    assert "<script" not in page and "<link" not in page
    assert page.count("<svg") >= 3  # histogram, scatter, one sparkline per unit


def test_retakes_are_graded_by_the_rule_and_both_are_reported(tmp_path, monkeypatch, version) -> None:
    first = code("李四", bank=BANK, version=version, correct={"q1": 1}, answers={"q1": "A"},
                 score=100.0, seed=1, finished=1_746_064_800)
    second = code("李四", bank=BANK, version=version, correct={"q1": 0}, answers={"q1": "B"},
                  score=0.0, passed=0, seed=2, finished=1_746_068_400)
    page = run_report(tmp_path, monkeypatch, [first, second, first], ticketed=True)
    assert "共有 1 次重考。按最后一次作答计：及格率 0.0%，平均分 0.0；按最高分计：及格率 100.0%，平均分 100.0。" in page
    page = run_report(tmp_path, monkeypatch, [first, second], keep="best", ticketed=True)
    assert "按最高分计：及格率 100.0%，平均分 100.0；按最后一次作答计：及格率 0.0%" in page
    # a self-declared identity: the best attempt counts under either rule
    page = run_report(tmp_path, monkeypatch, [first, second])
    assert "按最后一次作答计：及格率 100.0%" in page
