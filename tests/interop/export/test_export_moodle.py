"""lunxun export --format moodle-xml: parsed back with ElementTree, question by question."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET

from interop_support import copy_sample, expected, read_bank, run, write_bank

from generator.interop.common import items
from generator.model.quiz import LETTERS


def export(tmp_path, capsys, monkeypatch, bank="tingqing-lianxi"):
    project = copy_sample(tmp_path)
    return project, run(["export", bank, "--format", "moodle-xml", "-o", "m.xml"], project, capsys, monkeypatch)


def questions(root: ET.Element) -> list[ET.Element]:
    return [q for q in root.findall("question") if q.get("type") != "category"]


def text(element: ET.Element, path: str) -> str:
    return element.findtext(path) or ""


# Moodle's own reading of embedded answers (question/type/multianswer/questiontype.php,
# qtype_multianswer_extract_question), ported: an answer runs up to ~ # or } that no backslash
# or "&" precedes; then HTML entities are decoded and a backslash before } or # dropped.
_FRACTION = r"=|%(-?[0-9]+(?:[.,][0-9]*)?)%"
_ANSWER = r".+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$)"
_FEEDBACK = r".*?(?<!\\)(?=[~}]|$)"
_ALTERNATIVE = f"({_FRACTION})?({_ANSWER})(#({_FEEDBACK}))?"
_EMBEDDED = re.compile(r"\{([0-9]*):(SHORTANSWER|SA|MW):(" + _ALTERNATIVE + "(~" + _ALTERNATIVE + r")*)\}")


def moodle_cloze_answers(questiontext: str) -> list[list[str]]:
    """The accepted texts of each gap, as Moodle stores them after importing the question."""
    gaps = []
    for embedded in _EMBEDDED.finditer(questiontext):
        remaining, accepted = embedded.group(3), []
        while (alt := re.match("~?" + _ALTERNATIVE, remaining)) and alt.group(0):
            answer = html.unescape(alt.group(3)).replace("\\}", "}").replace("\\#", "#")
            accepted.append(answer)
            remaining = remaining[len(alt.group(0)):]
        gaps.append(accepted)
    return gaps


def read_back(question: ET.Element):
    """What a Moodle XML question says is right, in the bank's own terms (the round trip)."""
    kind = question.get("type")
    answers = question.findall("answer")
    if kind == "multichoice":
        right = [LETTERS[i] for i, a in enumerate(answers) if float(a.get("fraction")) > 0]
        single = text(question, "single") == "true"
        return ("single", right[0]) if single else ("multiple", right)
    if kind == "truefalse":
        return "judge", next(text(a, "text") == "true" for a in answers if a.get("fraction") == "100")
    if kind == "shortanswer":
        return "blank", [[text(a, "text") for a in answers]]
    if kind == "cloze":
        return "blank", moodle_cloze_answers(text(question, "questiontext/text"))
    pairs = [(text(s, "text"), text(s, "answer/text")) for s in question.findall("subquestion")]
    if all(left == f"第{n}步" for n, (left, _) in enumerate(pairs, 1)):
        return "order", [right for _, right in pairs]
    return "match", [list(pair) for pair in pairs]


def test_sample_bank_round_trips(tmp_path, capsys, monkeypatch):
    project, result = export(tmp_path, capsys, monkeypatch)
    assert result == (0, "已导出 Moodle XML：m.xml\n",
                      ("提示：题目 q4 有 2 个空，Moodle 的完形填空题按空给分（每空 1 分，共 2 分），"
                      "网站上则全部填对才得分\n"))
    root = ET.parse(project / "m.xml").getroot()
    assert root.tag == "quiz"
    bank = read_bank(project / "quizzes" / "tingqing-lianxi.yaml")
    found = questions(root)
    assert [text(q, "name/text") for q in found] == [item.question.id for item in items(bank)]
    assert [read_back(q) for q in found] == [expected(item.question) for item in items(bank)]


def test_types_categories_and_fields(tmp_path, capsys, monkeypatch):
    project, _ = export(tmp_path, capsys, monkeypatch)
    root = ET.parse(project / "m.xml").getroot()
    assert [(q.get("type"), text(q, "category/text")) for q in root.findall("question")][:1] == [
        ("category", "$course$/top/听情工作法 练习/听情工作法")]
    assert [q.get("type") for q in root.findall("question")] == [
        "category", "multichoice", "multichoice", "truefalse", "category", "cloze", "matching", "matching",
        "multichoice", "truefalse",
    ]
    q1, q2, q3, q4, q5, q6, q7a, q7b = questions(root)
    assert text(q1, "questiontext/text") == "<p>听情工作法的第一步是什么？</p>"
    assert q1.find("questiontext").get("format") == "html"
    assert text(q1, "generalfeedback/text") == "<p>先<strong>听</strong>后办。</p>"
    assert (text(q1, "single"), text(q1, "shuffleanswers"), text(q1, "defaultgrade")) == ("true", "false", "1")
    assert text(q1, "idnumber") == "tingqing-lianxi/q1"
    assert [a.get("fraction") for a in q1.findall("answer")] == ["100", "0", "0"]
    assert text(q2, "single") == "false"
    assert [a.get("fraction") for a in q2.findall("answer")] == ["33.33333", "33.33333", "33.33333", "-100"]
    assert [(text(a, "text"), a.get("fraction")) for a in q3.findall("answer")] == [("true", "0"), ("false", "100")]
    assert text(q4, "questiontext/text") == (
        "<p>听情工作法三步：{1:SHORTANSWER:=听}、办、{1:SHORTANSWER:=访~=回访}。</p>")
    assert [text(s, "text") for s in q5.findall("subquestion")] == ["第1步", "第2步", "第3步"]
    assert [text(s, "answer/text") for s in q6.findall("subquestion")] == ["上门听取诉求", "能办的马上办", "办结后回访"]
    assert text(q7a, "questiontext/text") == "<p>某村村民反映路灯坏了。</p><p>村干部首先应当？</p>"
    assert text(q7b, "penalty") == "1"


def test_one_blank_is_short_answer_and_tags_points(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_bank(project, "tian", """\
title: 填空
questions:
  - id: t1
    type: blank
    stem: 先____后办。
    answer: [[听, 倾听, "a*"]]
    points: 2.5
    tags: [走访, 基础]
""")
    assert run(["export", "tian", "--format", "moodle-xml", "-o", "t.xml"], project, capsys, monkeypatch)[0] == 0
    (question,) = questions(ET.parse(project / "t.xml").getroot())
    assert question.get("type") == "shortanswer"
    assert text(question, "questiontext/text") == "<p>先_____后办。</p>"
    assert [text(a, "text") for a in question.findall("answer")] == ["听", "倾听", "a\\*"]
    assert text(question, "usecase") == "0"
    assert text(question, "defaultgrade") == "2.5"
    assert [text(t, "text") for t in question.findall("tags/tag")] == ["走访", "基础"]


def test_cloze_answers_with_special_characters_reach_moodle_as_typed(tmp_path, capsys, monkeypatch):
    """Every character Moodle's cloze syntax gives a meaning, in an accepted text."""
    texts = ["5~6", "a#b", "x}y", "{z", "%50%", "=e", "1/2", '"q"', "c\\d", "A&B", "<b>", "甲~乙#丙"]
    answers = ", ".join(f"[{json.dumps(t, ensure_ascii=False)}]" for t in texts[:6])
    more = ", ".join(f"[{json.dumps(t, ensure_ascii=False)}]" for t in texts[6:])
    project = copy_sample(tmp_path)
    write_bank(project, "fuhao", f"""\
title: 符号
questions:
  - id: f1
    type: blank
    stem: "{'____ ' * 6}"
    answer: [{answers}]
  - id: f2
    type: blank
    stem: "{'____ ' * 6}"
    answer: [{more}]
""")
    code, _, _ = run(["export", "fuhao", "--format", "moodle-xml", "-o", "f.xml"], project, capsys, monkeypatch)
    assert code == 0
    found = questions(ET.parse(project / "f.xml").getroot())
    assert [moodle_cloze_answers(text(q, "questiontext/text")) for q in found] == [
        [[t] for t in texts[:6]], [[t] for t in texts[6:]]]
