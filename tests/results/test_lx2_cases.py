"""The LX2 case table (tests/data/lx2_cases.json) shared with tests/js/lx2-code.test.js.

Each case is a payload and the code the Python encoder writes for it; the browser engine
(quiz/52-result-code.js) must write the same string, and the Python decoder must read every
field back. Regenerate the table after a deliberate format change with
``.venv/bin/python tests/results/test_lx2_cases.py``; the test below fails while table and encoder differ.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
from paths import TESTS

from generator.results.exam_code import (
    PUBLIC_KEY,
    Slot,
    bank_tag,
    decode_exam_code,
    encode_exam_code,
    version_tag,
)
from generator.results.tickets import ticket_key

TABLE = TESTS / "data" / "lx2_cases.json"

_SLOTS = [
    {"id": "s1", "type": "single", "size": 4},
    {"id": "m1", "type": "multiple", "size": 5},
    {"id": "j1", "type": "judge", "size": 2},
    {"id": "b1", "type": "blank", "size": 2},
    {"id": "o1", "type": "order", "size": 4},
    {"id": "x1", "type": "match", "size": 3},
]

# name, fields of encode_exam_code (key as text: the browser derives it from what was typed)
_CASES: list[tuple[str, dict[str, Any]]] = [
    ("everything answered, self-declared", {
        "bank_id": "shuji-lunxun-jieye", "version": "3fa0c2d91b7e", "seed": 123456789,
        "started": 1764547200, "finished": 1764548800, "name": "张三", "unit": "红旗村", "trainee_id": "A-07",
        "slots": _SLOTS, "answers": {"s1": "C", "m1": "ADE", "j1": 1, "b1": ["村务公开", "3"], "o1": [2, 0, 3, 1],
                                     "x1": [1, None, 0]}}),
    ("nothing answered", {
        "bank_id": "practice-1", "version": "00000000ffff", "seed": 0, "started": 0, "finished": 0,
        "slots": _SLOTS, "answers": {}}),
    ("judge 错误, one blank left out, order partly given", {
        "bank_id": "b", "version": "ffffffff", "seed": 4294967295, "started": 4294967295, "finished": 4294967000,
        "name": "Li", "slots": _SLOTS, "answers": {"j1": 0, "b1": ["x"], "o1": [1], "x1": [None, None, None]}}),
    ("ticketed, with a sitting code", {
        "bank_id": "shuji-lunxun-jieye", "version": "a1b2c3d4", "seed": 42, "started": 1764547200,
        "finished": 1764549000, "ticket": "2026-0017", "sitting": "KC7Q", "key": ticket_key("2026-0017", "7K2QM-9XW4P"),
        "slots": _SLOTS, "answers": {"s1": "A", "m1": "B"}}),
    ("non-BMP and Latin-1 text, long duration", {
        "bank_id": "长名字题库", "version": "0123abcd", "seed": 7, "started": 1000, "finished": 1000 + 3 * 86400,
        "name": "é😀", "unit": "ÿ", "trainee_id": "\u3400", "slots": [{"id": "b", "type": "blank", "size": 1}],
        "answers": {"b": ["𠀀 ok"]}}),
    ("one-option single, 8-option multiple, 1-item order", {
        "bank_id": "edge", "version": "deadbeef", "seed": 99, "started": 5, "finished": 6,
        "slots": [{"id": "a", "type": "single", "size": 1}, {"id": "b", "type": "multiple", "size": 8},
                  {"id": "c", "type": "order", "size": 1}, {"id": "d", "type": "match", "size": 8}],
        "answers": {"a": "A", "b": "ABCDEFGH", "c": [0], "d": [7, 6, 5, 4, 3, 2, 1, 0]}}),
    ("a key longer than the SHA-512 block", {
        "bank_id": "k", "version": "12345678", "seed": 1, "started": 2, "finished": 3, "key": b"k" * 200,
        "slots": [{"id": "s", "type": "single", "size": 3}], "answers": {"s": "B"}}),
]


def _encode(fields: dict[str, Any]) -> str:
    args = dict(fields)
    args["slots"] = [Slot(**slot) for slot in fields["slots"]]
    return encode_exam_code(**args)


def build_table() -> dict[str, Any]:
    rows = []
    for name, fields in _CASES:
        key = fields.get("key", PUBLIC_KEY)
        payload = {k: v for k, v in fields.items() if k != "key"}
        payload["key"] = key.decode("utf-8")
        payload["bank_tag"] = bank_tag(fields["bank_id"])  # the build hands the browser these two tags
        payload["version_tag"] = version_tag(fields["version"])
        rows.append({"name": name, "payload": payload, "code": _encode(fields)})
    return {"about": "LX2 result codes: payload → code as generator/results/exam_code.py writes it; "
                     "tests/results/test_lx2_cases.py writes and checks this table, "
                     "tests/js/lx2-code.test.js encodes it in JS",
            "cases": rows}


def _rows() -> list[dict[str, Any]]:
    return json.loads(TABLE.read_text(encoding="utf-8"))["cases"]


def test_table_is_what_the_encoder_writes() -> None:
    assert json.loads(TABLE.read_text(encoding="utf-8")) == build_table()


@pytest.mark.parametrize("index", range(len(_CASES)), ids=[name for name, _ in _CASES])
def test_python_decodes_each_code(index: int) -> None:
    row = _rows()[index]
    p, code = row["payload"], decode_exam_code(row["code"])
    assert row["code"].startswith("LX2") and row["code"].isalnum() and row["code"] == row["code"].upper()
    assert (code.bank_tag, code.version_tag, code.seed, code.started, code.finished) == \
        (bank_tag(p["bank_id"]), version_tag(p["version"]), p["seed"], p["started"], p["finished"])
    assert (code.ticket, code.name, code.unit, code.trainee_id, code.sitting) == \
        tuple(p.get(k, "") for k in ("ticket", "name", "unit", "trainee_id", "sitting"))
    assert code.verifies(p["key"].encode("utf-8"))
    assert not code.verifies(b"another key")
    slots = [Slot(**slot) for slot in p["slots"]]
    expected = {k: v for k, v in p["answers"].items() if v not in (None, "")}
    assert code.responses(slots) == {k: (v + [""] * (s.size - len(v)) if s.type == "blank" else v)
                                     for s in slots for k, v in expected.items() if k == s.id}


if __name__ == "__main__":
    TABLE.write_text(json.dumps(build_table(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    sys.exit(0)
