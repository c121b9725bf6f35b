"""lunxun import from the common question-bank spreadsheet (XLSX and CSV)."""

from __future__ import annotations

import openpyxl
import pytest
from interop_support import copy_sample, read_bank, run

HEADER = ["题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "难度", "知识点"]
GOOD_ROWS = [
    ["单选题", "听情工作法的第一步是（ ）。", "听", "办", "访", "", "A", "先**听**后办。", "易", "tingqing#ting"],
    ["多选题", "哪些属于听情工作法的步骤？", "听", "办", "访", "拖", "A,B,C", "", "中", "tingqing"],
    ["判断题", "办结后不需要回访。", "", "", "", "", "错", "", 3, "走访、回访"],
    ["填空题", "听情工作法三步：___、办、（ ）。", "", "", "", "", "听|访/回访", "", 2, "tingqing#fang"],
]
EXPECTED = [
    {"id": "q1", "type": "single", "stem": "听情工作法的第一步是（ ）。", "options": ["听", "办", "访"], "answer": "A",
     "explain": "先**听**后办。", "difficulty": 1, "ref": "tingqing#ting"},
    {"id": "q2", "type": "multiple", "stem": "哪些属于听情工作法的步骤？", "options": ["听", "办", "访", "拖"],
     "answer": ["A", "B", "C"], "difficulty": 2, "ref": "tingqing"},
    {"id": "q3", "type": "judge", "stem": "办结后不需要回访。", "answer": False, "difficulty": 3, "tags": ["走访",
                                                                                                           "回访"]},
    {"id": "q4", "type": "blank", "stem": "听情工作法三步：____、办、____。", "answer": [["听"], ["访", "回访"]],
     "difficulty": 2, "ref": "tingqing#fang"},
]


def write_xlsx(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)


def write_csv(path, rows, encoding="utf-8"):
    lines = [",".join(f'"{cell}"' if "," in str(cell) else str(cell) for cell in row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))


def questions(bank):
    return [q.model_dump(exclude_defaults=True, exclude_none=True) for q in bank.questions]


def check(project, capsys, monkeypatch):
    return run(["check"], project, capsys, monkeypatch)


def test_xlsx_becomes_a_checked_bank(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_xlsx(project / "题库.xlsx", [HEADER, *GOOD_ROWS])
    code, out, err = run(["import", "题库.xlsx", "-o", "quizzes/daoru.yaml"], project, capsys, monkeypatch)
    assert (code, err) == (0, "")
    assert out == (
        "读取 题库.xlsx：\n"
        "  表格：第 1 行是列名；读出 单选题 1 道、多选题 1 道、判断题 1 道、填空题 1 道\n"
        "    使用的列：题型、题干、选项A、选项B、选项C、选项D、答案、解析、难度、知识点\n"
        "已导入 4 道题：quizzes/daoru.yaml\n请核对后运行 lunxun check 检查。\n")
    text = (project / "quizzes" / "daoru.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/quiz.schema.json\n"
                           "# 由 lunxun import 从 题库.xlsx 导入")
    assert "  # 第 2 行\n  - id: q1\n" in text and "  # 第 5 行\n  - id: q4\n" in text
    bank = read_bank(project / "quizzes" / "daoru.yaml")
    assert (bank.title, bank.methods, bank.mode, bank.pass_mark) == ("题库", ["tingqing"], "practice", 60)
    assert questions(bank) == EXPECTED
    assert check(project, capsys, monkeypatch)[0] == 0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_every_common_encoding(tmp_path, capsys, monkeypatch, encoding):
    project = copy_sample(tmp_path)
    write_csv(project / "tiku.csv", [HEADER, *GOOD_ROWS], encoding)
    code, _, err = run(["import", "tiku.csv", "-o", "quizzes/daoru.yaml", "--title", "听情工作法 导入题"],
                       project, capsys, monkeypatch)
    assert (code, err) == (0, "")
    bank = read_bank(project / "quizzes" / "daoru.yaml")
    assert bank.title == "听情工作法 导入题"
    assert questions(bank) == EXPECTED
    assert check(project, capsys, monkeypatch)[0] == 0


def test_optional_columns_and_header_variants(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    rows = [
        ["序号", "试题类型", "题目", "选项 A", "选项Ｂ", "正确答案", "编号", "分值", "知识点"],
        [1, "单选", "第一步？", "听", "办", "Ａ", "di-yi", 2, "tingqing#ting 入户"],
        [2, "判断", "要回访。", "", "", "√", "", "", ""],
    ]
    write_xlsx(project / "t.xlsx", rows)
    assert run(["import", "t.xlsx", "-o", "quizzes/t.yaml"], project, capsys, monkeypatch)[0] == 0
    assert questions(read_bank(project / "quizzes" / "t.yaml")) == [
        {"id": "di-yi", "type": "single", "stem": "第一步？", "options": ["听", "办"], "answer": "A", "points": 2.0,
         "ref": "tingqing#ting", "tags": ["入户"]},
        {"id": "q2", "type": "judge", "stem": "要回访。", "answer": True},
    ]


BAD_ROWS = [
    ["题型", "题干", "选项A", "选项B", "选项C", "答案", "难度", "知识点"],
    ["问答题", "说说看", "", "", "", "随便", "", ""],
    ["单选题", "第一步？", "听", "办", "", "D", "易", ""],
    ["多选题", "哪些？", "听", "", "办", "AC", "", ""],
    ["判断题", "回访重要", "", "", "", "也许", "很难", ""],
    ["填空题", "三步：____、办、____。", "", "", "", "听", "", "tingqing#xx"],
    ["单选题", "", "甲", "乙", "", "A", "", ""],
    ["单选题", "只有一个选项", "甲", "", "", "A", "", ""],
    ["多选题", "字母不对", "甲", "乙", "", "AX", "", ""],
    ["单选题", "两个答案", "甲", "乙", "", "AB", "", ""],
    ["填空题", "没有空", "", "", "", "甲", "", ""],
]
BAD_REPORT = """\
{f}:3:6: 答案: 答案“D”超出了选项范围（共 2 个选项：A–B）
{f}:4:4: 选项B: 选项B为空，但其后还有选项：选项须从 A 起连续填写
{f}:5:6: 答案: 判断题的答案应为 对/错（或 正确/错误、√/×、T/F、是/否），却填了“也许”
{f}:5:7: 难度: 难度“很难”应为 易、较易、中、较难、难，或 1–3（或 1–5）
{f}:6:6: 答案: 题干有 2 个空，答案却给了 1 组（各空用“|”分隔）
{f}:6:8: 知识点: 方法“tingqing”没有步骤“xx”（已有：ting、ban、fang）
{f}:7:2: 题干: 题干不能为空
{f}:8:3: 选项A: 选择题至少需要 2 个选项（现有 1 个）
{f}:9:6: 答案: 答案“AX”应为选项字母，如 ABD
{f}:10:6: 答案: 单选题只能有一个答案，却填了“AB”
{f}:11:2: 题干: 填空题的题干中没有空（用 ____ 或（ ）表示）
共发现 11 个问题，未生成任何文件。
"""


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_every_bad_row_is_reported_at_once(tmp_path, capsys, monkeypatch, suffix):
    project = copy_sample(tmp_path)
    name = f"bad.{suffix}"
    (write_xlsx if suffix == "xlsx" else write_csv)(project / name, BAD_ROWS)
    code, out, err = run(["import", name, "-o", "quizzes/bad.yaml"], project, capsys, monkeypatch)
    assert (code, out, err) == (1, "", BAD_REPORT.format(f=name))
    assert not (project / "quizzes" / "bad.yaml").exists()


def test_header_problems(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_csv(project / "h.csv", [["题型", "问题", "选项A", "选项A", "备注"], ["单选题", "x", "甲", "乙", ""]])
    code, _, err = run(["import", "h.csv", "-o", "quizzes/h.yaml"], project, capsys, monkeypatch)
    assert (code, err) == (1, (
        "h.csv:1:1: 答案: 缺少“答案”列\n"
        "h.csv:1:4: 选项A: 重复的列“选项A”：与第 3 列同名\n"
        "共发现 2 个问题，未生成任何文件。\n"
    ))
    write_csv(project / "h.csv", [["题型", "说明", "答案"], ["单选题", "x", "A"]])
    assert run(["import", "h.csv", "-o", "quizzes/h.yaml"], project, capsys, monkeypatch) == (1, "", (
        "h.csv:1:1: 题干: 没有找到列名行：前 30 行中没有“题干”（或“题目”“试题内容”）这样的列名\n"
        "共发现 1 个问题，未生成任何文件。\n"))


def test_empty_files(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    (project / "empty.csv").write_bytes(b"")
    write_xlsx(project / "empty.xlsx", [])
    write_csv(project / "header.csv", [HEADER])
    message = "文件是空的：应有一行列名（题型、题干、选项A…、答案、解析、难度、知识点），其下每行一道题"
    for name in ("empty.csv", "empty.xlsx"):
        assert run(["import", name, "-o", "quizzes/e.yaml"], project, capsys, monkeypatch) == (
            1, "", f"{name}:1:1: {message}\n共发现 1 个问题，未生成任何文件。\n")
    assert run(["import", "header.csv", "-o", "quizzes/e.yaml"], project, capsys, monkeypatch) == (
        1, "", "header.csv:2:1: 没有题目：列名行之下没有任何题目\n共发现 1 个问题，未生成任何文件。\n")


def test_unreadable_files_and_bad_targets(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    (project / "fake.xlsx").write_text("not a workbook", encoding="utf-8")
    (project / "latin.csv").write_bytes(b"\xff\xfe\x00\xd8")
    (project / "binary.csv").write_bytes(b"\x81\x30\x81\xff" * 3)
    write_csv(project / "ok.csv", [HEADER, GOOD_ROWS[0]])
    assert run(["import", "fake.xlsx", "-o", "quizzes/f.yaml"], project, capsys, monkeypatch) == (
        1, "", ("fake.xlsx:1:1: 无法读取 Excel 文件（BadZipFile）：请确认是 .xlsx 格式\n共发现 1 个问题，"
               "未生成任何文件。\n"))
    assert run(["import", "latin.csv", "-o", "quizzes/f.yaml"], project, capsys, monkeypatch) == (
        1, "", ("latin.csv:1:1: 文件开头标明是 UTF-16-LE 编码，但内容不是：请重新保存为 UTF-8 的 CSV\n共发现 1 个问题，"
               "未生成任何文件。\n"))
    assert run(["import", "binary.csv", "-o", "quizzes/f.yaml"], project, capsys, monkeypatch) == (
        1, "", ("binary.csv:1:1: 无法识别文件编码：请以 UTF-8 或 GB18030（GBK）保存 CSV\n共发现 1 个问题，"
               "未生成任何文件。\n"))
    assert run(["import", "missing.csv", "-o", "quizzes/f.yaml"], project, capsys, monkeypatch) == (
        1, "", "找不到文件 missing.csv\n")
    assert run(["import", "ok.csv", "-o", "quizzes/tingqing-lianxi.yaml"], project, capsys, monkeypatch) == (
        1, "", "quizzes/tingqing-lianxi.yaml 已存在，未覆盖（确需覆盖请加 --force）\n")
    assert run(["import", "ok.csv", "-o", "quizzes/Bad.yaml"], project, capsys, monkeypatch) == (
        1, "", "文件名“Bad”不是合法的题库 id：只能用小写英文字母、数字和连字符\n")
    assert run(["import", "ok.csv", "-o", "quizzes/x.yml"], project, capsys, monkeypatch) == (
        1, "", "输出文件 quizzes/x.yml 应以 .yaml 结尾，如 quizzes/liuchixiang-jichu.yaml\n")
    (project / "ok.pdf").write_bytes(b"x")
    assert run(["import", "ok.pdf", "-o", "quizzes/x.yaml"], project, capsys, monkeypatch) == (
        1, "", "无法识别 ok.pdf 的类型：支持 .xlsx、.xls、.csv（题库表格）、.docx（Word 试卷）和 .gift、.txt（GIFT）\n")
    assert run(["import", "ok.csv", "-o", "quizzes/tingqing-lianxi.yaml", "--force"], project, capsys,
               monkeypatch)[0] == 0
    assert read_bank(project / "quizzes" / "tingqing-lianxi.yaml").title == "ok"
