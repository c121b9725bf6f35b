"""Unit tests: positions from the loader, normalisation in the models, checks on their own."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from generator.loading.load import load_text
from generator.loading.messages import data_path
from generator.model import QuizBank
from generator.model.programme import parse_span, session_hours
from generator.model.quiz import Blank, Judge, Multiple, Single


def test_every_node_can_be_located_by_its_path() -> None:
    doc, problems = load_text("title: 测验\nquestions:\n  - id: q1\n    options: [听, 辨]\n", "q.yaml")
    assert problems == [] and doc is not None
    assert doc.locate(("title",)) == (1, 8)
    assert doc.locate(("questions", 0, "options", 1)) == (4, 18)
    assert doc.locate(("questions", 0, "options"), key=True) == (4, 5)
    assert doc.locate(("questions", 0, "answer")) == (3, 5)  # missing: its parent mapping


def test_an_anchor_defined_twice_loads_as_yaml_1_2_says_and_can_be_located() -> None:
    """A later ``&a`` replaces the earlier one; PyYAML's own composer refuses such a file, which
    once made reporting any problem in it a traceback (found by tests/loading/test_hostile_input.py)."""
    doc, problems = load_text("x: &a 1\ny: &a 2\nz: *a\nw: [3]\n", "a.yaml")
    assert problems == [] and doc is not None and doc.data == {"x": 1, "y": 2, "z": 2, "w": [3]}
    assert doc.locate(("w", 0)) == (4, 5)
    assert doc.locate(("z",)) == (2, 4)  # an alias is located where the node it stands for is: the later &a


def test_duplicate_keys_are_problems_at_the_repeat() -> None:
    _, problems = load_text("a: 1\nb: 2\na: 3\n", "d.yaml")
    assert [(p.line, p.col, p.path) for p in problems] == [(3, 1, "a")]


def test_dates_numbers_and_booleans_keep_their_yaml_types() -> None:
    doc, _ = load_text("start: 2026-09-01\nhours: 3.5\nordered: false\ntime: 08:30-09:00\n", "t.yaml")
    assert doc is not None
    assert str(doc.data["start"]) == "2026-09-01" and doc.data["hours"] == 3.5
    assert doc.data["ordered"] is False and doc.data["time"] == "08:30-09:00"


@pytest.mark.parametrize("written", ["ACD", "a, c, d", "A、C、D", ["A", "C", "D"], "ＡＣＤ", "DCA"])
def test_multiple_choice_answers_in_every_common_form(written) -> None:
    question = Multiple.model_validate(
        {"id": "q", "type": "multiple", "stem": "s", "options": list("1234"), "answer": written})
    assert question.answer == ["A", "C", "D"]


@pytest.mark.parametrize(("written", "value"), [("对", True), ("错", False), ("正确", True), (True, True), ("×",
                                                                                                            False)])
def test_judge_answers(written, value) -> None:
    assert Judge.model_validate({"id": "q", "type": "judge", "stem": "s", "answer": written}).answer is value


def test_single_choice_takes_exactly_one_letter() -> None:
    with pytest.raises(ValidationError, match="单选题的答案只能是一个字母"):
        Single.model_validate({"id": "q", "type": "single", "stem": "s", "options": ["1", "2"], "answer": "AB"})


def test_blank_answers_short_forms() -> None:
    make = lambda answer: Blank.model_validate({"id": "q", "type": "blank", "stem": "____", "answer": answer})
    assert make("情").answer == [["情"]]
    assert make(["情", ["理", "道理"]]).answer == [["情"], ["理", "道理"]]


def test_bank_defaults_follow_the_format() -> None:
    bank = QuizBank.model_validate({"title": "t", "questions": [{"id": "q", "type": "judge", "stem": "s",
                                                                 "answer": "对"}]})
    assert (bank.mode, bank.pass_mark, bank.shuffle_questions, bank.shuffle_options) == ("practice", 60, True, True)


def test_union_tags_are_dropped_from_error_paths() -> None:
    data = {"questions": [{"type": "single", "answer": "Z"}]}
    assert data_path(data, ("questions", 0, "single", "answer")) == ("questions", 0, "answer")
    assert data_path(data, ("questions", 0, "single", "stem")) == ("questions", 0, "stem")


def test_session_times_and_hours() -> None:
    assert parse_span("08:30-09:00") == (510, 540)
    assert parse_span("8:30-9:00") is None and parse_span("25:00-26:00") is None
    assert session_hours("14:00-17:00", None) == 3.0
    assert session_hours("14:00-17:00", 2) == 2
