"""The one grading table (tests/data/grading_cases.json), on the trainer's side.

tests/js/exam-grading.test.js runs the same table through the browser engine, so the
browser's practice grading and `lunxun results` agree on every case.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from paths import TESTS

from generator.grading.attempt import Grader, Mismatch
from generator.grading.key import shipped_order, to_authored
from generator.grading.prng import mulberry32, presentation, presented_ids, shuffle
from generator.grading.rules import is_right, score
from generator.model import QuizBank
from generator.render.quiz import bank_json, page_bank_json

TABLE = json.loads((TESTS / "data" / "grading_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["name"] for c in TABLE["cases"]])
def test_every_case_of_the_table(case: dict[str, Any]) -> None:
    assert is_right(case["question"], case["answer"]) is case["right"]


def test_prng_and_shuffle_match_the_engine() -> None:
    for seed, floats in TABLE["prng"]["floats"]:
        r = mulberry32(seed)
        assert [r() for _ in floats] == floats
    for seed, order in TABLE["prng"]["shuffles"]:
        assert shuffle(range(len(order)), mulberry32(seed)) == order


@pytest.mark.parametrize("draw", TABLE["draws"], ids=lambda d: f"seed{d['seed']}-{d['bank']['shuffleQuestions']}")
def test_draw_and_shuffles_from_a_seed(draw: dict[str, Any]) -> None:
    assert presentation(draw["bank"], draw["seed"]) == (draw["order"], draw["perms"])


def test_blueprint_draws_what_it_asks() -> None:
    bank = TABLE["draws"][0]["bank"]
    for seed in range(200):
        order, _ = presentation(bank, seed)
        assert len(order) == 5 and len(set(order)) == 5
        assert "c1" in order  # the case quota
        assert len({"q1", "q2", "q3"} & set(order)) >= 2  # two with ref ting or ting#…


def test_scores_round_half_up_like_math_round() -> None:
    for points, possible, percent in TABLE["scores"]:
        assert score(points, possible) == percent
    assert score(1, 8) == 12.5 and score(0.125, 1) == 12.5  # not banker's rounding


def _bank(**extra: Any) -> QuizBank:
    return QuizBank.model_validate({"title": "结业考试", "mode": "exam", "draw": 3, **extra, "questions": [
        {"id": "s1", "type": "single", "stem": "问", "options": ["甲", "乙", "丙"], "answer": "B", "explain": "因为乙"},
        {"id": "o1", "type": "order", "stem": "排", "items": ["听", "辨", "调", "结"], "points": 2},
        {"id": "m1", "type": "match", "stem": "配", "pairs": [["甲", "一"], ["乙", "二"], ["丙", "三"]]},
        {"id": "b1", "type": "blank", "stem": "填 ____", "answer": [["情"]]},
    ]})


def test_exam_defaults_to_trainer_grading_and_practice_cannot() -> None:
    assert _bank().trainer_graded
    assert not _bank(grading="browser").trainer_graded
    practice = {"title": "练", "questions": [{"id": "j", "type": "judge", "stem": "x", "answer": True}]}
    assert not QuizBank.model_validate(practice).trainer_graded
    with pytest.raises(ValueError, match="grading: trainer 只能用于 mode: exam"):
        QuizBank.model_validate({"title": "练", "grading": "trainer", "questions": [
            {"id": "j", "type": "judge", "stem": "x", "answer": True}]})


def test_page_json_of_a_trainer_graded_bank_has_no_key() -> None:
    keyed, page = bank_json("e", _bank()), page_bank_json("e", _bank())
    text = json.dumps(page, ensure_ascii=False)
    for word in ("answer", "explain", "因为乙", "情"):
        assert word not in text
    shipped = {q["id"]: q for q in page["questions"]}
    assert shipped["b1"]["blanks"] == 1
    assert sorted(shipped["o1"]["items"]) == sorted(keyed["questions"][1]["items"])
    assert [left for left, _ in shipped["m1"]["pairs"]] == ["甲", "乙", "丙"]
    assert page["version"] == keyed["version"]
    assert page_bank_json("e", _bank(grading="browser")) == bank_json("e", _bank(grading="browser"))


def test_shipped_order_depends_on_the_texts_only() -> None:
    items = ["听", "辨", "调", "结"]
    order = shipped_order(items)
    shipped = [items[k] for k in order]
    assert shipped_order(sorted(items)) == [sorted(items).index(x) for x in shipped]  # same shipped list
    assert to_authored({"type": "order", "items": items}, list(range(4))) == order


def test_version_ignores_typos_but_not_keys() -> None:
    base = bank_json("e", _bank())["version"]
    fixed = _bank().model_copy(update={"title": "结业考试（修订）"})
    assert bank_json("e", fixed)["version"] == base
    changed = QuizBank.model_validate({**_bank().model_dump(exclude_none=True), "pass_mark": 80})
    assert bank_json("e", changed)["version"] != base


def test_trainer_regrades_a_shipped_response() -> None:
    keyed = bank_json("e", _bank())
    grader = Grader(keyed, shipped=True)
    order, _ = presentation(keyed, 7)
    ids = presented_ids(keyed, order)
    page = {q["id"]: q for q in page_bank_json("e", _bank())["questions"]}
    answers: dict[str, Any] = {}
    for qid in ids:  # answer everything right, in shipped indexes
        if qid == "s1":
            answers[qid] = "B"
        elif qid == "b1":
            answers[qid] = ["情"]
        elif qid == "o1":
            answers[qid] = [page["o1"]["items"].index(x) for x in ["听", "辨", "调", "结"]]
        elif qid == "m1":
            rights = [right for _, right in page["m1"]["pairs"]]
            answers[qid] = [rights.index(x) for x in ["一", "二", "三"]]
    graded = grader.grade(7, answers, ids)
    assert graded.score == 100.0 and graded.passed
    assert grader.grade(7, {}, ids).score == 0.0
    with pytest.raises(Mismatch):
        grader.grade(7, answers, list(reversed(ids)))
    with pytest.raises(Mismatch):
        grader.grade(7, {"nope": "A"}, ids)


def test_the_fast_generator_is_the_reference_one() -> None:
    from generator.grading.prng import Mulberry32

    for seed in (0, 1, 2026, 4294967295):
        fast, slow = Mulberry32(seed), mulberry32(seed)
        assert [fast() for _ in range(5)] == [slow() for _ in range(5)]
        assert fast.shuffle(range(30)) == shuffle(range(30), slow)
        assert fast() == slow()  # both advanced alike
