"""lunxun import of Word exam papers (.docx), built in the tests with python-docx in the
layouts 党校 papers use: answers under each question, or a key at the end (by section or
numbered through), options on one line or several, judge marks in the stem, blanks."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from interop_support import copy_sample, read_bank, run

PAPER_ANSWERS_BELOW = [
    "基层干部轮训测试卷",
    "（考试时间 30 分钟）",
    "一、单项选择题（每题 2 分）",
    "1．听情工作法的第一步是（ ）。",
    "A．听  B．办  C．访",
    "答案：A",
    "解析：先听后办。",
    "2．办结之后要做的是（  ）",
    "A．不管",
    "B．回访",
    "【答案】B",
    "二、多项选择题",
    "1、下面属于听情工作法的有（ ）",
    "A.听 B.办 C.访 D.拖",
    "正确答案：ABC",
    "三、判断题",
    "1．办结后不需要回访。（×）",
    "2．先听群众说完再办。（√）",
    "四、填空题",
    "1．听情工作法三步：____、办、____。",
    "答案：听；访/回访",
    "2．调解要先（ ）后办。",
    "答案：听",
    "五、简答题",
    "1．简述听情工作法。",
    "六、附加说明",
]

PAPER_KEY_AT_END = [
    "一、单项选择题",
    "1．第一步是（ ）",
    "A．听 B．办 C．访",
    "2．最后一步是（ ）",
    "A．听 B．办 C．访",
    "二、判断题",
    "1．办结后要回访。",
    "参考答案",
    "一、单项选择题",
    "1-2 AC",
    "二、判断题",
    "1．√",
]


def paper(path: Path, lines: list[str], soft_breaks: bool = False) -> Path:
    document = docx.Document()
    for line in lines:
        if soft_breaks and line.startswith("A"):
            paragraph = document.add_paragraph()
            for n, part in enumerate(line.split("  ")):
                if n:
                    paragraph.add_run().add_break()
                paragraph.add_run(part)
        else:
            document.add_paragraph(line)
    document.save(str(path))
    return path


def imported(tmp_path, capsys, monkeypatch, lines, **kwargs):
    project = copy_sample(tmp_path)
    paper(project / "juan.docx", lines, **kwargs)
    result = run(["import", "juan.docx", "-o", "quizzes/juan.yaml"], project, capsys, monkeypatch)
    return project, result


@pytest.mark.parametrize("soft_breaks", [False, True])
def test_answers_below_each_question(tmp_path, capsys, monkeypatch, soft_breaks):
    project, (code, out, err) = imported(tmp_path, capsys, monkeypatch, PAPER_ANSWERS_BELOW, soft_breaks=soft_breaks)
    assert code == 0, err
    bank = read_bank(project / "quizzes" / "juan.yaml")
    got = [(q.type, q.answer) for q in bank.questions]
    assert got == [
        ("single", "A"), ("single", "B"), ("multiple", ["A", "B", "C"]),
        ("judge", False), ("judge", True),
        ("blank", [["听"], ["访", "回访"]]), ("blank", [["听"]]),
    ]
    first = bank.questions[0]
    assert (first.stem, first.options, first.explain) == ("听情工作法的第一步是（ ）。", ["听", "办", "访"],
                                                          "先听后办。")
    assert bank.questions[3].stem == "办结后不需要回访。"
    assert bank.questions[6].stem == "调解要先____后办。"
    assert "读出 单选 2 道、多选 1 道、判断 2 道、填空 2 道" in out
    assert "juan.docx:25:1: 第1题: 主观题" in out  # the 简答题 is listed, not imported
    assert "未读取的段落" in out and "第 26 段" in out


def test_a_key_at_the_end_by_section(tmp_path, capsys, monkeypatch):
    project, (code, _, err) = imported(tmp_path, capsys, monkeypatch, PAPER_KEY_AT_END)
    assert code == 0, err
    bank = read_bank(project / "quizzes" / "juan.yaml")
    assert [(q.type, q.answer) for q in bank.questions] == [("single", "A"), ("single", "C"), ("judge", True)]


def test_a_key_numbered_through_the_paper(tmp_path, capsys, monkeypatch):
    lines = ["一、单项选择题", "1．甲（ ）", "A．对 B．错", "2．乙（ ）", "A．对 B．错",
             "二、多项选择题", "3．丙（ ）", "A．一 B．二 C．三", "参考答案：1-2 BA 3．AC"]
    project, (code, _, err) = imported(tmp_path, capsys, monkeypatch, lines)
    assert code == 0, err
    bank = read_bank(project / "quizzes" / "juan.yaml")
    assert [q.answer for q in bank.questions] == ["B", "A", ["A", "C"]]


def test_missing_answers_and_ambiguous_keys_are_reported_by_paragraph(tmp_path, capsys, monkeypatch):
    lines = ["一、单项选择题", "1．甲（ ）", "A．对 B．错", "二、判断题", "1．乙。", "参考答案：1．A"]
    project, (code, out, err) = imported(tmp_path, capsys, monkeypatch, lines)
    assert code == 1 and out == ""
    assert "juan.docx:2:1" in err and "题号重复" in err
    assert not (project / "quizzes" / "juan.yaml").exists()
    lines = ["一、单项选择题", "1．甲（ ）", "A．对 B．错", "2．乙（ ）", "A．对 B．错", "答案：B"]
    project, (code, out, err) = imported(tmp_path / "b", capsys, monkeypatch, lines)
    assert code == 1 and "juan.docx:2:1: 第1题: 没有找到答案" in err


def test_not_a_word_file_and_old_doc(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    (project / "x.docx").write_bytes(b"PK\x03\x04 not really")
    code, _, err = run(["import", "x.docx", "-o", "quizzes/x.yaml"], project, capsys, monkeypatch)
    assert code == 1 and "无法读取 Word 文件" in err and "Traceback" not in err
    (project / "y.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    code, _, err = run(["import", "y.doc", "-o", "quizzes/y.yaml"], project, capsys, monkeypatch)
    assert code == 1 and "另存为 .docx" in err
