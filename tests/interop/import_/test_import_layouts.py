"""lunxun import of 题库 spreadsheets laid out as Chinese exam platforms' templates lay them out.

Each layout is built here (openpyxl for .xlsx, xlwt for .xls, encoded text for CSV) and the
texts lunxun read are compared with what python-calamine, an independent reader, finds.
"""

from __future__ import annotations

import openpyxl
import pytest
import xlwt
from interop_support import copy_sample, read_bank, run
from python_calamine import CalamineWorkbook


def write_xlsx(path, sheets: dict[str, list[list]]) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)


def write_xls(path, sheets: dict[str, list[list]]) -> None:
    book = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
    book.save(str(path))


def write_text(path, rows: list[list], encoding: str, delimiter: str = ",") -> None:
    def field(value) -> str:
        text = str(value)
        return f'"{text.replace(chr(34), chr(34) * 2)}"' if any(ch in text for ch in f'{delimiter}"\n') else text
    path.write_bytes("".join(delimiter.join(field(v) for v in row) + "\r\n" for row in rows).encode(encoding))


def calamine_column(path, sheet: str, header: str, header_row: int) -> list[str]:
    """The non-empty texts under ``header`` as python-calamine reads them."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    column = [str(c) for c in rows[header_row - 1]].index(header)
    return [str(row[column]).strip() for row in rows[header_row:] if len(row) > column and str(row[column]).strip()]


def imported(project, name, capsys, monkeypatch, *extra):
    code, out, err = run(["import", name, "-o", "quizzes/daoru.yaml", *extra], project, capsys, monkeypatch)
    assert (code, err) == (0, ""), err
    assert run(["check"], project, capsys, monkeypatch)[0] == 0
    return read_bank(project / "quizzes" / "daoru.yaml"), out


def brief(bank):
    return [(q.type, q.answer) for q in bank.questions]


# 考试宝-style: a title and instructions above the header; notes in the names; 正确/错误; 简单/一般/困难
KAOSHIBAO = [
    ["乡镇干部轮训题库导入模板"],
    ["说明：带（必填）的列不能为空；判断题答案填 正确 或 错误"],
    ["题型（必填）", "题干（必填）", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "答案（必填）", "解析",
     "难度"],
    ["单选题", ("人民调解委员会调解民间纠纷，"
            "应当坚持的原则是（  ）。"), "自愿平等", "强制", "收费", "保密", "", "", "A", "见人民调解法", "简单"],
    ["多选题", "下列属于调解方式的有（  ）。", "人民调解", "司法调解", "行政调解", "武力", "", "", "ABC", "", "一般"],
    ["判断题", "调解达成协议后可以反悔且协议无任何效力。", "", "", "", "", "", "", "错误", "", "困难"],
    ["填空题", "调解应当遵循____、____原则。", "", "", "", "", "", "", "自愿|平等", "", ""],
]


def test_kaoshibao_template(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_xlsx(project / "考试宝.xlsx", {"Sheet1": KAOSHIBAO})
    bank, out = imported(project, "考试宝.xlsx", capsys, monkeypatch)
    assert brief(bank) == [("single", "A"), ("multiple", ["A", "B", "C"]), ("judge", False), ("blank", [["自愿"],
                                                                                                        ["平等"]])]
    assert [q.difficulty for q in bank.questions] == [1, 2, 3, None]
    assert ("  表格：第 3 行是列名；读出 单选题 1 道、多选题 1 道、判断题 1 道、填空题 1 道\n"
            "    第 1–2 行在列名之上（标题或说明），未读取\n") in out
    assert "使用的列：题型（“题型（必填）”）、题干（“题干（必填）”）、选项A、选项B" in out
    assert [q.stem for q in bank.questions] == calamine_column(project / "考试宝.xlsx", "Sheet1", "题干（必填）", 3)


# 磨题帮-style: all options in one cell, "A.… B.…"; 对/错; blanks separated by ；
MOTIBANG = [
    ["题目", "题型", "选项", "答案", "解析"],
    ["枫桥经验的核心是（ ）", "单选", "A.矛盾不上交 B.一律上报 C.放任不管", "A", "就地化解"],
    ["网格员的职责包括（ ）", "多选", "A、信息采集 B、矛盾排查 C、代替法院判决 D、政策宣传", "A,B,D", ""],
    ["小事不出村，大事不出镇。", "判断", "", "对", ""],
    ["三治融合指自治、____、____相结合。", "填空", "", "法治；德治", ""],
]


def test_motibang_template_options_in_one_cell(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_xlsx(project / "磨题帮.xlsx", {"题库": MOTIBANG})
    bank, _ = imported(project, "磨题帮.xlsx", capsys, monkeypatch)
    assert [q.options for q in bank.questions[:2]] == [["矛盾不上交", "一律上报", "放任不管"],
                                                       ["信息采集", "矛盾排查", "代替法院判决", "政策宣传"]]
    assert brief(bank) == [("single", "A"), ("multiple", ["A", "B", "D"]), ("judge", True), ("blank", [["法治"],
                                                                                                       ["德治"]])]
    assert [q.stem for q in bank.questions] == calamine_column(project / "磨题帮.xlsx", "题库", "题目", 1)


# 问卷星-style: starred names, bare letter columns, √/×, points and knowledge points, extra columns
WENJUANXING = [
    ["*题干", "*题型", "A", "B", "C", "D", "正确答案", "答案解析", "分值", "知识点", "出题人", "备注"],
    ["听情工作法的第一步是", "单项选择题", "A．听", "B．办", "C．访", "", "A", "", 2, "tingqing#ting", "王", ""],
    ["哪些属于听情工作法？", "多项选择题", "听", "办", "访", "拖", "ABC", "", 3, "tingqing 入户", "", "重点"],
    ["办结后不需要回访。", "判断题", "", "", "", "", "×", "要回访", 1, "", "", ""],
    ["说说你的体会。", "简答题", "", "", "", "", "略", "", 5, "", "", ""],
]


def test_wenjuanxing_template_extra_columns_and_unsupported_rows(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_xlsx(project / "问卷星.xlsx", {"Sheet1": WENJUANXING})
    bank, out = imported(project, "问卷星.xlsx", capsys, monkeypatch)
    assert brief(bank) == [("single", "A"), ("multiple", ["A", "B", "C"]), ("judge", False)]
    assert bank.questions[0].options == ["听", "办", "访"]
    assert [q.points for q in bank.questions] == [2, 3, 1]
    assert (bank.questions[0].ref, bank.questions[1].ref, bank.questions[1].tags) == ("tingqing#ting", "tingqing",
                                                                                      ["入户"])
    assert "忽略的列（lunxun 没有对应的字段）：出题人、备注\n" in out
    assert "未导入 1 道题（lunxun 不支持的题型；加 --strict 则视为错误、不生成文件）：\n" \
           "  问卷星.xlsx:5:2: *题型: “简答题”不能自动评分，lunxun 不支持这种题型，此行未导入\n" in out
    code, out, err = run(["import", "问卷星.xlsx", "-o", "quizzes/s.yaml", "--strict"], project, capsys, monkeypatch)
    assert (code, err) == (1, ("问卷星.xlsx:5:2: *题型: “简答题”不能自动评分，lunxun 不支持这种题型，此行未导入\n"
                               "共发现 1 个问题，未生成任何文件。\n"))


# A unit's own template saved by WPS as .xls: 选项1…, 标准答案, a 1–5 difficulty, T/F, 所属分类
UNIT_XLS = [
    ["序号", "试题内容", "试题类型", "选项1", "选项2", "选项3", "选项4", "标准答案", "试题解析", "难易程度", "所属分类",
     "出题人"],
    [1, "村规民约由（ ）讨论决定。", "单选题", "村民会议", "村支书", "乡政府", "", "A", "", 1, "村民自治", "李"],
    [2, ("四议两公开中的“两公开”"
        "是（ ）。"), "多选题", "决议公开", "实施结果公开", "个人隐私公开", "", "AB", "", 3, "村民自治", ""],
    [3, "村务监督委员会可以由村委会成员兼任。", "判断题", "", "", "", "", "F", "", 5, "", ""],
]


def test_unit_template_as_xls(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_xls(project / "单位题库.xls", {"试题": UNIT_XLS})
    bank, out = imported(project, "单位题库.xls", capsys, monkeypatch)
    assert brief(bank) == [("single", "A"), ("multiple", ["A", "B"]), ("judge", False)]
    assert [q.difficulty for q in bank.questions] == [1, 2, 3]  # 1–5 read onto 易/中/难, as the report says
    assert [q.tags for q in bank.questions] == [["村民自治"], ["村民自治"], []]
    assert "忽略的列（lunxun 没有对应的字段）：序号、出题人\n" in out
    assert [q.stem for q in bank.questions] == calamine_column(project / "单位题库.xls", "试题", "试题内容", 1)


# One sheet per question type (the sheet name is the type), and an instructions sheet
def test_one_sheet_per_type(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    header = ["题目", "A", "B", "C", "答案"]
    write_xlsx(project / "分表.xlsx", {
        "填写说明": [["每个工作表一种题型，请勿修改表头"]],
        "单选题": [header, ["第一步是？", "听", "办", "访", "A"]],
        "多选题": [header, ["哪些是步骤？", "听", "办", "拖", "AB"]],
        "判断题": [["题目", "答案"], ["要回访。", "正确"]],
        "填空题": [["题目", "答案"], ["先____后办。", "听"]],
    })
    bank, out = imported(project, "分表.xlsx", capsys, monkeypatch)
    assert brief(bank) == [("single", "A"), ("multiple", ["A", "B"]), ("judge", True), ("blank", [["听"]])]
    assert "  工作表“填写说明”中没有列名行（需要“题干”等列），整张表未读取\n" in out
    assert "  工作表“判断题”：第 1 行是列名（题型按工作表名读作判断题）；读出 判断题 1 道\n" in out
    assert "  # 工作表“多选题”第 2 行\n" in (project / "quizzes" / "daoru.yaml").read_text(encoding="utf-8")
    write_xlsx(project / "分表.xlsx", {"单选题": [header, ["第一步是？", "听", "办", "访", "D"]], "判断题": [["题目",
                                                                                                              "答案"],
                                                                                                              ["x",
                                                                                                               "也许"]]})
    assert run(["import", "分表.xlsx", "-o", "quizzes/e.yaml"], project, capsys, monkeypatch)[2] == (
        "分表.xlsx[判断题]:2:2: 答案: 判断题的答案应为 对/错（或 正确/错误、√/×、T/F、是/否），却填了“也许”\n"
        "分表.xlsx[单选题]:2:5: 答案: 答案“D”超出了选项范围（共 3 个选项：A–C）\n"
        "共发现 2 个问题，未生成任何文件。\n")


# CSV saved by Excel as GBK ("ANSI"): options separated by |, 易/中/难, 是/否
GBK_ROWS = [
    ["题型", "题目内容", "选项", "参考答案", "难度"],
    ["单选", "信访工作应当坚持（ ）。", "属地管理|分级负责|越级上访", "B", "易"],
    ["多选", "化解矛盾的渠道有（ ）。", "人民调解|行政调解|司法调解", "A B C", "中"],
    ["判断", "群众来信可以不予登记。", "", "否", "难"],
]


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-16"])
def test_csv_in_each_encoding(tmp_path, capsys, monkeypatch, encoding):
    project = copy_sample(tmp_path)
    write_text(project / "tiku.csv", GBK_ROWS, encoding)
    bank, _ = imported(project, "tiku.csv", capsys, monkeypatch)
    assert brief(bank) == [("single", "B"), ("multiple", ["A", "B", "C"]), ("judge", False)]
    assert bank.questions[0].options == ["属地管理", "分级负责", "越级上访"]
    assert [q.difficulty for q in bank.questions] == [1, 2, 3]


def test_excel_unicode_text_is_tab_separated_utf16(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_text(project / "unicode.csv", GBK_ROWS, "utf-16-le", delimiter="\t")  # Excel's "Unicode 文本": no BOM here
    bank, _ = imported(project, "unicode.csv", capsys, monkeypatch)
    assert brief(bank) == [("single", "B"), ("multiple", ["A", "B", "C"]), ("judge", False)]


# Options on new lines in one cell; judge answers as A/B, Y/N, ✓/✗; blanks split by ###, alternatives by 或
SPELLINGS = [
    ["试题题型", "试题内容", "备选答案", "正确答案", "难易度", "标签"],
    ["单项选择题", "调解的首要环节是（ ）", "A：倾听\nB：裁决\nC：处罚", "A", "较易", "调解"],
    ["判断题", "调解协议经司法确认后具有强制执行力。", "", "A", "较难", ""],
    ["判断题", "调解可以强迫当事人接受。", "A. 正确\nB. 错误", "B", "适中", ""],
    ["判断题", "应当尊重当事人意愿。", "", "Y", "", ""],
    ["判断题", "可以泄露当事人隐私。", "", "✗", "", ""],
    ["填空题", "调解坚持____原则和____原则。", "", "自愿或自主###合法", "", ""],
    ["选择题", "下列正确的是（ ）", "甲|乙|丙", "AC", "", ""],
]


def test_value_spellings_and_the_readings_chosen(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_text(project / "s.csv", SPELLINGS, "gb18030")
    bank, out = imported(project, "s.csv", capsys, monkeypatch)
    assert brief(bank) == [("single", "A"), ("judge", True), ("judge", False), ("judge", True), ("judge", False),
                           ("blank", [["自愿", "自主"], ["合法"]]), ("multiple", ["A", "C"])]
    assert bank.questions[0].options == ["倾听", "裁决", "处罚"]
    assert bank.questions[0].tags == ["调解"]
    # row 4 has 正确/错误 options and needs no guess
    assert "    第 3 行：判断题答案 A/B 按 A=正确、B=错误 读取\n" in out
    assert "    第 7 行：答案中的“或”读作同一个空的几种答案\n" in out
    assert "    第 8 行：题型“选择题”按答案字母的个数读作单选题或多选题\n" in out


def test_one_blank_stem_with_several_answers_reads_them_as_alternatives(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_text(project / "a.csv", [
        ["题型", "题干", "答案"],
        ["填空题", "十九大提出的“____个全面”战略布局。", "4|四"],
        ["填空题", "一村____品、一乡____业。", "一/特"],
        ["填空题", "一村____品、一乡____业。", "一|一"],
    ], "utf-8")
    bank, out = imported(project, "a.csv", capsys, monkeypatch)
    assert [q.answer for q in bank.questions] == [[["4", "四"]], [["一"], ["特"]], [["一"], ["一"]]]
    assert "    第 2 行：题干只有一个空：答案中的“|”“；”读作这个空的几种答案（如 5|五）\n" in out
    assert "    第 3 行：题干有 2 个空：答案中的“/”读作各空之间的分隔\n" in out
