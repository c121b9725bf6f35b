"""Imports stay within seconds and a few hundred MB: crafted XLSX bombs, huge banks, hostile characters.

Each bomb runs `lunxun import` in a child process, so its time and peak memory are its own.
"""

from __future__ import annotations

import csv
import json
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from interop_support import copy_sample, read_bank, run
from paths import ROOT

HEADER = ["题型", "题干", "选项A", "选项B", "答案"]
PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '</Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        '</Relationships>'),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="题库" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
        '</Relationships>'),
}
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<dimension ref="A1:XFD1048576"/><sheetData>')
SHEET_TAIL = "</sheetData></worksheet>"


def cell(column: str, row: int, text: str) -> str:
    return f'<c r="{column}{row}" t="inlineStr"><is><t>{text}</t></is></c>'


def row_xml(number: int, values: list[str]) -> str:
    return f'<row r="{number}">' + "".join(cell("ABCDE"[i], number, v) for i, v in enumerate(values)) + "</row>"


def write_workbook(path: Path, sheet_chunks) -> None:
    """A minimal .xlsx whose sheet XML is streamed from ``sheet_chunks`` (so it can be huge)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(SHEET_HEAD.encode())
            for chunk in sheet_chunks:
                sheet.write(chunk.encode())
            sheet.write(SHEET_TAIL.encode())


def million_rows():
    yield row_xml(1, HEADER)
    batch = []
    for number in range(2, 1_000_002):
        batch.append(f'<row r="{number}"><c r="B{number}"><v>1</v></c></row>')
        if len(batch) == 10_000:
            yield "".join(batch)
            batch = []
    yield "".join(batch)


def huge_cell(size: int):
    yield row_xml(1, HEADER)
    yield '<row r="2"><c r="A2" t="inlineStr"><is><t>单选题</t></is></c><c r="B2" t="inlineStr"><is><t>'
    block = "题" * (1024 * 1024)
    for _ in range(size // len(block.encode())):
        yield block
    yield "</t></is></c></row>"


def lie_about_size(path: Path, member: str, size: int) -> None:
    """Rewrite a member's declared uncompressed size in both zip headers, as a crafted bomb does."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        offset = archive.getinfo(member).header_offset
    struct.pack_into("<I", data, offset + 22, size)  # local file header
    entry = data.find(b"PK\x01\x02")
    while entry != -1:  # central directory: the entry whose name is the member's
        if data[entry + 46:entry + 46 + len(member)] == member.encode():
            struct.pack_into("<I", data, entry + 24, size)
        entry = data.find(b"PK\x01\x02", entry + 4)
    path.write_bytes(bytes(data))


MEASURE = """\
import json, resource, sys, time
from generator.cli import main
started = time.perf_counter()
code = main(sys.argv[1:])
print(json.dumps({"code": code, "seconds": time.perf_counter() - started,
                  "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), file=sys.stderr)
"""


def measured_import(project: Path, source: Path) -> tuple[int, float, float, str]:
    """Run ``lunxun import`` in a child process; (exit code, seconds, peak MB, its messages)."""
    target = project / "quizzes" / "daoru.yaml"
    done = subprocess.run([sys.executable, "-c", MEASURE, "import", str(source), "-o", str(target), "--root",
                           str(project)],
                          capture_output=True, text=True, timeout=120, check=False,
                          cwd=ROOT)
    *messages, last = done.stderr.strip().splitlines()
    figures = json.loads(last)
    assert "Traceback" not in done.stderr
    return figures["code"], figures["seconds"], figures["mb"], "\n".join(messages)


@pytest.mark.slow
def test_a_million_row_sheet_is_refused_in_seconds(tmp_path):
    project = copy_sample(tmp_path)
    source = tmp_path / "rows.xlsx"
    write_workbook(source, million_rows())
    assert source.stat().st_size < 8 * 1024 * 1024  # a few MB on disk
    code, seconds, mb, err = measured_import(project, source)
    assert code == 1 and err == (f"{source}:1:1: 表格中有内容的行超过 15000 行：请把题库分成几个文件分别导入\n"
                                 "共发现 1 个问题，未生成任何文件。")
    assert seconds < 10 and mb < 500, (seconds, mb)
    assert not (project / "quizzes" / "daoru.yaml").exists()


@pytest.mark.slow
def test_a_cell_that_inflates_beyond_the_bound_is_refused_before_inflating(tmp_path):
    project = copy_sample(tmp_path)
    source = tmp_path / "cell.xlsx"
    write_workbook(source, huge_cell(200 * 1024 * 1024))
    assert source.stat().st_size < 5 * 1024 * 1024
    code, seconds, mb, err = measured_import(project, source)
    assert code == 1 and err == (f"{source}:1:1: Excel 文件的部件 xl/worksheets/sheet1.xml 解压后有 198 MB，"
                                 "超过上限 64 MB："
                                 "请把题库分成几个文件分别导入\n共发现 1 个问题，未生成任何文件。")
    assert seconds < 10 and mb < 500, (seconds, mb)


@pytest.mark.slow
def test_a_zip_that_lies_about_its_sizes_is_read_no_further_than_declared(tmp_path):
    project = copy_sample(tmp_path)
    source = tmp_path / "lie.xlsx"
    write_workbook(source, huge_cell(200 * 1024 * 1024))
    lie_about_size(source, "xl/worksheets/sheet1.xml", 4096)
    code, seconds, mb, err = measured_import(project, source)
    assert code == 1 and err == (f"{source}:1:1: 无法读取 Excel 文件（BadZipFile）：请确认是 .xlsx 格式\n"
                                 "共发现 1 个问题，未生成任何文件。")
    assert seconds < 10 and mb < 500, (seconds, mb)


def test_blank_rows_to_the_end_of_the_sheet_are_left_unread(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    rows = [row_xml(1, HEADER), row_xml(2, ["判断题", "要回访。", "", "", "对"])]
    rows += [f'<row r="{n}"><c r="A{n}" s="1"/></row>' for n in range(3, 3000)]  # formatted, empty
    rows.append(row_xml(1_048_576, ["判断题", "最后一行", "", "", "错"]))
    write_workbook(project / "b.xlsx", rows)
    code, out, err = run(["import", "b.xlsx", "-o", "quizzes/b.yaml"], project, capsys, monkeypatch)
    assert (code, err) == (0, "")
    assert "    第 3 行起连续 1000 行为空，其后的行没有读取\n" in out
    assert len(read_bank(project / "quizzes" / "b.yaml").questions) == 1


def test_a_too_long_cell_is_reported_at_its_place(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_workbook(project / "long.xlsx", [row_xml(1, HEADER), row_xml(2, ["单选题", "长" * 20_001, "甲", "乙", "A"])])
    assert run(["import", "long.xlsx", "-o", "quizzes/l.yaml"], project, capsys, monkeypatch) == (1, "", (
        "long.xlsx:2:2: 题干: 单元格有 20001 个字，超过上限 20000 个字\n共发现 1 个问题，未生成任何文件。\n"))


def write_rows(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析"])
        for number in range(count):
            writer.writerow(["单选题", (f"第{number}题："
                                    "调解工作的第一步是什么？"), f"倾听{number}", "说服", "裁决", "调查", "A",
                                    "先听再说。"])


@pytest.mark.slow
def test_a_bank_too_big_for_one_file_says_how_to_split_it(tmp_path):
    project = copy_sample(tmp_path)
    write_rows(tmp_path / "big.csv", 12_000)
    code, seconds, mb, err = measured_import(project, tmp_path / "big.csv")
    assert code == 1 and seconds < 10 and mb < 500, (seconds, mb)
    assert err == (f"{tmp_path / 'big.csv'}:1:1: 导入的 12000 道题写成 YAML 有 2.6 MB、约 204001 个节点，"
                   "超过 lunxun 读取一个"
                   "题库文件的上限（5 MB、200000 个节点）：请把它分成几份（每份不超过约 10588 道题），"
                   "分别导入为几个题库\n"
                   "共发现 1 个问题，未生成任何文件。")
    write_rows(tmp_path / "part.csv", 10_588)  # the size it names does import
    code, seconds, mb, err = measured_import(project, tmp_path / "part.csv")
    assert code == 0 and seconds < 10 and mb < 500, (err, seconds, mb)
    assert len(read_bank(project / "quizzes" / "daoru.yaml").questions) == 10_588


@pytest.mark.slow
def test_a_gift_file_of_100000_questions_is_refused_before_parsing(tmp_path):
    project = copy_sample(tmp_path)
    source = tmp_path / "big.gift"
    source.write_text("".join(f"::q{n}::第{n}题{{=甲 ~乙 ~丙}}\n\n" for n in range(100_000)), encoding="utf-8")
    code, seconds, mb, err = measured_import(project, source)
    assert (code, err) == (1, (f"{source}:1:1: 文件中有约 100000 道题（以空行分隔），超过一次导入的上限 15000 道："
                               "请分成几个文件分别导入\n共发现 1 个问题，未生成任何文件。"))
    assert seconds < 10 and mb < 500, (seconds, mb)


HOSTILE = ["\u0085", "\u2028", "\u2029", "\ufeff", "\x01", "\x1b", "\x7f", "\x9f", "\r"]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_yaml_hostile_characters_read_back_as_written(tmp_path, capsys, monkeypatch, suffix):
    project = copy_sample(tmp_path)
    stems = [f"甲{ch}乙" for ch in HOSTILE] + ["多行\n文本\u0085末尾"]
    rows = [["题型", "题干", "答案"], *(["判断题", stem, "对"] for stem in stems)]
    if suffix == "csv":
        with (project / "h.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    else:
        import openpyxl

        book = openpyxl.Workbook()
        for row in rows:
            book.active.append([text.replace("\x01", "").replace("\x1b", "") for text in row])  # XML 1.0 cannot hold C0
        book.save(project / "h.xlsx")
        stems = [stem.replace("\x01", "").replace("\x1b", "") for stem in stems]
    code, _, err = run(["import", f"h.{suffix}", "-o", "quizzes/h.yaml"], project, capsys, monkeypatch)
    assert (code, err) == (0, "")
    assert [q.stem for q in read_bank(project / "quizzes" / "h.yaml").questions] == stems
    assert run(["check"], project, capsys, monkeypatch)[0] == 0
