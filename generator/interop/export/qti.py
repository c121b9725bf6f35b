"""QTI 2.1 content package: imsmanifest.xml, one assessmentItem per question, one assessmentTest.

Choices (documented in the trainers' guide):

- ``single``/``multiple``/``judge`` → choiceInteraction (judge offers 正确 / 错误);
  ``blank`` → one textEntryInteraction per gap, each accepting any of its texts;
  ``order`` → orderInteraction; ``match`` → matchInteraction.
- Scoring is all or nothing per question, worth its ``points``; ``explain`` is modal feedback.
- A ``case`` becomes a sub-section holding its sub-questions (kept together when drawing and
  shuffling); each sub-question carries the scenario at the top of its own text.
- The bank's ``draw`` → ``<selection select>``, ``shuffle_questions`` → ``<ordering shuffle>``,
  ``blueprint`` → one invisible sub-section per quota that selects its ``count`` (QTI cannot
  let two sections draw from one pool, so each question is placed under one quota it fits,
  enough for every quota first) and a last one that selects the rest of ``draw``;
  ``time_limit`` → ``<timeLimits maxTime>``, ``pass_mark`` → the test's ``PASS`` outcome.
- Blanks are compared as written (QTI has no full/half-width folding), ignoring case.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from ...check.quiz import quota_matches
from ...model import QuizBank
from ...model.quiz import (
    LETTERS,
    Blank,
    Case,
    Judge,
    Match,
    Multiple,
    Order,
    QuestionBase,
    Quota,
    Single,
)
from ...render.quiz import blank_stem_html
from ...render.text import md_inline, md_to_html
from ..common import Item, deterministic_zip
from .xhtml import KNOWN, append_html, indent_outside_text

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
QTI_SCHEMA = f"{NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_SCHEMA = f"{CP} http://www.imsglobal.org/xsd/imscp_v1p1.xsd"

ET.register_namespace("xsi", XSI)


def _q(tag: str) -> str:
    """Element names stay plain; each document's root declares QTI as the default namespace.

    (ElementTree's ``default_namespace`` would reject the plain attribute names QTI uses.)
    """
    return tag


def _sub(parent: ET.Element, tag: str, **attributes: Any) -> ET.Element:
    return ET.SubElement(parent, _q(tag), {k.rstrip("_"): str(v) for k, v in attributes.items()})


def _value(parent: ET.Element, text: str) -> None:
    _sub(parent, "value").text = text


def item_identifier(question: QuestionBase) -> str:
    return f"item-{question.id}"


def export_qti(bank: QuizBank, bank_id: str) -> bytes:
    """The content package as zip bytes."""
    files: dict[str, bytes] = {}
    for question in bank.questions:
        subs = question.questions if isinstance(question, Case) else [question]
        for sub in subs:
            item = Item(sub, question if isinstance(question, Case) else None)
            files[f"items/{sub.id}.xml"] = _serialise(assessment_item(item, bank.shuffle_options))
    files["test.xml"] = _serialise(assessment_test(bank, bank_id))
    manifest = _manifest(bank, bank_id, [name for name in files if name.startswith("items/")])
    return deterministic_zip({"imsmanifest.xml": manifest, **files})


TEXT_HOLDERS = KNOWN | {"simpleChoice", "simpleAssociableChoice", "modalFeedback", "value", "baseValue"}


def _serialise(element: ET.Element) -> bytes:
    indent_outside_text(element, TEXT_HOLDERS)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True) + b"\n"


def assessment_item(item: Item, shuffle: bool = True) -> ET.Element:
    """One question as a QTI assessmentItem; ``shuffle`` lets the player reorder choices."""
    question = item.question
    root = ET.Element(_q("assessmentItem"), {
        "xmlns": NS, f"{{{XSI}}}schemaLocation": QTI_SCHEMA, "identifier": item_identifier(question),
        "title": question.id, "adaptive": "false", "timeDependent": "false", XML_LANG: "zh-CN",
    })
    responses = _responses(root, question)
    for name, value in (("SCORE", "0"), ("MAXSCORE", f"{question.points:g}")):
        outcome = _sub(root, "outcomeDeclaration", identifier=name, cardinality="single", baseType="float")
        _value(_sub(outcome, "defaultValue"), value)
    if question.explain:
        _sub(root, "outcomeDeclaration", identifier="FEEDBACK", cardinality="single", baseType="identifier")
    body = _sub(root, "itemBody")
    if item.case is not None:
        append_html(_sub(body, "div", class_="scenario"), md_to_html(item.case.scenario) + md_to_html(item.case.stem))
    _interaction(body, question, shuffle)
    _processing(root, question, responses)
    if question.explain:
        feedback = _sub(root, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier="EXPLAIN", showHide="show")
        append_html(feedback, md_to_html(question.explain))
    return root


def _responses(root: ET.Element, question: QuestionBase) -> list[str]:
    """Declare the responses with their correct values; returns their identifiers."""
    if isinstance(question, Blank):
        names = []
        for index, accepted in enumerate(question.answer, 1):
            name = f"RESPONSE_{index}"
            declaration = _sub(root, "responseDeclaration", identifier=name, cardinality="single", baseType="string")
            _value(_sub(declaration, "correctResponse"), accepted[0])
            mapping = _sub(declaration, "mapping", defaultValue="0", upperBound="1")
            for text in accepted:
                _sub(mapping, "mapEntry", mapKey=text, mappedValue="1", caseSensitive="false")
            names.append(name)
        return names
    if isinstance(question, Single):
        shape, values = ("single", "identifier"), [question.answer]
    elif isinstance(question, Multiple):
        shape, values = ("multiple", "identifier"), list(question.answer)
    elif isinstance(question, Judge):
        shape, values = ("single", "identifier"), ["T" if question.answer else "F"]
    elif isinstance(question, Order):
        shape, values = ("ordered", "identifier"), [f"I{n}" for n in range(1, len(question.items) + 1)]
    else:
        assert isinstance(question, Match)
        shape, values = ("multiple", "directedPair"), [f"L{n} R{n}" for n in range(1, len(question.pairs) + 1)]
    declaration = _sub(root, "responseDeclaration", identifier="RESPONSE", cardinality=shape[0], baseType=shape[1])
    correct = _sub(declaration, "correctResponse")
    for value in values:
        _value(correct, value)
    return ["RESPONSE"]


def _interaction(body: ET.Element, question: QuestionBase, shuffle: bool) -> None:
    if isinstance(question, Blank):
        longest = {index: max(len(text) for text in texts) for index, texts in enumerate(question.answer)}

        def slot(index: int) -> ET.Element:
            return ET.Element(_q("textEntryInteraction"), responseIdentifier=f"RESPONSE_{index + 1}",
                              expectedLength=str(longest.get(index, 4) + 2))

        append_html(body, blank_stem_html(question.stem), slot=slot)
        return
    append_html(_sub(body, "div", class_="stem"), md_to_html(question.stem))
    if isinstance(question, (Single, Multiple, Judge)):
        if isinstance(question, Judge):
            choices, mixed, most = [("T", "正确"), ("F", "错误")], "false", "1"
        else:
            choices = [(LETTERS[i], md_inline(option)) for i, option in enumerate(question.options)]
            mixed, most = str(shuffle).lower(), "1" if isinstance(question, Single) else "0"
        interaction = _sub(body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle=mixed, maxChoices=most)
        for identifier, content in choices:
            append_html(_sub(interaction, "simpleChoice", identifier=identifier), content)
    elif isinstance(question, Order):
        interaction = _sub(body, "orderInteraction", responseIdentifier="RESPONSE", shuffle="true")
        for n, text in enumerate(question.items, 1):
            append_html(_sub(interaction, "simpleChoice", identifier=f"I{n}"), md_inline(text))
    elif isinstance(question, Match):
        count = len(question.pairs)
        interaction = _sub(body, "matchInteraction", responseIdentifier="RESPONSE", shuffle="true",
                           maxAssociations=str(count))
        for side, prefix in ((0, "L"), (1, "R")):
            match_set = _sub(interaction, "simpleMatchSet")
            for n, pair in enumerate(question.pairs, 1):
                choice = _sub(match_set, "simpleAssociableChoice", identifier=f"{prefix}{n}", matchMax="1")
                append_html(choice, md_inline(pair[side]))


def _processing(root: ET.Element, question: QuestionBase, responses: list[str]) -> None:
    """All or nothing: SCORE is the question's points when the whole response is right."""
    processing = _sub(root, "responseProcessing")
    condition = _sub(processing, "responseCondition")
    branch = _sub(condition, "responseIf")
    if isinstance(question, Blank):
        test = _sub(branch, "and")
        for name in responses:
            at_least = _sub(test, "gte")
            _sub(at_least, "mapResponse", identifier=name)
            _sub(at_least, "baseValue", baseType="float").text = "1"
    else:
        test = _sub(branch, "match")
        _sub(test, "variable", identifier="RESPONSE")
        _sub(test, "correct", identifier="RESPONSE")
    _set(branch, "SCORE", "float", f"{question.points:g}")
    _set(_sub(condition, "responseElse"), "SCORE", "float", "0")
    if question.explain:
        _set(processing, "FEEDBACK", "identifier", "EXPLAIN")


def _set(parent: ET.Element, name: str, base: str, value: str) -> None:
    setter = _sub(parent, "setOutcomeValue", identifier=name)
    _sub(setter, "baseValue", baseType=base).text = value


def assessment_test(bank: QuizBank, bank_id: str) -> ET.Element:
    """The bank's settings as an assessmentTest over its items."""
    root = ET.Element(_q("assessmentTest"), {
        "xmlns": NS, f"{{{XSI}}}schemaLocation": QTI_SCHEMA, "identifier": f"test-{bank_id}", "title": bank.title,
    })
    for name, base in (("SCORE", "float"), ("MAXSCORE", "float"), ("PASS", "boolean")):
        _sub(root, "outcomeDeclaration", identifier=name, cardinality="single", baseType=base)
    if bank.time_limit:
        _sub(root, "timeLimits", maxTime=f"{bank.time_limit * 60:g}")
    part = _sub(root, "testPart", identifier="part-1", navigationMode="linear",
                submissionMode="simultaneous" if bank.mode == "exam" else "individual")
    section = _sub(part, "assessmentSection", identifier="section-1", title=bank.title, visible="true")
    if bank.draw and not bank.blueprint:
        _sub(section, "selection", select=str(bank.draw))
    if bank.shuffle_questions:
        _sub(section, "ordering", shuffle="true")
    if not bank.blueprint:
        _refs(section, bank.questions)
    for number, (select, pool) in enumerate(blueprint_pools(bank), 1):
        if select == 0 or not pool:
            continue
        # invisible and not kept together: the outer shuffle mixes the quotas' questions
        quota = _sub(section, "assessmentSection", identifier=f"quota-{number}", title=f"{bank.title} {number}",
                     visible="false", keepTogether="false")
        _sub(quota, "selection", select=str(min(select, len(pool))))
        if bank.shuffle_questions:
            _sub(quota, "ordering", shuffle="true")
        _refs(quota, pool)
    _outcome_processing(root, bank.pass_mark)
    return root


def _refs(section: ET.Element, questions: list[Any]) -> None:
    for question in questions:
        if isinstance(question, Case):
            case = _sub(section, "assessmentSection", identifier=f"case-{question.id}", title=question.id,
                        visible="true", keepTogether="true")
            for sub in question.questions:
                _item_ref(case, sub)
        else:
            _item_ref(section, question)


def blueprint_pools(bank: QuizBank) -> list[tuple[int, list[Any]]]:
    """(how many to select, from which questions) per quota, then for the rest of ``draw``.

    Each question goes to one quota: first every quota gets ``count`` questions, the scarcest
    quota choosing first among the questions that fit the fewest quotas; then each remaining
    question joins the first quota it fits, or the rest; the rest takes spare questions from
    the quotas when it has fewer than it must select."""
    quotas: list[Quota] = list(bank.blueprint)
    if not quotas:
        return []
    fits = {id(q): [i for i, quota in enumerate(quotas) if quota_matches(quota, q)] for q in bank.questions}
    pools: list[list[Any]] = [[] for _ in quotas]
    placed: set[int] = set()
    for index in sorted(range(len(quotas)), key=lambda i: sum(i in f for f in fits.values())):
        candidates = [q for q in bank.questions if index in fits[id(q)] and id(q) not in placed]
        candidates.sort(key=lambda q: len(fits[id(q)]))  # stable: bank order among equals
        for question in candidates[: quotas[index].count]:
            pools[index].append(question)
            placed.add(id(question))
    rest: list[Any] = []
    for question in bank.questions:
        if id(question) in placed:
            continue
        (pools[fits[id(question)][0]] if fits[id(question)] else rest).append(question)
    order = {id(q): n for n, q in enumerate(bank.questions)}
    wanted = sum(quota.count for quota in quotas)
    remainder = max(0, (bank.draw or wanted) - wanted)
    # the engine fills up draw from every question not drawn yet; here the rest section can
    # only draw from its own pool, so it takes spare questions from the fullest quotas
    while len(rest) < remainder:
        spare = max(range(len(quotas)), key=lambda i: len(pools[i]) - quotas[i].count)
        if len(pools[spare]) <= quotas[spare].count:
            break
        rest.append(pools[spare].pop())
    return [(quota.count, sorted(pool, key=lambda q: order[id(q)])) for quota, pool in zip(quotas, pools)] + [
        (remainder, sorted(rest, key=lambda q: order[id(q)]))]


def _item_ref(section: ET.Element, question: QuestionBase) -> None:
    _sub(section, "assessmentItemRef", identifier=item_identifier(question), href=f"items/{question.id}.xml")


def _outcome_processing(root: ET.Element, pass_mark: float) -> None:
    processing = _sub(root, "outcomeProcessing")
    for name in ("SCORE", "MAXSCORE"):
        total = _sub(_sub(processing, "setOutcomeValue", identifier=name), "sum")
        _sub(total, "testVariables", variableIdentifier=name)
    passed = _sub(_sub(processing, "setOutcomeValue", identifier="PASS"), "gte")
    percent = _sub(passed, "product")
    ratio = _sub(percent, "divide")
    _sub(ratio, "variable", identifier="SCORE")
    _sub(ratio, "variable", identifier="MAXSCORE")
    _sub(percent, "baseValue", baseType="float").text = "100"
    _sub(passed, "baseValue", baseType="float").text = f"{pass_mark:g}"


def _manifest(bank: QuizBank, bank_id: str, item_files: list[str]) -> bytes:
    def cp(tag: str) -> str:
        return tag

    root = ET.Element(cp("manifest"), {"xmlns": CP, "identifier": f"manifest-{bank_id}",
                                       f"{{{XSI}}}schemaLocation": CP_SCHEMA})
    metadata = ET.SubElement(root, cp("metadata"))
    ET.SubElement(metadata, cp("schema")).text = "QTIv2.1 Package"
    ET.SubElement(metadata, cp("schemaversion")).text = "1.0.0"
    ET.SubElement(root, cp("organizations"))
    resources = ET.SubElement(root, cp("resources"))
    test = ET.SubElement(resources, cp("resource"), identifier=f"test-{bank_id}",
                         type="imsqti_test_xmlv2p1", href="test.xml")
    ET.SubElement(test, cp("file"), href="test.xml")
    identifiers = [f"item-{name.removeprefix('items/').removesuffix('.xml')}" for name in item_files]
    for identifier in identifiers:
        ET.SubElement(test, cp("dependency"), identifierref=identifier)
    for identifier, name in zip(identifiers, item_files):
        resource = ET.SubElement(resources, cp("resource"), identifier=identifier,
                                 type="imsqti_item_xmlv2p1", href=name)
        ET.SubElement(resource, cp("file"), href=name)
    return _serialise(root)
