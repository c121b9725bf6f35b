"""Random and mutated input never crashes or hangs the loader and checks: success or problems."""

from __future__ import annotations

import shutil
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paths import TESTS

from generator.check import check_project
from generator.loading.load import MAX_DEPTH, load_file, load_text
from generator.loading.project import load_project
from generator.problems import Problem

SAMPLE = TESTS / "projects" / "sample"
BANK = (SAMPLE / "quizzes" / "tingqing-lianxi.yaml").read_text(encoding="utf-8")
METHOD = (SAMPLE / "content" / "methods" / "tingqing.yaml").read_text(encoding="utf-8")
YAML_BITS = [":", "- ", "[", "]", "{", "}", "&a ", "*a", "<<: ", "\t", "\n", "  ", "'", '"', "#", "!!",
             "\u3000", "\ufeff", "\r\n", "答案", "---", "…", "%", "@", "`", "|", ">"]


def assert_positions(problems: list[Problem], text: str) -> None:
    lines = text.count("\n") + 2
    for problem in problems:
        assert 1 <= problem.line <= lines, problem
        assert problem.col >= 1, problem
        assert problem.message


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_gives_data_or_problems(text: str) -> None:
    doc, problems = load_text(text, "x.yaml")
    assert doc is not None or problems
    assert_positions(problems, text)


mutation = st.tuples(st.integers(min_value=0, max_value=len(BANK)), st.integers(0, 8), st.sampled_from(YAML_BITS))


@settings(max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(mutation, min_size=1, max_size=4))
def test_mutated_bank_through_the_whole_check(tmp_path_factory, mutations) -> None:
    text = BANK
    for position, cut, insert in mutations:
        text = text[:position] + insert + text[position + cut:]
    project = tmp_path_factory.mktemp("p")
    shutil.copytree(SAMPLE, project, dirs_exist_ok=True)
    (project / "quizzes" / "tingqing-lianxi.yaml").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    loaded, problems = load_project(project)
    problems += check_project(loaded)
    assert time.perf_counter() - started < 5
    assert_positions([p for p in problems if p.file.startswith("quizzes/")], text)


@settings(max_examples=100, deadline=2000)
@given(st.binary(max_size=300))
def test_any_bytes_from_disk(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("b") / "x.yaml"
    path.write_bytes(data)
    doc, problems = load_file(path, "x.yaml")
    assert doc is not None or problems


def test_deep_nesting_is_refused_quickly() -> None:
    for text in ("[" * 5000 + "]" * 5000, "a:\n" + "".join(" " * n + "b:\n" for n in range(1, 400))):
        started = time.perf_counter()
        doc, problems = load_text(text, "deep.yaml")
        assert time.perf_counter() - started < 2
        assert doc is None and f"嵌套层数过深（超过 {MAX_DEPTH} 层）" in problems[0].message


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 12)]
    started = time.perf_counter()
    doc, problems = load_text("\n".join(lines), "bomb.yaml")
    assert time.perf_counter() - started < 2
    assert doc is None and "别名展开过多" in problems[0].message


def test_huge_file_is_refused_without_parsing() -> None:
    doc, problems = load_text("a: " + "很" * 3_000_000, "huge.yaml")
    assert doc is None and "拒绝读取" in problems[0].message


def test_large_but_valid_method_still_loads() -> None:
    extra = "".join(f"  - {{id: s{n}, name: 步骤{n}, gist: 说明。}}\n" for n in range(2000))
    doc, problems = load_text(METHOD.replace("steps:\n", "steps:\n" + extra, 1), "m.yaml")
    assert problems == []
    assert doc is not None and len(doc.data["steps"]) == 2003
