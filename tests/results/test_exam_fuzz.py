"""`lunxun results` never crashes on a code: hypothesis makes codes through the real encoder
(random answers, identities, times) and raw junk; each is graded or rejected with a reason."""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

from exam_support import Exam
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.results.banks import BankInfo
from generator.results.exam_code import decode_exam_code
from generator.results.regrade import Context, Rejected, verdict

EXAM = Exam()
INFO = BankInfo(EXAM.bank_id, "结业考试", EXAM.keyed["version"], 60, {}, 30, 2, True,
                {EXAM.keyed["version"]: EXAM.grader})
CONTEXT = Context({EXAM.bank_id: INFO})
TEXT = st.text(max_size=12)


@st.composite
def attempts(draw: Any) -> tuple[int, dict[str, Any]]:
    """A seed and answers of every shape the engine can write, each question maybe unanswered."""
    seed = draw(st.integers(0, 2**32 - 1))
    answers: dict[str, Any] = {}
    for q in EXAM.grader.gradables(seed):
        if draw(st.booleans()):
            continue
        kind, n = q["type"], len(q.get("options") or q.get("items") or q.get("pairs") or q.get("answer") or [])
        if kind == "single":
            answers[q["id"]] = draw(st.sampled_from("ABCD"))
        elif kind == "multiple":
            answers[q["id"]] = "".join(sorted(draw(st.sets(st.sampled_from("ABCD"), min_size=1))))
        elif kind == "judge":
            answers[q["id"]] = draw(st.sampled_from([0, 1]))
        elif kind == "blank":
            answers[q["id"]] = [draw(TEXT) for _ in range(n)]
        elif kind == "order":
            answers[q["id"]] = draw(st.permutations(range(n)))[: draw(st.integers(1, n))]
        else:
            answers[q["id"]] = [draw(st.none() | st.integers(0, n - 1)) for _ in range(n)]
    return seed, answers


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(attempts(), TEXT, TEXT, TEXT, st.integers(0, 2**32 - 1), st.integers(-10**6, 10**6))
def test_encoded_attempts_decode_to_what_was_answered(attempt, name, unit, sitting, started, seconds) -> None:
    seed, answers = attempt
    code = EXAM.code(seed=seed, answers=answers, name=name or "某", unit=unit, sitting=sitting,
                     started=started, minutes=max(seconds, -started) / 60)
    try:
        result = verdict(code, CONTEXT)
    except Rejected as error:  # only the name check may refuse a well-formed code
        assert "姓名" in str(error)
        return
    assert result.answers == answers
    assert 0 <= result.score <= 100


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789ABCDEFGHJKMNPQRSTVWXYZ", min_size=0, max_size=300))
def test_random_symbols_are_rejected_with_a_reason(body: str) -> None:
    try:
        verdict("LX2" + body, CONTEXT)
    except Rejected as error:
        assert str(error)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_real_code_with_one_symbol_changed_never_crashes(data) -> None:
    code = EXAM.code(seed=data.draw(st.integers(0, 2**32 - 1)), name="张三", sitting="K7")
    spot = data.draw(st.integers(3, len(code) - 1))
    char = data.draw(st.sampled_from("0123456789ABCDEFGHJKMNPQRSTVWXYZ"))
    changed = code[:spot] + char + code[spot + 1:]
    try:
        verdict(changed, CONTEXT)
    except Rejected:
        return
    assert changed == code  # any real change is caught by the check symbol


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner, max_size=4),
                    max_leaves=20)


LEGACY_FIELDS = ("s", "n", "u", "i", "q", "a", "r", "p", "m", "sc", "ok", "t", "f")


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({"v": st.just(1), "b": st.just(EXAM.bank_id), "bv": st.just(EXAM.keyed["version"])},
                             optional={key: JSON for key in LEGACY_FIELDS}))
def test_legacy_payloads_of_any_shape_are_rejected_or_graded(payload: dict[str, Any]) -> None:
    body = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    try:
        verdict(f"LX1.{body}.{zlib.crc32(body.encode()) & 0xFFFFFFFF:08x}", CONTEXT)
    except Rejected as error:
        assert str(error)


def test_decoded_header_matches() -> None:
    code = EXAM.code(seed=5, name="张三", unit="红旗村", sitting="K7", started=1_800_000_000, minutes=10)
    head = decode_exam_code(code)
    read = (head.seed, head.name, head.unit, head.sitting, head.finished - head.started)
    assert read == (5, "张三", "红旗村", "K7", 600)
