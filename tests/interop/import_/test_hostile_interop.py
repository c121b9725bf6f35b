"""Random and mutated spreadsheets, GIFT files and result codes: a result or positioned problems.

Never a traceback, never a hang, never a half-written file.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paths import TESTS

from generator.cli import main
from generator.results.code import InvalidCode, decode_result_code, encode_result_code

SAMPLE = TESTS / "projects" / "sample"
PLACE = re.compile(r"^\S+:\d+:\d+: ")
CSV = (
    "题型,题干,选项A,选项B,选项C,答案,解析,难度,知识点\n"
    "单选题,第一步是？,听,办,访,A,先听,易,tingqing#ting\n"
    "多选题,哪些是步骤？,听,办,拖,AB,,中,\n"
    "判断题,办结后要回访。,,,,对,,难,回访\n"
    "填空题,三步：____、办、____。,,,,听|访/回访,,1,\n"
)
GIFT = (
    "$CATEGORY: $course$/top/听情\n\n"
    "::q1::第一步是？{=听 ~办 ~访 ####先听}\n\n"
    "::q2::办结后要回访。{T}\n\n"
    "::q3::哪些是步骤？{~%50%听 ~%50%办 ~%-100%拖}\n\n"
    "::q4::配对{=听 -> 上门 =办 -> 马上办}\n"
)
BITS = [",", "\n", '"', "|", "/", "{", "}", "=", "~", "#", "::", "->", "%", "\\", "\ufeff", "\u3000",
        "Ｂ", "错", "____", "单选题", "\r\n", "$CATEGORY:", "//"]
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def mutate(text: str, mutations: list[tuple[int, int, str]]) -> str:
    for position, cut, insert in mutations:
        position %= len(text) + 1
        text = text[:position] + insert + text[position + cut:]
    return text


mutations = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 6), st.sampled_from(BITS)), max_size=4)


def run_import(tmp: Path, name: str, data: bytes, capsys) -> None:
    project = tmp / "project"
    if not project.exists():
        shutil.copytree(SAMPLE, project)
    source = tmp / name
    source.write_bytes(data)
    target = project / "quizzes" / "daoru.yaml"
    target.unlink(missing_ok=True)
    started = time.perf_counter()
    code = main(["import", str(source), "-o", str(target), "--root", str(project)])
    assert time.perf_counter() - started < 10
    err = capsys.readouterr().err
    if code == 0:
        assert main(["check", "--root", str(project)]) == 0  # what it writes passes the check
        capsys.readouterr()
    else:
        assert code == 1 and not target.exists(), err
        problems = [line for line in err.splitlines() if PLACE.match(line)]
        assert problems or err.strip(), err


@SETTINGS
@given(mutations)
def test_mutated_spreadsheet_csv(tmp_path_factory, capsys, changes) -> None:
    run_import(tmp_path_factory.mktemp("csv"), "bank.csv", mutate(CSV, changes).encode("utf-8"), capsys)


@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_as_spreadsheet(tmp_path_factory, capsys, data: bytes) -> None:
    run_import(tmp_path_factory.mktemp("bin"), "bank.xlsx", data, capsys)


@SETTINGS
@given(mutations)
def test_mutated_gift(tmp_path_factory, capsys, changes) -> None:
    run_import(tmp_path_factory.mktemp("gift"), "bank.gift.txt", mutate(GIFT, changes).encode("utf-8"), capsys)


VALID = encode_result_code({"v": 1, "b": "tingqing-lianxi", "bv": "abc", "s": 7, "n": "张三", "u": "某村", "i": "",
                            "q": ["q1"], "a": {"q1": "A"}, "r": {"q1": 1}, "p": 1, "m": 1, "sc": 100.0, "ok": 1,
                            "t": 30, "f": 1790000000})


@settings(max_examples=300, deadline=1000)
@given(st.one_of(st.text(max_size=300), st.lists(st.tuples(st.integers(0, 400), st.integers(0, 3),
                                                          st.sampled_from(list("Aa0_-.=+/ \n") + ["LX1."])),
                                                max_size=3).map(lambda m: mutate(VALID, m))))
def test_result_code_decoder_accepts_or_explains(text: str) -> None:
    try:
        decoded = decode_result_code(text)
    except InvalidCode as error:
        assert str(error)
    else:
        assert decoded.b and isinstance(decoded.q, list)
