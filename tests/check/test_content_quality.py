"""The shipped content: in our own words, keys not guessable by position, every ref resolves.

These tests read the shipped YAML as it is, so a bank or method added later is checked
the same way without anyone touching this file.
"""

from __future__ import annotations

import functools
import math
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from paths import ROOT

COPYCHECK = ROOT.parent / "shared" / "tools" / "copycheck.py"
BANKS = sorted((ROOT / "quizzes").glob("*.yaml"))
# Above this share of a bank's single-choice questions, a trainee who always picks the
# same letter passes wherever options are shown unshuffled (the 错题本 shows them so).
MAX_LETTER_SHARE = 0.4


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _questions(bank: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every question of a bank, a case's sub-questions included, the case itself too."""
    for question in bank.get("questions") or []:
        yield question
        if question.get("type") == "case":
            yield from question.get("questions") or []


@functools.cache  # read once for all banks (a test per bank)
def _steps_by_method() -> dict[str, set[str]]:
    methods: dict[str, set[str]] = {}
    for path in sorted((ROOT / "content" / "methods").glob("*.yaml")):
        method = _read(path)
        methods[method.get("id") or path.stem] = {step["id"] for step in method.get("steps") or []}
    return methods


def letter_limit(singles: int) -> int:
    """How often one letter may be keyed among this many single-choice questions.

    Two questions cannot stay under 40 %; they must then key different letters.
    """
    return max(1, math.floor(singles * MAX_LETTER_SHARE))


def test_letter_limit_allows_forty_percent_and_no_more() -> None:
    assert [letter_limit(n) for n in (1, 2, 3, 5, 10, 17)] == [1, 1, 1, 2, 4, 6]


@pytest.mark.skipif(
    not COPYCHECK.is_file(), reason="../shared/tools/copycheck.py is not beside this checkout"
)
def test_no_passage_is_copied_from_the_sources() -> None:
    run = subprocess.run(
        [sys.executable, str(COPYCHECK), str(ROOT)],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    # copycheck prints each run it finds, then the count; it exits 1 on any run
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip().splitlines()[-1].startswith("0 runs")


def test_the_shipped_banks_are_found() -> None:
    assert BANKS, "no quizzes/*.yaml"


@pytest.mark.parametrize("path", BANKS, ids=[path.stem for path in BANKS])
def test_keyed_letters_are_spread(path: Path) -> None:
    singles = [q for q in _questions(_read(path)) if q.get("type") == "single"]
    if not singles:
        pytest.skip("no single-choice questions")
    keyed = Counter(str(q["answer"]).strip().upper() for q in singles)
    letter, count = keyed.most_common(1)[0]
    assert count <= letter_limit(len(singles)), (
        f"{path.name}: {letter} is keyed {count} times of {len(singles)} single-choice questions "
        f"({dict(sorted(keyed.items()))})"
    )


@pytest.mark.parametrize("path", BANKS, ids=[path.stem for path in BANKS])
def test_every_ref_resolves(path: Path) -> None:
    methods = _steps_by_method()
    broken = []
    for question in _questions(_read(path)):
        ref = question.get("ref")
        if ref is None:
            continue
        method, _, step = str(ref).partition("#")
        if method not in methods or (step and step not in methods[method]):
            broken.append(f"{question.get('id')}: {ref}")
    assert broken == [], f"{path.name}: refs to no method or step: {broken}"
