"""The LE1 and LA1 case table (tests/data/rotation_code_cases.json) shared with
tests/js/rotation-codes.test.js: each payload and the code the Python encoder writes for it;
the browser (assets/rotation/10-short-code.js) must write the same text and Python must read
every field back. Regenerate after a deliberate format change with
``.venv/bin/python tests/rotation/test_rotation_code_cases.py``; the test fails while they differ.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
from paths import TESTS

from generator.results.tickets import ticket_key
from generator.rotation.evaluation_code import decode_evaluation_code, encode_evaluation_code
from generator.rotation.rollcall_code import decode_rollcall_code, encode_rollcall_code

TABLE = TESTS / "data" / "rotation_code_cases.json"

EVALUATIONS: list[tuple[str, dict[str, Any]]] = [
    ("anonymous, all rated", {"cohort_tag": 0x12345678, "schedule_tag": 0x9ABCDEF0, "minutes": 29_600_000,
                              "ratings": [[5, 4, 3], [2, 1, 5]], "overall": 4, "comment": "多讲案例"}),
    ("nothing rated but overall", {"cohort_tag": 0, "schedule_tag": 0xFFFFFFFF, "minutes": 0,
                                   "ratings": [[0, 0, 0]] * 7, "overall": 1, "comment": ""}),
    ("ticketed, long mixed comment", {"cohort_tag": 1, "schedule_tag": 2, "minutes": 4_294_967_295,
                                      "ratings": [[3, 3, 3]] * 12, "overall": 5,
                                      "comment": "课程安排合理 ok! 希望增加现场观摩。😀 é" * 3,
                                      "ticket": ["0107", "ABCDE-FGH1K"]}),
    ("no sessions", {"cohort_tag": 7, "schedule_tag": 8, "minutes": 9, "ratings": [], "overall": 3, "comment": "a"}),
]
ROLLCALLS: list[tuple[str, dict[str, Any]]] = [
    ("one session, all marks", {"cohort_tag": 0xCAFEBABE, "schedule_tag": 0x0BADF00D, "minutes": 29_600_001, "seats": 6,
                                "marks": {"3": {"1": "到", "2": "迟到", "3": "早退", "4": "请假", "5": "缺勤"}}}),
    ("ninety seats, three sessions", {"cohort_tag": 1, "schedule_tag": 2, "minutes": 3, "seats": 90,
                                      "marks": {str(n): {str(s): ["到", "缺勤", "请假"][(s + n) % 3]
                                                         for s in range(1, 91) if s % 7} for n in (1, 2, 14)}}),
    ("one seat", {"cohort_tag": 5, "schedule_tag": 6, "minutes": 7, "seats": 1, "marks": {"1": {"1": "到"}}}),
]


def _evaluation(payload: dict[str, Any]) -> str:
    ticket = payload.get("ticket")
    fields = {k: v for k, v in payload.items() if k != "ticket"}
    return encode_evaluation_code(**{**fields, "ratings": [tuple(t) for t in fields["ratings"]]},
                                  key=ticket_key(*ticket) if ticket else None)


def _rollcall(payload: dict[str, Any]) -> str:
    marks = {int(n): {int(s): m for s, m in row.items()} for n, row in payload["marks"].items()}
    return encode_rollcall_code(**{**payload, "marks": marks})


def table() -> dict[str, Any]:
    return {"evaluations": [{"name": n, "payload": p, "code": _evaluation(p)} for n, p in EVALUATIONS],
            "rollcalls": [{"name": n, "payload": p, "code": _rollcall(p)} for n, p in ROLLCALLS]}


def test_table_is_what_the_encoder_writes() -> None:
    assert json.loads(TABLE.read_text(encoding="utf-8")) == table()


@pytest.mark.parametrize("index", range(len(EVALUATIONS)))
def test_evaluation_codes_read_back(index: int) -> None:
    payload = EVALUATIONS[index][1]
    code = decode_evaluation_code(_evaluation(payload))
    assert [list(t) for t in code.ratings] == payload["ratings"]
    assert (code.overall, code.comment, code.minutes) == (payload["overall"], payload["comment"], payload["minutes"])
    assert (code.cohort_tag, code.schedule_tag) == (payload["cohort_tag"], payload["schedule_tag"])
    ticket = payload.get("ticket")
    assert code.ticketed is bool(ticket)
    assert code.verifies(ticket_key(*ticket)) if ticket else code.verifies()
    if ticket:  # another ticket, or the public key, does not verify it
        assert not code.verifies() and not code.verifies(ticket_key("0108", ticket[1]))


@pytest.mark.parametrize("index", range(len(ROLLCALLS)))
def test_rollcall_codes_read_back(index: int) -> None:
    payload = ROLLCALLS[index][1]
    code = decode_rollcall_code(_rollcall(payload))
    assert {str(n): {str(s): m for s, m in row.items()} for n, row in code.marks.items()} == payload["marks"]
    assert (code.seats, code.minutes) == (payload["seats"], payload["minutes"])


if __name__ == "__main__":
    TABLE.write_text(json.dumps(table(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    sys.exit(0)
