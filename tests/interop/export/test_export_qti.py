"""lunxun export --format qti: the zip listed, every XML file parsed, answers read back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile

from interop_support import copy_sample, expected, read_bank, run, write_bank

from generator.interop.common import items

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


def export(project, capsys, monkeypatch, bank="tingqing-lianxi"):
    result = run(["export", bank, "--format", "qti", "-o", "q.zip"], project, capsys, monkeypatch)
    return result, zipfile.ZipFile(project / "q.zip")


def parse(archive: zipfile.ZipFile, name: str) -> ET.Element:
    return ET.fromstring(archive.read(name))


def values(element: ET.Element | None) -> list[str]:
    return [] if element is None else [v.text or "" for v in element.iter(f"{QTI}value")]


def read_back(item: ET.Element):
    """The item's interaction and correct response, in the bank's own terms."""
    body = item.find(f"{QTI}itemBody")
    declarations = item.findall(f"{QTI}responseDeclaration")
    if body.find(f".//{QTI}textEntryInteraction") is not None:
        return "blank", [[e.get("mapKey") for e in d.iter(f"{QTI}mapEntry")] for d in declarations]
    correct = values(declarations[0].find(f"{QTI}correctResponse"))
    if (choice := body.find(f"{QTI}choiceInteraction")) is not None:
        if [c.get("identifier") for c in choice] == ["T", "F"]:
            return "judge", correct == ["T"]
        return ("single", correct[0]) if choice.get("maxChoices") == "1" else ("multiple", correct)
    if (order := body.find(f"{QTI}orderInteraction")) is not None:
        text = {c.get("identifier"): c.text for c in order}
        return "order", [text[v] for v in correct]
    match = body.find(f"{QTI}matchInteraction")
    text = {c.get("identifier"): c.text for c in match.iter(f"{QTI}simpleAssociableChoice")}
    return "match", [[text[v.split()[0]], text[v.split()[1]]] for v in correct]


def test_package_contents_and_round_trip(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    result, archive = export(project, capsys, monkeypatch)
    assert result == (0, "已导出 QTI 2.1 题目包：q.zip\n", "")
    names = ["q1", "q2", "q3", "q4", "q5", "q6", "q7a", "q7b"]
    assert archive.namelist() == ["imsmanifest.xml", *[f"items/{n}.xml" for n in names], "test.xml"]
    bank = read_bank(project / "quizzes" / "tingqing-lianxi.yaml")
    found = [read_back(parse(archive, f"items/{n}.xml")) for n in names]
    assert found == [expected(item.question) for item in items(bank)]


def test_manifest(tmp_path, capsys, monkeypatch):
    _, archive = export(copy_sample(tmp_path), capsys, monkeypatch)
    manifest = parse(archive, "imsmanifest.xml")
    assert manifest.tag == f"{CP}manifest"
    assert manifest.findtext(f"{CP}metadata/{CP}schema") == "QTIv2.1 Package"
    resources = manifest.findall(f"{CP}resources/{CP}resource")
    assert [(r.get("identifier"), r.get("type"), r.get("href")) for r in resources[:2]] == [
        ("test-tingqing-lianxi", "imsqti_test_xmlv2p1", "test.xml"),
        ("item-q1", "imsqti_item_xmlv2p1", "items/q1.xml"),
    ]
    assert len(resources) == 9
    assert [d.get("identifierref") for d in resources[0].findall(f"{CP}dependency")][-1] == "item-q7b"
    for resource in resources:
        assert resource.get("href") in archive.namelist()


def test_items(tmp_path, capsys, monkeypatch):
    _, archive = export(copy_sample(tmp_path), capsys, monkeypatch)
    q1 = parse(archive, "items/q1.xml")
    assert (q1.tag, q1.get("identifier"), q1.get("adaptive")) == (f"{QTI}assessmentItem", "item-q1", "false")
    assert q1.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"
    body = q1.find(f"{QTI}itemBody")
    assert body.find(f"{QTI}div/{QTI}p").text == "听情工作法的第一步是什么？"
    assert [c.text for c in body.find(f"{QTI}choiceInteraction")] == ["听", "办", "访"]
    assert values(q1.find(f"{QTI}responseProcessing//{QTI}responseIf")) == []
    score = q1.find(f"{QTI}responseProcessing//{QTI}responseIf/{QTI}setOutcomeValue/{QTI}baseValue")
    assert score.text == "1"
    feedback = q1.find(f"{QTI}modalFeedback")
    assert (feedback.get("outcomeIdentifier"), "".join(feedback.itertext())) == ("FEEDBACK", "先听后办。")
    q4 = parse(archive, "items/q4.xml")
    paragraph = q4.find(f"{QTI}itemBody/{QTI}p")
    assert paragraph.text == "听情工作法三步："
    assert [e.get("responseIdentifier") for e in paragraph] == ["RESPONSE_1", "RESPONSE_2"]
    assert [e.tail for e in paragraph] == ["、办、", "。"]
    q5 = parse(archive, "items/q5.xml")
    assert q5.find(f"{QTI}responseDeclaration").get("cardinality") == "ordered"
    q6 = parse(archive, "items/q6.xml")
    assert q6.find(f"{QTI}responseDeclaration").get("baseType") == "directedPair"
    q7a = parse(archive, "items/q7a.xml")
    assert q7a.find(f"{QTI}itemBody/{QTI}div").get("class") == "scenario"


def test_assessment_test_carries_the_settings(tmp_path, capsys, monkeypatch):
    project = copy_sample(tmp_path)
    write_bank(project, "kao", """\
title: 考试
mode: exam
pass_mark: 80
time_limit: 15
draw: 2
questions:
  - {id: a, type: judge, stem: 甲, answer: 对, points: 2}
  - {id: b, type: judge, stem: 乙, answer: 错}
  - {id: c, type: judge, stem: 丙, answer: 对}
""")
    result, archive = export(project, capsys, monkeypatch, "kao")
    assert result[0] == 0
    test = parse(archive, "test.xml")
    assert (test.tag, test.get("identifier"), test.get("title")) == (f"{QTI}assessmentTest", "test-kao", "考试")
    assert test.find(f"{QTI}timeLimits").get("maxTime") == "900"
    part = test.find(f"{QTI}testPart")
    assert part.get("submissionMode") == "simultaneous"
    section = part.find(f"{QTI}assessmentSection")
    assert section.find(f"{QTI}selection").get("select") == "2"
    assert section.find(f"{QTI}ordering").get("shuffle") == "true"
    assert [r.get("href") for r in section.findall(f"{QTI}assessmentItemRef")] == ["items/a.xml", "items/b.xml",
                                                                                   "items/c.xml"]
    passed = test.find(f"{QTI}outcomeProcessing/{QTI}setOutcomeValue[@identifier='PASS']")
    assert passed.findall(f".//{QTI}baseValue")[-1].text == "80"
    a = parse(archive, "items/a.xml")
    assert values(a.find(f"{QTI}outcomeDeclaration[@identifier='MAXSCORE']")) == ["2"]


def test_case_is_a_section(tmp_path, capsys, monkeypatch):
    _, archive = export(copy_sample(tmp_path), capsys, monkeypatch)
    section = parse(archive, "test.xml").find(f"{QTI}testPart/{QTI}assessmentSection")
    case = section.find(f"{QTI}assessmentSection")
    assert (case.get("identifier"), case.get("keepTogether")) == ("case-q7", "true")
    assert [r.get("identifier") for r in case] == ["item-q7a", "item-q7b"]


def test_blueprint_becomes_one_selecting_section_per_quota(tmp_path, capsys, monkeypatch):
    """Each quota draws its count from questions that fit it; the rest of draw from the others;
    a question that fits two quotas serves the one that would run short without it."""
    project = copy_sample(tmp_path)
    write_bank(project, "lantu", """\
title: 蓝图
mode: exam
draw: 4
blueprint:
  - {count: 1, difficulty: 3}
  - {count: 2, tag: 甲}
questions:
  - {id: a, type: judge, stem: 一, answer: 对, difficulty: 3, tags: [甲]}
  - {id: b, type: judge, stem: 二, answer: 对, tags: [甲]}
  - {id: c, type: judge, stem: 三, answer: 对, difficulty: 3}
  - {id: d, type: judge, stem: 四, answer: 对, tags: [甲]}
  - {id: e, type: judge, stem: 五, answer: 错}
  - {id: f, type: judge, stem: 六, answer: 错}
""")
    result, archive = export(project, capsys, monkeypatch, "lantu")
    assert result[0] == 0
    outer = parse(archive, "test.xml").find(f"{QTI}testPart/{QTI}assessmentSection")
    assert outer.find(f"{QTI}selection") is None  # the quotas select, not the outer section
    sections = outer.findall(f"{QTI}assessmentSection")
    found = [(s.get("visible"), s.find(f"{QTI}selection").get("select"),
              [r.get("identifier") for r in s.findall(f"{QTI}assessmentItemRef")]) for s in sections]
    assert found == [
        ("false", "1", ["item-a", "item-c"]),
        ("false", "2", ["item-b", "item-d"]),
        ("false", "1", ["item-e", "item-f"]),
    ]


def test_the_final_exam_s_quotas_each_have_enough_questions():
    from interop_support import ROOT

    from generator.interop.export.qti import blueprint_pools

    bank = read_bank(ROOT / "quizzes" / "shuji-lunxun-jieye.yaml")
    pools = blueprint_pools(bank)
    assert len(pools) == len(bank.blueprint) + 1
    for (select, pool), quota in zip(pools, bank.blueprint):
        assert select == quota.count and len(pool) >= quota.count, quota
    assert sum(min(select, len(pool)) for select, pool in pools) == bank.draw
