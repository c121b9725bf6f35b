"""The case tables that the browser engine and the Python side both pass (tests/data/).

Each rule implemented twice is checked here on the Python side and in tests/js/ on the browser
side with the same table: blank normalisation (generator/grading/rules.py ↔ quiz/24-blank.js),
local image URLs (generator/render/text.py ↔ quiz/70-wrongbook.js). The grading table has its own test
(tests/grading/test_exam_grading.py ↔ tests/js/exam-grading.test.js), the LX2 result code its own too
(tests/results/test_lx2_cases.py ↔ tests/js/lx2-code.test.js). The LX1 table is kept on the Python side
alone: the browser no longer writes LX1, but codes already handed in are still read.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from paths import TESTS

from generator.grading.rules import norm
from generator.render.text import is_local_url
from generator.results.code import decode_result_code, encode_result_code

DATA = TESTS / "data"


def _table(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


CODES = _table("result_codes.json")["codes"]


@pytest.mark.parametrize("row", CODES, ids=[row["name"] for row in CODES])
def test_result_code_decodes_to_its_payload_and_encodes_back(row: dict[str, Any]) -> None:
    code = decode_result_code(row["code"])
    assert code.payload() == row["payload"]
    assert encode_result_code(row["payload"]) == row["code"]


def test_result_code_table_covers_every_base64_tail() -> None:
    assert {len(row["code"].split(".")[1]) % 4 for row in CODES} == {0, 2, 3}


@pytest.mark.parametrize(("text", "expected"), _table("blank_normalisation.json")["normalised"])
def test_blank_normalisation(text: str, expected: str) -> None:
    assert norm(text) == expected


@pytest.mark.parametrize(("url", "local"), _table("local_urls.json")["local"])
def test_local_image_urls(url: str, local: bool) -> None:
    assert is_local_url(url) is local
