"""lunxun export --format gift: the text Moodle's GIFT importer reads, and the CLI around it."""

from __future__ import annotations

from interop_support import copy_sample, run, write_bank

from generator.interop.common import share
from generator.interop.export.gift import escape

SAMPLE_GIFT = """\
// lunxun 题库导出（GIFT）：听情工作法 练习
// lunxun-bank: {"id": "tingqing-lianxi", "methods": ["tingqing"], "shuffle_options": false, "shuffle_questions": false, "title": "听情工作法 练习"}

$CATEGORY: $course$/top/听情工作法 练习/听情工作法

// lunxun: {"ref": "tingqing#ting", "type": "single"}
::q1::[markdown]听情工作法的第一步是什么？{
\t=听
\t~办
\t~访
\t####先**听**后办。
}

// lunxun: {"ref": "tingqing", "type": "multiple"}
::q2::[markdown]哪些属于听情工作法的步骤？{
\t~%33.33333%听
\t~%33.33333%办
\t~%33.33333%访
\t~%-100%拖
}

// lunxun: {"ref": "tingqing#fang", "type": "judge"}
::q3::[markdown]办结后不需要回访。{F}

$CATEGORY: $course$/top/听情工作法 练习

// lunxun: {"type": "blank", "whole": {"answer": [["听"], ["访", "回访"]], "id": "q4", "stem": "听情工作法三步：____、办、____。", "type": "blank"}}
::q4-1::[markdown]听情工作法三步：{=听}、办、____。\\n\\n（本题只填第 1 空，共 2 空）

// lunxun: {"part_of": "q4"}
::q4-2::[markdown]听情工作法三步：____、办、{=访 =回访}。\\n\\n（本题只填第 2 空，共 2 空）

// lunxun: {"type": "order"}
::q5::[markdown]排出正确顺序。{
\t=第1步 -> 听
\t=第2步 -> 办
\t=第3步 -> 访
}

// lunxun: {"type": "match"}
::q6::[markdown]连线。{
\t=听 -> 上门听取诉求
\t=办 -> 能办的马上办
\t=访 -> 办结后回访
}

// lunxun: {"case": {"id": "q7", "scenario": "某村村民反映路灯坏了。", "type": "case"}, "type": "single"}
::q7a::[markdown]某村村民反映路灯坏了。\\n\\n村干部首先应当？{
\t=上门了解情况
\t~置之不理
}

// lunxun: {"case": "q7", "type": "judge"}
::q7b::[markdown]某村村民反映路灯坏了。\\n\\n修好后应回访。{T}
"""  # noqa: E501 (each exported question is one line of GIFT)

MULTI_BLANK_NOTE = (
    "提示：题目 q4 有 2 个空，GIFT 没有多空填空题，已拆成 2 道单空题（q4-1 … q4-2，每道只填一个空，"
    "其余空仍显示为横线）；要一题多空、全对才得分，请改用 --format moodle-xml\n"
)


def test_sample_bank_as_gift(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    code, out, err = run(["export", "tingqing-lianxi", "--format", "gift", "-o", "out.gift.txt"], project, capsys,
                         monkeypatch)
    assert (code, out, err) == (0, "已导出 GIFT：out.gift.txt\n", MULTI_BLANK_NOTE)
    assert (project / "out.gift.txt").read_text(encoding="utf-8") == SAMPLE_GIFT


def test_bank_named_by_path_from_another_folder(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    bank = project / "quizzes" / "tingqing-lianxi.yaml"
    code, out, _ = run(["export", str(bank), "--format", "gift", "-o", "x.txt"], tmp_path, capsys, monkeypatch)
    assert (code, out) == (0, "已导出 GIFT：x.txt\n")
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == SAMPLE_GIFT


def test_default_output_name(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    code, out, _ = run(["export", "tingqing-lianxi", "--format", "gift"], project, capsys, monkeypatch)
    assert (code, out) == (0, "已导出 GIFT：tingqing-lianxi.gift.txt\n")
    assert (project / "tingqing-lianxi.gift.txt").is_file()


def test_escaping_and_markdown(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_bank(project, "teshu", """\
title: 特殊字符
questions:
  - id: t1
    type: single
    stem: |
      比例 1:2，记作 {a=b} ~ #1 \\ 完。

      第二段**加粗**。
    options: ["x = y", "a#b"]
    answer: B
    explain: "见 #3: 说明"
    points: 2
    difficulty: 3
    tags: [符号]
  - id: t2
    type: blank
    stem: 星号____要原样比对。
    answer: [["a*b"]]
""")
    code, _, _ = run(["export", "teshu", "--format", "gift", "-o", "t.txt"], project, capsys, monkeypatch)
    assert code == 0
    text = (project / "t.txt").read_text(encoding="utf-8")
    assert (
        '// lunxun: {"difficulty": 3, "points": 2.0, "tags": ["符号"], "type": "single"}\n'
        "::t1::[markdown]比例 1\\:2，记作 \\{a\\=b\\} \\~ \\#1 \\\\ 完。\\n\\n第二段**加粗**。\\n{\n"
        "\t~x \\= y\n\t=a\\#b\n\t####见 \\#3\\: 说明\n}\n"
    ) in text
    assert "::t2::[markdown]星号{=a\\\\*b}要原样比对。\n" in text


def test_escape_function():
    assert escape("a\\b{c}d=e~f#g:h\r\ni") == "a\\\\b\\{c\\}d\\=e\\~f\\#g\\:h\\ni"


def test_weights_are_moodle_grades():
    assert [share(n) for n in (1, 2, 3, 4, 6, 7, 8)] == ["100", "50", "33.33333", "25", "16.66667", "14.28571", "12.5"]
    assert share(3, -100.0) == "-33.33333"


def test_broken_bank_is_not_exported(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_bank(project, "huai", """\
title: 有错的题库
questions:
  - id: q1
    type: single
    stem: 题
    options: [甲, 乙, 丙]
    answer: D
""")
    code, out, err = run(["export", "huai", "--format", "gift", "-o", "h.txt"], project, capsys, monkeypatch)
    assert (code, out) == (1, "")
    assert err == (
        "quizzes/huai.yaml:7:13: questions[0].answer: 答案“D”超出了选项范围（共 3 个选项：A–C）\n"
        "共发现 1 个问题，未生成任何文件。\n"
    )
    assert not (project / "h.txt").exists()


def test_problems_elsewhere_do_not_block_a_sound_bank(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    (project / "content" / "methods" / "fenji.yaml").write_text("title: [\n", encoding="utf-8")
    code, _, _ = run(["export", "tingqing-lianxi", "--format", "gift", "-o", "g.txt"], project, capsys, monkeypatch)
    assert code == 0


def test_unknown_bank_and_bad_names(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    assert run(["export", "nope", "--format", "gift"], project, capsys, monkeypatch) == (
        1, "", "找不到题库“nope”（应为 quizzes/nope.yaml）\n")
    assert run(["export", "Bad_Id", "--format", "gift"], project, capsys, monkeypatch) == (
        1, "", "“Bad_Id”不是题库 id，也不是 quizzes/ 下的 .yaml 文件路径\n")
    assert run(["export", "quizzes/none.yaml", "--format", "gift"], project, capsys, monkeypatch) == (
        1, "", "找不到题库文件 quizzes/none.yaml\n")
    (project / "elsewhere.yaml").write_text("title: x\n", encoding="utf-8")
    assert run(["export", "./elsewhere.yaml", "--format", "gift"], project, capsys, monkeypatch) == (
        1, "", "./elsewhere.yaml 不在项目的题库目录 quizzes/ 中\n")
    assert run(["export", "tingqing-lianxi", "--format", "gift", "-o", "no/such/dir/x.txt"], project, capsys,
               monkeypatch) == (
        1, "", "输出目录 no/such/dir 不存在\n")
    assert run(["export", "tingqing-lianxi", "--format", "gift", "-o", "quizzes"], project, capsys, monkeypatch) == (
        1, "", "quizzes 是一个目录，请在 -o 后写文件名\n")


def test_an_existing_file_is_overwritten_only_with_force(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    config = (project / "mkdocs.yml").read_bytes()
    code, out, err = run(["export", "tingqing-lianxi", "--format", "gift", "-o", "mkdocs.yml"], project, capsys,
                         monkeypatch)
    assert (code, out) == (1, "") and "已存在" in err and "--force" in err
    assert (project / "mkdocs.yml").read_bytes() == config
    code, _, _ = run(["export", "tingqing-lianxi", "--format", "gift", "-o", "g.txt"], project, capsys, monkeypatch)
    assert code == 0
    assert run(["export", "tingqing-lianxi", "--format", "gift", "-o", "g.txt"], project, capsys, monkeypatch)[0] == 1
    code, _, _ = run(["export", "tingqing-lianxi", "--format", "gift", "-o", "g.txt", "--force"], project, capsys,
                     monkeypatch)
    assert code == 0
