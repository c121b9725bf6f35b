"""lunxun import from GIFT: Moodle-style files, mistakes with their lines, and the round trip."""

from __future__ import annotations

import pytest
from interop_support import ROOT, copy_sample, read_bank, run, write_bank

from generator.loading.project import Layout, load_project

SHIPPED = sorted(path.stem for path in (ROOT / "quizzes").glob("*.yaml"))

HAND_WRITTEN = """\
// 手写的 GIFT 题目，按 Moodle 的写法
$CATEGORY: $course$/top/调解基础

::Q1 名称:: 六尺巷的故事发生在哪里？{
  =安徽桐城
  ~江苏苏州#不对
  ~浙江杭州
  ####张英写诗让三尺。
}

::q2::调解员首先要 {~说服 =倾听 ~裁决} 当事人的诉求。

::q3::[html]<p>调解要<b>合法</b>。</p>{TRUE#错了#对了}

::q4::中国的首都是{=北京 =%0%上海 =%100%北京市}

::q5::按顺序排列{
=第1步 -> 听
=第2步 -> 办
}

::q6::配对{=甲 -> 一 =乙 -> 二 =丙 -> 三}

::q7::多选\\: 选两项{~%50%甲 ~%50%乙 ~%-100%丙}
"""


def test_moodle_style_gift(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    (project / "hand.gift").write_text(HAND_WRITTEN, encoding="utf-8")
    code, out, err = run(["import", "hand.gift", "-o", "quizzes/hand.yaml"], project, capsys, monkeypatch)
    assert (code, out, err) == (0, "已导入 7 道题：quizzes/hand.yaml\n请核对后运行 lunxun check 检查。\n", "")
    bank = read_bank(project / "quizzes" / "hand.yaml")
    assert bank.title == "调解基础"
    assert [q.model_dump(exclude_defaults=True, exclude_none=True) for q in bank.questions] == [
        {"id": "q1", "type": "single", "stem": "六尺巷的故事发生在哪里？", "options": ["安徽桐城", "江苏苏州",
                                                                                       "浙江杭州"],
         "answer": "A", "explain": "张英写诗让三尺。"},
        {"id": "q2", "type": "single", "stem": "调解员首先要 （　）"
                                               " 当事人的诉求。", "options": ["说服", "倾听", "裁决"],
         "answer": "B"},
        {"id": "q3", "type": "judge", "stem": "调解要合法。", "answer": True},
        {"id": "q4", "type": "blank", "stem": "中国的首都是____", "answer": [["北京", "北京市"]]},
        {"id": "q5", "type": "order", "stem": "按顺序排列", "items": ["听", "办"]},
        {"id": "q6", "type": "match", "stem": "配对", "pairs": [["甲", "一"], ["乙", "二"], ["丙", "三"]]},
        {"id": "q7", "type": "multiple", "stem": "多选: 选两项", "options": ["甲", "乙", "丙"], "answer": ["A", "B"]},
    ]
    assert run(["check"], project, capsys, monkeypatch)[0] == 0


BROKEN = """\
::a::题目{=答案

::b::数值题{#3:1}

::c::问答题{}

::d::只有说明

::e::填空{=甲 =%50%乙}

::f::选择{=甲 =乙 ~丙}

::g::多余的 } 括号{=甲}

::h::配对{=甲 -> 一 =乙}

::i::无正确{~甲 ~乙}

::j::{=x} 与 {~a =b}

::k 名称没有结尾{=x}

::ok::好{T}

::ok::重名{F}
"""
BROKEN_REPORT = """\
broken.gift:1:8: a: 答案部分缺少结尾的“}”
broken.gift:11:9: f: 单选题只能有一个以“=”标出的正确答案；多选题请用 ~%50% 这样的分值
broken.gift:13:10: g: 多余的“}”：前面没有对应的“{”（文字中的 } 请写成 \\}）
broken.gift:15:18: h: 配对题的每一项应写成“=左 -> 右”
broken.gift:17:10: i: 没有正确答案：单选题用“=”标出正确选项，多选题用 ~%50% 这样的正分值
broken.gift:19:13: j: 一道题只能有一个答案部分 {…}（多个空的填空题除外）
broken.gift:21:1: 题目名称缺少结尾的“::”（名称写成 ::名称::）
broken.gift:25:1: ok: 题目名称“ok”重复：名称用作题目 id，须唯一
共发现 8 个问题，未生成任何文件。
"""


def test_gift_mistakes_are_reported_with_their_lines(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    (project / "broken.gift").write_text(BROKEN, encoding="utf-8")
    code, out, err = run(["import", "broken.gift", "-o", "quizzes/broken.yaml"], project, capsys, monkeypatch)
    assert (code, out, err) == (1, "", BROKEN_REPORT)
    assert not (project / "quizzes" / "broken.yaml").exists()


def test_checks_run_once_the_syntax_is_sound(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    (project / "refs.gift").write_text(
        '// lunxun: {"ref": "tingqing#xx"}\n::m::引用错误{T}\n\n// lunxun: {"difficulty": 5}\n::n::难度{F}\n',
        encoding="utf-8",
    )
    assert run(["import", "refs.gift", "-o", "quizzes/refs.yaml"], project, capsys, monkeypatch) == (1, "", (
        "refs.gift:5:1: n.difficulty: 应为以下之一：1、2、3\n共发现 1 个问题，未生成任何文件。\n"))
    (project / "refs.gift").write_text('// lunxun: {"ref": "tingqing#xx"}\n::m::引用错误{T}\n', encoding="utf-8")
    assert run(["import", "refs.gift", "-o", "quizzes/refs.yaml"], project, capsys, monkeypatch) == (1, "", (
        "refs.gift:2:1: m.ref: 方法“tingqing”没有步骤“xx”（已有：ting、ban、fang）\n"
        "共发现 1 个问题，未生成任何文件。\n"))


def test_empty_and_undecodable_gift(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    (project / "empty.gift").write_text("\n// 只有注释\n", encoding="utf-8")
    (project / "gbk.txt").write_bytes("::a::题{T}".encode("gb18030"))
    assert run(["import", "empty.gift", "-o", "quizzes/e.yaml"], project, capsys, monkeypatch) == (
        1, "", "empty.gift:1:1: 没有找到任何题目（题目之间用空行分隔）\n共发现 1 个问题，未生成任何文件。\n")
    (project / "empty.gift").write_text("", encoding="utf-8")
    assert run(["import", "empty.gift", "-o", "quizzes/e.yaml"], project, capsys, monkeypatch) == (
        1, "", "empty.gift:1:1: 文件是空的：没有任何 GIFT 题目\n共发现 1 个问题，未生成任何文件。\n")
    assert run(["import", "gbk.txt", "-o", "quizzes/e.yaml"], project, capsys, monkeypatch) == (
        1, "", "gbk.txt:1:1: 文件不是有效的 UTF-8 编码，请以 UTF-8 保存\n共发现 1 个问题，未生成任何文件。\n")


def test_round_trip_of_the_sample_bank(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    original = read_bank(project / "quizzes" / "tingqing-lianxi.yaml")
    assert run(["export", "tingqing-lianxi", "--format", "gift", "-o", "rt.gift"], project, capsys, monkeypatch)[0] == 0
    (project / "quizzes" / "tingqing-lianxi.yaml").unlink()
    code, _, err = run(["import", "rt.gift", "-o", "quizzes/tingqing-lianxi.yaml"], project, capsys, monkeypatch)
    assert (code, err) == (0, "")
    assert read_bank(project / "quizzes" / "tingqing-lianxi.yaml") == original
    assert run(["check"], project, capsys, monkeypatch)[0] == 0


def test_round_trip_keeps_awkward_text(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_bank(project, "teshu", """\
title: "特殊: 字符 {测试}"
mode: exam
pass_mark: 75
time_limit: 12.5
attempts: 2
shuffle_options: false
questions:
  - id: t1
    type: single
    stem: |
      比例 1:2，记作 {a=b} ~ #1 \\ 完。

      - 列表项
      - [链接](https://example.org)
    options: ["x = y", "a#b", "->", "// 不是注释"]
    answer: B
    explain: "见 #3: 说明\\n第二行"
    points: 2
    difficulty: 3
    tags: [符号, "a,b"]
    ref: tingqing#ban
  - id: t2
    type: blank
    stem: 星号______要原样比对，还有____。
    answer: [["a*b", "a\\\\b"], [甲]]
  - id: t3
    type: match
    stem: 第1步 -> 不是排序
    pairs: [[第1步, 甲], [第2步, 乙]]
  - id: t4
    type: case
    scenario: 情景：**加粗**。
    stem: 案例题干
    explain: 总解析
    ref: tingqing
    questions:
      - {id: t4a, type: multiple, stem: 小题一, options: [甲, 乙, 丙], answer: AC}
      - {id: t4b, type: order, stem: 小题二, items: [一, 二, 三], ref: tingqing#ting}
  - {id: t5, type: judge, stem: 最后, answer: true}
""")
    original = read_bank(project / "quizzes" / "teshu.yaml")
    assert run(["check"], project, capsys, monkeypatch)[0] == 0
    assert run(["export", "teshu", "--format", "gift", "-o", "t.gift"], project, capsys, monkeypatch)[0] == 0
    code, _, err = run(["import", "t.gift", "-o", "quizzes/teshu2.yaml"], project, capsys, monkeypatch)
    assert (code, err) == (0, "")
    assert read_bank(project / "quizzes" / "teshu2.yaml") == original.model_copy(update={"id": "teshu2"})


@pytest.fixture(scope="module")
def shipped_project():
    return load_project(ROOT)


@pytest.fixture
def shipped_read_once(shipped_project, monkeypatch) -> None:
    """Export and import each read the whole shipped project (71 files) again; for a test per bank
    they get the one reading of it, which neither changes."""
    project, problems = shipped_project

    def load(root, layout=None):
        assert root.resolve() == ROOT and layout in (None, Layout()), (root, layout)
        return project, list(problems)  # export adds the check's problems to this list

    monkeypatch.setattr("generator.interop.bank.load_project", load)
    monkeypatch.setattr("generator.interop.import_.load_project", load)


@pytest.mark.parametrize("bank_id", SHIPPED)
def test_round_trip_of_every_shipped_bank(tmp_path, capsys, monkeypatch, shipped_read_once, bank_id):
    original = read_bank(ROOT / "quizzes" / f"{bank_id}.yaml")
    gift = tmp_path / "bank.gift"
    assert run(["export", bank_id, "--format", "gift", "-o", str(gift), "--root", str(ROOT)], tmp_path, capsys,
               monkeypatch)[0] == 0
    target = tmp_path / f"{bank_id}.yaml"
    code, _, err = run(["import", str(gift), "-o", str(target), "--root", str(ROOT)], tmp_path, capsys, monkeypatch)
    assert (code, err) == (0, "")
    assert read_bank(target) == original


# Written the way Moodle's qformat_gift exports (a comment per question, [html] markers on the text,
# the options and the feedback, "=%100%answer#" short answers after a "_____" stem, "= -> x" distractors).
MOODLE_EXPORT = """\
// question: 0  name: Switch category to $course$/top/默认类别
$CATEGORY: $course$/top/默认类别


// question: 11  name: 填空一
::填空一::[html]<p>调解的第一步是_____。</p>{
\t=%100%倾听#
\t=%100%听取诉求#
\t=%0%*#再想想
}

// question: 12  name: 单选
::单选::[html]<p>哪一项是<b>人民调解</b>的原则？</p>{
\t=[html]<p>自愿平等</p>#[html]<p>对</p>
\t~[plain]强制执行#不对
\t~%0%[markdown]**收费**
\t####[html]<p>见《人民调解法》。</p>
}

// question: 13  name: 多选
::多选::[moodle]下列属于调解方式的有{
\t~%50%人民调解
\t~%50%行政调解
\t~%-100%武力解决
}

// question: 14  name: 配对
::配对::[html]<p>把做法与环节配对。</p>{
\t=[html]<p>登门了解</p> -> 听
\t=[html]<p>当场解决</p> -> 办
\t= -> 拖
}

// question: 15  name: 判断
::判断::[html]<p>调解协议可以违反法律。</p>{FALSE#[html]<p>错</p>#[html]<p>对</p>####[html]<p>不得违法。</p>}

// question: 16  name: 简答一词
::一词::说出调解员的称呼{调解员}

// question: 17  name: 问答
::问答::[html]<p>谈谈你的体会。</p>{
\t####[html]<p>言之有理即可。</p>
}

// question: 18  name: 数值
::数值::[html]<p>三天三议的“三天”有几天？</p>{#
\t=%100%3:0#
}

// question: 19  name: 部分得分
::部分得分::[html]<p>首都是_____。</p>{
\t=%100%北京#
\t=%50%北平#
}

// question: 20  name: 说明
::说明::[html]<p>以下为第二部分。</p>
"""


def test_gift_as_moodle_exports_it(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    (project / "moodle.txt").write_text(MOODLE_EXPORT, encoding="utf-8")
    code, out, err = run(["import", "moodle.txt", "-o", "quizzes/moodle.yaml"], project, capsys, monkeypatch)
    assert (code, err) == (0, "")
    assert out == (
        "读取 moodle.txt：\n"
        "  第 28 行（q4）：配对题的干扰项“拖”（左侧为空）lunxun 不支持，已略去\n"
        "未导入 4 道题（lunxun 不支持的题型；加 --strict 则视为错误、不生成文件）：\n"
        "  moodle.txt:41:27: 问答: 答案部分是空的：问答题（essay）不能自动评分，lunxun 不支持，未导入\n"
        "  moodle.txt:46:34: 数值: 数值题（{#…}）lunxun 不支持，未导入\n"
        "  moodle.txt:53:7: 部分得分: 部分得分的填空答案（%50%）lunxun 不支持，未导入\n"
        "  moodle.txt:57:13: 说明: 没有答案部分 {…}：说明文字（description）不是题目，未导入\n"
        "已导入 6 道题：quizzes/moodle.yaml\n请核对后运行 lunxun check 检查。\n")
    bank = read_bank(project / "quizzes" / "moodle.yaml")
    assert bank.title == "默认类别"
    assert [q.model_dump(exclude_defaults=True, exclude_none=True) for q in bank.questions] == [
        {"id": "q1", "type": "blank", "stem": "调解的第一步是____。", "answer": [["倾听", "听取诉求"]]},
        {"id": "q2", "type": "single", "stem": "哪一项是人民调解的原则？", "options": ["自愿平等", "强制执行",
                                                                                       "**收费**"],
         "answer": "A", "explain": "见《人民调解法》。"},
        {"id": "q3", "type": "multiple", "stem": "下列属于调解方式的有", "options": ["人民调解", "行政调解",
                                                                                     "武力解决"],
         "answer": ["A", "B"]},
        {"id": "q4", "type": "match", "stem": "把做法与环节配对。", "pairs": [["登门了解", "听"], ["当场解决", "办"]]},
        {"id": "q5", "type": "judge", "stem": "调解协议可以违反法律。", "answer": False, "explain": "不得违法。"},
        {"id": "q6", "type": "blank", "stem": "说出调解员的称呼____", "answer": [["调解员"]]},
    ]
    assert run(["check"], project, capsys, monkeypatch)[0] == 0
    code, out, err = run(["import", "moodle.txt", "-o", "quizzes/strict.yaml", "--strict"], project, capsys,
                         monkeypatch)
    assert (code, out) == (1, "") and err.endswith("共发现 4 个问题，未生成任何文件。\n")
    assert not (project / "quizzes" / "strict.yaml").exists()
