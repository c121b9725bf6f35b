"""`lunxun results` end to end: chat text in, grade sheets out, every bad input named by place."""

from __future__ import annotations

import base64
import io
import json
import sys
import zlib
from pathlib import Path

import pytest
from openpyxl import load_workbook
from paths import TESTS
from results_support import code, encode, payload

from generator.cli import main
from generator.commands import results as command

SAMPLE = TESTS / "projects" / "sample"
BANK = "tingqing-lianxi"


def crc(body: str) -> str:
    return f"{zlib.crc32(body.encode()) & 0xFFFFFFFF:08x}"


def tampered(text: str) -> str:
    """A code whose payload was edited after the checksum was made."""
    prefix, body, check = text.split(".")
    spot = len(body) // 2
    return f"{prefix}.{body[:spot]}{'B' if body[spot] == 'A' else 'A'}{body[spot + 1:]}.{check}"


def run(tmp_path: Path, monkeypatch, capsys, files: dict[str, str | bytes], *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(tmp_path)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        Path(name).write_bytes(data)
    status = main(["results", *args, "-o", "out", "--root", str(SAMPLE)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_chat_text_with_broken_codes_reports_each_by_place(tmp_path, monkeypatch, capsys) -> None:
    good = code("张三", bank=BANK, correct={"q1": 1}, answers={"q1": "A"})
    other = code("李四", "河西乡", bank=BANK, correct={"q1": 0}, answers={"q1": "B"}, ident="A-7")
    not_json = "LX1.bm90IGpzb24." + crc("bm90IGpzb24")
    body = base64.urlsafe_b64encode(json.dumps({"v": 1, "b": BANK}).encode()).decode().rstrip("=")
    short = f"LX1.{body}.{crc(body)}"
    chat = "\n".join([
        "培训群 2025-05-01",
        f"张三 10:01\n{good}",
        f"[10:02] 李四：“{other}”",
        f"王五：{tampered(good)}",
        f"赵六：{good[:60]}",
        f"钱七：{not_json}",
        f"孙八：{short}",
        f"张三：{good}",
        "",
    ])
    gbk = f"周九：{code('周九', bank=BANK, correct={'q1': 1}, answers={'q1': 'A'})}\n".encode("gbk")
    files = {"chat.txt": chat, "empty.txt": "", "nocodes.txt": "大家好，明天上午九点开会。\n",
             "gbk.txt": gbk, "photo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}
    status, out, err = run(tmp_path, monkeypatch, capsys, files,
                           "chat.txt", "empty.txt", "nocodes.txt", "gbk.txt", "photo.png", "missing.txt")
    assert status == 0
    assert err.splitlines() == [
        "empty.txt: 文件是空的",
        "nocodes.txt: 没有找到成绩码（成绩码以 LX2 或 LX1. 开头）",
        "gbk.txt: 不是 UTF-8 编码，已按 GB18030（GBK）读取",
        "photo.png: 不是文本文件（可能是图片或表格），已跳过；请粘贴聊天文字后另存为 .txt",
        "missing.txt: 找不到这个文件，已跳过",
        "chat.txt:5: 校验码不符：成绩码被改动过，或复制时丢了字符，已跳过",
        "chat.txt:6: 成绩码不完整或含有多余的字符：请让学员重新复制完整的成绩码，已跳过",
        "chat.txt:7: 成绩码的内容无法解码（不是有效的 base64 编码的 JSON），已跳过",
        ("chat.txt:8: 成绩码缺少字段：bv（题库版本）、s（随机种子）、n（姓名）、u（单位）、i（学员编号）、q（题目）、"
         "a（作答）、r（对错）、p（得分）、m（满分）、sc（百分制成绩）、ok（是否合格）、t（用时）、f（交卷时间）"
         "，已跳过"),
    ]
    assert out.splitlines() == [
        "读取 6 个文件，找到 8 个成绩码：有效 4 个，无效 4 个（已跳过），重复粘贴 1 个（只计一次）。",
        "共 3 名学员、1 个题库。",
        "已写入 out/grades.xlsx、out/grades.csv、out/report.html",
    ]
    report = Path("out/report.html").read_text(encoding="utf-8")
    assert "4 个成绩码无效，已跳过" in report and "chat.txt:5: 校验码不符" in report


def test_no_valid_code_writes_nothing(tmp_path, monkeypatch, capsys) -> None:
    good = code("张三", bank=BANK, correct={"q1": 1})
    status, out, err = run(tmp_path, monkeypatch, capsys, {"a.txt": tampered(good) + "\n"}, "a.txt")
    assert status == 1 and out == ""
    assert err.splitlines() == [
        "a.txt:1: 校验码不符：成绩码被改动过，或复制时丢了字符，已跳过",
        "没有找到有效的成绩码，未生成成绩表。",
    ]
    assert not Path("out").exists()


def test_codes_that_cannot_be_graded_are_skipped(tmp_path, monkeypatch, capsys) -> None:
    # the score a code claims is never read (NaN included): only the answers count
    lines = [code("", "", bank=BANK), code("张三", bank=BANK, score=float("nan")),
             code("李四", bank=BANK, finished=10**15)]
    status, _, err = run(tmp_path, monkeypatch, capsys, {"a.txt": "\n".join(lines)}, "a.txt")
    assert status == 0
    assert err.splitlines() == [
        "a.txt:1: 成绩码中没有姓名和编号，无法确定是哪位学员，已跳过",
        "a.txt:3: 成绩码中的随机种子或时间超出范围，已跳过",
    ]
    assert Path("out/grades.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith("张三,城关镇,,")


def test_grade_sheet_xlsx_and_csv(tmp_path, monkeypatch, capsys) -> None:
    lines = [
        code("张三", "城关镇", bank=BANK, correct={"q1": 1, "q2": 0}, answers={"q1": "A", "q2": "AB"},
             seconds=754, finished=1_746_064_800, seed=1),
        code("张三", "城关镇", bank=BANK, correct={"q1": 1, "q2": 1}, answers={"q1": "A", "q2": "ABC"},
             seconds=300, finished=1_746_068_400, seed=2),
        code("李四", "河西乡", bank=BANK, ident="0042", correct={"q1": 0, "q2": 0}, seconds=65),
        code("李 四", "河西乡（改）", bank=BANK, ident="0042", answers={"q1": "A"}, seed=3,
             finished=1_746_068_400),
        code("=HYPERLINK(\"x\")", "@某村", bank=BANK, answers={"q1": "A"}),
    ]
    status, _, _ = run(tmp_path, monkeypatch, capsys, {"chat.txt": "\n".join(lines)}, "chat.txt")
    assert status == 0
    book = load_workbook("out/grades.xlsx")
    assert book.sheetnames == ["成绩", "题目分析"]
    sheet = book["成绩"]
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= 6 and sheet.column_dimensions["H"].width >= 18
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["姓名", "单位", "编号", "题库", "得分", "是否及格", "用时", "完成时间", "作答次数", "最高分",
                       "标记", "来源"]
    assert sheet["A1"].font.bold
    # re-graded from the bank's 8 questions; what the codes claim in "correct" is not read
    assert rows[1:] == [
        ["=HYPERLINK(\"x\")", "@某村", None, "听情工作法 练习", 12.5, "不及格", "05:00", "2025-05-01 10:00", 1, 12.5,
         None, "chat.txt:5"],
        ["张三", "城关镇", None, "听情工作法 练习", 25, "不及格", "05:00", "2025-05-01 11:00", 2, 25, None,
         "chat.txt:2"],
        ["李 四", "河西乡（改）", "0042", "听情工作法 练习", 12.5, "不及格", "05:00", "2025-05-01 11:00", 2, 12.5, None,
         "chat.txt:4"],
    ]
    assert sheet["A2"].data_type == "s"  # a name that looks like a formula stays text
    items = [[cell.value for cell in row] for row in book["题目分析"].iter_rows()]
    assert items[0][:4] == ["题库", "题号", "题型", "题干"]
    assert items[1][:8] == ["听情工作法 练习", "q1", "单选", "听情工作法的第一步是什么？", 3, 3, 1, 0]

    raw = Path("out/grades.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig").splitlines()
    assert text[0] == "姓名,单位,编号,题库,得分,是否及格,用时,完成时间,作答次数,最高分,标记,来源"
    assert text[1] == ("\"'=HYPERLINK(\"\"x\"\")\",'@某村,,听情工作法 练习,12.5,不及格,05:00,2025-05-01 10:00,"
                       "1,12.5,,chat.txt:5")
    assert text[2] == "张三,城关镇,,听情工作法 练习,25.0,不及格,05:00,2025-05-01 11:00,2,25.0,,chat.txt:2"


def test_keep_best_and_batch_by_file(tmp_path, monkeypatch, capsys) -> None:
    better = code("张三", bank=BANK, answers={"q1": "A", "q2": "ABC", "q3": 0, "q4": ["听", "访"]}, seed=1,
                  finished=1_746_064_800)
    worse = code("张三", bank=BANK, answers={"q1": "B"}, seed=2, finished=1_746_068_400)
    files = {"一班.txt": better + "\n", "二班.txt": worse + "\n"}
    status, out, _ = run(tmp_path, monkeypatch, capsys, files, "一班.txt", "二班.txt", "--keep", "best",
                         "--batch", "file")
    assert status == 0
    assert "重考 1 次，按最高分计分" in out
    sheet = load_workbook("out/grades.xlsx")["成绩"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][3] == "批次" and rows[0][10] == "最后一次得分"
    assert rows[1][:6] == ["张三", "城关镇", None, "一班", "听情工作法 练习", 50]
    assert rows[1][10] == 0
    report = Path("out/report.html").read_text(encoding="utf-8")
    assert "<th>批次</th>" in report


def test_standard_input(tmp_path, monkeypatch, capsys) -> None:
    text = "张三：" + code("张三", bank=BANK, correct={"q1": 1}) + "\n\n" + tampered(code("李四", bank=BANK))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    status, out, err = run(tmp_path, monkeypatch, capsys, {}, "-")
    assert status == 0
    assert err == "标准输入:3: 校验码不符：成绩码被改动过，或复制时丢了字符，已跳过\n"
    assert out.startswith("读取 1 个文件，找到 2 个成绩码：有效 1 个，无效 1 个（已跳过）。")


def test_an_open_sheet_is_reported_not_raised(tmp_path, monkeypatch, capsys) -> None:
    def refuse(path, *args):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(command, "write_xlsx", refuse)
    status, _, err = run(tmp_path, monkeypatch, capsys, {"a.txt": code("张三", bank=BANK)}, "a.txt")
    assert status == 1
    assert err.startswith("out: 没有写入权限") and "Excel" in err and "保持不变" in err


def test_an_output_folder_that_is_a_file_is_reported(tmp_path, monkeypatch, capsys) -> None:
    files = {"a.txt": code("张三", bank=BANK), "out": "not a folder"}
    status, _, err = run(tmp_path, monkeypatch, capsys, files, "a.txt")
    assert status == 1
    assert err == "无法写入 out：已有同名的文件，请用 -o 换一个输出目录。\n"


def test_progress_bar_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown, hidden = Terminal(), io.StringIO()
    for stream in (shown, hidden):
        progress = command.Progress("解读成绩码", 5000, stream)
        for _ in range(5000):
            progress.tick() if progress.ticker() else None
        progress.close()
    assert shown.getvalue().endswith("\r解读成绩码 [##############################] 5000/5000\n")
    assert hidden.getvalue() == ""


@pytest.mark.parametrize("keep", ["latest", "best"])
def test_identity_is_the_id_else_name_and_unit(keep, tmp_path, monkeypatch, capsys) -> None:
    lines = [
        encode(payload("张三", "城关镇", bank=BANK, seed=1)),
        encode(payload("张三", "城关镇 ", bank=BANK, seed=2, finished=1_746_064_900)),  # same person
        encode(payload("张三", "河西乡", bank=BANK, seed=3)),  # another 张三
        encode(payload("张叁", "城关镇", bank=BANK, ident="7", seed=4)),
        encode(payload("张三丰", "城关镇", bank=BANK, ident="7", seed=5, finished=1_746_064_900)),  # same id
    ]
    status, out, _ = run(tmp_path, monkeypatch, capsys, {"a.txt": "\n".join(lines)}, "a.txt", "--keep", keep)
    assert status == 0
    assert "共 3 名学员、1 个题库，重考 2 次" in out
